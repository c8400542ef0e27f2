/**
 * What every function logs over a cycle on the local stack, at the most talkative level, holds
 * none of the secrets that pass through it: the contact persons' personal tokens (first issued and
 * reissued), ARR's API key, a console password, the OpenID sign-in's code and state, the session
 * cookies and the CSRF token. Refusals and an unexpected failure (a crash after a submission was
 * stored) are logged too, with the route template, never the path that carries a token.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSubmissionIntakeHandler } from '../../functions/submission-intake';
import type { LocalSystem } from '../../local/system';
import { ConsoleClient, csrfTokenOf } from '../support/console-client';
import { CrashingPublisher } from './support/faults';
import { submitForm, submitJson, tokenOfLink } from './support/http';
import { linksByRecipient } from './support/inbox';
import { startStack, type E2eStack } from './support/stack';

// Before the imports: Powertools reads its level when the one logger is built, and brings it back
// to that level at every invocation.
vi.hoisted(() => {
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG');
});

const CYCLE = '2026-H1';
const report = (thisPeriod: string) => ({ thisPeriod, nextPeriodPlan: 'Pokračování projektu.', status: 'on-track' as const, indicatorContributions: {} });

/** A project of the person whose personal page the link opens. */
async function firstProjectOf(link: string): Promise<string> {
  const page = await (await fetch(link)).text();
  const projectId = /name="([a-z0-9-]+)\.expectedVersion"/.exec(page)?.[1];
  if (projectId === undefined) throw new Error(`No project on the personal page ${link}`);
  return projectId;
}

describe('the logs of a whole cycle', () => {
  let stack: E2eStack;
  let system: LocalSystem | undefined;
  const written: string[] = [];
  const secrets = new Map<string, string>();
  /** The running system, known only after `startStack` returns; the intake's override is built before it. */
  const started = (): LocalSystem => {
    if (system === undefined) throw new Error('The system has not started yet.');
    return system;
  };
  const publisher = new CrashingPublisher(() => started().deps.events);
  const record = (message: string, extra?: object): void => {
    written.push(`${message} ${JSON.stringify(extra ?? {})}\n`);
  };

  beforeAll(async () => {
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk) => {
        written.push(String(chunk));
        return true;
      });
    }
    stack = await startStack({
      handlerOverrides: { 'submission-intake': createSubmissionIntakeHandler(() => ({ ...started().deps, events: publisher })) },
      // The local stack's own messages (the poller's, the HTTP server's) count as logs too.
      logger: { info: record, warn: record, error: record },
    });
    system = stack.system;
    secrets.set('the ARR key', stack.system.arrKey);
  });

  afterAll(async () => {
    await stack?.stop();
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('hold no token, key, password, sign-in code, cookie or CSRF token', async () => {
    // Prepare: a cycle opened, a contact person's posts (stored, refused and one that crashes
    // after the store), ARR signed in to the console reissuing a link, the reminders and the close.
    expect((await stack.arr.openCycle({ period: CYCLE, deadline: '2026-07-15', meetingDate: '2026-09-10' })).status).toBe(201);
    await stack.system.drainQueues();
    const links = linksByRecipient(await stack.inbox.all(), stack.system.apiUrl);
    const [link] = links.values();
    if (link === undefined) throw new Error('No invitation carried a personal link.');
    for (const [recipient, personal] of links) secrets.set(`the personal token of ${recipient}`, tokenOfLink(personal));
    const projectId = await firstProjectOf(link);
    expect((await submitForm(link, projectId, report('Hotovo.'), 0)).status).toBe(303);
    expect((await submitJson(link, projectId, report('Zastaralé.'), 0)).status).toBe(409);
    publisher.failNext = 1;
    expect((await submitJson(link, projectId, report('Uloženo, událost ztracena.'), 1)).status).toBe(500);
    expect((await fetch(`${link.slice(0, -3)}xyz`)).status).toBe(404);

    const account = stack.system.identity.accounts.find((candidate) => candidate.groups.includes('arr'));
    if (account === undefined) throw new Error('The local provider has no ARR account.');
    secrets.set('the ARR password', account.password);
    const arr = new ConsoleClient(stack.system.apiUrl);
    const signedIn = await arr.signIn(account.email, account.password);
    const callback = signedIn.redirects.map((address) => new URL(address)).find((address) => address.pathname === '/arr/auth/callback');
    for (const name of ['code', 'state']) {
      const value = callback?.searchParams.get(name);
      if (value) secrets.set(`the sign-in ${name}`, value);
    }
    for (const name of ['arr_session', 'arr_sign_in']) {
      const value = arr.cookie(name);
      if (value) secrets.set(`the cookie ${name}`, value);
    }
    const dashboard = await arr.request(`/arr/cycles/${CYCLE}`);
    const csrf = csrfTokenOf(dashboard.body);
    secrets.set('the CSRF token', csrf);
    const person = /\/arr\/cycles\/[^/]+\/contacts\/([^/"]+)\/link"/.exec(dashboard.body)?.[1] ?? '';
    const mark = await stack.inbox.mark();
    expect((await arr.request(`/arr/cycles/${CYCLE}/contacts/${person}/link`, { form: { _csrf: csrf } })).status).toBe(303);
    expect((await arr.request(`/arr/cycles/${CYCLE}/dates`, { form: { _csrf: `${csrf}x`, deadline: '2026-07-20' } })).status).toBe(403);
    await stack.system.drainQueues();
    for (const [recipient, reissued] of linksByRecipient(await stack.inbox.since(mark), stack.system.apiUrl)) {
      secrets.set(`the reissued token of ${recipient}`, tokenOfLink(reissued));
    }
    await stack.system.runSchedule('reminder-sweep');
    await stack.system.drainQueues();
    expect((await stack.arr.close(CYCLE)).status).toBe(200);
    await stack.system.drainQueues();
    expect((await arr.request('/arr/sign-out', { form: { _csrf: csrf } })).status).toBe(303);

    // Act
    const logs = written.join('');

    // Assess: the logs speak of the steps by their route templates, and of none of the secrets.
    expect(logs).toContain('"route":"POST /s/{token}/projects/{projectId}"');
    expect(logs).toContain('Simulated crash');
    expect([...secrets.keys()]).toEqual(
      expect.arrayContaining(['the ARR key', 'the ARR password', 'the sign-in code', 'the sign-in state', 'the cookie arr_session', 'the CSRF token']),
    );
    expect([...secrets.keys()].some((name) => name.startsWith('the reissued token'))).toBe(true);
    expect([...secrets].filter(([, value]) => logs.includes(value)).map(([name]) => name)).toEqual([]);
  });
});
