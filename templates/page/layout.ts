import { escapeHtml } from '../html';
import { PAGE_STYLES } from '../styles';

/** The shared frame of every page a contact person sees: skip link, header, one main landmark. */
export function pageDocument(title: string, mainHtml: string): string {
  return `<!DOCTYPE html>
<html lang="cs">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Chytřejší Liberecký kraj</title>
<style>${PAGE_STYLES}</style>
</head>
<body>
<a class="skip-link" href="#obsah">Přeskočit na obsah</a>
<header class="site-header"><p>Chytřejší Liberecký kraj · monitoring akčního plánu</p></header>
<main id="obsah" tabindex="-1">
${mainHtml}
</main>
</body>
</html>
`;
}
