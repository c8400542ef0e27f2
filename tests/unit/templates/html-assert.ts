// Small string helpers for asserting on rendered HTML without a DOM.

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The opening tag of the element with this id. */
export function openingTag(html: string, id: string): string {
  const match = new RegExp(`<[a-z]+\\b[^>]*\\sid="${escapeRegex(id)}"[^>]*>`).exec(html);
  if (!match) throw new Error(`No element with id="${id}"`);
  return match[0];
}

/** The opening tag of the form control with this name (first match). */
export function controlTag(html: string, name: string, value?: string): string {
  const valuePart = value === undefined ? '' : `(?=[^>]*\\svalue="${escapeRegex(value)}")`;
  const match = new RegExp(`<(?:input|textarea)\\b${valuePart}[^>]*\\sname="${escapeRegex(name)}"[^>]*>`).exec(html);
  if (!match) throw new Error(`No control named "${name}"`);
  return match[0];
}

export function attribute(tag: string, name: string): string | undefined {
  // A void element may end in `/>`, so an attribute also ends before a slash.
  const match = new RegExp(`\\s${escapeRegex(name)}(?:="([^"]*)")?(?=[\\s/>])`).exec(tag);
  if (!match) return undefined;
  return match[1] ?? '';
}

/** The text a textarea with this name holds, as the HTML parser would read it (one leading newline dropped). */
export function textareaValue(html: string, name: string): string {
  const match = new RegExp(`<textarea\\b[^>]*\\sname="${escapeRegex(name)}"[^>]*>\\n?([\\s\\S]*?)</textarea>`).exec(html);
  if (!match) throw new Error(`No textarea named "${name}"`);
  return match[1] ?? '';
}

/** The HTML of the section with this id, up to its closing tag. */
export function sectionHtml(html: string, id: string): string {
  const start = html.indexOf(`<section class="panel project" id="${id}"`);
  if (start === -1) throw new Error(`No section with id="${id}"`);
  return html.slice(start, html.indexOf('</section>', start) + '</section>'.length);
}

/** The whole element with this id when it does not nest an element of the same tag. */
export function elementById(html: string, id: string): string {
  const tag = openingTag(html, id);
  const tagName = /^<([a-z]+)/.exec(tag)?.[1] ?? '';
  const start = html.indexOf(tag);
  const end = html.indexOf(`</${tagName}>`, start);
  return html.slice(start, end + tagName.length + 3);
}
