/**
 * Reads cohort survival counts for the sBG model: `period,survivors` for one
 * cohort or `cohort,period,survivors` for several, period 0 being the
 * cohort's size (Fader & Hardie 2007, Table 1: 1000, 631, 468, …). Counts
 * may not rise from one period to the next, and periods must run 0, 1, 2, …
 */
import Papa from 'papaparse';
import type { Reject } from '../../domain/reject.js';
import type { CohortSurvival } from './shifted-beta-geometric.js';

export type SurvivalParseOutcome =
  { ok: true; value: CohortSurvival[] } | { ok: false; problems: Reject[] };

export function parseSurvivalCsv(text: string, file: string): SurvivalParseOutcome {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  const names = header.map((name) => name.trim().toLowerCase());
  const cohortAt = names.indexOf('cohort');
  const periodAt = names.indexOf('period');
  const survivorsAt = names.indexOf('survivors');
  const problems: Reject[] = [];
  const reject = (line: number, column: string, value: string, reason: string, fix: string) =>
    problems.push({ file, line, column, value, reason, fix });
  if (periodAt < 0 || survivorsAt < 0) {
    reject(
      1,
      periodAt < 0 ? 'period' : 'survivors',
      '',
      'is a required column that the header lacks',
      'name the columns [cohort,]period,survivors',
    );
    return { ok: false, problems };
  }
  const cohorts = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const cohort = cohortAt < 0 ? 'cohort' : (row[cohortAt] ?? '').trim();
    const periodText = (row[periodAt] ?? '').trim();
    const countText = (row[survivorsAt] ?? '').trim();
    const period = Number(periodText);
    const count = Number(countText);
    const survivors = cohorts.get(cohort) ?? [];
    if (periodText === '' || !Number.isInteger(period) || period !== survivors.length) {
      reject(
        line,
        header[periodAt] ?? 'period',
        periodText,
        `is not period ${survivors.length} of cohort ${cohort}`,
        'list each cohort’s periods in order from 0',
      );
      return;
    }
    if (countText === '' || !Number.isFinite(count) || count < 0) {
      reject(
        line,
        header[survivorsAt] ?? 'survivors',
        countText,
        'is not a count of 0 or more',
        'give the customers still active, e.g. 631',
      );
      return;
    }
    if (survivors.length > 0 && count > (survivors.at(-1) ?? 0)) {
      reject(
        line,
        header[survivorsAt] ?? 'survivors',
        countText,
        'is more than the period before',
        'survivors can only fall; count returning customers as churned',
      );
      return;
    }
    survivors.push(count);
    cohorts.set(cohort, survivors);
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: [...cohorts.entries()].map(([cohort, survivors]) => ({ cohort, survivors })),
  };
}
