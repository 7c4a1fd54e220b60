/**
 * Picks the CSV delimiter from the header line: the most frequent of comma,
 * semicolon and tab outside quotes (European spreadsheets write semicolons).
 */
const CANDIDATES = [',', ';', '\t'] as const;
export type Delimiter = (typeof CANDIDATES)[number];

export function detectDelimiter(head: string): Delimiter {
  const counts = new Map<string, number>(CANDIDATES.map((candidate) => [candidate, 0]));
  let isQuoted = false;
  for (const char of head) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === '\n' || char === '\r')) break;
    else if (!isQuoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const candidate of CANDIDATES) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return best;
}
