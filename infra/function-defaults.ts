import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Architecture, type CfnFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** The Powertools service name shared by all functions: they form one logical service. */
export const SERVICE_NAME = 'chytrejsi-kraj-monitoring';

/** Repository root; function entries live in `<root>/functions/<name>.ts`. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface MonitoringFunctionProps {
  /** File name under `functions/` without the `.ts` extension; the file exports `handler`. */
  readonly functionFile: string;
  readonly description: string;
  /** Variables the handler reads (see the stateless stack for the contract). */
  readonly environment: Readonly<Record<string, string>>;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** @default 512 MB */
  readonly memorySize?: number;
  /** Data files the function reads at run time: `from` (relative to the project root) is copied to `to` in the bundle. */
  readonly copyIntoBundle?: { readonly from: string; readonly to: string };
}

export const DEFAULT_TIMEOUT = Duration.seconds(10);
export const DEFAULT_MEMORY_MB = 512;

/**
 * A Node.js function with the defaults every function of this app shares, so that the stacks only
 * say what differs (entry, environment, timeout, memory). Names are left to CloudFormation.
 */
export class MonitoringFunction extends NodejsFunction {
  public constructor(scope: Construct, id: string, props: MonitoringFunctionProps) {
    // Created before super() can run, so it is a sibling of the function rather than a child.
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      // 3 months covers two half-year cycles' worth of troubleshooting questions without paying
      // for indefinite storage. RETAIN (not DESTROY): the logs are the audit trail of who was mailed
      // and what was submitted, so deleting the stack must not delete them; retention still expires
      // them. No explicit name, so a re-created stack never collides with a retained group.
      // https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    super(scope, id, {
      entry: `${PROJECT_ROOT}functions/${props.functionFile}.ts`,
      handler: 'handler',
      description: props.description,
      // https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
      runtime: Runtime.NODEJS_22_X,
      // Graviton: cheaper per GB-second and the bundles contain no native code.
      // https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html
      architecture: Architecture.ARM_64,
      // https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html
      memorySize: props.memorySize ?? DEFAULT_MEMORY_MB,
      // https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html
      timeout: props.timeout ?? DEFAULT_TIMEOUT,
      // https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: {
        // Stack traces point at the TypeScript sources through the bundled source maps.
        // https://docs.aws.amazon.com/lambda/latest/dg/typescript-exceptions.html
        NODE_OPTIONS: '--enable-source-maps',
        // https://docs.powertools.aws.dev/lambda/typescript/latest/environment-variables/
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        ...props.environment,
      },
      // https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_lambda_nodejs-readme.html#configuring-esbuild
      bundling: {
        minify: true,
        sourceMap: true,
        format: OutputFormat.ESM,
        target: 'node22',
        // Prefer the ESM build of dependencies so tree shaking works.
        mainFields: ['module', 'main'],
        // The AWS SDK is bundled too: the versions pinned in package-lock.json are the ones tested,
        // not whatever SDK the runtime happens to ship.
        externalModules: [],
        // CommonJS dependencies call require(), which does not exist in an ESM bundle.
        // https://docs.aws.amazon.com/lambda/latest/dg/typescript-package.html
        banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        ...(props.copyIntoBundle === undefined ? {} : { commandHooks: copyHooks(props.copyIntoBundle) }),
      },
    });

    Validations.of(this.node.defaultChild as CfnFunction).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is pinned deliberately (supported until 2027, matches the esbuild target and the tested toolchain); moving to 24 is a planned upgrade, not a silent default.',
    });

    // Narrowest scope: only this function's execution role and its default policy.
    const role = this.role;
    if (role !== undefined) {
      Validations.of(role).acknowledge(
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: 'The AWS managed basic execution role only lets the function write its own CloudWatch logs, which every function needs.',
        },
        {
          id: 'AwsSolutions-IAM5[Resource::*]',
          reason: 'X-Ray PutTraceSegments and PutTelemetryRecords do not support resource-level permissions, so active tracing needs Resource "*".',
        },
      );
    }
  }
}

/** Bundling hooks that copy a folder of data files into the function's asset. */
function copyHooks(copy: { from: string; to: string }) {
  return {
    beforeBundling: (): string[] => [],
    beforeInstall: (): string[] => [],
    afterBundling: (inputDir: string, outputDir: string): string[] => [
      `mkdir -p "${outputDir}/${copy.to}"`,
      `cp -R "${inputDir}/${copy.from}/." "${outputDir}/${copy.to}/"`,
    ],
  };
}
