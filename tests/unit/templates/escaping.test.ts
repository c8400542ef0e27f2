/*
 * User text reaches three kinds of HTML: the contact person's page, the emails and the reports.
 * All of them are JSX rendered by preact-render-to-string, so a payload must arrive as the same
 * text (after the browser decodes the entities) and never as a tag or an attribute.
 */
import { describe, expect, it } from 'vitest';
import { renderMonitoringReportHtml } from '../../../documents/monitoring/html';
import { renderInvitation } from '../../../templates/email/invitation';
import { renderSubmissionPage } from '../../../templates/page/submission';
import { aReportWithEveryTextAs } from '../documents/factory';

const PAYLOADS = [
  '<script>alert("x")</script>',
  `" onmouseover='alert(1)' x="`,
  `'><img src=x onerror=alert(2)>`,
  'R&D &lt;b&gt;',
];
const CZECH = 'Příliš žluťoučký kůň úpěl ďábelské ódy – „uvozovky“';

interface Tag {
  name: string;
  attributes: Map<string, string>;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function decode(value: string): string {
  return value.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * Every start tag as an HTML parser reads it: attribute values are double-quoted and may hold `>`.
 * Text between tags never holds a raw `<`, so a `<` always starts a tag here.
 */
function tagsOf(html: string): Tag[] {
  const body = html.replace(/<style>[\s\S]*?<\/style>/g, '<style>');
  return [...body.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/g)].map(([, name = '', attributes = '']) => ({
    name: name.toLowerCase(),
    attributes: new Map([...attributes.matchAll(/([^\s"'>/=]+)(?:="([^"]*)")?/g)].map(([, key = '', value = '']) => [key, decode(value)])),
  }));
}

/** Every text between tags, decoded, as the reader sees it. */
function textsOf(html: string): string[] {
  const body = html.replace(/<style>[\s\S]*?<\/style>/g, '');
  return [...body.matchAll(/>([^<]+)</g)].map(([, text = '']) => decode(text));
}

function expectOnlyOurMarkup(html: string): void {
  expect(html.replace(/<style>[\s\S]*?<\/style>/g, '')).not.toMatch(/<(?:script|img)\b/i);
  const tagNames = new Set(tagsOf(html).map((tag) => tag.name));
  expect(tagNames).not.toContain('script');
  expect(tagNames).not.toContain('img');
  const attributeNames = tagsOf(html).flatMap((tag) => [...tag.attributes.keys()]);
  expect(attributeNames.filter((name) => /^on/i.test(name) || name === 'x' || name === 'src')).toEqual([]);
}

describe.each(PAYLOADS)('user text %s', (payload) => {
  it('stays text on the contact person’s page, in content and in attributes', () => {
    // Prepare
    const view = {
      personName: payload,
      periodLabel: '1. pololetí 2026',
      nextPeriodLabel: '2. pololetí 2026',
      deadline: new Date('2026-07-15T21:59:00Z'),
      now: new Date('2026-07-12T08:00:00Z'),
      formAction: `/s/token/${payload}`,
      projects: [
        {
          projectId: 'digitalni-kavarny',
          name: payload,
          activityAreaName: CZECH,
          activityName: null,
          goal: payload,
          previousPlan: payload,
          expectedVersion: 0,
          values: { thisPeriod: payload, nextPeriodPlan: '', status: '', indicatorContributions: { 'VZ-1': payload }, noteToArr: '' },
          indicators: [{ code: 'VZ-1', name: 'Počet zapojených škol' }],
          errors: { 'indicatorContributions.VZ-1': payload },
        },
      ],
    };

    // Act
    const html = renderSubmissionPage(view);

    // Assess
    expectOnlyOurMarkup(html);
    const tags = tagsOf(html);
    expect(tags.find((tag) => tag.name === 'form')?.attributes.get('action')).toBe(`/s/token/${payload}`);
    expect(tags.find((tag) => tag.attributes.get('name') === 'digitalni-kavarny.indicatorContributions.VZ-1')?.attributes.get('value')).toBe(payload);
    const texts = textsOf(html);
    expect(texts).toContain(payload);
    expect(texts).toContain(`\n${payload}`); // the textarea, whose first newline the parser drops
    expect(texts).toContain(CZECH);
  });

  it('stays text in an email’s HTML part, in content and in a link', () => {
    // Prepare
    const view = {
      recipientName: payload,
      periodLabel: '1. pololetí 2026',
      deadline: new Date('2026-07-15T21:59:00Z'),
      now: new Date('2026-07-01T08:00:00Z'),
      link: `https://monitoring.example.cz/s/abc?q=${payload}`,
      projects: [{ name: payload, activityAreaName: CZECH }],
      arrContact: { name: 'Jana Nováková', email: 'novakova@arr-liberec.cz' },
    };

    // Act
    const email = renderInvitation(view);

    // Assess
    expectOnlyOurMarkup(email.html);
    const hrefs = tagsOf(email.html).flatMap((tag) => tag.attributes.get('href') ?? []);
    expect(hrefs).toContain(`https://monitoring.example.cz/s/abc?q=${payload}`);
    expect(textsOf(email.html)).toContain(payload);
    expect(email.html).toContain(CZECH);
    expect(email.text).toContain(payload);
  });

  it('stays text in the monitoring report', () => {
    // Prepare
    const report = aReportWithEveryTextAs(payload);

    // Act
    const html = renderMonitoringReportHtml(report);

    // Assess
    expectOnlyOurMarkup(html);
    expect(textsOf(html).filter((text) => text === payload).length).toBeGreaterThanOrEqual(20);
  });
});
