/**
 * The console under generated input, over the local stack. Every post form the console shows ARR
 * (found by following its links from the cycles page) is posted with a valid CSRF token and its
 * own fields, each kept, left out or given an odd value: empty, very long, unicode controls,
 * numbers beyond 2^53 or too small to store, dates that do not exist. Every page found is asked
 * for again with one part of its address or its query changed. No answer may be a 5xx or show a
 * stack trace. Afterwards the plan must still take a change: a refused value once claimed a
 * revision of the plan that the store could not hold, and every later change failed on it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '../../local/system';
import { ConsoleClient, csrfTokenOf, type ConsoleResponse } from '../support/console-client';
import { unescapeHtml } from './support/page';
import { startStack, type E2eStack } from './support/stack';

/** The console's page for an unexpected failure (functions/console/error-pages). */
const FAILURE_PAGE = 'Něco se pokazilo';
const STACK_TRACE = /\bat \S+ \(|\bat file:|node_modules|Error: /;

/** An answer no input may get: a 5xx, the console's failure page, or a stack trace. */
const failed = (answer: ConsoleResponse) => answer.status >= 500 || answer.body.includes(FAILURE_PAGE) || STACK_TRACE.test(answer.body);

interface PostForm {
  action: string;
  /** Field names with the values the page gave them (a checkbox or radio group has several). */
  fields: Map<string, string[]>;
  multipart: boolean;
}

const ODD_VALUES = [
  '',
  ' \n ',
  '0',
  '-1',
  '1e309',
  '1 234,5',
  'NaN',
  '2026-02-30',
  '2026-13-01',
  '31. 12. 2026',
  'x'.repeat(20_000),
  '\u0000',
  '\u202e',
  '<script>alert(1)</script>',
  '😀'.repeat(40),
  'Příliš žluťoučký kůň',
  '%',
  '"',
  '14, 7, 1',
  '1,,2',
  'a@example.org',
  'on',
];

/** Numbers a form turns into values that a store may refuse or round. */
const NUMBER_EDGES = ['9007199254740993', `1${'0'.repeat(25)}`, '0,00001', `0.${'0'.repeat(200)}1`, '-0', '1e309', '1000000001'];

let stack: E2eStack;
let system: LocalSystem;
let arr: ConsoleClient;
let csrf: string;
let crawled: { pages: Map<string, number>; forms: PostForm[] };

beforeAll(async () => {
  stack = await startStack();
  system = stack.system;
  const opened = await stack.arr.openCycle({ period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10' });
  if (opened.status !== 201) throw new Error(`Opening failed: HTTP ${opened.status}`);
  await system.drainQueues();
  arr = new ConsoleClient(system.apiUrl);
  const account = system.identity.accounts.find((candidate) => candidate.groups.includes('arr'))!;
  csrf = csrfTokenOf((await arr.signIn(account.email, account.password)).body);
  crawled = await crawlConsole(arr, 250);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

/** Follows the console's links from `/arr` (no sign-out, no downloads): each page's status, and every post form with its fields. */
async function crawlConsole(client: ConsoleClient, maxPages: number): Promise<{ pages: Map<string, number>; forms: PostForm[] }> {
  const pages = new Map<string, number>();
  const forms = new Map<string, PostForm>();
  const queue = ['/arr'];
  while (queue.length > 0 && pages.size < maxPages) {
    const path = queue.shift()!;
    if (pages.has(path)) continue;
    const page = await client.request(path);
    pages.set(path, page.status);
    for (const [, href] of page.body.matchAll(/href="(\/arr[^"#]*)"/g)) {
      const link = unescapeHtml(href!);
      if (!link.includes('sign-out') && !link.includes('format=') && !pages.has(link)) queue.push(link);
    }
    for (const [, attributes, inner] of page.body.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
      if (!/method="post"/i.test(attributes!)) continue;
      const action = unescapeHtml(/action="([^"]*)"/.exec(attributes!)?.[1] ?? path);
      if (action.includes('sign-out')) continue;
      const fields = new Map<string, string[]>();
      for (const [, control] of inner!.matchAll(/<(?:input|select|textarea)([^>]*)>/g)) {
        const attribute = (name: string) => unescapeHtml(new RegExp(`${name}="([^"]*)"`).exec(control!)?.[1] ?? '');
        const name = attribute('name');
        if (name === '' || name === '_csrf') continue;
        fields.set(name, [...(fields.get(name) ?? []), attribute('value')]);
      }
      forms.set(action, { action, fields, multipart: /multipart\/form-data/.test(attributes!) });
    }
  }
  return { pages, forms: [...forms.values()] };
}

const generatedValue = fc.oneof(
  fc.constantFrom(...ODD_VALUES),
  fc.constantFrom(...NUMBER_EDGES),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.stringMatching(/^-?\d{1,20}(?:[.,]\d{1,12})?$/),
);

/** Per field: keep the page's value, leave the field out, or send a generated one. */
const fieldChoice = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'keep' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'omit' as const }) },
  { weight: 3, arbitrary: generatedValue.map((value) => ({ kind: 'send' as const, value })) },
);

/**
 * A post: either one field given a generated value and the others kept as the page gave them
 * (which reaches the checks behind the first refusal), or every field chosen on its own.
 */
const postChoices = fc.oneof(
  fc.record({ kind: fc.constant('one' as const), position: fc.nat(), value: generatedValue }),
  fc.record({ kind: fc.constant('each' as const), choices: fc.array(fieldChoice, { minLength: 40, maxLength: 40 }) }),
);

describe('the console under generated form posts', () => {
  it('answers every post to every form with a page or a Czech refusal, never a 5xx or a stack trace, and the plan still takes a change', async () => {
    // Prepare
    const { pages, forms } = crawled;
    const failures: string[] = [];

    // Act
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: forms.length - 1 }), postChoices, fc.option(fc.constantFrom('x', 'expectedRevision', 'a.b', '__proto__'), { nil: undefined }), async (index, post, extraField) => {
        const form = forms[index]!;
        // The revision a page was rendered with is soon stale, and a stale one is refused before the values are read.
        const fields = [...form.fields].filter(([name]) => name !== 'expectedRevision');
        const body: Array<[string, string]> = [['_csrf', csrf]];
        fields.forEach(([name, values], position) => {
          const choice = post.kind === 'one' ? (position === post.position % fields.length ? { kind: 'send' as const, value: post.value } : { kind: 'keep' as const }) : post.choices[position % post.choices.length]!;
          if (choice.kind === 'keep') body.push([name, values[0]!]);
          else if (choice.kind === 'send') body.push([name, choice.value]);
        });
        if (extraField !== undefined) body.push([extraField, '1']);
        let answer;
        if (form.multipart) {
          const multipart = new FormData();
          for (const [name, value] of body) multipart.append(name, value);
          answer = await arr.request(form.action, { multipart });
        } else {
          answer = await arr.request(form.action, { form: Object.fromEntries(body) });
        }
        if (failed(answer)) failures.push(`${answer.status} ${form.action} ${JSON.stringify(body).slice(0, 400)}`);
        // Collected, not failed: shrinking would post again and again to a console whose state each post changes.
      }),
      { numRuns: 400 },
    );
    const before = await system.deps.plans.currentRevision(system.deps.config.planId);
    const indicator = (await system.deps.plans.getPlan(system.deps.config.planId)).indicators[0]!;
    const change = await arr.request(`/arr/plan/indicators/${indicator.code}`, {
      form: { _csrf: csrf, name: indicator.name, unit: indicator.unit, baselineValue: indicator.baseline.value === 1 ? '2' : '1', baselineAsOf: indicator.baseline.asOf },
    });

    // Assess
    expect([...pages.values()].filter((status) => status >= 500)).toEqual([]);
    expect(forms.length).toBeGreaterThan(50);
    expect(failures).toEqual([]);
    expect(change.status).toBe(303);
    expect(await system.deps.plans.currentRevision(system.deps.config.planId)).toBe(before + 1);
  }, 300_000);

  it('answers every page asked for with one part of its address or query changed with a page, a redirect or a Czech refusal', async () => {
    // Prepare
    const addresses = [...crawled.pages.keys()];
    const failures: string[] = [];
    const part = fc.oneof(
      fc.constantFrom('%00', '%ZZ', '..', '%2e%2e', '1e309', '-1', '9007199254740993', '2026-H3', '1999-H1', '%E2%80%AE', '%F0%9F%98%80', 'a%2Fb', '__proto__', 'constructor', '2026-02-30', 'x'.repeat(3000)),
      fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
    );

    // Act
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: addresses.length - 1 }), fc.nat(), fc.boolean(), part, async (index, position, inPath, value) => {
        const [path = '', query = ''] = addresses[index]!.split('?');
        const segments = path.split('/');
        const keys = ['hotovo', 'verze', 'ulozeno', 'u', 'oblast', 'format', ...new URLSearchParams(query).keys()];
        // `/arr/<segment>/…`: any segment after `arr`, or a query parameter the pages read.
        const changed =
          inPath && segments.length > 2
            ? `${segments.with(2 + (position % (segments.length - 2)), value).join('/')}${query ? `?${query}` : ''}`
            : `${path}?${keys[position % keys.length]}=${value}${query ? `&${query}` : ''}`;
        const answer = await arr.request(changed);
        if (failed(answer)) failures.push(`${answer.status} ${changed.slice(0, 300)}`);
      }),
      { numRuns: 300 },
    );

    // Assess
    expect(failures).toEqual([]);
  }, 300_000);
});
