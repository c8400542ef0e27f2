import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { logicalId, type Synthesized, synthesize } from './synth-helper';

describe('StatefulStack', () => {
  let synth: Synthesized;

  beforeAll(() => {
    synth = synthesize();
  }, 90_000);

  it('keys the table on PK/SK strings, billed per request, with a generated name', () => {
    // Prepare
    const { stateful } = synth;

    // Act
    const tables = stateful.findResources('AWS::DynamoDB::Table');

    // Assess
    const [table] = Object.values(tables) as { Properties: Record<string, unknown> }[];
    expect(table?.Properties.TableName).toBeUndefined();
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ]),
    });
  });

  it('has the GSI1 index on GSI1PK/GSI1SK strings', () => {
    // Prepare
    const { stateful } = synth;

    // Act
    const assertion = () =>
      stateful.hasResourceProperties('AWS::DynamoDB::Table', {
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: 'GSI1PK', AttributeType: 'S' },
          { AttributeName: 'GSI1SK', AttributeType: 'S' },
        ]),
        GlobalSecondaryIndexes: [
          {
            IndexName: 'GSI1',
            KeySchema: [
              { AttributeName: 'GSI1PK', KeyType: 'HASH' },
              { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      });

    // Assess
    expect(assertion).not.toThrow();
  });

  it('protects the data: PITR, deletion protection, TTL, AWS managed encryption, retained on delete', () => {
    // Prepare
    const { stateful } = synth;

    // Act
    const assertion = () =>
      stateful.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
          TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
          // SSEEnabled without a key id is the AWS managed key (aws/dynamodb).
          SSESpecification: { SSEEnabled: true },
        }),
      });

    // Assess
    expect(assertion).not.toThrow();
  });

  it('verifies the sender address in SES and attaches the configuration set to it', () => {
    // Prepare
    const { stateful, built } = synth;

    // Act
    const configurationSetId = logicalId(built.stateful.configurationSet);

    // Assess
    stateful.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'monitoring@example.org',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } },
    });
  });

  it('verifies the whole domain when senderDomain is given', () => {
    // Prepare
    const context = { senderDomain: 'kraj-lbc.cz', senderEmail: 'monitoring@kraj-lbc.cz' };

    // Act
    const { stateful } = synthesize(context);

    // Assess
    stateful.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'kraj-lbc.cz' });
  }, 90_000);

  it('is protected against accidental stack deletion', () => {
    // Prepare
    const { built } = synth;

    // Act
    const protectedStack = built.stateful.terminationProtection;

    // Assess
    expect(protectedStack).toBe(true);
    expect(built.stateless.terminationProtection).toBe(false);
  });

  it('publishes bounces, complaints and deliveries of the configuration set to an encrypted SNS topic', () => {
    // Prepare
    const { stateful } = synth;

    // Act
    const destinations = Object.values(stateful.findResources('AWS::SES::ConfigurationSetEventDestination')).map(
      (resource) => (resource as { Properties: { EventDestination: Record<string, unknown> } }).Properties.EventDestination,
    );

    // Assess
    expect(destinations).toEqual([
      expect.objectContaining({
        Enabled: true,
        MatchingEventTypes: expect.arrayContaining(['bounce', 'complaint', 'delivery']),
        SnsDestination: { TopicARN: { Ref: expect.stringMatching(/^SesEventsTopic/) } },
      }),
    ]);
    stateful.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    stateful.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });
});
