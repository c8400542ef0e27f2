import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
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
  /** SES bounce, complaint and delivery events of every email sent through the configuration set. */
  public readonly sesEventsTopic: Topic;

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

    // Bounces, complaints and deliveries go to a topic the stateless stack's consumer reads through
    // its queue. The topic is encrypted with a key of ours: SES cannot use the AWS managed SNS key.
    // https://docs.aws.amazon.com/ses/latest/dg/event-publishing-add-event-destination-sns.html
    const sesEventsKey = new Key(this, 'SesEventsKey', {
      description: 'Encrypts the SES event topic of the monitoring app',
      enableKeyRotation: true,
    });
    sesEventsKey.grant(new ServicePrincipal('ses.amazonaws.com'), 'kms:GenerateDataKey*', 'kms:Decrypt');
    this.sesEventsTopic = new Topic(this, 'SesEventsTopic', { masterKey: sesEventsKey, enforceSSL: true });
    this.configurationSet.addEventDestination('SesEvents', {
      destination: EventDestination.snsTopic(this.sesEventsTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.DELIVERY],
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
