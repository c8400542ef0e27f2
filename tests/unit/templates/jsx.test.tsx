import { describe, expect, it } from 'vitest';
import { rawHtml, renderFragment, renderPage, styleSheet } from '../../../templates/jsx/render';

describe('JSX rendering', () => {
  it('escapes text and attribute values by default', () => {
    // Prepare
    const payload = `<script>alert("x")</script>`;

    // Act
    const html = renderFragment(<p title={`" onmouseover='x'`}>{payload}</p>);

    // Assess
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script>');
    expect(html).not.toMatch(/title="[^"]*" onmouseover/);
  });

  it('lets trusted markup through rawHtml only', () => {
    // Act
    const html = renderFragment(rawHtml('<h2>Kapitola</h2>', { className: 'report' }));

    // Assess
    expect(html).toBe('<div class="report"><h2>Kapitola</h2></div>');
  });

  it('renders a page with its doctype and Czech text intact', () => {
    // Act
    const html = renderPage(
      <html lang="cs">
        <body>Žluťoučký kůň</body>
      </html>,
    );

    // Assess
    expect(html).toBe('<!doctype html>\n<html lang="cs"><body>Žluťoučký kůň</body></html>');
  });

  it('keeps a stylesheet verbatim, quotes included', () => {
    // Prepare
    const css = 'body { font-family: "Segoe UI", sans-serif; } input[type="text"] > b { color: #000; }';

    // Act
    const html = renderFragment(styleSheet(css));

    // Assess
    expect(html).toBe(`<style>${css}</style>`);
  });

  it('refuses a stylesheet that could close its element', () => {
    // Act
    const render = () => styleSheet('a { color: red; }</style><script>alert(1)</script>');

    // Assess
    expect(render).toThrow(/<\/style/);
  });
});
