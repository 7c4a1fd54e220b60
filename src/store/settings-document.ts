/**
 * JSON documents a workspace edits (health rules, keyword trackers), kept
 * under one key of the settings table and validated by a Zod schema both
 * when a file is set and when the store is read, so a hand-edited row can
 * never reach the code unchecked. An absent key means "use the defaults".
 */
import type { z } from 'zod';
import { RetainError } from '../domain/errors.js';
import type { Store } from './store.js';

export type SettingsDocument<T> = {
  /** The settings key. */
  readonly key: string;
  /** What the document is, for messages: "the health rules". */
  readonly title: string;
  readonly schema: z.ZodType<T>;
  readonly defaults: T;
  /** How to fix an invalid document. */
  readonly hint: string;
};

export async function readSettingsDocument<T>(store: Store, doc: SettingsDocument<T>): Promise<T> {
  const [row] = await store.query<{ value: string }>(`SELECT value FROM settings WHERE key = $1`, [
    doc.key,
  ]);
  return row === undefined
    ? doc.defaults
    : parseSettingsDocument(doc, row.value, 'the settings table');
}

/** Saves `value`; undefined goes back to the defaults. */
export async function writeSettingsDocument<T>(
  store: Store,
  doc: SettingsDocument<T>,
  value: T | undefined,
): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.query(`DELETE FROM settings WHERE key = $1`, [doc.key]);
    if (value !== undefined)
      await tx.query(`INSERT INTO settings (key, value) VALUES ($1, $2)`, [
        doc.key,
        JSON.stringify(value),
      ]);
  });
}

/** Parses the document's text; `source` names where it came from (a file, or the settings table). */
export function parseSettingsDocument<T>(
  doc: SettingsDocument<T>,
  text: string,
  source: string,
): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RetainError('INVALID_ARGUMENT', `${source}: ${doc.title} are not JSON.`, {
      hint: `Fix the JSON (${(error as Error).message}); ${doc.hint}`,
    });
  }
  const parsed = doc.schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`)
      .join('; ');
    throw new RetainError('INVALID_ARGUMENT', `${source}: ${doc.title} are invalid: ${problems}.`, {
      hint: doc.hint,
    });
  }
  return parsed.data;
}
