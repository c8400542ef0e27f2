import { describe, expect, it } from 'vitest';
import type { AnnualTextsView } from '../../../domain/use-cases/annual-report';
import { annualTextErrors, annualTextsEdit, annualTextsPage } from '../../../functions/console/annual-texts';

function view(): AnnualTextsView {
  const slot = (key: string, activityAreaName: string, activityNumber: number | null, text: string, edited = false) => ({
    key,
    activityAreaName,
    activityNumber,
    title: activityNumber === null ? 'Projekty mimo oblasti aktivit' : `Aktivita ${key}`,
    text,
    prefill: `Předvyplněno ${key}.`,
    edited,
    updatedAt: edited ? '2026-06-01T10:00:00.000Z' : null,
  });
  return {
    year: 2025,
    prefilledFrom: ['2025-H1', '2025-H2'],
    texts: [
      slot('a1', 'Oblast A', 1, 'Předvyplněno a1.'),
      slot('a2', 'Oblast A', 2, 'Text ARR.\n\n- bod', true),
      slot('mimo', 'Mimo oblasti', null, 'Předvyplněno mimo.'),
    ],
  };
}

describe('the annual texts form', () => {
  it('sends only the texts that differ from the stored ones, a browser’s CRLF and trailing spaces counting as unchanged', () => {
    // Act
    const edit = annualTextsEdit(view(), { 'text.a1': 'Předvyplněno a1. ', 'text.a2': 'Text ARR.\r\n\r\n- bod', 'text.mimo': 'Nový text.' });

    // Assess
    expect(edit).toEqual({ texts: { mimo: 'Nový text.' } });
  });

  it('sends null for the text sent back to its pre-filled version, together with the other changes', () => {
    // Act
    const edit = annualTextsEdit(view(), { 'text.a1': 'Změna.', 'text.a2': 'Text ARR rozepsaný.', predvyplnit: 'a2' });

    // Assess
    expect(edit).toEqual({ texts: { a1: 'Změna.', a2: null } });
  });

  it('puts the use case’s errors at their texts, an emptied text with the console’s own wording', () => {
    // Act
    const errors = annualTextErrors(
      { 'texts.a1': 'Text nesmí být prázdný. Pro návrat k předvyplněnému textu pošlete null.', 'texts.mimo': 'Text může mít nejvýše 20 000 znaků.', body: 'x' },
      { 'text.a1': '  ', 'text.mimo': 'x'.repeat(20_001) },
    );

    // Assess
    expect(errors).toEqual({
      a1: 'Text nesmí být prázdný. Chcete-li předvyplněný text, použijte tlačítko „Vrátit k předvyplněnému textu“.',
      mimo: 'Text může mít nejvýše 20 000 znaků.',
    });
  });

  it('groups the texts by activity area and shows what was typed into a refused form', () => {
    // Act
    const page = annualTextsPage(view(), { user: { name: 'Jana', role: 'arr', csrf: 'c' }, canEdit: true }, { values: { 'text.a1': '' }, errors: { a1: 'Chyba.' } });

    // Assess
    expect(page.prefilledFrom).toBe('1. pololetí 2025 a 2. pololetí 2025');
    expect(page.areas.map((area) => [area.name, area.texts.map((text) => text.title)])).toEqual([
      ['Oblast A', ['Aktivita 1: Aktivita a1', 'Aktivita 2: Aktivita a2']],
      ['Mimo oblasti', ['Projekty mimo oblasti aktivit']],
    ]);
    expect(page.areas[0]?.texts[0]).toMatchObject({ value: '', error: 'Chyba.', edited: false });
    expect(page.areas[0]?.texts[1]).toMatchObject({ value: 'Text ARR.\n\n- bod', edited: true, updatedAt: new Date('2026-06-01T10:00:00.000Z') });
  });
});
