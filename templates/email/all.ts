/**
 * Every email, for a runtime of every use case (the local stack, the tests). A module of its own:
 * esbuild keeps an object spread (it may run getters), so in ./index.ts it would put every
 * renderer into every function's bundle.
 */
import type { EmailTemplates } from '../../domain/ports';
import { deliveryEmails, mailerEmails, steeringGroupEmails } from '.';

export const emailTemplates: EmailTemplates = { ...mailerEmails, ...steeringGroupEmails, ...deliveryEmails };
