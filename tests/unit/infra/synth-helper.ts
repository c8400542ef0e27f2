import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { buildApp, type BuiltApp } from '../../../infra/build-app';

/**
 * Context that skips esbuild: the documented switch, so the template tests do not bundle
 * twelve functions (bundling is exercised by `cdk synth`).
 */
export const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] as string[] };

export interface Synthesized {
  readonly built: BuiltApp;
  readonly stateful: Template;
  readonly stateless: Template;
}

export function synthesize(context: Record<string, unknown> = {}): Synthesized {
  const built = buildApp({ nag: false, appProps: { context: { ...SKIP_BUNDLING, ...context } } });
  return {
    built,
    stateful: Template.fromStack(built.stateful),
    stateless: Template.fromStack(built.stateless),
  };
}

/** The logical id of the CloudFormation resource behind an L2 construct. */
export function logicalId(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}

type Statement = { Action: string | string[]; Effect: string; Resource: unknown };
type PolicyResource = { Properties: { PolicyDocument: { Statement: Statement[] }; Roles: { Ref: string }[] } };

/** Every Allow statement of the inline policies attached to the given role, flattened. */
export function allowStatementsOfRole(template: Template, roleLogicalId: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy') as Record<string, PolicyResource>;
  return Object.values(policies)
    .filter((policy) => policy.Properties.Roles.some((role) => role.Ref === roleLogicalId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
    .filter((statement) => statement.Effect === 'Allow');
}

export function actionsOf(statements: Statement[]): string[] {
  return statements.flatMap((statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]));
}
