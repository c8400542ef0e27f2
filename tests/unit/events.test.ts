import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  createEvent,
  createEventParser,
  cycleOpenedV1,
  EventContractError,
  eventContracts,
  eventTypes,
  indicatorsRecomputedV1,
  invitationRequestedV1,
  parseEvent,
  reminderDueV1,
  submissionReceivedV1,
  type EventContract,
} from '../../events';

const fixturesDir = new URL('../fixtures/events/', import.meta.url);
const now = new Date('2026-01-09T13:42:17.031Z');
const correlationId = 'fa3abfa1-3828-4dbc-a474-0193eb5483ad';

function envelopeOf(contract: EventContract, data: unknown = contract.example): Record<string, unknown> {
  return {
    id: '29bdb5c8-afe2-4d35-9594-ef231d7bc30f',
    type: contract.type,
    version: contract.version,
    occurredAt: '2026-01-09T13:42:17.031Z',
    correlationId,
    data,
  };
}

function errorOf(act: () => unknown): EventContractError {
  try {
    act();
  } catch (error) {
    if (error instanceof EventContractError) return error;
    throw error;
  }
  throw new Error('expected an EventContractError, nothing was thrown');
}

describe('event contracts', () => {
  it.each(eventContracts.map((contract) => [`${contract.type} v${contract.version}`, contract] as const))(
    'accepts the example of %s',
    (_name, contract) => {
      // Prepare
      const input = envelopeOf(contract);

      // Act
      const event = parseEvent(input);

      // Assess
      expect(event).toEqual(input);
    },
  );

  it('lists every event type once', () => {
    // Prepare
    const expected = [
      'cycle-opened',
      'invitation-requested',
      'reminder-due',
      'submission-received',
      'indicators-recomputed',
      'cycle-closed',
      'report-requested',
      'report-ready',
      'steering-group-notified',
      'project-returned',
    ];

    // Act
    const types = [...eventTypes];

    // Assess
    expect(types).toEqual(expected);
  });

  it('narrows the data by event type', () => {
    // Prepare
    const input = JSON.parse(JSON.stringify(envelopeOf(reminderDueV1)));

    // Act
    const event = parseEvent(input);

    // Assess
    // Compiles only if `type` and `audience.kind` discriminate the union.
    const recipient =
      event.type === 'reminder-due' && event.data.audience.kind === 'contact'
        ? event.data.audience.contactPersonId
        : undefined;
    expect(recipient).toBe('k-simonova');
  });

  it('ignores data fields it does not know, so an additive change does not break older consumers', () => {
    // Prepare
    const input = envelopeOf(submissionReceivedV1, { ...submissionReceivedV1.example, channel: 'web' });

    // Act
    const event = parseEvent(input);

    // Assess
    expect(event.data).toEqual(submissionReceivedV1.example);
  });
});

describe('invitation-requested', () => {
  it('names the projects added for a person invited before, or none for an invitation to all', () => {
    // Prepare
    const added = { ...invitationRequestedV1.example, addedProjectIds: ['digitalni-archiv-kraje'] };

    // Act
    const news = parseEvent(envelopeOf(invitationRequestedV1, added));
    const invitation = parseEvent(envelopeOf(invitationRequestedV1));

    // Assess
    expect(news.data).toEqual(added);
    expect(invitation.data).toEqual(invitationRequestedV1.example);
  });

  it('marks an invitation that brings a new link after ARR revoked the earlier ones', () => {
    // Prepare
    const renewed = { ...invitationRequestedV1.example, replacesRevokedLinks: true };

    // Act
    const parsed = parseEvent(envelopeOf(invitationRequestedV1, renewed));
    const error = errorOf(() => parseEvent(envelopeOf(invitationRequestedV1, { ...renewed, replacesRevokedLinks: false })));

    // Assess
    expect(parsed.data).toEqual(renewed);
    expect(error.issues.map((issue) => issue.path)).toEqual(['data.replacesRevokedLinks']);
  });
});

