/**
 * The colours a StatusBadge takes, apart from the component so that plain
 * modules mapping states to tones (and the Node-side tests reading them)
 * need no JSX.
 */
export type BadgeTone = 'good' | 'warn' | 'bad' | 'info' | 'neutral';
