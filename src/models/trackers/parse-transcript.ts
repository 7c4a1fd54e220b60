/**
 * A transcript as turns: `Speaker: text` lines (the demo's and the WebVTT
 * importer's canonical form, and what Zoom writes) start a turn; a line
 * without a speaker continues the turn before it. A prefix counts as a
 * speaker only when it looks like a name (a few words, no sentence
 * punctuation), so "Note: call back" inside a turn stays text.
 */
export type Turn = {
  readonly speaker: string | null;
  readonly text: string;
  /** Offset of `text` in the transcript, so hits can point into it. */
  readonly offset: number;
};

const SPEAKER_LINE = /^([^\s:.,;!?][^:.,;!?]{0,59}):[ \t]+/u;
const MAX_SPEAKER_WORDS = 5;

export function parseTranscript(transcript: string): Turn[] {
  const turns: { speaker: string | null; parts: { text: string; offset: number }[] }[] = [];
  let offset = 0;
  for (const line of transcript.split('\n')) {
    const match = SPEAKER_LINE.exec(line);
    const speaker = match?.[1]?.trim();
    const isSpeakerLine =
      match !== null && speaker !== undefined && speaker.split(/\s+/).length <= MAX_SPEAKER_WORDS;
    const textStart = isSpeakerLine ? match[0].length : 0;
    const part = { text: line.slice(textStart).replace(/\r$/, ''), offset: offset + textStart };
    const last = turns.at(-1);
    if (isSpeakerLine || last === undefined) {
      turns.push({ speaker: isSpeakerLine ? (speaker ?? null) : null, parts: [part] });
    } else {
      last.parts.push(part);
    }
    offset += line.length + 1;
  }
  // Each part keeps its own offset, so a turn is returned per line of text.
  return turns.flatMap((turn) =>
    turn.parts
      .filter((part) => part.text.trim() !== '')
      .map((part) => ({ speaker: turn.speaker, text: part.text, offset: part.offset })),
  );
}
