/** Scheduled (working days 08:30 Prague): queues the reminders and escalations that are due. */
import type { Dependencies } from '../domain/ports';
import { runReminderSweep } from '../domain/use-cases/run-reminder-sweep';
import { awsDependencies } from './composition/aws';
import { scheduledHandler } from './scheduled';

export function createReminderSweepHandler(deps: () => Dependencies) {
  return scheduledHandler('Reminder sweep', (correlationId) => runReminderSweep(deps(), correlationId));
}

export const handler = createReminderSweepHandler(awsDependencies);
