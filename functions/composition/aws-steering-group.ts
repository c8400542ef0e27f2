/**
 * The ports of the steering group's notice, sent when ARR asks (notify-steering-group) or by the
 * daily schedule (steering-group-schedule). Apart from ./aws.ts because it renders DOCX: a module
 * that every function imports must not name the docx chunk, or esbuild writes it into every bundle.
 */
import type { NotifyDeps } from '../../domain/use-cases/notify-steering-group';
import { awsClock, awsConfig, awsCycles, awsEvents, awsIndicators, awsMail, awsPlans, awsReports, awsSubmissions } from './aws';
import { steeringGroupEmails } from '../../templates/email';
import { lazyReportDocuments } from './documents';

export const awsSteeringGroupNotice = (): NotifyDeps => ({
  plans: awsPlans(),
  cycles: awsCycles(),
  submissions: awsSubmissions(),
  indicators: awsIndicators(),
  reports: awsReports(),
  clock: awsClock,
  config: awsConfig(),
  events: awsEvents(),
  mail: awsMail(),
  emails: steeringGroupEmails,
  documents: lazyReportDocuments,
});
