/** The EmailTemplates port (domain/ports.ts): every email the system sends, rendered here. */
import type { EmailTemplates } from '../../domain/ports';
import { renderEscalation } from './escalation';
import { renderInvitation } from './invitation';
import { renderReminder } from './reminder';
import { renderProjectReturned } from './returned';
import { renderSteeringGroupNotice } from './steering-group';
import { renderUndeliverableNotice } from './undeliverable';

export const emailTemplates: EmailTemplates = {
  invitation: renderInvitation,
  reminder: renderReminder,
  projectReturned: renderProjectReturned,
  escalation: renderEscalation,
  steeringGroupNotice: renderSteeringGroupNotice,
  undeliverable: renderUndeliverableNotice,
};
