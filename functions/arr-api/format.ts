import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ValidationError } from '../../domain/errors';
import { queryParameter } from '../http/body';

/** `?format=`, one of `formats`; absent means the first. */
export function formatOf<F extends string>(event: APIGatewayProxyEventV2, formats: readonly F[]): F {
  const requested = queryParameter(event, 'format')?.trim().toLowerCase();
  if (requested === undefined || requested === '') return formats[0] as F;
  if ((formats as readonly string[]).includes(requested)) return requested as F;
  const list = formats.join(', ');
  throw new ValidationError(`Formát „${requested}“ není podporován. Podporované formáty: ${list}.`, {
    format: `Použijte jeden z formátů: ${list}.`,
  });
}
