/** A state as a coloured pill that also says it in words, so colour is never the only cue. */
import type { BadgeTone } from './badge-tone.js';

export type StatusBadgeProps = { label: string; tone: BadgeTone };

export function StatusBadge({ label, tone }: StatusBadgeProps) {
  return <span className={`badge badge-${tone}`}>{label}</span>;
}
