/**
 * In-memory implementations of the ports, for unit tests of the use cases. They keep the same
 * conditional-write semantics as the DynamoDB adapter (conflicts, once-only records), so a use
 * case's idempotency can be tested without the emulators.
 */
import { createHash } from 'node:crypto';
import type { AnyEvent } from '../../events';
import type { AgencySections } from '../../domain/agency';
import type { AnnualTextRecord } from '../../domain/annual-texts';
import type { EditorialVersion, ReturnRecord } from '../../domain/editorial';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { ActionPlan } from '../../domain/plan';
import type { Dependencies, MonitoringConfig, OutgoingMail } from '../../domain/ports';
import type {
  CycleContactRecord,
  CycleRecord,
  DeliveryEventRecord,
  ReminderRecord,
  RequestRecord,
  TokenRecord,
} from '../../domain/records';
import type { MonitoringReport } from '../../domain/report/model';
import type { SubmissionVersion } from '../../domain/submission';
import { InMemoryIndicatorStore } from './in-memory-indicators';
import { reportDocuments } from '../../documents/monitoring/docx';
import { emailTemplates } from '../../templates/email/all';
import { InMemoryPlanCatalog } from './in-memory-plan-catalog';

const clone = <T>(value: T): T => structuredClone(value);

export interface InMemoryWorld {
  deps: Dependencies;
  setNow(instant: Date | string): void;
  published: AnyEvent[];
  sentMail: OutgoingMail[];
  issuedTokens: string[];
  /** Drops the next `count` publish calls, as if the process died right after the write. */
  losePublishes(count: number): void;
  /** Makes the next `count` mail sends throw. */
  failMail(count: number, error?: Error): void;
}

export const testConfig: MonitoringConfig = {
  planId: '2024-2026',
  publicBaseUrl: 'https://monitoring.example.org',
  arr: { name: 'ARR – Agentura regionálního rozvoje, spol. s r. o.', email: 'arr@example.org' },
  steeringGroupEmails: ['rizeni@example.org'],
  autoCloseGraceDays: 3,
  steeringGroupNoticeDays: 7,
};

function reminderKey(reminder: ReminderRecord): string {
  const audience =
    reminder.audience.kind === 'contact' ? `contact#${reminder.audience.contactPersonId}` : `guarantor#${reminder.audience.activityAreaId}`;
  return `${reminder.cycleId}/${audience}/${reminder.stage}/${reminder.round ?? 0}`;
}

