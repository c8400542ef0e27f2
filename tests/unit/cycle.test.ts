import { describe, expect, it } from 'vitest';
import {
  acceptsSubmissions,
  cycleStateLabels,
  nextCycleState,
  parseOpenCycleRequest,
  type CycleAction,
  type CycleState,
} from '../../domain/cycle';
import { IllegalTransitionError, ValidationError } from '../../domain/errors';

const states: CycleState[] = ['draft', 'open', 'closed', 'report-ready', 'steering-group-notified'];
const actions: CycleAction[] = ['open', 'close', 'mark-report-ready', 'mark-steering-group-notified'];
const legal: Array<[CycleState, CycleAction, CycleState]> = [
  ['draft', 'open', 'open'],
  ['open', 'close', 'closed'],
  ['closed', 'mark-report-ready', 'report-ready'],
  ['report-ready', 'mark-steering-group-notified', 'steering-group-notified'],
];
const illegal = states.flatMap((state) =>
  actions
    .filter((action) => !legal.some(([from, act]) => from === state && act === action))
    .map((action) => [state, action] as const),
);

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('nextCycleState', () => {
  it.each(legal)('from %s, %s leads to %s', (state, action, expected) => {
    // Prepare
    const from: CycleState = state;

    // Act
    const next = nextCycleState(from, action);

    // Assess
    expect(next).toBe(expected);
  });

  it.each(illegal)('from %s, %s is illegal', (state, action) => {
    // Prepare
    const label = cycleStateLabels[state];

    // Act
    const error = thrownBy(() => nextCycleState(state, action));

    // Assess
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect((error as IllegalTransitionError).message).toMatch(new RegExp(`^Cyklus ve stavu „${label}“ nelze .+\\.$`));
  });

  it('words the refusals in Czech', () => {
    // Prepare
    const attempts: Array<[CycleState, CycleAction]> = [
      ['open', 'open'],
      ['draft', 'close'],
      ['open', 'mark-report-ready'],
      ['closed', 'mark-steering-group-notified'],
    ];

    // Act
    const messages = attempts.map(([state, action]) => (thrownBy(() => nextCycleState(state, action)) as Error).message);

    // Assess
    expect(messages).toEqual([
      'Cyklus ve stavu „otevřený“ nelze otevřít.',
      'Cyklus ve stavu „rozpracovaný“ nelze uzavřít.',
      'Cyklus ve stavu „otevřený“ nelze označit jako „zpráva připravena“.',
      'Cyklus ve stavu „uzavřený“ nelze označit jako „řídící skupina informována“.',
    ]);
  });
});

describe('acceptsSubmissions', () => {
  it('only an open cycle accepts submissions', () => {
    // Prepare
    const all = states;

    // Act
    const accepting = all.filter(acceptsSubmissions);

    // Assess
    expect(accepting).toEqual(['open']);
  });
});

describe('cycleStateLabels', () => {
  it('names every state in Czech', () => {
    // Prepare
    const expected = {
      draft: 'rozpracovaný',
      open: 'otevřený',
      closed: 'uzavřený',
      'report-ready': 'zpráva připravena',
      'steering-group-notified': 'řídící skupina informována',
    };

    // Act
    const labels = cycleStateLabels;

    // Assess
    expect(labels).toEqual(expected);
  });
});

