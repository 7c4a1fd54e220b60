/**
 * A WebVTT file's text → the canonical transcript: one `Speaker: text` line
 * per turn, the format the demo company's transcripts use and keyword
 * trackers read. A turn is a run of consecutive cues by one speaker (captions
 * cut speech every few seconds); a cue without a named speaker is a line of
 * its own, unprefixed.
 */
import { parseCueText, type Utterance } from './parse-cue-text.js';
import { parseWebVtt, type WebVttCue, type WebVttProblem } from './parse-web-vtt.js';

export type TranscriptOutcome =
  { ok: true; transcript: string } | { ok: false; problems: WebVttProblem[] };

export function parseTranscript(text: string): TranscriptOutcome {
  const parsed = parseWebVtt(text);
  if (!parsed.ok) return parsed;
  const transcript = buildTranscript(parsed.cues);
  if (transcript !== '') return { ok: true, transcript };
  return {
    ok: false,
    problems: [
      {
        line: 1,
        value: '',
        reason: 'has no cue with any text, so there is no transcript to import',
        fix: 'export the transcript again once the recording has been transcribed, or leave the file out',
      },
    ],
  };
}

function buildTranscript(cues: readonly WebVttCue[]): string {
  const turns: Utterance[] = [];
  for (const utterance of cues.flatMap((cue) => parseCueText(cue.payload))) {
    const last = turns.at(-1);
    if (utterance.speaker !== undefined && last?.speaker === utterance.speaker) {
      turns[turns.length - 1] = { speaker: last.speaker, text: `${last.text} ${utterance.text}` };
    } else turns.push(utterance);
  }
  return turns
    .map(({ speaker, text }) => (speaker === undefined ? text : `${speaker}: ${text}`))
    .join('\n');
}