export function inMemoryWorld(plan: ActionPlan, start: Date | string = '2026-06-01T08:00:00Z'): InMemoryWorld {
  let now = new Date(start);
  let publishesToLose = 0;
  let mailFailures: { count: number; error: Error } = { count: 0, error: new Error('unused') };
  const plans = new InMemoryPlanCatalog();
  // Stored at once: the in-memory save does its work before its first await.
  void plans.savePlan(plan);
  const cycles = new Map<string, CycleRecord>();
  const requests = new Map<string, RequestRecord>();
  const contacts = new Map<string, CycleContactRecord>();
  const deliveryEvents = new Map<string, DeliveryEventRecord>();
  const versions = new Map<string, SubmissionVersion>();
  const tokens = new Map<string, TokenRecord>();
  const reminders = new Map<string, ReminderRecord>();
  const agency = new Map<string, AgencySections>();
  const reports = new Map<string, MonitoringReport>();
  const annualTexts = new Map<string, AnnualTextRecord>();
  const returns = new Map<string, ReturnRecord>();
  const editorials = new Map<string, EditorialVersion>();
  const published: AnyEvent[] = [];
  const sentMail: OutgoingMail[] = [];
  const issuedTokens: string[] = [];
  let tokenCounter = 0;
  const hash = (token: string) => createHash('sha256').update(token).digest('hex');
  const versionsOf = (cycleId: string, projectId: string) =>
    [...versions.values()]
      .filter((version) => version.cycleId === cycleId && version.projectId === projectId)
      .sort((a, b) => a.version - b.version);

  const deps: Dependencies = {
    clock: { now: () => new Date(now) },
    config: testConfig,
    plans,
    cycles: {
      async getCycle(cycleId) {
        const found = cycles.get(cycleId);
        return found ? clone(found) : null;
      },
      async listCycles() {
        return [...cycles.values()].map(clone);
      },
      async createCycle(cycle) {
        if (cycles.has(cycle.id)) return false;
        cycles.set(cycle.id, clone(cycle));
        return true;
      },
      async transitionCycle(cycleId, from, to, changes) {
        const found = cycles.get(cycleId);
        if (!found || found.state !== from) return false;
        cycles.set(cycleId, { ...found, ...clone(changes), state: to });
        return true;
      },
      async claimOnce(cycleId, attribute, at) {
        const found = cycles.get(cycleId);
        if (!found || found[attribute]) return false;
        cycles.set(cycleId, { ...found, [attribute]: at });
        return true;
      },
      async releaseClaim(cycleId, attribute) {
        const found = cycles.get(cycleId);
        if (found) {
          const { [attribute]: _released, ...rest } = found;
          cycles.set(cycleId, rest as CycleRecord);
        }
      },
      async setReportAssembledAt(cycleId, at) {
        const found = cycles.get(cycleId);
        if (found) cycles.set(cycleId, { ...found, reportAssembledAt: at });
      },
      async markReportStale(cycleId, at) {
        const found = cycles.get(cycleId);
        if (found && found.reportStaleSince === undefined) cycles.set(cycleId, { ...found, reportStaleSince: at });
      },
      async clearReportStale(cycleId, since) {
        const found = cycles.get(cycleId);
        if (found?.reportStaleSince === since) {
          const { reportStaleSince: _cleared, ...rest } = found;
          cycles.set(cycleId, rest);
        }
      },
      async putRequests(records) {
        for (const record of records) requests.set(`${record.cycleId}/${record.projectId}`, clone(record));
      },
      async listRequests(cycleId) {
        return [...requests.values()].filter((record) => record.cycleId === cycleId).map(clone);
      },
      async getRequests(cycleId, projectIds) {
        return projectIds.flatMap((projectId) => {
          const found = requests.get(`${cycleId}/${projectId}`);
          return found ? [clone(found)] : [];
        });
      },
      async markRequestSubmitted(cycleId, projectId, version, at) {
        const found = requests.get(`${cycleId}/${projectId}`);
        if (!found) throw new NotFoundError(`Projekt ${projectId} není v cyklu ${cycleId}.`);
        requests.set(`${cycleId}/${projectId}`, {
          ...found,
          firstSubmittedAt: found.firstSubmittedAt ?? at,
          latestVersion: Math.max(found.latestVersion ?? 0, version),
        });
        return found.firstSubmittedAt === undefined;
      },
      async correctCounts(cycleId, seen, actual) {
        const found = cycles.get(cycleId);
        if (!found || found.requestCount !== seen.requestCount || found.submittedCount !== seen.submittedCount) return false;
        cycles.set(cycleId, { ...found, ...actual });
        return true;
      },
      async incrementSubmittedCount(cycleId) {
        const found = cycles.get(cycleId);
        if (found) cycles.set(cycleId, { ...found, submittedCount: (found.submittedCount ?? 0) + 1 });
      },
      async putContacts(records) {
        for (const record of records) contacts.set(`${record.cycleId}/${record.contactPersonId}`, clone(record));
      },
      async listContacts(cycleId) {
        return [...contacts.values()].filter((record) => record.cycleId === cycleId).map(clone);
      },
      async getContact(cycleId, contactPersonId) {
        const found = contacts.get(`${cycleId}/${contactPersonId}`);
        return found ? clone(found) : null;
      },
      async addRequest(record) {
        const key = `${record.cycleId}/${record.projectId}`;
        if (requests.has(key)) return false;
        requests.set(key, clone(record));
        const cycle = cycles.get(record.cycleId);
        if (cycle) cycles.set(cycle.id, { ...cycle, requestCount: (cycle.requestCount ?? 0) + 1 });
        return true;
      },
      async removeRequest(cycleId, projectId) {
        const found = requests.get(`${cycleId}/${projectId}`);
        if (!found) return false;
        requests.delete(`${cycleId}/${projectId}`);
        const cycle = cycles.get(cycleId);
        if (cycle) {
          const submitted = found.firstSubmittedAt ? 1 : 0;
          cycles.set(cycleId, { ...cycle, requestCount: (cycle.requestCount ?? 0) - 1, submittedCount: (cycle.submittedCount ?? 0) - submitted });
        }
        return true;
      },
      async addContactProject(cycleId, contactPersonId, projectId, address) {
        const key = `${cycleId}/${contactPersonId}`;
        const found = contacts.get(key);
        if (!found) {
          contacts.set(key, { cycleId, contactPersonId, projectIds: [projectId], ...(address === undefined ? {} : { address }) });
          return 'created';
        }
        if (found.projectIds.includes(projectId)) return 'present';
        contacts.set(key, { ...found, projectIds: [...found.projectIds, projectId] });
        return 'added';
      },
      async removeContactProject(cycleId, contactPersonId, projectId) {
        const key = `${cycleId}/${contactPersonId}`;
        const found = contacts.get(key);
        if (!found?.projectIds.includes(projectId)) return false;
        contacts.set(key, { ...found, projectIds: found.projectIds.filter((id) => id !== projectId) });
        return true;
      },
      async setRequestContacts(cycleId, projectId, change) {
        const key = `${cycleId}/${projectId}`;
        const found = requests.get(key);
        if (!found || found.contactPersonIds.join() !== change.from.join()) return false;
        const { contactsAddedAt: _old, ...rest } = found;
        const addedAt = Object.keys(change.contactsAddedAt).length > 0 ? { contactsAddedAt: clone(change.contactsAddedAt) } : {};
        requests.set(key, { ...rest, contactPersonIds: [...change.to], ...addedAt });
        return true;
      },
      async recordDeliveryEvent(event) {
        const key = `${event.cycleId}/${event.contactPersonId}/${event.eventId}`;
        if (deliveryEvents.has(key)) return false;
        deliveryEvents.set(key, clone(event));
        return true;
      },
      async listDeliveryEvents(cycleId) {
        return [...deliveryEvents.values()].filter((event) => event.cycleId === cycleId).map(clone);
      },
      async markUndeliverable(cycleId, contactPersonId, address) {
        const found = contacts.get(`${cycleId}/${contactPersonId}`);
        if (found && !found.undeliverable) contacts.set(`${cycleId}/${contactPersonId}`, { ...found, undeliverable: clone(address) });
      },
      async readdressContact(cycleId, contactPersonId, address) {
        const found = contacts.get(`${cycleId}/${contactPersonId}`);
        if (found) {
          const { undeliverable: _flag, undeliverableNoticeClaimedAt: _claim, ...rest } = found;
          contacts.set(`${cycleId}/${contactPersonId}`, { ...rest, address });
        }
      },
      async claimUndeliverableNotice(cycleId, contactPersonId, at) {
        const found = contacts.get(`${cycleId}/${contactPersonId}`);
        if (!found || found.undeliverableNoticeClaimedAt) return false;
        contacts.set(`${cycleId}/${contactPersonId}`, { ...found, undeliverableNoticeClaimedAt: at });
        return true;
      },
      async releaseUndeliverableNotice(cycleId, contactPersonId) {
        const found = contacts.get(`${cycleId}/${contactPersonId}`);
        if (found) {
          const { undeliverableNoticeClaimedAt: _claim, ...rest } = found;
          contacts.set(`${cycleId}/${contactPersonId}`, rest);
        }
      },
    },
    submissions: {
      async appendVersion(version) {
        const key = `${version.cycleId}/${version.projectId}/${version.version}`;
        if (versions.has(key)) throw new ConflictError('Projekt mezitím upravil někdo jiný.');
        versions.set(key, clone(version));
      },
      async latestVersion(cycleId, projectId) {
        const all = versionsOf(cycleId, projectId);
        return all.length > 0 ? clone(all[all.length - 1]!) : null;
      },
      async listVersions(cycleId, projectId) {
        return versionsOf(cycleId, projectId).map(clone);
      },
      async latestVersions(cycleId) {
        const latest = new Map<string, SubmissionVersion>();
        for (const version of versions.values()) {
          if (version.cycleId !== cycleId) continue;
          const seen = latest.get(version.projectId);
          if (!seen || seen.version < version.version) latest.set(version.projectId, version);
        }
        return [...latest.values()].map(clone);
      },
    },
    tokens: {
      async saveToken(token) {
        tokens.set(token.tokenHash, clone(token));
      },
      async findToken(tokenHash) {
        const found = tokens.get(tokenHash);
        return found ? clone(found) : null;
      },
      async findLink(tokenHash, wanted = []) {
        const token = tokens.get(tokenHash);
        if (!token) return null;
        const cycle = cycles.get(token.cycleId);
        const contact = contacts.get(`${token.cycleId}/${token.contactPersonId}`);
        const stored = (projectId: string, version: number) => versions.get(`${token.cycleId}/${projectId}/${version}`);
        return {
          token: clone(token),
          cycle: cycle ? clone(cycle) : null,
          contact: contact ? clone(contact) : null,
          versions: new Map(wanted.map(({ projectId, version }) => [projectId, version > 0 ? clone(stored(projectId, version) ?? null) : null])),
        };
      },
      async revokeTokens(cycleId, contactPersonId, at) {
        let revoked = 0;
        for (const [key, token] of tokens) {
          if (token.cycleId === cycleId && token.contactPersonId === contactPersonId && !token.revokedAt) {
            tokens.set(key, { ...token, revokedAt: at });
            revoked += 1;
          }
        }
        return revoked;
      },
      async hasIssuedLink(cycleId, contactPersonId, since) {
        return [...tokens.values()].some(
          (token) => token.cycleId === cycleId && token.contactPersonId === contactPersonId && token.issuedAt >= since,
        );
      },
    },
    reminders: {
      async recordReminder(reminder) {
        const key = reminderKey(reminder);
        if (reminders.has(key)) return false;
        reminders.set(key, clone(reminder));
        return true;
      },
      async releaseReminder(reminder) {
        const key = reminderKey(reminder);
        if (reminders.get(key)?.queuedAt === reminder.queuedAt) reminders.delete(key);
      },
      async confirmReminder(reminder) {
        const stored = reminders.get(reminderKey(reminder));
        if (stored?.queuedAt === reminder.queuedAt) delete stored.pending;
      },
      async reclaimReminder(reminder, queuedAt) {
        const stored = reminders.get(reminderKey(reminder));
        if (stored?.pending !== true || stored.queuedAt !== reminder.queuedAt) return false;
        stored.queuedAt = queuedAt;
        return true;
      },
      async listReminders(cycleId) {
        return [...reminders.values()].filter((reminder) => reminder.cycleId === cycleId).map(clone);
      },
    },
    indicators: new InMemoryIndicatorStore(),
    emails: emailTemplates,
    documents: reportDocuments,
    agency: {
      async putAgencySection(cycleId, sectionId, content) {
        agency.set(cycleId, { ...agency.get(cycleId), [sectionId]: clone(content) });
      },
      async getAgencySections(cycleId) {
        return clone(agency.get(cycleId) ?? {});
      },
    },
    editorial: {
      async recordReturn(record) {
        const key = `${record.cycleId}/${record.projectId}/${record.version}`;
        if (returns.has(key)) return false;
        returns.set(key, clone(record));
        return true;
      },
      async listReturns(cycleId) {
        return [...returns.values()].filter((record) => record.cycleId === cycleId).sort((a, b) => a.version - b.version).map(clone);
      },
      async listProjectReturns(cycleId, projectId) {
        return (await this.listReturns(cycleId)).filter((record) => record.projectId === projectId);
      },
      async putEditorialVersion(editorial) {
        editorials.set(`${editorial.cycleId}/${editorial.projectId}`, clone(editorial));
      },
      async getEditorialVersion(cycleId, projectId) {
        const found = editorials.get(`${cycleId}/${projectId}`);
        return found ? clone(found) : null;
      },
      async listEditorialVersions(cycleId) {
        return [...editorials.values()].filter((editorial) => editorial.cycleId === cycleId).map(clone);
      },
    },
    reports: {
      async saveReport(cycleId, report) {
        reports.set(cycleId, clone(report));
      },
      async getReport(cycleId) {
        const found = reports.get(cycleId);
        return found ? clone(found) : null;
      },
    },
    annualTexts: {
      async listAnnualTexts(year) {
        return [...annualTexts.values()].filter((record) => record.year === year).map(clone);
      },
      async putAnnualText(record) {
        annualTexts.set(`${record.year}#${record.key}`, clone(record));
      },
      async deleteAnnualText(year, key) {
        annualTexts.delete(`${year}#${key}`);
      },
    },
    events: {
      async publish(events) {
        if (publishesToLose > 0) {
          publishesToLose -= 1;
          throw new Error('process died before publishing');
        }
        published.push(...events.map(clone));
      },
    },
    mail: {
      async send(mail) {
        if (mailFailures.count > 0) {
          mailFailures.count -= 1;
          throw mailFailures.error;
        }
        sentMail.push(clone(mail));
        return { messageId: `message-${sentMail.length}` };
      },
    },
    tokenIssuer: {
      issue() {
        tokenCounter += 1;
        const token = `token${String(tokenCounter).padStart(38, '0')}`;
        issuedTokens.push(token);
        return { token, tokenHash: hash(token) };
      },
      hash,
    },
  };
  return {
    deps,
    setNow: (instant) => {
      now = new Date(instant);
    },
    published,
    sentMail,
    issuedTokens,
    losePublishes: (count) => {
      publishesToLose = count;
    },
    failMail: (count, error = new Error('SES unavailable')) => {
      mailFailures = { count, error };
    },
  };
}
