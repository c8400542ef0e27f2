import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini loads no messages of its own: the contracts' errors name the problem in English, as
// the full zod did (people never read these; operators and the dead-letter queue do). The Czech
// messages people read are set on each schema of the domain.
z.config(en());

// Each field is a function that builds its schema, so that nothing is built at import.

/** Ids of cycles' entities (projects, contact persons, activity areas, correlation ids). */
export const entityId = () => z.string().check(z.minLength(1), z.maxLength(200));

export const cycleId = () => z.string().check(z.regex(/^\d{4}-H[12]$/, 'Expected a cycle id like "2025-H2"'));

/** Offsets are accepted because deadlines are Europe/Prague wall-clock times; both forms are instants. */
export const isoInstant = () => z.iso.datetime({ offset: true });

export const isoDate = () => z.iso.date();

export const count = () => z.number().check(z.int(), z.gte(0));
