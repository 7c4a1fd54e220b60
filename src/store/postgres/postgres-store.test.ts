import { describe, expect, it } from 'vitest';
import { RetainError } from '../../domain/errors.js';
import { openStore } from '../open-store.js';

describe('PostgreSQL store', () => {
  it('says in one line that the server does not answer, without the password', async () => {
    // Port 1 on loopback: nothing listens there.
    const error = await openStore('postgres://retain:s3cret@127.0.0.1:1/retain').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RetainError);
    expect(error).toMatchObject({
      code: 'STORE_UNAVAILABLE',
      hint: 'Check that the server runs and accepts this user, password and database (pg_isready -h <host>).',
    });
    expect((error as RetainError).message).toMatch(
      /^Cannot connect to PostgreSQL at postgres:\/\/retain@127\.0\.0\.1:1\/retain: /,
    );
    expect((error as RetainError).message).not.toContain('s3cret');
  });
});