describe('parseOpenCycleRequest', () => {
  it('reads a bare deadline date as the last second of that Prague day and fills the default ladder', () => {
    // Prepare
    const body = { period: '2026-H1', deadline: '2026-07-15', meetingDate: '2026-09-10' };

    // Act
    const request = parseOpenCycleRequest(body);

    // Assess
    expect(request).toEqual({
      period: '2026-H1',
      deadline: new Date('2026-07-15T21:59:59Z'),
      meetingDate: '2026-09-10',
      reminderLadder: { daysBeforeDeadline: [14, 7, 1], overdueAfterDays: 1, escalateAfterDays: 7 },
    });
  });

  it('reads a winter bare deadline with the CET offset', () => {
    // Prepare
    const body = { period: '2026-H2', deadline: '2027-01-15', meetingDate: '2027-02-01' };

    // Act
    const request = parseOpenCycleRequest(body);

    // Assess
    expect(request.deadline.toISOString()).toBe('2027-01-15T22:59:59.000Z');
  });

  it('accepts a datetime with an offset and a partial ladder, sorting the days', () => {
    // Prepare
    const body = {
      period: '2026-H1',
      deadline: '2026-07-15T12:00:00+02:00',
      meetingDate: '2026-09-10',
      reminderLadder: { daysBeforeDeadline: [3, 10, 3], escalateAfterDays: 5 },
    };

    // Act
    const request = parseOpenCycleRequest(body);

    // Assess
    expect(request.deadline.toISOString()).toBe('2026-07-15T10:00:00.000Z');
    expect(request.reminderLadder).toEqual({ daysBeforeDeadline: [10, 3], overdueAfterDays: 1, escalateAfterDays: 5 });
  });

  it('reports every invalid field with a Czech message', () => {
    // Prepare
    const body = {
      period: '2026-H3',
      deadline: '15. 7. 2026',
      meetingDate: '2026-02-30',
      reminderLadder: { daysBeforeDeadline: [0], overdueAfterDays: 61 },
    };

    // Act
    const error = thrownBy(() => parseOpenCycleRequest(body));

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      message: 'Žádost o otevření cyklu obsahuje chyby.',
      details: {
        period: 'Období „2026-H3“ není platné. Použijte tvar RRRR-H1 nebo RRRR-H2, např. 2026-H1.',
        deadline:
          'Zadejte termín odevzdání jako datum RRRR-MM-DD nebo jako datum a čas s časovou zónou, např. 2026-07-15T12:00:00+02:00.',
        meetingDate: 'Zadejte datum ve tvaru RRRR-MM-DD.',
        'reminderLadder.daysBeforeDeadline.0': 'Zadejte počet dní jako celé číslo od 1 do 60.',
        'reminderLadder.overdueAfterDays': 'Zadejte počet dní jako celé číslo od 1 do 60.',
      },
    });
  });

  it('refuses a deadline on or before the first day of the period', () => {
    // Prepare
    const body = { period: '2026-H2', deadline: '2026-07-01', meetingDate: '2026-09-10' };

    // Act
    const error = thrownBy(() => parseOpenCycleRequest(body));

    // Assess
    expect((error as ValidationError).details).toEqual({
      deadline: 'Termín odevzdání musí být později než první den období (2. pololetí 2026).',
    });
  });

  it('refuses a steering-group meeting on or before the deadline day', () => {
    // Prepare
    const body = { period: '2026-H1', deadline: '2026-07-15T10:00:00Z', meetingDate: '2026-07-15' };

    // Act
    const error = thrownBy(() => parseOpenCycleRequest(body));

    // Assess
    expect((error as ValidationError).details).toEqual({
      meetingDate: 'Jednání řídící skupiny musí být později než termín odevzdání.',
    });
  });

  it('refuses an escalation that would not come after the overdue reminder', () => {
    // Prepare
    const body = {
      period: '2026-H1',
      deadline: '2026-07-15',
      meetingDate: '2026-09-10',
      reminderLadder: { overdueAfterDays: 7 },
    };

    // Act
    const error = thrownBy(() => parseOpenCycleRequest(body));

    // Assess
    expect((error as ValidationError).details).toEqual({
      'reminderLadder.escalateAfterDays': 'Eskalace musí přijít později než upozornění na zpoždění.',
    });
  });

  it('refuses a body that is not an object', () => {
    // Prepare
    const body = 'period=2026-H1';

    // Act
    const error = thrownBy(() => parseOpenCycleRequest(body));

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).details)).toEqual(['form']);
  });
});
