import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface WorkQueueProps {
  /** Timeout of the one Lambda function that consumes the queue. */
  readonly consumerTimeout: Duration;
}

/** Messages are retried this many times before they are parked in the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 5;
export const SOURCE_RETENTION = Duration.days(4);
// Longer than the source retention, so a message moved late in its life still has time to be inspected.
export const DLQ_RETENTION = Duration.days(14);

/**
 * The visibility timeout for a queue consumed by a function with the given timeout. AWS advises
 * at least six times the function timeout, so that a batch being retried after throttling is not
 * handed to a second invocation while the first still works on it.
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
 */
export function visibilityTimeoutFor(consumerTimeout: Duration): Duration {
  return Duration.seconds(consumerTimeout.toSeconds() * 6);
}

/** An encrypted, TLS-only queue with its dead-letter queue and an alarm on anything landing there. */
export class WorkQueue extends Construct {
  public readonly queue: Queue;
  public readonly deadLetterQueue: Queue;
  public readonly deadLetterAlarm: Alarm;

  public constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      retentionPeriod: DLQ_RETENTION,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });

    this.queue = new Queue(this, 'Queue', {
      retentionPeriod: SOURCE_RETENTION,
      visibilityTimeout: visibilityTimeoutFor(props.consumerTimeout),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    // One message in the DLQ means a piece of work (an email, a report) was given up on: someone must look.
    this.deadLetterAlarm = new Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: `A message of ${id} failed ${MAX_RECEIVE_COUNT} times and was moved to its dead-letter queue.`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
