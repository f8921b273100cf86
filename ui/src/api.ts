// The REST client: one fetch wrapper that adds the token, and reads RFC 9457 problems into ApiError.
import type { Employee, Problem } from './types';
import { problemMessage } from './format';

export interface Session {
  token: string;
  expiresAt: number; // epoch ms
  employee: Employee;
}

const KEY = 'erp.session';

// sessionStorage: a tab's login ends with the tab, and is never shared with other sites.
export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    return s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(s: Session | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}

/**
 * Whether the token says its holder heads their department (claim heads_department: the org chart's head at sign-in,
 * not the rank), which opens 부서 문서함 and the department's reports. Read from the token, not verified: the server
 * decides; this only picks what the page offers.
 */
export function headsDepartment(token: string): boolean {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)).heads_department === true;
  } catch {
    return false;
  }
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problemMessage(problem));
  }
}

let onUnauthorized: () => void = () => {};
/** Called when the server no longer accepts the token (expired, or the keys changed). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const NETWORK_ERROR: Problem = { type: 'about:blank', title: 'Network error', status: 0,
  detail: '서버에 연결할 수 없습니다 (the server cannot be reached).' };

function authHeaders(accept: string): Record<string, string> {
  const session = loadSession();
  const headers: Record<string, string> = { Accept: accept };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  return headers;
}

/**
 * The problem of a response that is not ok: its RFC 9457 body, or what can be said from the status and text. A body
 * that is no problem (a proxy's error page in HTML, while a service restarts) is not shown: only a short plain text.
 */
function problemOf(res: Response, text: string): ApiError {
  const json = text ? safeJson(text) : undefined;
  if (json && typeof json === 'object' && 'status' in json) return new ApiError(res.status, json as Problem);
  const plain = (res.headers.get('Content-Type') ?? '').startsWith('text/plain') && text.length <= 300
    && !text.trimStart().startsWith('<');
  return new ApiError(res.status, { type: 'about:blank', title: res.statusText || 'Error', status: res.status,
    detail: plain && text.trim() ? text.trim() : statusText(res.status) });
}

function statusText(status: number): string {
  if (status === 502 || status === 503 || status === 504) {
    return '서버가 잠시 응답하지 않습니다. 잠시 후 다시 시도해 주세요 (the server is unavailable for a moment).';
  }
  if (status === 413) return '보낸 내용이 너무 큽니다 (the request is too large).';
  return `요청을 처리하지 못했습니다 (HTTP ${status}).`;
}

/**
 * A fresh Idempotency-Key: random, in the contract's characters. Not crypto.randomUUID, which a page served over plain
 * http from another host than localhost does not have.
 */
export function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function api<T>(method: string, path: string, body?: unknown,
  extra?: Record<string, string>): Promise<T> {
  const headers = { ...authHeaders('application/json, application/problem+json'), ...extra };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { ...NETWORK_ERROR });
  }
  if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized();
  const text = await res.text();
  if (!res.ok) throw problemOf(res, text);
  return (text ? safeJson(text) : undefined) as T;
}

/**
 * Downloads a file the API serves as bytes (a document's 첨부파일) and saves it under `name`: fetched with the token
 * (a plain link would go without it), then handed to the browser through a temporary object URL. A refusal is thrown
 * as an ApiError with the problem's words, as api() does.
 */
export async function download(path: string, name: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { headers: authHeaders('*/*') });
  } catch {
    throw new ApiError(0, { ...NETWORK_ERROR });
  }
  if (res.status === 401) onUnauthorized();
  if (!res.ok) throw problemOf(res, await res.text());
  saveBlob(await res.blob(), name);
}

/** Saves bytes the page has under a file name, as a download (a link in the page, clicked, then taken away). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the browser has taken the bytes once the click is handled; revoked a while later all the same, for slow ones
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
