import { describe, expect, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws-clients';

describe('createAwsClients', () => {
  it('creates the clients once per set of endpoints, pointed at those endpoints', async () => {
    // Prepare
    const local = { region: 'eu-central-1', dynamodb: 'http://127.0.0.1:4567', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

    // Act
    const first = createAwsClients(local);
    const again = createAwsClients({ ...local });
    const aws = createAwsClients({ region: 'eu-central-1' });

    // Assess
    expect(again.dynamodb).toBe(first.dynamodb);
    expect(again.documents).toBe(first.documents);
    expect(again.sqs).toBe(first.sqs);
    expect(again.ses).toBe(first.ses);
    expect(aws.dynamodb).not.toBe(first.dynamodb);
    const endpoint = await first.dynamodb.config.endpoint?.();
    expect(`${endpoint?.protocol}//${endpoint?.hostname}:${endpoint?.port}`).toBe('http://127.0.0.1:4567');
    expect(aws.dynamodb.config.endpoint).toBeUndefined();
    expect(first.documents.config.translateConfig?.marshallOptions?.removeUndefinedValues).toBe(true);
    expect(await first.sqs.config.region()).toBe('eu-central-1');
  });
});
