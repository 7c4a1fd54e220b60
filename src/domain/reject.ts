/**
 * A rejected input row: where it is, what is wrong, and what to do about it.
 * Every input row either lands or becomes one of these; nothing is dropped.
 */
export type Reject = {
  file: string;
  line: number;
  column: string;
  value: string;
  reason: string;
  fix: string;
};

/** `subscriptions.csv:14:mrr: "49,90" is not a decimal number — use a dot …` */
export function formatReject(reject: Reject): string {
  // Problems with a whole line (a broken quote) have no column to name.
  const where = `${reject.file}:${reject.line}${reject.column === '' ? '' : `:${reject.column}`}`;
  const value = reject.value === '' ? '' : ` ${JSON.stringify(reject.value)}`;
  return `${where}:${value} ${reject.reason} — ${reject.fix}`;
}
