/** The console's session key, kept in AWS Secrets Manager and read once per warm function. */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * The secret holds the key as 43+ base64url characters (32 bytes); the stack generates it.
 * @throws Error when the secret is missing or too short (never with its value in the message).
 */
export async function readSessionKey(client: SecretsManagerClient, secretId: string): Promise<Uint8Array> {
  const secret = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  const text = secret.SecretString?.trim() ?? '';
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length < 32) throw new Error('The console session secret must hold at least 32 bytes, base64url-encoded.');
  return new Uint8Array(bytes.subarray(0, 32));
}

export function secretsClient(region: string): SecretsManagerClient {
  return new SecretsManagerClient({ region });
}
