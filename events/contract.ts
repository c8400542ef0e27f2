import type * as z from 'zod/mini';

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