describe('createEvent', () => {
  it.each(eventContracts.map((contract) => [`${contract.type} v${contract.version}`, contract] as const))(
    'round-trips %s through JSON',
    (_name, contract) => {
      // Prepare
      const event = createEvent(contract as EventContract, contract.example, { correlationId, now });

      // Act
      const parsed = parseEvent(JSON.parse(JSON.stringify(event)));

      // Assess
      expect(parsed).toEqual(event);
      expect(parsed).toMatchObject({ type: contract.type, version: contract.version, correlationId });
    },
  );

  it('fills a fresh UUID and the given clock when no id is passed', () => {
    // Prepare
    const options = { correlationId, now };

    // Act
    const first = createEvent(submissionReceivedV1, submissionReceivedV1.example, options);
    const second = createEvent(submissionReceivedV1, submissionReceivedV1.example, options);

    // Assess
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.id).not.toBe(first.id);
    expect(first.occurredAt).toBe('2026-01-09T13:42:17.031Z');
  });

  it('keeps an id that is passed in', () => {
    // Prepare
    const id = '07307f96-8493-4198-bd9d-ac2bfe0c97cb';

    // Act
    const event = createEvent(submissionReceivedV1, submissionReceivedV1.example, { correlationId, now, id });

    // Assess
    expect(event.id).toBe(id);
  });

  it('refuses data that breaks the contract, naming the path', () => {
    // Prepare
    const data = { ...submissionReceivedV1.example, version: 0 };

    // Act
    const error = errorOf(() => createEvent(submissionReceivedV1, data, { correlationId, now }));

    // Assess
    expect(error.message).toBe(
      'Invalid data of "submission-received" v1: at "data.version": Too small: expected number to be >=1',
    );
  });

  it('refuses an id that is not a UUID', () => {
    // Prepare
    const options = { correlationId, now, id: 'submission-1' };

    // Act
    const error = errorOf(() => createEvent(submissionReceivedV1, submissionReceivedV1.example, options));

    // Assess
    expect(error.message).toBe('Invalid envelope of "submission-received" v1: at "id": Invalid UUID');
  });

  it('round-trips any valid submission', () => {
    // Prepare
    const id = fc.string({ minLength: 1, maxLength: 200 });
    const data = fc.record({
      cycleId: fc.tuple(fc.integer({ min: 2024, max: 9999 }), fc.constantFrom(1, 2)).map(([y, h]) => `${y}-H${h}`),
      projectId: id,
      version: fc.integer({ min: 1, max: 10_000 }),
      contactPersonId: id,
    });

    fc.assert(
      fc.property(data, fc.uuid({ version: 4 }), (submission, eventId) => {
        // Act
        const event = createEvent(submissionReceivedV1, submission, { correlationId, now, id: eventId });
        const parsed = parseEvent(JSON.parse(JSON.stringify(event)));

        // Assess
        expect(parsed).toEqual(event);
      }),
    );
  });
});

