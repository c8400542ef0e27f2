import { describe, expect, it } from 'vitest';
import { renderMonitoringReportDocx } from '../../../documents/monitoring/docx';
import { aMonitoringReport, aProject, aReportWithEveryTextAs } from './factory';
import { docxParagraphs, readZipEntry } from './read';

async function bodyOf(report = aMonitoringReport()): Promise<string> {
  return readZipEntry(await renderMonitoringReportDocx(report), 'word/document.xml');
}

describe('renderMonitoringReportDocx', () => {
  it('is a ZIP package with the Word parts', async () => {
    // Prepare
    const report = aMonitoringReport();

    // Act
    const docx = await renderMonitoringReportDocx(report);

    // Assess
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readZipEntry(docx, '[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
    expect(readZipEntry(docx, 'word/styles.xml')).toContain('w:styleId="Heading1"');
  });

  it('has the title and the chapters as Heading 1, in the seed’s order, each on a new page', async () => {
    // Prepare
    const report = aMonitoringReport();

    // Act
    const xml = await bodyOf(report);

    // Assess
    const paragraphs = docxParagraphs(xml);
    expect(paragraphs.find((p) => p.style === 'Title')?.text).toBe('Monitorovací zpráva za 1. pololetí 2026');
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
      'Obsah',
      '1. Sledování trendů a zkušeností',
      '2. Komunikace a budování partnerství',
      '3. Informace o stavu rozpracování jednotlivých projektů',
      '4. Zajištění provozu a rozvoje Platebního portálu Libereckého kraje',
      '5. Informace o dalších činnostech',
    ]);
    expect(xml.match(/<w:pStyle w:val="Heading1"\/><w:pageBreakBefore\/>/g)).toHaveLength(6);
    expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toContain(
      'MODERNÍ PREZENTACE KULTURNÍHO DĚDICTVÍ A CÍLŮ CESTOVNÍHO RUCHU',
    );
    expect(paragraphs.filter((p) => p.style === 'Heading3').map((p) => p.text)).toContain('Karta přítele ZOO');
  });

  it('has a table of contents field over the first two heading levels', async () => {
    // Prepare
    const report = aMonitoringReport();

    // Act
    const xml = await bodyOf(report);

    // Assess
    expect(xml).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(xml).toContain('TOC \\h \\o &quot;1-2&quot;');
  });

  it('writes the project fields, the empty-activity sentence and the missing submission', async () => {
    // Prepare
    const report = aMonitoringReport({
      outsidePlan: [aProject({ id: 'late', name: 'Trans-Borders Plus', thisPeriod: null, nextPeriodPlan: null, status: null })],
    });

    // Act
    const texts = docxParagraphs(await bodyOf(report)).map((p) => p.text);

    // Assess
    expect(texts).toContain('aktivity v období 01/2026: Dokončení zákaznické zóny Moje ZOO a nasazení do praxe.');
    expect(texts).toContain('stav projektu: probíhá podle plánu');
    expect(texts).toContain(
      'V rámci aktivity Osvěta veřejnosti v sociální oblasti nebyly ve sledovaném období realizovány žádné činnosti.',
    );
    const late = texts.indexOf('Trans-Borders Plus');
    expect(texts.slice(late + 1, late + 6)).toEqual([
      'cíl projektu: Zavedení elektronické návštěvnické karty.',
      'aktivity v předchozím období: Příprava a uvedení návštěvnické karty do provozu.',
      'aktivity v období 01/2026: Za toto období nebyly dodány podklady.',
      'plán pro období 02/2026: Za toto období nebyly dodány podklady.',
      'kontaktní osoba: M. Féna (P. Lieskovská)',
    ]);
  });

  it('has the payment table with a header row and a total row', async () => {
    // Prepare
    const report = aMonitoringReport();

    // Act
    const xml = await bodyOf(report);

    // Assess
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, t = '']) => t);
    const payments = tables.find((t) => t.includes('Počet plateb')) ?? '';
    const rows = [...payments.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, row = '']) =>
      docxParagraphs(row).map((p) => p.text),
    );
    expect(payments).toContain('<w:tblHeader/>');
    expect(rows[0]).toEqual(['Měsíc', 'Počet plateb', 'Finanční objem transakcí']);
    expect(rows).toHaveLength(8);
    expect(rows[7]).toEqual(['Celkem', '701', '806\u00a0265\u00a0Kč']);
  });

  it('keeps user text as text, so markup in it cannot change the document', async () => {
    // Prepare
    const report = aReportWithEveryTextAs('</w:t><w:p><script>alert(1)</script>');

    // Act
    const xml = await bodyOf(report);

    // Assess
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;/w:t&gt;&lt;w:p&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
