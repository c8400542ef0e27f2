import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { ConfigurationSet, EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import type { MonitoringConfig } from './config';

export interface StatefulStackProps extends StackProps {
  readonly config: MonitoringConfig;
}

/**
 * Everything that holds data or an external verification: it changes rarely and must survive a
 * redeploy of the functions, so it lives in its own stack with termination protection.
 * https://docs.aws.amazon.com/cdk/v2/guide/best-practices.html#best-practices-apps
 */
export class StatefulStack extends Stack {
  public readonly table: Table;
  public readonly configurationSet: ConfigurationSet;
  public readonly emailIdentity: EmailIdentity;

  public constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, { terminationProtection: true, ...props });

    // Single-table design; the name is generated so two deployments (stages) never collide.
    this.table = new Table(this, 'Table', {
      billingMode: BillingMode.PAY_PER_REQUEST,
      partitionKey: { name: 'PK', type: AttributeType.STRING },
      sortKey: { name: 'SK', type: AttributeType.STRING },
      // Expiring items (used tokens, idempotency records) are removed by DynamoDB at no cost.
      timeToLiveAttribute: 'expiresAt',
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.AWS_MANAGED,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: 'GSI1',
      partitionKey: { name: 'GSI1PK', type: AttributeType.STRING },
      sortKey: { name: 'GSI1SK', type: AttributeType.STRING },
    });

    // Every message goes through the configuration set so that sending metrics and reputation are tracked per app.
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
    });

    this.emailIdentity = new EmailIdentity(this, 'SenderIdentity', {
      identity:
        props.config.senderDomain === undefined
          ? Identity.email(props.config.senderEmail)
          : Identity.domain(props.config.senderDomain),
      configurationSet: this.configurationSet,
    });
  }
}
