/**
 * Splits a WebVTT file into its cues, as Zoom and Microsoft Teams write it:
 * the `WEBVTT` header (a BOM and text after it allowed), blocks separated by
 * blank lines, an optional cue identifier, a timing line (`hh:mm:ss.ttt` or
 * `mm:ss.ttt`, cue settings after it) and the payload. NOTE, STYLE and REGION
 * blocks are skipped. Every malformed block is a problem at its line, all of
 * them collected: a block the parser cannot place would otherwise be dropped.
 */
import { REPLACEMENT_CHARACTER, type RecordProblem } from '../../readers/raw-record.js';

/** One cue's payload lines, with the line its timing is on. */
export type WebVttCue = { readonly line: number; readonly payload: readonly string[] };

/** A problem at a line of the file; `value` is that line, trimmed and shortened. */
export type WebVttProblem = Omit<RecordProblem, 'column'> & { readonly line: number };

export type WebVttOutcome =
  { ok: true; cues: WebVttCue[] } | { ok: false; problems: WebVttProblem[] };

type Block = { readonly line: number; readonly lines: readonly string[] };

const HEADER = /^WEBVTT(?:[ \t]|$)/;
const SKIPPED_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;
const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t].*)?$/;
// The hours are optional and may have more than two digits (WebVTT §4.2).
const TIMESTAMP = /^(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}$/;
const VALUE_CHARS = 200;
const TIMING_FIX =
  'write the cue timing as start --> end in hh:mm:ss.ttt or mm:ss.ttt, with a dot before the milliseconds, e.g. 00:00:01.000 --> 00:00:04.000';

export function parseWebVtt(text: string): WebVttOutcome {
  const [header, ...blocks] = splitBlocks(text.replace(/^\uFEFF/, ''));
  // A blank line before the header is no header either.
  const firstLine = header?.line === 1 ? (header.lines[0] ?? '') : '';
  if (header === undefined || !HEADER.test(firstLine)) {
    return {
      ok: false,
      problems: [
        problemAt(
          1,
          firstLine,
          firstLine.trim() === ''
            ? 'does not start with the WEBVTT header line, so the file is not WebVTT'
            : 'is not the WEBVTT header line, so the file is not WebVTT',
          'export the transcript as WebVTT (.vtt) from Zoom or Teams; its first line is WEBVTT',
        ),
      ],
    };
  }
  const problems = findUndecodedLines(header);
  const cues: WebVttCue[] = [];
  for (const block of blocks) {
    problems.push(...findUndecodedLines(block));
    const [first = ''] = block.lines;
    if (SKIPPED_BLOCK.test(first)) continue;
    // The timing is the block's first line, or its second after a cue identifier.
    const timingIndex = first.includes('-->') ? 0 : 1;
    const timing = block.lines[timingIndex];
    const timingLine = block.line + timingIndex;
    if (timing === undefined || !timing.includes('-->')) {
      problems.push(problemAt(block.line, first, 'is followed by no cue timing line', TIMING_FIX));
    } else if (!isTimingLine(timing)) {
      problems.push(problemAt(timingLine, timing, 'is not a WebVTT cue timing line', TIMING_FIX));
    } else {
      cues.push({ line: timingLine, payload: block.lines.slice(timingIndex + 1) });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cues };
}

/** Runs of non-blank lines, each with the number of its first line. */
function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: { line: number; lines: string[] } | undefined;
  for (const [index, line] of text.split(/\r\n|\r|\n/).entries()) {
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    if (current === undefined) {
      current = { line: index + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  }
  return blocks;
}

function isTimingLine(line: string): boolean {
  const match = TIMING.exec(line.trim());
  return match !== null && TIMESTAMP.test(match[1] ?? '') && TIMESTAMP.test(match[2] ?? '');
}

function findUndecodedLines(block: Block): WebVttProblem[] {
  return block.lines.flatMap((line, index) =>
    line.includes(REPLACEMENT_CHARACTER)
      ? [
          problemAt(
            block.line + index,
            line,
            'contains bytes that are not valid UTF-8',
            'save the file with UTF-8 encoding',
          ),
        ]
      : [],
  );
}

function problemAt(line: number, text: string, reason: string, fix: string): WebVttProblem {
  return { line, value: text.trim().slice(0, VALUE_CHARS), reason, fix };
}
