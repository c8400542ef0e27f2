import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Architecture, type CfnFunction, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { BUNDLE_ENTRY, bundleFunction, type BundleDataFiles } from './function-bundle';

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
  readonly copyIntoBundle?: BundleDataFiles;
}

export const DEFAULT_TIMEOUT = Duration.seconds(10);
export const DEFAULT_MEMORY_MB = 512;

/**
 * The function's code: its handler bundled by esbuild on this machine at synth, with the options
 * `npm run bench` measures (infra/function-bundle.ts). NodejsFunction cannot split code (it
 * always writes one `--outfile`), so the asset bundles itself. The asset's hash is that of the
 * output, so an unchanged bundle is not uploaded again.
 */
function bundledCode(functionFile: string, dataFiles: BundleDataFiles | undefined): Code {
  const entry = `functions/${functionFile}.ts`;
  return Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling always succeeds or throws. CDK requires an image anyway.
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
      // CDK reuses a bundle made in the same synth for the same source path and bundling options,
      // and it cannot see inside tryBundle: the entry must be among the options it compares.
      environment: { FUNCTION_ENTRY: entry },
      local: {
        tryBundle(outputDir) {
          bundleFunction({
            projectRoot: PROJECT_ROOT,
            entry,
            outdir: outputDir,
            ...(dataFiles === undefined ? {} : { dataFiles }),
          });
          return true;
        },
      },
    },
  });
}

/**
 * A Node.js function with the defaults every function of this app shares, so that the stacks only
 * say what differs (entry, environment, timeout, memory). Names are left to CloudFormation.
 */
export class MonitoringFunction extends LambdaFunction {
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
      code: bundledCode(props.functionFile, props.copyIntoBundle),
      handler: `${BUNDLE_ENTRY}.handler`,
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
      // No NODE_OPTIONS=--enable-source-maps: with it Node reads and parses every loaded module's
      // source map at import, which more than doubled the contact page's load CPU (95 → 150–230 ms,
      // measured with its bundle and 1.1 MB map). The maps stay in the asset: a logged stack trace
      // (index.mjs:line:column) is decoded against them (README, "Reading a stack trace").
      environment: {
        // https://docs.powertools.aws.dev/lambda/typescript/latest/environment-variables/
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        ...props.environment,
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
