/** Scheduled (working days 08:30 Prague): queues the reminders and escalations that are due, and repairs lost events. */
import type { Dependencies } from '../domain/ports';
import { runReminderSweep } from '../domain/use-cases/run-reminder-sweep';
import { awsClock, awsCycles, awsEditorial, awsEvents, awsIndicators, awsPlans, awsReminders, awsSubmissions, awsTokens } from './composition/aws';
import { scheduledHandler } from './scheduled';

/** The ports this function's use cases read: all it composes (bottom of the file). */
export type ReminderSweepDependencies = Pick<Dependencies, 'clock' | 'plans' | 'cycles' | 'submissions' | 'reminders' | 'indicators' | 'editorial' | 'tokens' | 'events'>;

export function createReminderSweepHandler(deps: () => ReminderSweepDependencies) {
  return scheduledHandler('Reminder sweep', (correlationId) => runReminderSweep(deps(), correlationId));
}

export const handler = createReminderSweepHandler(() => ({
  plans: awsPlans(),
  cycles: awsCycles(),
  submissions: awsSubmissions(),
  reminders: awsReminders(),
  indicators: awsIndicators(),
  editorial: awsEditorial(),
  tokens: awsTokens(),
  clock: awsClock,
  events: awsEvents(),
}));
