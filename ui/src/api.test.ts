import { describe, expect, it } from 'vitest';
import { headsDepartment, idempotencyKey } from './api';

describe('idempotencyKey', () => {
  it('is in the characters the contract takes, and new each time', () => {
    const a = idempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9._:-]{1,100}$/);
    expect(a).toHaveLength(32);
    expect(idempotencyKey()).not.toBe(a);
  });
});

describe('headsDepartment', () => {
  const token = (claims: object) => {
    const json = new TextEncoder().encode(JSON.stringify(claims));
    const b64 = btoa(String.fromCharCode(...json)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    return `header.${b64}.signature`;
  };

  it('reads the claim of the org chart, not the rank', () => {
    expect(headsDepartment(token({ name: '박지훈', position: 'TEAM_LEAD', heads_department: true }))).toBe(true);
    expect(headsDepartment(token({ name: '박지훈', position: 'DEPT_HEAD', heads_department: false }))).toBe(false);
    expect(headsDepartment(token({ name: '박지훈', position: 'DEPT_HEAD' }))).toBe(false);
    expect(headsDepartment('not a token')).toBe(false);
  });
});
