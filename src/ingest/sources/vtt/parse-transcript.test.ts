import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript, type TranscriptOutcome } from './parse-transcript.js';

const ZOOM = join(import.meta.dirname, 'fixtures/GMT20240115-150000_Recording.transcript.vtt');
const TEAMS = join(import.meta.dirname, 'fixtures/acme-renewal.vtt');

/** A WebVTT file of `blocks`, separated by blank lines as every exporter writes them. */
function vtt(...blocks: string[]): string {
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}

function transcriptOf(outcome: TranscriptOutcome): string {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.transcript;
}

describe('parseTranscript', () => {
  it("reads Zoom's numbered cues with `Name: ` prefixes, merging a speaker's consecutive cues", async () => {
    const outcome = parseTranscript(await readFile(ZOOM, 'utf8'));
    expect(transcriptOf(outcome).split('\n')).toEqual([
      'Sam Seller: Hi Jane, thanks for making time for our check-in today.',
      // Cues 2 and 3 are both Jane's: one turn.
      "Jane Doe: Happy to. It's been a busy quarter for us. Honestly, it's getting too expensive for what we use.",
      'Sam Seller: I hear you. Which teams are still using the dashboards?',
      'Jane Doe: Mostly sales. Finance is looking at switching to Churnly.',
    ]);
  });

  it("reads Teams' voice spans under a BOM, CRLF lines and GUID/n-m cue ids", async () => {
    const outcome = parseTranscript(await readFile(TEAMS, 'utf8'));
    expect(transcriptOf(outcome).split('\n')).toEqual([
      'Dana Dialer: Good afternoon, thanks for joining the renewal call. I have the usage report from Q&A in front of me.',
      'Ann Buyer: Thanks. We had a budget cut for next year, so every tool is under review.',
      'Dana Dialer: Understood. Shall we look at a smaller plan?',
    ]);
  });

  it('drops formatting tags and inline timestamps, then decodes entities, so escaped markup stays text', () => {
    const outcome = parseTranscript(
      vtt(
        '00:01.000 --> 00:04.000\n<v.loud Jane Doe><b>Cancel</b> it <00:00:02.500><c.yellow>now</c>',
        '00:04.000 --> 00:06.000\n<v Jane Doe>Tom&nbsp;&amp;&nbsp;Jerry &lt;b&gt; &#39;quoted&#x27; &copy;</v>',
      ),
    );
    expect(transcriptOf(outcome)).toBe("Jane Doe: Cancel it now Tom & Jerry <b> 'quoted' &copy;");
  });

  it('gives every cue without a speaker its own unprefixed line, and joins a cue wrapped over lines', () => {
    const outcome = parseTranscript(
      vtt(
        '00:00:01.000 --> 00:00:02.000\n[music]',
        '00:00:02.000 --> 00:00:03.000\n[laughter]',
        '00:00:03.000 --> 00:00:05.000\nSam Seller: We can move the\nrenewal to March.',
        '00:00:05.000 --> 00:00:06.000\n<v Sam Seller>Does that work?</v> OK.',
      ),
    );
    expect(transcriptOf(outcome).split('\n')).toEqual([
      '[music]',
      '[laughter]',
      'Sam Seller: We can move the renewal to March. Does that work?',
      // Text after a closing </v> has no named speaker.
      'OK.',
    ]);
  });

  it('gives each voice span of a cue with two speakers its own turn', () => {
    const outcome = parseTranscript(
      vtt('00:00:01.000 --> 00:00:03.000\n<v Jane Doe>Ready?</v>\n<v Sam Seller>Yes.</v>'),
    );
    expect(transcriptOf(outcome)).toBe('Jane Doe: Ready?\nSam Seller: Yes.');
  });

  it('skips NOTE, STYLE and REGION blocks and reads header text, cue settings and hours past 99', () => {
    const outcome = parseTranscript(
      [
        'WEBVTT - exported by Zoom',
        'Kind: captions',
        '',
        'STYLE',
        '::cue { color: yellow }',
        '',
        'REGION',
        'id:fred width:40%',
        '',
        'NOTE Confidential: this looks like a cue but is a comment',
        'Jane Doe: do not import me',
        '',
        'intro',
        '100:00:01.000 --> 100:00:04.000 align:start position:10% line:0',
        'Jane Doe: Hello.',
        '',
      ].join('\n'),
    );
    expect(transcriptOf(outcome)).toBe('Jane Doe: Hello.');
  });

  describe('problems, each at its line, all of them', () => {
    const timingFix =
      'write the cue timing as start --> end in hh:mm:ss.ttt or mm:ss.ttt, with a dot before the milliseconds, e.g. 00:00:01.000 --> 00:00:04.000';

    it('refuses a file without the WEBVTT header (an SRT file, say), or an empty one', () => {
      const headerFix =
        'export the transcript as WebVTT (.vtt) from Zoom or Teams; its first line is WEBVTT';
      expect(parseTranscript('1\n00:00:01,000 --> 00:00:04,000\nHello\n')).toEqual({
        ok: false,
        problems: [
          {
            line: 1,
            value: '1',
            reason: 'is not the WEBVTT header line, so the file is not WebVTT',
            fix: headerFix,
          },
        ],
      });
      expect(parseTranscript('\nWEBVTT\n')).toEqual({
        ok: false,
        problems: [
          {
            line: 1,
            value: '',
            reason: 'does not start with the WEBVTT header line, so the file is not WebVTT',
            fix: headerFix,
          },
        ],
      });
      expect(parseTranscript('WEBVTTX\n').ok).toBe(false);
    });

    it('reports every malformed timing line and a block with none, not just the first', () => {
      const outcome = parseTranscript(
        vtt(
          '1\n00:00:01,000 --> 00:00:04,000\nJane Doe: Comma milliseconds.',
          '2\n00:00:04.000 --> 00:00:07.000\nJane Doe: Fine.',
          '3\n00:00:07.000 -> 00:00:09.000\nJane Doe: A short arrow has no timing.',
          '4\n1:00:09.000 --> 00:60:10.000\nJane Doe: One-digit hours, minute 60.',
        ),
      );
      expect(outcome).toEqual({
        ok: false,
        problems: [
          {
            line: 4,
            value: '00:00:01,000 --> 00:00:04,000',
            reason: 'is not a WebVTT cue timing line',
            fix: timingFix,
          },
          {
            line: 11,
            value: '3',
            reason: 'is followed by no cue timing line',
            fix: timingFix,
          },
          {
            line: 16,
            value: '1:00:09.000 --> 00:60:10.000',
            reason: 'is not a WebVTT cue timing line',
            fix: timingFix,
          },
        ],
      });
    });

    it('refuses text that was not valid UTF-8', () => {
      const outcome = parseTranscript(vtt('00:00:01.000 --> 00:00:02.000\nJane: Ol\uFFFD'));
      expect(outcome).toEqual({
        ok: false,
        problems: [
          {
            line: 4,
            value: 'Jane: Ol\uFFFD',
            reason: 'contains bytes that are not valid UTF-8',
            fix: 'save the file with UTF-8 encoding',
          },
        ],
      });
    });

    it('refuses a file whose cues hold no text, since a conversation needs a transcript', () => {
      expect(
        parseTranscript(vtt('NOTE nothing said', '00:00:01.000 --> 00:00:02.000\n<c></c>')),
      ).toEqual({
        ok: false,
        problems: [
          {
            line: 1,
            value: '',
            reason: 'has no cue with any text, so there is no transcript to import',
            fix: 'export the transcript again once the recording has been transcribed, or leave the file out',
          },
        ],
      });
    });
  });
});
