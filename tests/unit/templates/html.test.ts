import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../templates/html';

describe('escapeHtml', () => {
  it('neutralises a script payload', () => {
    // Prepare
    const payload = '<script>alert("x")</script>';

    // Act
    const escaped = escapeHtml(payload);

    // Assess
    expect(escaped).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('cannot break out of a quoted attribute', () => {
    // Prepare
    const payload = `" onmouseover='alert(1)' x="`;

    // Act
    const escaped = escapeHtml(payload);

    // Assess
    expect(escaped).not.toMatch(/["'<>]/);
    expect(escaped).toBe('&quot; onmouseover=&#39;alert(1)&#39; x=&quot;');
  });

  it('escapes ampersands so existing entities are shown literally', () => {
    // Prepare
    const text = 'R&D &lt;b&gt;';

    // Act
    const escaped = escapeHtml(text);

    // Assess
    expect(escaped).toBe('R&amp;D &amp;lt;b&amp;gt;');
  });

  it('leaves Czech text untouched', () => {
    // Prepare
    const text = 'Příliš žluťoučký kůň úpěl ďábelské ódy – „uvozovky“';

    // Act
    const escaped = escapeHtml(text);

    // Assess
    expect(escaped).toBe(text);
  });
});
