/** Schemas every route shares. The web app imports these types only (`import type`). */
import { z } from 'zod';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    hint: z.string().optional(),
    instance: z.string().optional(),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem: what went wrong and what to do.' });

/** Query parameters that may repeat (`?where=a&where=b`) arrive as a string or an array. */
export const repeatedString = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
