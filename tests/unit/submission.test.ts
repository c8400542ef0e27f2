import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors';
import {
  parseSubmissionContent,
  projectStatuses,
  projectStatusLabels,
  submissionContentSchema,
} from '../../domain/submission';

const codes = ['EK-1', 'EK-2', 'VS-1'] as const;

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

function detailsOf(input: unknown): Record<string, string> {
  const error = thrownBy(() => parseSubmissionContent(input, codes));
  if (!(error instanceof ValidationError)) throw new Error('expected a ValidationError');
  return error.details;
}

describe('projectStatusLabels', () => {
  it('names every status in Czech', () => {
    // Prepare
    const expected = ['probíhá podle plánu', 'zpožděno', 'dokončeno', 'zrušeno', 'nezahájeno'];

    // Act
    const labels = projectStatuses.map((status) => projectStatusLabels[status]);

    // Assess
    expect(labels).toEqual(expected);
  });
});

describe('parseSubmissionContent: valid input', () => {
  it('trims texts and converts numeric strings from an HTML form, dropping blanks', () => {
    // Prepare
    const input = {
      thisPeriod: '  Proběhla dvě setkání pracovní skupiny.  ',
      nextPeriodPlan: '\nSpuštění pilotního provozu.\n',
      status: 'on-track',
      indicatorContributions: { 'EK-1': '3', 'EK-2': '', 'VS-1': '1 200' },
      noteToArr: ' Děkuji. ',
      csrfToken: 'ignored',
    };

    // Act
    const content = parseSubmissionContent(input, codes);

    // Assess
    expect(content).toEqual({
      thisPeriod: 'Proběhla dvě setkání pracovní skupiny.',
      nextPeriodPlan: 'Spuštění pilotního provozu.',
      status: 'on-track',
      indicatorContributions: { 'EK-1': 3, 'VS-1': 1200 },
      noteToArr: 'Děkuji.',
    });
  });

  it('accepts numbers, zero and the maximum as contributions', () => {
    // Prepare
    const input = {
      thisPeriod: 'Hotovo.',
      nextPeriodPlan: 'Další etapa.',
      status: 'delayed',
      indicatorContributions: { 'EK-1': 0, 'EK-2': 1_000_000 },
    };

    // Act
    const content = parseSubmissionContent(input, codes);

    // Assess
    expect(content.indicatorContributions).toEqual({ 'EK-1': 0, 'EK-2': 1_000_000 });
  });

  it.each(['completed', 'cancelled'])('does not require a plan for a %s project', (status) => {
    // Prepare
    const input = { thisPeriod: 'Projekt byl předán do provozu.', status };

    // Act
    const content = parseSubmissionContent(input, codes);

    // Assess
    expect(content).toEqual({
      thisPeriod: 'Projekt byl předán do provozu.',
      nextPeriodPlan: '',
      status,
      indicatorContributions: {},
    });
  });

  it('leaves out an empty note', () => {
    // Prepare
    const input = { thisPeriod: 'Výběrové řízení.', nextPeriodPlan: 'Smlouva.', status: 'not-started', noteToArr: '   ' };

    // Act
    const content = parseSubmissionContent(input, codes);

    // Assess
    expect(content).not.toHaveProperty('noteToArr');
  });

  it('checks the indicators against the codes of each call, whichever codes were checked before', () => {
    // Prepare
    const input = { thisPeriod: 'x', nextPeriodPlan: 'y', status: 'on-track', indicatorContributions: { 'EK-1': '2' } };

    // Act
    const first = parseSubmissionContent(input, ['EK-1']);
    const refused = thrownBy(() => parseSubmissionContent(input, ['VS-1']));
    const again = parseSubmissionContent(input, ['EK-1']);

    // Assess
    expect(first.indicatorContributions).toEqual({ 'EK-1': 2 });
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).details).toHaveProperty('indicatorContributions.EK-1');
    expect(again).toEqual(first);
  });

  it('exposes the same rules as a zod schema', () => {
    // Prepare
    const schema = submissionContentSchema(codes);

    // Act
    const result = schema.safeParse({ thisPeriod: 'x', nextPeriodPlan: 'y', status: 'on-track' });

    // Assess
    expect(result.success).toBe(true);
  });
});

