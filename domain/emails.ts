/**
 * What each email says, as data. The use cases fill these in and hand them to the EmailTemplates
 * port (domain/ports.ts); templates/email/ renders them to Czech HTML and plain text. The domain
 * itself never renders.
 */

export interface ProjectLine {
  name: string;
  activityAreaName: string;
}

export interface Contact {
  name: string;
  email: string;
  /** SES's reason when the invitation did not reach this address (hard bounce or complaint). */
  undelivered?: string;
}

export interface InvitationView {
  recipientName: string;
  /** e.g. `1. pololetí 2026` */
  periodLabel: string;
  deadline: Date;
  now: Date;
  link: string;
  projects: ProjectLine[];
  arrContact: Contact;
  /** The email brings a new link after ARR revoked the earlier ones (an invitation only). */
  replacesRevokedLinks?: boolean;
}

export interface ReminderView extends InvitationView {
  /** `before`: the deadline is still ahead; `overdue`: it has passed and the cycle is still open. */
  stage: 'before' | 'overdue';
}

export interface ProjectReturnedView {
  recipientName: string;
  /** e.g. `1. pololetí 2026` */
  periodLabel: string;
  deadline: Date;
  now: Date;
  link: string;
  project: ProjectLine;
  /** The version returned and when the person sent it. */
  version: number;
  submittedAt: Date;
  /** ARR's comment, as ARR wrote it (line breaks kept). */
  comment: string;
  arrContact: Contact;
}

export interface EscalationView {
  /** The guarantor's department, or ARR itself. */
  recipientName: string;
  periodLabel: string;
  deadline: Date;
  now: Date;
  /** null: the projects are outside every activity area, and ARR chases them itself. */
  areaName: string | null;
  late: Array<{ projectName: string; contacts: Contact[] }>;
}

export interface SteeringGroupNoticeView {
  periodLabel: string;
  /** YYYY-MM-DD */
  meetingDate: string;
  completeness: {
    submitted: number;
    total: number;
    missing: Array<{ projectName: string; contacts: string[] }>;
  };
  changedIndicators: Array<{ name: string; previous: number; current: number }>;
  flaggedProjects: Array<{ name: string; status: 'delayed' | 'cancelled' }>;
  /** One sentence naming the slipping projects (domain/slips/report.ts, slipSummaryLine). */
  slipLine: string;
  links: { html: string; md: string; docx: string };
}

export interface UndeliverableView {
  personName: string;
  email: string;
  periodLabel: string;
  outcome: 'hard-bounce' | 'complaint';
  /** SES's reason, e.g. `smtp; 550 5.1.1 user unknown`. */
  reason: string;
  projects: string[];
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
