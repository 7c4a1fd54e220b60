import { describe, expect, it } from 'vitest';
import { toDealStatus } from './deal-status.js';

const NO_FLAGS = { isWon: undefined, isClosed: undefined };

describe('toDealStatus', () => {
  it('reads the default Closed Won and Closed Lost stages in any spelling; other stages are open', () => {
    expect(toDealStatus('Closed Won', NO_FLAGS)).toBe('won');
    expect(toDealStatus('closedlost', NO_FLAGS)).toBe('lost');
    expect(toDealStatus('CLOSED-LOST', NO_FLAGS)).toBe('lost');
    expect(toDealStatus('Contract Sent', NO_FLAGS)).toBe('open');
  });

  it('lets the won and closed checkboxes decide, since stage labels are per-portal', () => {
    expect(toDealStatus('Signed', { isWon: true, isClosed: true })).toBe('won');
    expect(toDealStatus('No decision', { isWon: false, isClosed: true })).toBe('lost');
    expect(toDealStatus('Closed Won', { isWon: false, isClosed: false })).toBe('open');
    expect(toDealStatus('Closed Won', { isWon: false, isClosed: undefined })).toBe('won');
  });
});