describe('parseSubmissionContent: errors in Czech, keyed by field', () => {
  it('requires what was done this period and, for a running project, the plan', () => {
    // Prepare
    const input = { thisPeriod: '   ', nextPeriodPlan: '', status: 'on-track' };

    // Act
    const details = detailsOf(input);

    // Assess
    expect(details).toEqual({
      thisPeriod: 'Popište, co se v tomto období na projektu udělalo.',
      nextPeriodPlan: 'Popište, co se na projektu plánuje v příštím období.',
    });
  });

  it('uses the overall message "Formulář obsahuje chyby."', () => {
    // Prepare
    const input = { thisPeriod: '', nextPeriodPlan: 'x', status: 'on-track' };

    // Act
    const error = thrownBy(() => parseSubmissionContent(input, codes));

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe('Formulář obsahuje chyby.');
  });

  it('limits the texts', () => {
    // Prepare
    const input = {
      thisPeriod: 'a'.repeat(4001),
      nextPeriodPlan: 'b'.repeat(4001),
      status: 'delayed',
      noteToArr: 'c'.repeat(2001),
    };

    // Act
    const details = detailsOf(input);

    // Assess
    expect(details).toEqual({
      thisPeriod: 'Popis činností v tomto období může mít nejvýše 4000 znaků.',
      nextPeriodPlan: 'Plán na příští období může mít nejvýše 4000 znaků.',
      noteToArr: 'Poznámka pro ARR může mít nejvýše 2000 znaků.',
    });
  });

  it('accepts texts at the limits, measured after trimming', () => {
    // Prepare
    const input = { thisPeriod: ` ${'a'.repeat(4000)} `, nextPeriodPlan: 'b'.repeat(4000), status: 'delayed' };

    // Act
    const content = parseSubmissionContent(input, codes);

    // Assess
    expect(content.thisPeriod).toHaveLength(4000);
  });

  it('requires a known status', () => {
    // Prepare
    const input = { thisPeriod: 'x', nextPeriodPlan: 'y', status: 'finished' };

    // Act
    const details = detailsOf(input);

    // Assess
    expect(details).toEqual({ status: 'Vyberte stav projektu.' });
  });

  it('rejects contributions that are not whole numbers 0..1 000 000, and unknown indicators', () => {
    // Prepare
    const input = {
      thisPeriod: 'x',
      nextPeriodPlan: 'y',
      status: 'on-track',
      indicatorContributions: { 'EK-1': '-1', 'EK-2': 1.5, 'VS-1': 1_000_001, 'KD-9': 2 },
    };

    // Act
    const details = detailsOf(input);

    // Assess
    expect(details).toEqual({
      'indicatorContributions.EK-1': 'Zadejte celé číslo od 0 do 1 000 000.',
      'indicatorContributions.EK-2': 'Zadejte celé číslo od 0 do 1 000 000.',
      'indicatorContributions.VS-1': 'Zadejte celé číslo od 0 do 1 000 000.',
      'indicatorContributions.KD-9': 'Indikátor „KD-9“ se u tohoto projektu nevykazuje.',
    });
  });

  it.each(['abc', '2,5', '1e3', true])('rejects the contribution %j', (value) => {
    // Prepare
    const input = { thisPeriod: 'x', nextPeriodPlan: 'y', status: 'on-track', indicatorContributions: { 'EK-1': value } };

    // Act
    const details = detailsOf(input);

    // Assess
    expect(details).toEqual({ 'indicatorContributions.EK-1': 'Zadejte celé číslo od 0 do 1 000 000.' });
  });

  it('reports every broken field at once', () => {
    // Prepare
    const input = {
      thisPeriod: '',
      status: 'on-track',
      indicatorContributions: { 'EK-1': 'x' },
    };

    // Act
    const details = detailsOf(input);

    // Assess
    expect(Object.keys(details).sort()).toEqual(['indicatorContributions.EK-1', 'nextPeriodPlan', 'thisPeriod']);
  });

  it('rejects contributions that are not a map and input that is not an object', () => {
    // Prepare
    const wrongMap = { thisPeriod: 'x', nextPeriodPlan: 'y', status: 'on-track', indicatorContributions: [1, 2] };

    // Act
    const mapDetails = detailsOf(wrongMap);
    const formDetails = detailsOf('thisPeriod=x');

    // Assess
    expect(mapDetails).toEqual({
      indicatorContributions: 'Příspěvky k indikátorům musí být zadány jako dvojice kód indikátoru a číslo.',
    });
    expect(formDetails).toEqual({ form: 'Formulář musí obsahovat pole thisPeriod, nextPeriodPlan a status.' });
  });
});
