/** Signing in and out, and who is signed in. */
import { z } from 'zod';

export const loginBodySchema = z.object({
  email: z.string().min(3),
  password: z.string().min(1),
});

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(['admin', 'manager', 'rep']),
    rep_id: z.string().nullable(),
    team: z.string().nullable(),
  })
  .meta({ id: 'User' });

export const sessionSchema = z.object({
  user: userSchema,
  /** Send it back as the X-CSRF-Token header on every write made with the session cookie. */
  csrfToken: z.string(),
});

export type LoginBody = z.input<typeof loginBodySchema>;
export type SessionUser = z.output<typeof userSchema>;
export type Session = z.output<typeof sessionSchema>;
