/**
 * A cue's payload → what was said and by whom. Teams names the speaker in a
 * voice span (`<v Jane Doe>…</v>`, also `<v.loud Jane>`, the closing tag
 * optional), Zoom in a `Jane Doe: ` prefix. Other tags (`<c>`, `<b>`, inline
 * timestamps) are dropped before the entities are decoded, so an escaped
 * `&lt;b&gt;` stays text. Line breaks inside a cue are only caption wrapping.
 */

/** Text one speaker (or no named one) said in a cue, whitespace collapsed. */
export type Utterance = { readonly speaker: string | undefined; readonly text: string };

// A voice span's annotation is the rest of its tag (WebVTT §4.3, cue voice span).
const VOICE_TAG = /<v(?:\.[^\s>]*)*(?:[ \t]+([^>]*))?>|<\/v>/g;
const ANY_TAG = /<[^>]*>/g;
// Zoom's speaker prefix; a long "name" is more likely a sentence with a colon in it.
const SPEAKER_PREFIX = /^([^:<>]{1,60}?):[ \t]+(.*)$/;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  quot: '"',
  apos: "'",
  lrm: '',
  rlm: '',
};
const MAX_CODE_POINT = 0x10ffff;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi;

export function parseCueText(payload: readonly string[]): Utterance[] {
  const utterances: Utterance[] = [];
  const say = (speaker: string | undefined, markup: string) => {
    const text = toPlainText(markup);
    if (text === '') return;
    const last = utterances.at(-1);
    // One cue wrapped over lines is still one utterance.
    if (last !== undefined && last.speaker === speaker) {
      utterances[utterances.length - 1] = { speaker, text: `${last.text} ${text}` };
    } else utterances.push({ speaker, text });
  };
  for (const line of payload) {
    if (line.includes('<v')) readVoiceSpans(line, say);
    else {
      const prefixed = SPEAKER_PREFIX.exec(line.trim());
      const speaker = prefixed === null ? undefined : toPlainText(prefixed[1] ?? '');
      if (prefixed === null || speaker === '') say(utterances.at(-1)?.speaker, line);
      else say(speaker, prefixed[2] ?? '');
    }
  }
  return utterances;
}

/** Text before the first span or after a `</v>` has no named speaker. */
function readVoiceSpans(
  line: string,
  say: (speaker: string | undefined, markup: string) => void,
): void {
  let speaker: string | undefined;
  let from = 0;
  for (const tag of line.matchAll(VOICE_TAG)) {
    say(speaker, line.slice(from, tag.index));
    const name = tag[0] === '</v>' ? '' : toPlainText(tag[1] ?? '');
    speaker = name === '' ? undefined : name;
    from = tag.index + tag[0].length;
  }
  say(speaker, line.slice(from));
}

function toPlainText(markup: string): string {
  return decodeEntities(markup.replace(ANY_TAG, '')).replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (entity, decimal?: string, hex?: string, name?: string) => {
    const codePoint = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
    if (name !== undefined) return ENTITIES[name.toLowerCase()] ?? entity;
    // A reference past Unicode's last code point is left as written rather than guessed at.
    return codePoint <= MAX_CODE_POINT ? String.fromCodePoint(codePoint) : entity;
  });
}
