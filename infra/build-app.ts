import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig } from './config';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export interface BuildAppOptions {
  /** Passed to the App (context, outdir, …); context keys are the ones read by `readConfig`. */
  readonly appProps?: AppProps;
  /**
   * Registers cdk-nag's AWS Solutions pack as a validation plugin, which fails the synth on any
   * unacknowledged finding. Tests of the template turn it off and run the pack directly instead.
   * @default true
   */
  readonly nag?: boolean;
}

export interface BuiltApp {
  readonly app: App;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

export const STATEFUL_STACK_ID = 'ChytrejsiKrajStateful';
export const STATELESS_STACK_ID = 'ChytrejsiKrajStateless';

/** Builds the whole app: the stateful stack, the stateless stack fed by it, and the cdk-nag checks. */
export function buildApp(options: BuildAppOptions = {}): BuiltApp {
  const app = new App(options.appProps);
  const config = readConfig(app.node);
  // Environment-agnostic unless the context names an account or region: synth needs no credentials.
  const env = config.account !== undefined || config.region !== undefined
    ? { env: { account: config.account, region: config.region } }
    : {};

  const stateful = new StatefulStack(app, STATEFUL_STACK_ID, {
    ...env,
    config,
    description: 'Chytřejší Liberecký kraj monitoring – data and email identity (stateful)',
  });
  const stateless = new StatelessStack(app, STATELESS_STACK_ID, {
    ...env,
    config,
    table: stateful.table,
    configurationSet: stateful.configurationSet,
    emailIdentity: stateful.emailIdentity,
    sesEventsTopic: stateful.sesEventsTopic,
    userPool: stateful.userPool,
    loginDomain: stateful.loginDomain,
    consoleSessionSecret: stateful.consoleSessionSecret,
    description: 'Chytřejší Liberecký kraj monitoring – functions, queues, API, schedules (stateless)',
  });

  if (options.nag ?? true) {
    // cdk-nag 3 is a policy validation plugin; the v2 `Aspects.of(app).add(...)` registration no longer applies.
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  }
  return { app, stateful, stateless };
}
