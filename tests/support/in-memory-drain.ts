import type { AnyEvent } from '../../events';
import { assembleReport } from '../../domain/use-cases/assemble-report';
import { deliverMail, type MailRequest } from '../../domain/use-cases/deliver-mail';
import { notifySteeringGroup } from '../../domain/use-cases/notify-steering-group';
import { recomputeIndicators } from '../../domain/use-cases/recompute-indicators';
import type { InMemoryWorld } from './in-memory-dependencies';

/** Runs the consumers of every queued event once, as the queues would. */
export async function drain(world: InMemoryWorld): Promise<void> {
  while (world.published.length > 0) {
    const event = world.published.shift() as AnyEvent;
    const correlationId = event.correlationId;
    switch (event.type) {
      case 'invitation-requested':
      case 'reminder-due':
      case 'project-returned':
        await deliverMail(world.deps, event as MailRequest);
        break;
      case 'submission-received':
        await recomputeIndicators(world.deps, { cycleId: event.data.cycleId, projectId: event.data.projectId, correlationId });
        break;
      case 'report-requested':
        await assembleReport(world.deps, { cycleId: event.data.cycleId, correlationId });
        break;
      case 'report-ready':
        await notifySteeringGroup(world.deps, { cycleId: event.data.cycleId, correlationId });
        break;
      default:
        break;
    }
  }
}

/** The personal link in the newest email to `email`. */
export function latestTokenOf(world: InMemoryWorld, email: string): string {
  const mail = [...world.sentMail].reverse().find((candidate) => candidate.to.includes(email));
  const match = mail?.text.match(/\/s\/([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error(`no link for ${email}`);
  return match[1]!;
}
