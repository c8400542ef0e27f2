/**
 * The project's one way of writing HTML: JSX components rendered to a string by
 * preact-render-to-string, which escapes every text and attribute value by default.
 * Markup that is already HTML (a rendered report shown inside a console page) enters a page
 * only through {@link rawHtml}, so every place that bypasses escaping can be found by name
 * (and our constant stylesheets through {@link styleSheet}, which takes CSS, not markup).
 */
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole page: the doctype and the rendered `<html>` element. */
export function renderPage(page: VNode): string {
  return `<!doctype html>\n${renderToString(page)}`;
}

/** A fragment (an email body, a part of a page) as an HTML string. */
export function renderFragment(node: VNode | ComponentChildren): string {
  return renderToString(<>{node}</>);
}

/**
 * The single escape hatch: puts trusted, already-rendered HTML inside a `<div>`. Only for
 * markup our own renderers produced (which escaped user text themselves), never for user input.
 */
export function rawHtml(html: string, props: { className?: string; id?: string } = {}): VNode {
  return <div class={props.className} id={props.id} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * A constant stylesheet of our own as a `<style>` element. Its content is CSS, which the HTML
 * parser does not decode, so the text escaping would break it (`"Segoe UI"` would arrive as
 * `&quot;Segoe UI&quot;`); it never carries user input, and one that could close the element is refused.
 */
export function styleSheet(css: string): VNode {
  if (/<\/style/i.test(css)) throw new Error('A stylesheet must not contain "</style".');
  return <style dangerouslySetInnerHTML={{ __html: css }} />;
}
