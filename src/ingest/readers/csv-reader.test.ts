import { describe, expect, it } from 'vitest';
import { withTempDir, writeFixture } from '../../../test/helpers/temp-store.js';
import { openCsvReader } from './csv-reader.js';
import type { RawRecord } from './raw-record.js';

async function readAll(
  content: string | Buffer,
): Promise<{ columns: readonly string[] | undefined; records: RawRecord[] }> {
  return withTempDir(async (dir) => {
    const reader = await openCsvReader(await writeFixture(dir, 'input.csv', content));
    const records: RawRecord[] = [];
    for await (const batch of reader.batches) records.push(...batch);
    return { columns: reader.columns, records };
  });
}

describe('openCsvReader', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, numbering the line each record starts on', async () => {
    const { columns, records } = await readAll(
      'id,name,note\n1,"Acme, Inc.","say ""hi"""\n2,"two\nlines",x\n3,c,d\n',
    );
    expect(columns).toEqual(['id', 'name', 'note']);
    expect(records).toEqual([
      { line: 2, cells: { id: '1', name: 'Acme, Inc.', note: 'say "hi"' } },
      { line: 3, cells: { id: '2', name: 'two\nlines', note: 'x' } },
      { line: 5, cells: { id: '3', name: 'c', note: 'd' } },
    ]);
  });

  it('strips a UTF-8 byte-order mark and handles CRLF line endings', async () => {
    const { columns, records } = await readAll('\uFEFFid,name\r\n1,a\r\n2,"b\r\nc"\r\n3,d\r\n');
    expect(columns).toEqual(['id', 'name']);
    expect(records.map((record) => record.line)).toEqual([2, 3, 5]);
    expect(records[1]).toEqual({ line: 3, cells: { id: '2', name: 'b\r\nc' } });
  });

  it('detects semicolon and tab delimiters from the header', async () => {
    expect((await readAll('id;amount\n1;"49,90"\n')).records).toEqual([
      { line: 2, cells: { id: '1', amount: '49,90' } },
    ]);
    expect((await readAll('id\tname\n1\tAcme, Inc.\n')).records).toEqual([
      { line: 2, cells: { id: '1', name: 'Acme, Inc.' } },
    ]);
  });

  it('normalises header names so "Created At" matches created_at', async () => {
    expect((await readAll('ID, Created At ,Owner-Rep-Id\n1,2024-01-01,r1\n')).columns).toEqual([
      'id',
      'created_at',
      'owner_rep_id',
    ]);
  });

  it('skips blank lines but keeps counting them', async () => {
    const { records } = await readAll('id,name\n\n1,a\n,\n\n2,b');
    expect(records).toEqual([
      { line: 3, cells: { id: '1', name: 'a' } },
      { line: 6, cells: { id: '2', name: 'b' } },
    ]);
  });

  it('rejects a row with the wrong number of fields and goes on', async () => {
    const { records } = await readAll('id,name\n1,a,extra\n2,b\n');
    expect(records).toEqual([
      {
        line: 2,
        isFatal: false,
        problem: {
          column: '',
          value: '1,a,extra',
          reason: 'has 3 fields but the header has 2',
          fix: 'quote any field that contains the delimiter (,) or a line break, and give every row 2 fields',
        },
      },
      { line: 3, cells: { id: '2', name: 'b' } },
    ]);
  });

  it('stops at a broken quote, because nothing after it can be trusted', async () => {
    const { records } = await readAll('id,name\n1,a\n2,"bad"x\n3,c\n');
    expect(records).toEqual([
      { line: 2, cells: { id: '1', name: 'a' } },
      {
        line: 3,
        isFatal: true,
        problem: {
          column: '',
          value: '',
          reason: 'has a quoted field that is not closed properly; lines after it were not read',
          fix: 'quote the whole field and write a quote inside it as two quotes (""), e.g. "5"" screen"',
        },
      },
    ]);
  });

  it('reports an unclosed quote on the line that opens it', async () => {
    const { records } = await readAll('id,name\n1,a\n2,"never closed\n3,c\n');
    expect(records.at(-1)).toMatchObject({ line: 3, isFatal: true });
  });

  it('rejects cells that are not valid UTF-8', async () => {
    const { records } = await readAll(
      Buffer.concat([Buffer.from('id,name\n1,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]),
    );
    expect(records[0]).toMatchObject({
      line: 2,
      problem: {
        column: 'name',
        reason: 'contains bytes that are not valid UTF-8',
        fix: 'save the file with UTF-8 encoding',
      },
    });
  });

  it('refuses an empty file, a blank header name and a repeated header name', async () => {
    expect((await readAll('')).records).toEqual([
      {
        line: 1,
        isFatal: true,
        problem: {
          column: '',
          value: '',
          reason: 'the file is empty',
          fix: 'put a header line with the column names first',
        },
      },
    ]);
    expect((await readAll('id,,name\n1,2,3\n')).records[0]).toMatchObject({
      problem: { column: 'column 2', reason: 'has no name in the header' },
    });
    expect((await readAll('id,Name,name\n1,2,3\n')).records[0]).toMatchObject({
      problem: { column: 'name', reason: 'appears twice in the header' },
    });
  });

  it('streams a file far larger than one read chunk, keeping line numbers exact', async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, index) => `${index},"name ${index}${index % 1000 === 0 ? '\nsecond line' : ''}"`,
    );
    const { records } = await readAll(`id,name\n${rows.join('\n')}\n`);
    expect(records).toHaveLength(20_000);
    // Rows 0, 1000, … each take two lines, shifting every later start.
    expect(records[1001]).toEqual({ line: 2 + 1001 + 2, cells: { id: '1001', name: 'name 1001' } });
    expect(records.at(-1)).toMatchObject({ line: 2 + 19_999 + 20, cells: { id: '19999' } });
  });
});
