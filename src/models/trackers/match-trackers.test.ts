import { describe, expect, it } from 'vitest';
import { compileTrackers, matchTrackers } from './match-trackers.js';
import { DEFAULT_TRACKERS, type Tracker } from './tracker-definitions.js';

const REPS = new Set(['ana rep']);
const tracker = (overrides: Partial<Tracker> = {}): Tracker => ({
  name: 'cancel_intent',
  phrases: ['cancel', 'budget cut'],
  speaker: 'customer',
  negation_window: 4,
  ...overrides,
});
const match = (transcript: string, trackers: Tracker[] = [tracker()]) =>
  matchTrackers(transcript, compileTrackers(trackers), REPS);

describe('matchTrackers', () => {
  it('matches case-insensitively, on word boundaries, with simple inflections', () => {
    const hits = match(
      'Bo: We are CANCELLING. It got cancelled twice. Cancels too. Budget cuts hurt. Uncancellable is no match.',
    );
    expect(hits.map((hit) => hit.matched)).toEqual([
      'CANCELLING',
      'cancelled',
      'Cancels',
      'Budget cuts',
    ]);
    const lines = match('Bo: cancelled twice\nBo: it cancels\nBo: the cutting of budgets');
    expect(lines.map((hit) => hit.matched)).toEqual(['cancelled', 'cancels']);
  });

  it('skips a phrase negated within the window, in the same sentence only', () => {
    const hits = match(
      [
        "Bo: Don't worry, we won't cancel.",
        'Bo: Nobody is talking about cancelling.',
        'Bo: Good news: no budget cut this year.',
        'Bo: It is not great. We may cancel.',
        'Bo: We never said we would not, ever, under any circumstances, cancel.',
      ].join('\n'),
    );
    expect(hits.map((hit) => hit.snippet)).toEqual([
      'We may cancel.',
      'We never said we would not, ever, under any circumstances, cancel.',
    ]);
  });

  it('counts the customer side by default, tells speakers apart and points into the transcript', () => {
    const transcript =
      'Ana Rep: Do you want to cancel?\nBo Client: Yes, we will cancel at renewal.';
    const [hit, ...rest] = match(transcript);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({
      tracker: 'cancel_intent',
      phrase: 'cancel',
      speaker: 'Bo Client',
      is_rep_speaking: false,
      snippet: 'Yes, we will cancel at renewal.',
    });
    expect(transcript.slice(hit?.position, (hit?.position ?? 0) + 6)).toBe('cancel');
    expect(match(transcript, [tracker({ speaker: 'rep' })]).map((h) => h.speaker)).toEqual([
      'Ana Rep',
    ]);
    expect(match(transcript, [tracker({ speaker: 'anyone' })])).toHaveLength(2);
  });

  it('counts a transcript without speakers whole', () => {
    const [hit] = match('we might cancel the plan');
    expect(hit).toMatchObject({ speaker: null, is_rep_speaking: null, matched: 'cancel' });
  });

  it('keeps the longer match where two phrases of a tracker start at the same word', () => {
    const hits = match('Bo: switching to Churnly soon', [
      tracker({ name: 'competitor', phrases: ['switch', 'switch to churnly'] }),
    ]);
    expect(hits.map((hit) => [hit.phrase, hit.matched])).toEqual([
      ['switch to churnly', 'switching to Churnly'],
    ]);
  });

  it('finds the demo company’s risk phrases with the default trackers', () => {
    const hits = match(
      [
        "Kim Buyer: Honestly, it's getting too expensive for what we use.",
        'Kim Buyer: Leadership asked us to look at switching to Churnly.',
        "Kim Buyer: We're not using it much since the reorganisation.",
        "Kim Buyer: We're seriously considering cancelling our subscription.",
        "Kim Buyer: Don't worry, we won't cancel, we just need better reports.",
      ].join('\n'),
      [...DEFAULT_TRACKERS],
    );
    expect(hits.map((hit) => hit.tracker)).toEqual([
      'pricing',
      'competitor',
      'disengagement',
      'cancel_intent',
    ]);
  });
});