describe('parseEvent rejects', () => {
  it('an unknown type, listing the known ones', () => {
    // Prepare
    const input = { ...envelopeOf(submissionReceivedV1), type: 'cycle-reopened' };

    // Act
    const error = errorOf(() => parseEvent(input));

    // Assess
    expect(error.message).toBe(`Unknown event type "cycle-reopened" (known: ${eventTypes.join(', ')})`);
    expect(error.eventType).toBe('cycle-reopened');
  });

  it('an unknown version of a known type', () => {
    // Prepare
    const input = { ...envelopeOf(submissionReceivedV1), version: 3 };

    // Act
    const error = errorOf(() => parseEvent(input));

    // Assess
    expect(error.message).toBe('Unknown event version 3 for "submission-received" (known: 1)');
    expect(error.eventVersion).toBe(3);
  });

  it('an envelope with a missing field', () => {
    // Prepare
    const { occurredAt: _omitted, ...input } = envelopeOf(submissionReceivedV1);

    // Act
    const error = errorOf(() => parseEvent(input));

    // Assess
    expect(error.message).toBe(
      'Invalid envelope of "submission-received" v1: at "occurredAt": Invalid input: expected string, received undefined',
    );
    expect(error.issues).toEqual([
      { path: 'occurredAt', message: 'Invalid input: expected string, received undefined' },
    ]);
  });

  it('an envelope without data', () => {
    // Prepare
    const { data: _omitted, ...input } = envelopeOf(submissionReceivedV1);

    // Act
    const error = errorOf(() => parseEvent(input));

    // Assess
    expect(error.message).toBe('Invalid envelope of "submission-received" v1: at "data": Required: an event always carries data');
  });

  it('an envelope with a version that is not a positive integer', () => {
    // Prepare
    const input = { ...envelopeOf(submissionReceivedV1), version: 1.5 };

    // Act
    const error = errorOf(() => parseEvent(input));

    // Assess
    expect(error.message).toMatch(/^Invalid envelope of "submission-received" v1\.5: at "version": /);
  });

  it('something that is not an object', () => {
    // Prepare
    const input = 'submission-received';

    // Act
    const error = errorOf(() => parseEvent(input));

    // Assess
    expect(error.message).toBe(
      'Invalid envelope of an event of unknown type: at "(root)": Invalid input: expected object, received string',
    );
  });

  it('a malformed cycle id', () => {
    // Prepare
    const input = envelopeOf(submissionReceivedV1, { ...submissionReceivedV1.example, cycleId: '2025-H3' });

    // Act
    const error = errorOf(() => parseEvent(input));

    // Assess
    expect(error.message).toBe(
      'Invalid data of "submission-received" v1: at "data.cycleId": Expected a cycle id like "2025-H2"',
    );
  });

  it('an id longer than 200 characters', () => {
    // Prepare
    const input = envelopeOf(submissionReceivedV1, { ...submissionReceivedV1.example, projectId: 'p'.repeat(201) });

    // Act
    const error = errorOf(() => parseEvent(input));

    // Assess
    expect(error.issues.map((issue) => issue.path)).toEqual(['data.projectId']);
  });

  it('an empty id', () => {
    // Prepare
    const input = envelopeOf(submissionReceivedV1, { ...submissionReceivedV1.example, contactPersonId: '' });

    // Act
    const error = errorOf(() => parseEvent(input));

    // Assess
    expect(error.issues.map((issue) => issue.path)).toEqual(['data.contactPersonId']);
  });

  it('an invitation naming an empty list of added projects', () => {
    // Prepare
    const input = envelopeOf(invitationRequestedV1, { ...invitationRequestedV1.example, addedProjectIds: [] });

    // Act
    const error = errorOf(() => parseEvent(input));

    // Assess
    expect(error.issues.map((issue) => issue.path)).toEqual(['data.addedProjectIds']);
  });

  it('an unknown reminder audience, naming the nested path', () => {
    // Prepare
    const data = { ...reminderDueV1.example, audience: { kind: 'mayor', contactPersonId: 'k-simonova' } };

    // Act
    const error = errorOf(() => parseEvent(envelopeOf(reminderDueV1, data)));

    // Assess
    expect(error.message).toMatch(/^Invalid data of "reminder-due" v1: at "data\.audience\.kind": /);
  });

  it('a guarantor audience without its activity area', () => {
    // Prepare
    const data = { ...reminderDueV1.example, stage: 'escalation', audience: { kind: 'guarantor' } };

    // Act
    const error = errorOf(() => parseEvent(envelopeOf(reminderDueV1, data)));

    // Assess
    expect(error.issues.map((issue) => issue.path)).toEqual(['data.audience.activityAreaId']);
  });

  it('a period that is not the half-year of the cycle', () => {
    // Prepare
    const data = { ...cycleOpenedV1.example, cycleId: '2025-H2', period: '01/2025' };

    // Act
    const error = errorOf(() => parseEvent(envelopeOf(cycleOpenedV1, data)));

    // Assess
    expect(error.message).toBe(
      'Invalid data of "cycle-opened" v1: at "data.period": Period does not match the half-year of the cycle id',
    );
  });

  it('a deadline and meeting date that are not ISO', () => {
    // Prepare
    const data = { ...cycleOpenedV1.example, deadline: '15. 1. 2026', meetingDate: '2026-02-30' };

    // Act
    const error = errorOf(() => parseEvent(envelopeOf(cycleOpenedV1, data)));

    // Assess
    expect(error.issues.map((issue) => issue.path)).toEqual(['data.deadline', 'data.meetingDate']);
  });

  it('more submitted requests than requests', () => {
    // Prepare
    const data = { ...indicatorsRecomputedV1.example, submitted: 42, requests: 41 };

    // Act
    const error = errorOf(() => parseEvent(envelopeOf(indicatorsRecomputedV1, data)));

    // Assess
    expect(error.issues.map((issue) => issue.path)).toEqual(['data.submitted']);
  });
});

