import { describe, expect, it } from 'vitest';
import { SLIP_SIMILARITY_THRESHOLD } from '../../../domain/slips/detect';
import { closestSteps, isBlankText, normalizeForComparison } from '../../../domain/slips/similarity';

describe('normalizeForComparison', () => {
  it('ignores case, diacritics, punctuation and spacing', () => {
    // Prepare: the same step written two ways; the second in decomposed Unicode.
    const decomposed = 'VÝBĚR   dodavatele – osvětlení!'.normalize('NFD');

    // Act
    const normalized = [normalizeForComparison('Výběr dodavatele osvětlení.'), normalizeForComparison(decomposed)];

    // Assess
    expect(normalized).toEqual(['vyber dodavatele osvetleni', 'vyber dodavatele osvetleni']);
  });

  it('takes a dash or nothing for a blank text', () => {
    expect([isBlankText('-'), isBlankText('  – '), isBlankText(''), isBlankText('Realizace FVE.')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

/** Pairs of texts from the 2025 reports (plan of 1st half-year vs plan of 2nd, or what was done in each). */
describe('the threshold on real 2025 pairs', () => {
  const repeated: [string, string, string][] = [
    [
      'Frýdlant: the tender planned again word for word',
      'Zahájení výběrového řízení na stavbu.',
      'Zahájení výběrového řízení na stavbu.',
    ],
    ['SPŠT: building the PV plant planned again, with a step added', 'Realizace FVE.', 'Realizace FVE, zahájení provozu.'],
    [
      'SUPŠ Železný Brod: the grant application planned again in other words',
      'Příprava projektové dokumentace a pokladů pro podání projektu. Podání projektu do výzvy Operačního projektu Životního prostředí.',
      'Podání projektu do výzvy Operačního programu Životní prostředí.',
    ],
    ['DEPODUB: choosing suppliers reported twice', 'Proběhl výběr dodavatelů.', 'Probíhal výběr dodavatelů.'],
    [
      'Modul pro sdílení služebních vozů: going live planned again',
      'Spuštění ostré verze modulu.',
      'Spuštění modulu do ostrého provozu.',
    ],
  ];
  const moved: [string, string, string][] = [
    [
      'Gymnázium Česká Lípa: from design to completion',
      'Projektování FVE, získávání povolení.',
      'Dokončení FVE, zahájení provozu.',
    ],
    [
      'COV Semily: from the tender to construction',
      'Realizace zadávacího řízení na zhotovitele stavby.',
      'Zahájení stavebních prací.',
    ],
    [
      'Karta přítele ZOO: from building the zone to promoting it',
      'Dokončit produkční verzi zákaznické zóny Moje ZOO.',
      'Propagace nových funkcionalit mezi klienty a nabírání zpětné vazby.',
    ],
    [
      'Komunikace vozů ZZS: the same meeting in other words (a slip the measure cannot see)',
      'Navázání spolupráce s magistrátem města Liberec.',
      'Schůzka zástupců Libereckého kraje a Města Liberec a návštěva společnosti Městské parkovací domy Mladá Boleslav.',
    ],
  ];

  it.each(repeated)('%s is at or above the threshold', (_case, earlier, later) => {
    // Act
    const match = closestSteps(earlier, later);

    // Assess
    expect(match?.similarity).toBeGreaterThanOrEqual(SLIP_SIMILARITY_THRESHOLD);
  });

  it.each(moved)('%s is below the threshold', (_case, earlier, later) => {
    // Act
    const match = closestSteps(earlier, later);

    // Assess
    expect(match?.similarity ?? 0).toBeLessThan(SLIP_SIMILARITY_THRESHOLD);
  });

  it('names the steps that matched, as written', () => {
    // Act
    const match = closestSteps('Realizace FVE.', 'Příprava na realizaci FVE. Realizace FVE, zahájení provozu.');

    // Assess
    expect(match).toEqual({ similarity: 1, step: 'Realizace FVE', repeatedAs: 'Realizace FVE' });
  });

  it('finds no step in a blank text or in fragments too short to name a step', () => {
    expect([closestSteps('-', 'Realizace FVE.'), closestSteps('Ano, ne.', 'Ano, ne.')]).toEqual([null, null]);
  });
});
