/**
 * The EmailTemplates port (domain/ports.ts): every email the system sends, rendered here. Each
 * AWS function composes only the emails its use case sends (esbuild leaves the others out of its
 * bundle); a runtime of every use case (the local stack, the tests) takes them all from ./all.ts.
 */
import type { MailerEmails } from '../../domain/use-cases/deliver-mail';
import type { DeliveryDeps } from '../../domain/use-cases/record-delivery-event';
import type { NotifyDeps } from '../../domain/use-cases/notify-steering-group';
import { renderEscalation } from './escalation';
import { renderInvitation } from './invitation';
import { renderProjectsAdded } from './projects-added';
import { renderReminder } from './reminder';
import { renderProjectReturned } from './returned';
import { renderSteeringGroupNotice } from './steering-group';
import { renderUndeliverableNotice } from './undeliverable';

/** The mailer's: to contact persons, and the escalations to the guarantors. */
export const mailerEmails: MailerEmails = {
  invitation: renderInvitation,
  projectsAdded: renderProjectsAdded,
  reminder: renderReminder,
  projectReturned: renderProjectReturned,
  escalation: renderEscalation,
};

/** The steering group's notice that the monitoring report is ready, before its meeting. */
export const steeringGroupEmails: NotifyDeps['emails'] = { steeringGroupNotice: renderSteeringGroupNotice };

/** ARR's notice of an invitation that bounced or was marked as spam. */
export const deliveryEmails: DeliveryDeps['emails'] = { undeliverable: renderUndeliverableNotice };
