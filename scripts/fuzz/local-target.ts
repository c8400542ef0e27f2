/**
 * The local stack as the fuzzer's target: started in this process on random ports and a
 * temporary folder, with a frozen clock and no background work (the queues run when the fuzzer
 * drains them), a cycle opened through ARR's API, and one contact person's personal link.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pragueInstant } from '../../domain/time';
import { indicatorsForProject } from '../../domain/use-cases/contact-workspace';
import { MovableClock } from '../../local/composition';
import { LOCAL_CONFIG, startLocalSystem, type LocalSystem } from '../../local/system';
import type { FuzzWorld, HttpCall } from './requests';
import type { FuzzTarget } from './run';

export interface LocalFuzzStack {
  system: LocalSystem;
  target: FuzzTarget;
  world: FuzzWorld;
  stop(): Promise<void>;
}

const CYCLE_ID = '2026-H1';

function pathOf(call: HttpCall): string {
  const { token = '', projectId = '', cycleId = '', section = '' } = call.pathParameters;
  const path =
    call.route === 'GET /s/{token}'
      ? `/s/${encodeURIComponent(token)}`
      : call.route === 'POST /s/{token}/projects/{projectId}'
        ? `/s/${encodeURIComponent(token)}/projects/${encodeURIComponent(projectId)}`
        : `/cycles/${encodeURIComponent(cycleId)}/agency/${encodeURIComponent(section)}`;
  return call.query ? `${path}?${new URLSearchParams(call.query).toString()}` : path;
}

export async function startLocalFuzzStack(options: { invalidLinkWeight: number }): Promise<LocalFuzzStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fuzz-intake-'));
  const clock = new MovableClock(pragueInstant('2026-06-01', 8, 0), { frozen: true });
  let system: LocalSystem;
  try {
    system = await startLocalSystem({ dataDir, clock, background: false, historyDir: null });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const arrHeaders = { authorization: `Bearer ${system.arrKey}`, 'content-type': 'application/json' };
    const opened = await fetch(new URL('/cycles', system.apiUrl), {
      method: 'POST',
      headers: arrHeaders,
      body: JSON.stringify({ period: CYCLE_ID, deadline: '2026-07-15', meetingDate: '2026-09-10' }),
    });
    if (opened.status !== 201) throw new Error(`Opening the cycle failed with ${opened.status}: ${await opened.text()}`);
    await system.drainQueues();

    // The person with the most projects: the most versions to keep apart.
    const { deps } = system;
    const plan = await deps.plans.getPlan(LOCAL_CONFIG.planId);
    const contacts = await deps.cycles.listContacts(CYCLE_ID);
    const person = contacts.reduce((best, candidate) => (candidate.projectIds.length > best.projectIds.length ? candidate : best));
    const { token, tokenHash } = deps.tokenIssuer.issue();
    await deps.tokens.saveToken({ tokenHash, cycleId: CYCLE_ID, contactPersonId: person.contactPersonId, issuedAt: clock.now().toISOString() });

    const projects = Object.fromEntries(
      person.projectIds.map((projectId) => {
        const project = plan.projects.find((candidate) => candidate.id === projectId);
        return [projectId, project ? indicatorsForProject(plan, project).map((indicator) => indicator.code) : []];
      }),
    );
    const world: FuzzWorld = {
      cycleId: CYCLE_ID,
      token,
      projects,
      foreignProjectIds: plan.projects.filter((project) => !Object.hasOwn(projects, project.id)).slice(0, 3).map((project) => project.id),
      indicatorCodes: plan.indicators.map((indicator) => indicator.code),
      invalidLinkWeight: options.invalidLinkWeight,
    };
    const target: FuzzTarget = {
      async send(call) {
        const response = await fetch(new URL(pathOf(call), system.apiUrl), {
          method: call.method,
          redirect: 'manual',
          headers: {
            ...(call.route.startsWith('PUT /cycles') ? { authorization: `Bearer ${system.arrKey}` } : {}),
            ...(call.contentType === undefined ? {} : { 'content-type': call.contentType }),
          },
          ...(call.body === undefined || call.method === 'GET' ? {} : { body: call.body }),
        });
        await response.arrayBuffer();
        return response.status;
      },
      drain: () => system.drainQueues(),
      store: deps,
    };
    return { system, target, world, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
