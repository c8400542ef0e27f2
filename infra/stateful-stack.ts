import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { ARR_GROUP, STEERING_GROUP } from '../domain/access';
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
  /** The people of ARR's console: ARR staff and steering-group members, created by an administrator. */
  public readonly userPool: UserPool;
  public readonly loginDomain: UserPoolDomain;
  /** The key that encrypts the console's session cookies. */
  public readonly consoleSessionSecret: Secret;

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

    // Sign-in to ARR's console. No self sign-up: an administrator creates every account.
    // MFA: Cognito cannot require it per group, so the pool requires TOTP of everybody. ARR (who
    // change everything) must have it; steering-group members set up the same authenticator app
    // at their first sign-in. SMS is off: TOTP only, no phone numbers kept.
    // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
    this.userPool = new UserPool(this, 'ConsoleUsers', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Threat protection (compromised credentials, risky sign-ins) needs the Plus plan; the pool
      // has a few dozen users, so its cost is small next to what it protects.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.userPool.addGroup('ArrGroup', { groupName: ARR_GROUP, description: 'ARR: everything in the console' });
    this.userPool.addGroup('SteeringGroup', {
      groupName: STEERING_GROUP,
      description: 'Řídící skupina: read-only (cycles, completeness, reports, indicators)',
    });
    // `npm run deploy` prints it: the first ARR account is created in this pool (README).
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId, description: 'The console’s user pool: create ARR and steering-group accounts here' });
    this.loginDomain = this.userPool.addDomain('ManagedLogin', {
      cognitoDomain: { domainPrefix: props.config.loginDomainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });

    // 64 letters and digits (~380 bits); the console seals its session cookies with the first 32 bytes.
    this.consoleSessionSecret = new Secret(this, 'ConsoleSessionKey', {
      description: 'Encrypts the session cookies of ARR’s console',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.consoleSessionSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Rotating the session key signs every console user out; it is rotated by hand (README), not on a schedule.',
    });
  }
}