describe('versioned registry', () => {
  const submissionReceivedV2: EventContract<'submission-received', 2, { cycleId: string; submissionId: string }> = {
    type: 'submission-received',
    version: 2,
    schema: z.object({ cycleId: z.string(), submissionId: z.string().check(z.minLength(1)) }),
    example: { cycleId: '2025-H2', submissionId: 'edih-neb#3' },
  };

  it('accepts two versions of one type side by side, each against its own schema', () => {
    // Prepare
    const parse = createEventParser([submissionReceivedV1, submissionReceivedV2]);

    // Act
    const v1 = parse(envelopeOf(submissionReceivedV1));
    const v2 = parse(envelopeOf(submissionReceivedV2));

    // Assess
    expect(v1.data).toEqual(submissionReceivedV1.example);
    expect(v2.data).toEqual(submissionReceivedV2.example);
    expect(() => parse(envelopeOf(submissionReceivedV2, submissionReceivedV1.example))).toThrow(
      'Invalid data of "submission-received" v2: at "data.submissionId"',
    );
  });

  it('lists every known version when the version is unknown', () => {
    // Prepare
    const parse = createEventParser([submissionReceivedV2, submissionReceivedV1]);

    // Act
    const error = errorOf(() => parse({ ...envelopeOf(submissionReceivedV1), version: 7 }));

    // Assess
    expect(error.message).toBe('Unknown event version 7 for "submission-received" (known: 1, 2)');
  });

  it('refuses to register one type and version twice', () => {
    // Prepare
    const contracts = [submissionReceivedV1, submissionReceivedV1];

    // Act
    const act = () => createEventParser(contracts);

    // Assess
    expect(act).toThrow('Duplicate event contract "submission-received" v1');
  });
});

// Frozen fixtures: every file in tests/fixtures/events is an event exactly as it was once published.
// These files are NEVER edited, only added to (one per type and version), so that a change to a
// contract that would make old, still-queued events unreadable fails here instead of in production.
describe('compatibility with frozen fixtures', () => {
  const fixtureFiles = readdirSync(fixturesDir).filter((name) => name.endsWith('.json')).sort();

  it.each(fixtureFiles)('still parses %s unchanged', (file) => {
    // Prepare
    const published = JSON.parse(readFileSync(new URL(file, fixturesDir), 'utf8'));

    // Act
    const event = parseEvent(published);

    // Assess
    expect(event).toEqual(published);
    expect(file).toBe(`${event.type}.v${event.version}.json`);
  });

  it('has a fixture for every registered type and version', () => {
    // Prepare
    const expected = eventContracts.map((contract) => `${contract.type}.v${contract.version}.json`);

    // Act
    const missing = expected.filter((file) => !fixtureFiles.includes(file));

    // Assess
    expect(missing).toEqual([]);
  });
});
