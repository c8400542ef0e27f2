// The local runtime restates the stateless stack's routes, queues and schedules (local/topology.ts);
// this synthesises the real stack and fails as soon as the two drift apart.
import { describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../../infra/build-app';
import { MAX_RECEIVE_COUNT, QUEUES, ROUTES, SCHEDULE_DEFINITIONS } from '../../../local/topology';

type Resource = { Type: string; Properties: Record<string, unknown> };

function synthesiseStateless(): Record<string, Resource> {
  // Bundling is skipped: only the wiring is compared, not the function code.
  const { stateless } = buildApp({ nag: false, appProps: { context: { 'aws:cdk:bundling-stacks': [] } } });
  return Template.fromStack(stateless).toJSON().Resources as Record<string, Resource>;
}

describe('local topology', () => {
  it('mirrors the routes, queues, consumers and schedules of the stateless stack', () => {
    // Prepare
    const resources = Object.values(synthesiseStateless());
    const ofType = (type: string) => resources.filter((resource) => resource.Type === type).map((resource) => resource.Properties);

    // Act
    const routeKeys = ofType('AWS::ApiGatewayV2::Route').map((route) => ({
      routeKey: route.RouteKey,
      iam: route.AuthorizationType === 'AWS_IAM',
    }));
    const sourceQueues = ofType('AWS::SQS::Queue').filter((queue) => queue.RedrivePolicy !== undefined);
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    const schedules = ofType('AWS::Scheduler::Schedule').map((schedule) => ({
      expression: schedule.ScheduleExpression,
      zone: schedule.ScheduleExpressionTimezone,
    }));

    // Assess
    expect(routeKeys.sort((a, b) => String(a.routeKey).localeCompare(String(b.routeKey)))).toEqual(
      ROUTES.map((route) => ({ routeKey: `${route.method} ${route.path}`, iam: route.access === 'arr' })).sort((a, b) =>
        a.routeKey.localeCompare(b.routeKey),
      ),
    );
    expect(sourceQueues.map((queue) => queue.VisibilityTimeout).sort()).toEqual(QUEUES.map((queue) => queue.visibilityTimeoutSeconds).sort());
    expect(sourceQueues.map((queue) => (queue.RedrivePolicy as { maxReceiveCount: number }).maxReceiveCount)).toEqual(
      QUEUES.map(() => MAX_RECEIVE_COUNT),
    );
    expect(mappings.map((mapping) => mapping.BatchSize).sort()).toEqual(QUEUES.map((queue) => queue.batchSize).sort());
    expect(mappings.every((mapping) => (mapping.FunctionResponseTypes as string[]).includes('ReportBatchItemFailures'))).toBe(true);
    expect(schedules.sort((a, b) => String(a.expression).localeCompare(String(b.expression)))).toEqual(
      SCHEDULE_DEFINITIONS.map((schedule) => ({ expression: schedule.expression, zone: 'Europe/Prague' })).sort((a, b) =>
        a.expression.localeCompare(b.expression),
      ),
    );
  });
});
