import { Stack } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../../infra/build-app';
import { SKIP_BUNDLING } from './synth-helper';

/** One line per unacknowledged finding: rule id and the construct path it was found on. */
function findings(scope: Parameters<AwsSolutionsChecks['validateScope']>[0]): string[] {
  const report = new AwsSolutionsChecks().validateScope(scope);
  return report.violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => `${violation.ruleName} @ ${resource.constructPath}`),
  );
}

// Each test synthesizes the whole app in its body: allow for a loaded CI machine.
const SYNTH_TIMEOUT_MS = 90_000;

describe('cdk-nag AWS Solutions checks', () => {
  it('report no unacknowledged finding, error or warning, on the whole app', () => {
    // Prepare
    const { app } = buildApp({ nag: false, appProps: { context: SKIP_BUNDLING } });
    app.synth();

    // Act
    const found = findings(app);

    // Assess
    expect(found).toEqual([]);
  }, SYNTH_TIMEOUT_MS);

  it('detect a non-compliant resource, so the check above can fail', () => {
    // Prepare
    const { app, stateless } = buildApp({ nag: false, appProps: { context: SKIP_BUNDLING } });
    new Queue(stateless, 'CanaryQueue', { enforceSSL: false });
    app.synth();

    // Act
    const found = findings(app);

    // Assess
    expect(found).toEqual(
      expect.arrayContaining([
        'AwsSolutions-SQS3 @ ChytrejsiKrajStateless/CanaryQueue/Resource',
        'AwsSolutions-SQS4 @ ChytrejsiKrajStateless/CanaryQueue/Resource',
      ]),
    );
  }, SYNTH_TIMEOUT_MS);

  it('run as a validation plugin that lets the real app synthesize', () => {
    // Prepare
    const { app, stateless } = buildApp({ appProps: { context: SKIP_BUNDLING } });

    // Act
    const assembly = app.synth();

    // Assess
    expect(assembly.getStackByName(Stack.of(stateless).stackName).template).toHaveProperty('Resources');
  }, SYNTH_TIMEOUT_MS);

  it('as a validation plugin, fail the synth on a finding', () => {
    // Prepare
    const { app, stateless } = buildApp({ appProps: { context: SKIP_BUNDLING } });
    new Queue(stateless, 'CanaryQueue', { enforceSSL: false });

    // Act
    const synth = () => app.synth();

    // Assess
    expect(synth).toThrow(/AwsSolutions-SQS4/);
  }, SYNTH_TIMEOUT_MS);
});
