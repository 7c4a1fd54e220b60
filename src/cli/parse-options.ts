/** Parsers for option values; commander turns their InvalidArgumentError into exit status 2. */
import { InvalidArgumentError } from 'commander';

export function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new InvalidArgumentError(`"${value}" is not a whole number of 1 or more.`);
  }
  return number;
}

/** `2025-08-01` as midnight UTC; anything else is refused rather than guessed. */
export function parseDateOption(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(`"${value}" is not a date; write it as YYYY-MM-DD.`);
  }
  return date;
}
