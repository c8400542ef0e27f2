/**
 * MailQueue consumer: sends invitations, reminders and escalations. SQS may deliver a message more
 * than once; the event's id is the idempotency key, so a redelivered message never sends a second
 * email (the stored outcome is returned instead).
 */
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { deliverMail, type MailDeps, type MailOutcome, type MailRequest } from '../domain/use-cases/deliver-mail';
import { awsClock, awsConfig, awsCycles, awsEditorial, awsMail, awsPlans, awsSubmissions, awsTokenIssuer, awsTokens } from './composition/aws';
import { mailerEmails } from '../templates/email';
import { awsIdempotency } from './composition/idempotency';
import { sqsConsumer } from './sqs/consumer';

export const MAILER_FUNCTION = 'mailer';

/**
 * Longer than the queue's 4-day retention: any redelivery, however late, still finds the record.
 * The table's TTL removes it afterwards.
 */
const REMEMBER_SECONDS = 5 * 24 * 60 * 60;

/** The ports this function's use cases read: all it composes (bottom of the file). */
export type MailerDependencies = MailDeps;

export function createMailerHandler(deps: () => MailerDependencies, persistence: () => BasePersistenceLayer) {
  let idempotent: { config: IdempotencyConfig; deliver: (request: MailRequest) => Promise<MailOutcome> } | undefined;
  // Built on the first invocation, so importing the module neither reads the environment nor creates clients.
  const idempotentDelivery = () => {
    if (idempotent === undefined) {
      const config = new IdempotencyConfig({ eventKeyJmesPath: 'id', expiresAfterSeconds: REMEMBER_SECONDS });
      const deliver = makeIdempotent((request: MailRequest) => deliverMail(deps(), request), {
        persistenceStore: persistence(),
        config,
        // A stable prefix: the deployed function's generated name changes when the stack is replaced.
        keyPrefix: MAILER_FUNCTION,
        dataIndexArgument: 0,
      });
      idempotent = { config, deliver };
    }
    return idempotent;
  };

  return sqsConsumer({
    accepts: ['invitation-requested', 'reminder-due', 'project-returned'],
    // The remaining time bounds how long an in-progress record blocks a concurrent duplicate.
    beforeBatch: (context) => idempotentDelivery().config.registerLambdaContext(context),
    handle: async (event) => ({ ...(await idempotentDelivery().deliver(event)) }),
  });
}

export const handler = createMailerHandler(
  () => ({
    plans: awsPlans(),
    cycles: awsCycles(),
    submissions: awsSubmissions(),
    tokens: awsTokens(),
    editorial: awsEditorial(),
    clock: awsClock,
    config: awsConfig(),
    tokenIssuer: awsTokenIssuer(),
    mail: awsMail(),
    emails: mailerEmails,
  }),
  () => awsIdempotency(MAILER_FUNCTION),
);
