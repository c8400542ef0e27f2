import type * as z from 'zod/mini';
import { builtOnFirstUse } from '../domain/lazy';

/**
 * One version of one event, as published: producers build events with it and consumers validate
 * with it. A breaking change to `Data` is a new contract with the next `version`, registered beside
 * the old one, so messages already sitting in queues stay readable.
 */
export interface EventContract<Type extends string = string, Version extends number = number, Data = unknown> {
  readonly type: Type;
  readonly version: Version;
  readonly schema: z.ZodMiniType<Data>;
  /** A realistic payload; doubles as documentation and as the seed of the frozen test fixtures. */
  readonly example: Data;
}

/**
 * A contract whose schema is built on first use (`contract.schema` reads the same either way), so
 * a function that only publishes one event does not build the schemas of every other one at
 * import. Pure: a contract nobody uses is left out of the bundle.
 */
export function defineContract<Type extends string, Version extends number, Data>(contract: {
  type: Type;
  version: Version;
  schema: () => z.ZodMiniType<Data>;
  example: Data;
}): EventContract<Type, Version, Data> {
  const schema = builtOnFirstUse(contract.schema);
  return {
    type: contract.type,
    version: contract.version,
    get schema() {
      return schema();
    },
    example: contract.example,
  };
}
