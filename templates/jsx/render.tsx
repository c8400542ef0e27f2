/**
 * The project's one way of writing HTML: JSX components rendered to a string by
 * preact-render-to-string, which escapes every text and attribute value by default.
 * Markup that is already HTML (a rendered report shown inside a console page) enters a page
 * only through {@link rawHtml}, so every place that bypasses escaping can be found by name.
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
 * A `<style>` element for one of our own stylesheet constants. Text in `<style>` is not HTML, so
 * it must not be escaped (quotes in selectors would break); a sheet that could close the element
 * is refused. Never for user input.
 */
export function inlineStylesheet(css: string): VNode {
  if (/<\/style/i.test(css)) throw new Error('A stylesheet may not contain "</style".');
  return <style dangerouslySetInnerHTML={{ __html: css }} />;
}
