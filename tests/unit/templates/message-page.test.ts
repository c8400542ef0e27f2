import { describe, expect, it } from 'vitest';
import { renderMessagePage } from '../../../templates/page/message';

describe('renderMessagePage', () => {
  it('explains an invalid link and what to do, in the same Czech layout as the submission page', () => {
    // Prepare
    const view = {
      title: 'Odkaz není platný',
      message: 'Tento odkaz je chybný, vypršel nebo byl zrušen.',
      hint: 'Požádejte ARR o nový odkaz: novakova@arr-liberec.cz',
      status: 'invalid-link' as const,
    };

    // Act
    const html = renderMessagePage(view);

    // Assess
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<html lang="cs">');
    expect(html).toContain('<a class="skip-link" href="#obsah">');
    expect(html).toContain('<title>Odkaz není platný – Chytřejší Liberecký kraj</title>');
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    expect(html).toContain('<h1>Odkaz není platný</h1>');
    expect(html).toContain('Tento odkaz je chybný, vypršel nebo byl zrušen.');
    expect(html).toContain('Požádejte ARR o nový odkaz: novakova@arr-liberec.cz');
    expect(html).toContain('message-invalid-link');
  });

  it('leaves the hint out when there is none', () => {
    // Prepare
    const view = { title: 'Požadavek nelze vyřídit', message: 'Podklady se nepodařilo uložit.', status: 'error' as const };

    // Act
    const html = renderMessagePage(view);

    // Assess
    expect(html).toContain('message-error');
    const panel = /<div class="panel message-error">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(panel.match(/<p>/g)).toHaveLength(1);
  });

  it('escapes title, message and hint', () => {
    // Prepare
    const view = {
      title: '<script>alert(1)</script>',
      message: '<img src=x onerror=alert(2)>',
      hint: '"><svg onload=alert(3)>',
      status: 'error' as const,
    };

    // Act
    const html = renderMessagePage(view);

    // Assess
    expect(html).not.toMatch(/<script|<img|<svg/);
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('&lt;img src=x onerror=alert(2)>');
    expect(html).toContain('&quot;>&lt;svg onload=alert(3)>');
  });
});
