/** Reading the console's HTML forms into the bodies the use cases validate. */

/** A form field as text; a missing field is empty. */
export function fieldText(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * A whole number typed into a text field. Anything else passes on as typed, so the use case's
 * schema answers with its own Czech message for that field; an empty field is left out.
 */
export function numberOrText(value: string): number | string | undefined {
  if (value === '') return undefined;
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

/** The reminder ladder from its three text fields; what is left empty keeps its default. */
export function ladderBody(values: { daysBeforeDeadline: string; overdueAfterDays: string; escalateAfterDays: string }): Record<string, unknown> {
  const days = values.daysBeforeDeadline === '' ? undefined : values.daysBeforeDeadline.split(/[,;\s]+/).filter((part) => part !== '').map(numberOrText);
  const overdue = numberOrText(values.overdueAfterDays);
  const escalate = numberOrText(values.escalateAfterDays);
  return {
    ...(days === undefined ? {} : { daysBeforeDeadline: days }),
    ...(overdue === undefined ? {} : { overdueAfterDays: overdue }),
    ...(escalate === undefined ? {} : { escalateAfterDays: escalate }),
  };
}
