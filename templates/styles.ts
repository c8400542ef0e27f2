/*
 * The stylesheet of every page: the contact person's page and ARR's console share one look.
 *
 * Colours are chosen for WCAG 2.1 AA: body text #1a1a1a, links and buttons #0b4f9c (8.0:1 on white),
 * errors #a4001d (8.1:1), muted text #4b5563 (7.6:1, 6.9:1 on the grey page); the 3px focus ring
 * #c2410c (5.2:1) is offset onto the white background, so it also shows around the blue button.
 */
export const PAGE_STYLES = `
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1rem; line-height: 1.5; color: #1a1a1a; background: #f3f4f6; }
a { color: #0b4f9c; }
a:hover { color: #072f5f; }
:focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
a:focus-visible, button:focus-visible { outline-color: #c2410c; box-shadow: 0 0 0 6px #ffffff; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 1rem; background: #ffffff; color: #0b4f9c; font-weight: 700; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.site-header { background: #0b4f9c; color: #ffffff; padding: 0.75rem 1rem; }
.site-header p { margin: 0 auto; max-width: 48rem; font-weight: 700; }
main { display: block; max-width: 48rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.375rem; line-height: 1.3; margin: 0 0 0.75rem; }
h3 { font-size: 1.125rem; margin: 1.25rem 0 0.5rem; }
.panel { background: #ffffff; border: 1px solid #d1d5db; border-radius: 6px; padding: 1.25rem; margin: 0 0 1.5rem; }
.muted { color: #4b5563; }
/* A short unit a narrow screen must not split: an indicator code such as EM-1 (at its hyphen), a date, „verze 12“. */
.nowrap { white-space: nowrap; }
.error-summary { border: 3px solid #a4001d; background: #ffffff; padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
.error-summary h2 { color: #a4001d; font-size: 1.25rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: #a4001d; font-weight: 700; }
.error-summary dt { font-weight: 700; margin-top: 0.75rem; }
.error-summary dd { margin: 0.25rem 0 0; white-space: pre-line; overflow-wrap: anywhere; }
.notice { border-left: 6px solid #166534; background: #ecfdf3; padding: 0.75rem 1rem; margin: 0 0 1.5rem; }
.closed-note { border-left: 6px solid #4b5563; background: #ffffff; padding: 0.75rem 1rem; margin: 0 0 1.5rem; }
.message-invalid-link, .message-error { border-left: 6px solid #a4001d; }
.summary-status { font-size: 1.125rem; font-weight: 700; }
.project-nav ul { padding-left: 1.25rem; margin: 0; }
.project-nav li { margin: 0 0 0.25rem; }
.project dl { margin: 0 0 1rem; }
.project dt { font-weight: 700; margin-top: 0.75rem; }
.project dd { margin: 0.25rem 0 0; white-space: pre-line; }
.status-line { display: inline-block; padding: 0.125rem 0.5rem; border-radius: 4px; background: #e5e7eb; color: #1a1a1a; font-weight: 600; margin: 0 0 1rem; }
.status-line.submitted { background: #dcfce7; color: #14532d; }
.status-line.returned { background: #fef3c7; color: #713f12; }
.returned-note { border-left: 6px solid #b45309; background: #fffbeb; padding: 0.75rem 1rem; margin: 0 0 1rem; }
.returned-note h3 { margin-top: 0; }
.comment { margin: 0.5rem 0; padding: 0.5rem 0.75rem; background: #ffffff; border: 1px solid #d1d5db; white-space: pre-line; }
.field { margin: 0 0 1.25rem; }
label, legend { display: block; font-weight: 700; margin: 0 0 0.25rem; padding: 0; }
fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; min-width: 0; }
.hint { color: #4b5563; margin: 0 0 0.375rem; font-size: 0.9375rem; }
.field-error, .form-error { color: #a4001d; font-weight: 700; margin: 0 0 0.375rem; }
.form-error { border-left: 4px solid #a4001d; padding: 0.5rem 0.75rem; background: #fff5f5; }
textarea, input[type="text"] { font: inherit; color: #1a1a1a; background: #ffffff; border: 2px solid #4b5563; border-radius: 4px; padding: 0.5rem; width: 100%; }
textarea { min-height: 7rem; resize: vertical; }
input[type="text"] { max-width: 10rem; }
textarea[readonly], input[readonly] { background: #f3f4f6; border-style: dashed; }
textarea[aria-invalid="true"], input[aria-invalid="true"] { border-color: #a4001d; border-width: 3px; }
.radio { display: flex; align-items: center; gap: 0.5rem; margin: 0 0 0.375rem; }
.radio input { width: 1.25rem; height: 1.25rem; margin: 0; accent-color: #0b4f9c; }
.radio label { font-weight: 400; margin: 0; }
.indicator label { font-weight: 400; }
button { font: inherit; font-weight: 700; color: #ffffff; background: #0b4f9c; border: 2px solid #0b4f9c; border-radius: 4px; padding: 0.625rem 1.25rem; cursor: pointer; }
button:hover { background: #072f5f; }
@media (max-width: 32rem) {
  h1 { font-size: 1.5rem; }
  .panel { padding: 1rem; }
  button { width: 100%; }
}
`;
