/** The reasons column of `health_scores`: `[{"reason", "contribution"}]`, most negative first. */
export type HealthReason = { reason: string; contribution: number };

/** Parses the reasons JSON (read as text, so both engines hand over the same thing). */
export function parseHealthReasons(text: string | null): HealthReason[] {
  if (!text) return [];
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { reason, contribution } = item as Record<string, unknown>;
    return typeof reason === 'string' && typeof contribution === 'number'
      ? [{ reason, contribution }]
      : [];
  });
}

/** `usage down (−12.0)`: a reason with its signed contribution to the score. */
export function formatHealthReason(reason: HealthReason): string {
  const sign = reason.contribution < 0 ? '−' : '+';
  return `${reason.reason} (${sign}${Math.abs(reason.contribution).toFixed(1)})`;
}
