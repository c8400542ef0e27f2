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

/**
 * A decimal number typed into a text field, with a Czech decimal comma and spaces between
 * thousands allowed (`1 234,5`). Anything else passes on as typed, for the use case's schema to
 * answer in Czech; an empty field is left out.
 */
export function decimalOrText(value: string): number | string | undefined {
  if (value === '') return undefined;
  const plain = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : value;
}
