import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, headsDepartment, idempotencyKey, setUnauthorizedHandler } from './api';

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

describe('errors', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setUnauthorizedHandler(() => {});
  });

  /** What api() makes of an answer with this status, type and body. */
  const failure = async (status: number, type: string, body: string): Promise<ApiError> => {
    vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
    vi.stubGlobal('fetch', async () => new Response(body, { status, statusText: 'Bad Gateway',
      headers: { 'Content-Type': type } }));
    const e = await api('GET', '/api/approvals').then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  };

  it("shows a problem's detail, a short plain text, and never a proxy's HTML page", async () => {
    const problem = { type: 'about:blank', title: 'Conflict', status: 409, detail: '이미 결재했습니다.' };
    expect((await failure(409, 'application/problem+json', JSON.stringify(problem))).problem.detail)
      .toBe('이미 결재했습니다.');
    expect((await failure(400, 'text/plain', 'bad range')).problem.detail).toBe('bad range');
    const e = await failure(502, 'text/html', '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>');
    expect(e.status).toBe(502);
    expect(e.problem.detail).toContain('잠시 후 다시 시도해 주세요');
    expect(e.problem.detail).not.toContain('<');
  });

  it('tells the page of a 401, except from the sign-in calls themselves', async () => {
    vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ type: 'about:blank', title: 'Unauthorized',
      status: 401 }), { status: 401, headers: { 'Content-Type': 'application/problem+json' } }));
    let told = 0;
    setUnauthorizedHandler(() => told++);
    await expect(api('GET', '/api/approvals')).rejects.toBeInstanceOf(ApiError);
    expect(told).toBe(1);
    await expect(api('POST', '/api/auth/login', {})).rejects.toBeInstanceOf(ApiError);
    expect(told).toBe(1);
  });
});
