import { describe, expect, it } from 'vitest';
import { renderMonitoringReportDocx } from '../../../documents/monitoring/docx';
import { renderMonitoringReportHtml } from '../../../documents/monitoring/html';
import { renderMonitoringReportMarkdown } from '../../../documents/monitoring/markdown';
import { aMonitoringReport } from './factory';
import { docxParagraphs, readZipEntry } from './read';

const NEXT_AREA = 'MODERNÍ PÉČE V SOCIÁLNÍ OBLASTI';

describe('ARR’s narrative paragraphs in chapter 3', () => {
  it('print in place: after the area’s projects and before the next area, as a paragraph, a list and a paragraph', async () => {
    // Prepare
    const report = aMonitoringReport();

    // Act
    const html = renderMonitoringReportHtml(report);
    const markdown = renderMonitoringReportMarkdown(report);
    const docx = docxParagraphs(await readZipEntry(await renderMonitoringReportDocx(report), 'word/document.xml')).map((p) => p.text);

    // Assess
    const htmlArea = html.slice(html.indexOf('Nové formy prezentace'), html.indexOf(NEXT_AREA));
    expect(htmlArea).toMatch(/<p>Proběhla tři setkání, tzv. Digitální kavárny, na tato témata:<\/p>\s*<ul><li>Spisová služba ve školách,<\/li><li>Robotické hračky ve výuce.<\/li><\/ul>\s*<p>V realizaci je projekt EDIH NEB/);
    const mdArea = markdown.slice(markdown.indexOf('Nové formy prezentace'), markdown.indexOf(NEXT_AREA));
    expect(mdArea).toContain('Proběhla tři setkání, tzv. Digitální kavárny, na tato témata:\n\n- Spisová služba ve školách,\n- Robotické hračky ve výuce.\n\nV realizaci je projekt EDIH NEB');
    const start = docx.indexOf('Proběhla tři setkání, tzv. Digitální kavárny, na tato témata:');
    expect(docx.slice(start, start + 4)).toEqual([
      'Proběhla tři setkání, tzv. Digitální kavárny, na tato témata:',
      'Spisová služba ve školách,',
      'Robotické hračky ve výuce.',
      'V realizaci je projekt EDIH NEB na podporu digitální transformace.',
    ]);
    expect(start).toBeLessThan(docx.findLastIndex((text) => text.toUpperCase() === NEXT_AREA));
  });
});
