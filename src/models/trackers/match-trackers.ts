/**
 * Finds tracker phrases in a transcript: case-insensitive, on word
 * boundaries, each word with its simple inflections (plural, -ed, -ing,
 * doubled consonants and dropped e: "cancel" finds "cancelled",
 * "cancelling"; "cut" finds "cuts", "cutting"), and not when a negation
 * stands within the tracker's window of words before the phrase in the same
 * sentence ("we won't cancel", "no budget cut this year").
 */
import type { Tracker } from './tracker-definitions.js';
import { parseTranscript, type Turn } from './parse-transcript.js';

export type TrackerHit = {
  tracker: string;
  /** The tracker's phrase that matched. */
  phrase: string;
  /** The words as said. */
  matched: string;
  speaker: string | null;
  /** True when a rep said it, false for anyone else, null without speakers. */
  is_rep_speaking: boolean | null;
  /** The sentence around the match. */
  snippet: string;
  /** Offset of the match in the transcript. */
  position: number;
};

export type CompiledTracker = {
  readonly tracker: Tracker;
  readonly patterns: readonly { phrase: string; pattern: RegExp }[];
};

const NEGATIONS = new Set([
  'no',
  'not',
  'never',
  'nobody',
  'nothing',
  'none',
  'neither',
  'nor',
  'without',
  'cannot',
  "can't",
  "won't",
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "wouldn't",
  "shouldn't",
  "haven't",
  "hasn't",
  'wont',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'arent',
]);
const SNIPPET_MAX = 200;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function compileTrackers(trackers: readonly Tracker[]): CompiledTracker[] {
  return trackers.map((tracker) => ({
    tracker,
    patterns: tracker.phrases.map((phrase) => ({ phrase, pattern: compilePhrase(phrase) })),
  }));
}

/** `repNames`: lower-cased names of the workspace's reps, which tell their turns from the customer's. */
export function matchTrackers(
  transcript: string,
  trackers: readonly CompiledTracker[],
  repNames: ReadonlySet<string>,
): TrackerHit[] {
  const hits: TrackerHit[] = [];
  for (const turn of parseTranscript(transcript)) {
    const isRep = turn.speaker === null ? null : repNames.has(turn.speaker.toLowerCase());
    for (const { tracker, patterns } of trackers) {
      if (isRep !== null && tracker.speaker !== 'anyone' && isRep !== (tracker.speaker === 'rep'))
        continue;
      hits.push(...matchTurn(turn, tracker, patterns, isRep));
    }
  }
  return hits;
}

function matchTurn(
  turn: Turn,
  tracker: Tracker,
  patterns: CompiledTracker['patterns'],
  isRep: boolean | null,
): TrackerHit[] {
  // One hit per place in the text: where two phrases overlap, the longer match wins.
  const byStart = new Map<number, TrackerHit>();
  for (const { phrase, pattern } of patterns) {
    for (const match of turn.text.matchAll(pattern)) {
      const start = match.index;
      if (isNegated(turn.text, start, tracker.negation_window)) continue;
      const known = byStart.get(start);
      if (known && known.matched.length >= match[0].length) continue;
      byStart.set(start, {
        tracker: tracker.name,
        phrase,
        matched: match[0],
        speaker: turn.speaker,
        is_rep_speaking: isRep,
        snippet: snippetAround(turn.text, start, match[0].length),
        position: turn.offset + start,
      });
    }
  }
  return [...byStart.values()].sort((a, b) => a.position - b.position);
}

function isNegated(text: string, start: number, window: number): boolean {
  if (window === 0) return false;
  const before = text.slice(0, start);
  const sentence = before.slice(
    Math.max(...['.', '!', '?'].map((end) => before.lastIndexOf(end))) + 1,
  );
  const words = [...sentence.matchAll(WORD)].map((word) => word[0].toLowerCase().replace('’', "'"));
  return words.slice(-window).some((word) => NEGATIONS.has(word));
}

function snippetAround(text: string, start: number, length: number): string {
  const sentenceStart =
    Math.max(...['.', '!', '?'].map((end) => text.lastIndexOf(end, start - 1))) + 1;
  const ends = ['.', '!', '?']
    .map((end) => text.indexOf(end, start + length))
    .filter((index) => index >= 0);
  const sentenceEnd = ends.length > 0 ? Math.min(...ends) + 1 : text.length;
  const sentence = text.slice(sentenceStart, sentenceEnd).trim();
  if (sentence.length <= SNIPPET_MAX) return sentence;
  const from = Math.max(0, start - sentenceStart - SNIPPET_MAX / 2);
  return `…${sentence.slice(from, from + SNIPPET_MAX).trim()}…`;
}

function compilePhrase(phrase: string): RegExp {
  const words = phrase.toLowerCase().split(/\s+/).filter(Boolean).map(inflect);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s-]+')}(?![\\p{L}\\p{N}])`, 'giu');
}

/** A word and its simple inflections, as one regular-expression group. */
function inflect(word: string): string {
  const literal = escapeRegExp(word);
  if (!/^\p{L}{3,}$/u.test(word)) return literal;
  const forms = [`${literal}(?:s|es|ed|d|ing|er|ers)?`];
  const last = word.slice(-1);
  const stem = escapeRegExp(word.slice(0, -1));
  if (last === 'e') forms.push(`${stem}(?:ing|ed|er|ers)`);
  if (last === 'y') forms.push(`${stem}(?:ies|ied)`);
  // A short vowel before a final consonant doubles it: cancel → cancelled, cut → cutting.
  if (/[aeiou][bdgklmnprtz]$/.test(word)) forms.push(`${literal}${last}(?:ed|ing|er|ers)`);
  return `(?:${forms.join('|')})`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
