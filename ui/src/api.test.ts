import { describe, expect, it } from 'vitest';
import { idempotencyKey } from './api';

describe('idempotencyKey', () => {
  it('is in the characters the contract takes, and new each time', () => {
    const a = idempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9._:-]{1,100}$/);
    expect(a).toHaveLength(32);
    expect(idempotencyKey()).not.toBe(a);
  });
});
