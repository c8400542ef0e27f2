import type { EventContract } from './contract';
import { describeEvent, parseData, parseEnvelope, type EventOf } from './envelope';
import { EventContractError } from './error';

type AnyContract = EventContract<string, number, unknown>;

/**
 * A parser for a set of contracts, keyed by type and then version, so v1 and v2 of one type are
 * both accepted while old messages drain. Duplicate (type, version) pairs are a programming error.
 */
export function createEventParser<C extends AnyContract>(contracts: readonly C[]): (input: unknown) => EventOf<C> {
  const byType = new Map<string, Map<number, C>>();
  for (const contract of contracts) {
    const versions = byType.get(contract.type) ?? new Map<number, C>();
    if (versions.has(contract.version)) {
      throw new Error(`Duplicate event contract ${describeEvent(contract.type, contract.version)}`);
    }
    versions.set(contract.version, contract);
    byType.set(contract.type, versions);
  }

  return (input) => {
    const envelope = parseEnvelope(input);
    const versions = byType.get(envelope.type);
    if (versions === undefined) {
      throw new EventContractError(
        `Unknown event type "${envelope.type}" (known: ${[...byType.keys()].join(', ')})`,
        envelope.type,
        envelope.version,
      );
    }
    const contract = versions.get(envelope.version);
    if (contract === undefined) {
      const known = [...versions.keys()].sort((a, b) => a - b).join(', ');
      throw new EventContractError(
        `Unknown event version ${envelope.version} for "${envelope.type}" (known: ${known})`,
        envelope.type,
        envelope.version,
      );
    }
    return parseData(contract, envelope) as EventOf<C>;
  };
}
