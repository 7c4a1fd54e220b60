import { describe, expect, it } from 'vitest';
import { toDealKind } from './deal-kind.js';

describe('toDealKind', () => {
  it('recognises new business, renewals and expansions, and leaves the ambiguous empty', () => {
    expect(toDealKind('New Business')).toBe('new_business');
    expect(toDealKind('New Customer')).toBe('new_business');
    expect(toDealKind('Renewal')).toBe('renewal');
    expect(toDealKind('Existing Customer - Upgrade')).toBe('expansion');
    expect(toDealKind('Cross-sell')).toBe('expansion');
    expect(toDealKind('Existing Business')).toBeUndefined();
    expect(toDealKind('Existing Customer - Downgrade')).toBeUndefined();
    expect(toDealKind('')).toBeUndefined();
  });
});
