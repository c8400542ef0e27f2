import { z } from 'zod';

/** Ids of cycles' entities (projects, contact persons, activity areas, correlation ids). */
export const entityId = z.string().min(1).max(200);

export const cycleId = z.string().regex(/^\d{4}-H[12]$/, 'Expected a cycle id like "2025-H2"');

/** Offsets are accepted because deadlines are Europe/Prague wall-clock times; both forms are instants. */
export const isoInstant = z.iso.datetime({ offset: true });

export const isoDate = z.iso.date();

export const count = z.number().int().min(0);
