import type { ComponentChildren } from 'preact';
import { styleSheet } from '../jsx/render';
import { PAGE_STYLES } from '../styles';

/** The shared frame of every page a contact person sees: skip link, header, one main landmark. */
export function PageLayout(props: { title: string; children: ComponentChildren }) {
  return (
    <html lang="cs">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – Chytřejší Liberecký kraj`}</title>
        {styleSheet(PAGE_STYLES)}
      </head>
      <body>
        <a class="skip-link" href="#obsah">
          Přeskočit na obsah
        </a>
        <header class="site-header">
          <p>Chytřejší Liberecký kraj · monitoring akčního plánu</p>
        </header>
        <main id="obsah" tabindex={-1}>
          {props.children}
        </main>
      </body>
    </html>
  );
}
