import type { Node } from 'constructs';

/** Deployment settings read from CDK context (`cdk.json` or `cdk synth -c key=value`). */
export interface MonitoringConfig {
  /** The From address of every email; also the SES identity that is verified and granted. */
  readonly senderEmail: string;
  /** When set, the whole domain is verified in SES instead of the single sender address. */
  readonly senderDomain?: string;
  /** The coordinating agency (ARR) mailbox that receives copies and escalations. */
  readonly arrEmail: string;
  /** Members of the steering group (Řídící skupina koncepce). */
  readonly steeringGroupEmails: readonly string[];
  /** Days after the deadline before an unclosed cycle is closed automatically. */
  readonly autoCloseGraceDays: number;
  /** Days before a steering group meeting that its members are sent the report. */
  readonly steeringGroupNoticeDays: number;
  /** Identifier of the action plan the cycles belong to. */
  readonly planId: string;
  /**
   * Prefix of the Cognito managed login domain (`<prefix>.auth.<region>.amazoncognito.com`);
   * it must be unique in the region, so each deployment names its own.
   */
  readonly loginDomainPrefix: string;
  /** Optional target account and region; without them the stacks stay environment-agnostic. */
  readonly account?: string;
  readonly region?: string;
}

// Reserved example domains (RFC 2606) so that a synth with no context never addresses a real mailbox.
export const DEFAULT_CONFIG: MonitoringConfig = {
  senderEmail: 'monitoring@example.org',
  arrEmail: 'arr@example.org',
  steeringGroupEmails: ['ridici-skupina@example.org'],
  autoCloseGraceDays: 3,
  steeringGroupNoticeDays: 7,
  planId: '2024-2026',
  loginDomainPrefix: 'chytrejsi-kraj-monitoring',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

function readString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context "${key}" must be a string, got ${JSON.stringify(value)}`);
  return value.trim();
}

function readEmail(node: Node, key: string, fallback: string): string {
  const value = readString(node, key) ?? fallback;
  if (!EMAIL.test(value)) throw new Error(`Context "${key}" is not an email address: "${value}"`);
  return value;
}

// `-c key=a,b` arrives as a string while cdk.json may hold a JSON array: both are accepted.
function readEmailList(node: Node, key: string, fallback: readonly string[]): readonly string[] {
  const raw: unknown = node.tryGetContext(key);
  let list: readonly string[];
  if (raw === undefined || raw === null || raw === '') list = fallback;
  else if (typeof raw === 'string') list = raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  else if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) list = raw.map((item: string) => item.trim());
  else throw new Error(`Context "${key}" must be a comma separated string or an array of strings`);
  if (list.length === 0) throw new Error(`Context "${key}" must name at least one address`);
  for (const email of list) {
    if (!EMAIL.test(email)) throw new Error(`Context "${key}" contains an invalid email address: "${email}"`);
  }
  return list;
}

function readDayCount(node: Node, key: string, fallback: number): number {
  const raw: unknown = node.tryGetContext(key);
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return fallback;
  const value = typeof raw === 'string' ? Number(raw.trim()) : raw;
  // Zero is allowed (close right at the deadline, notify on the meeting day), as the handlers accept it.
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new Error(`Context "${key}" must be a whole number of days (0 or more), got ${JSON.stringify(raw)}`);
  }
  return value;
}

// Cognito's rule for domain prefixes: lower-case letters, digits and hyphens, not starting or ending with a hyphen.
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function readLoginDomainPrefix(node: Node): string {
  const value = readString(node, 'loginDomainPrefix') ?? DEFAULT_CONFIG.loginDomainPrefix;
  if (!DOMAIN_PREFIX.test(value) || value.includes('aws') || value.includes('cognito')) {
    throw new Error(`Context "loginDomainPrefix" must be lower-case letters, digits and hyphens without "aws" or "cognito", got "${value}"`);
  }
  return value;
}

/** Reads and validates the deployment settings, failing the synth early on a malformed value. */
export function readConfig(node: Node): MonitoringConfig {
  const senderDomain = readString(node, 'senderDomain');
  if (senderDomain !== undefined && !DOMAIN.test(senderDomain)) {
    throw new Error(`Context "senderDomain" is not a domain name: "${senderDomain}"`);
  }
  const senderEmail = readEmail(node, 'senderEmail', DEFAULT_CONFIG.senderEmail);
  if (senderDomain !== undefined && !senderEmail.toLowerCase().endsWith(`@${senderDomain.toLowerCase()}`)) {
    throw new Error(`Context "senderEmail" (${senderEmail}) must belong to "senderDomain" (${senderDomain})`);
  }
  const account = readString(node, 'account');
  const region = readString(node, 'region');
  return {
    senderEmail,
    ...(senderDomain === undefined ? {} : { senderDomain }),
    arrEmail: readEmail(node, 'arrEmail', DEFAULT_CONFIG.arrEmail),
    steeringGroupEmails: readEmailList(node, 'steeringGroupEmails', DEFAULT_CONFIG.steeringGroupEmails),
    autoCloseGraceDays: readDayCount(node, 'autoCloseGraceDays', DEFAULT_CONFIG.autoCloseGraceDays),
    steeringGroupNoticeDays: readDayCount(node, 'steeringGroupNoticeDays', DEFAULT_CONFIG.steeringGroupNoticeDays),
    planId: readString(node, 'planId') ?? DEFAULT_CONFIG.planId,
    loginDomainPrefix: readLoginDomainPrefix(node),
    ...(account === undefined ? {} : { account }),
    ...(region === undefined ? {} : { region }),
  };
}
