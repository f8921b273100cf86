import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectLive } from './live';

// A stand-in for the browser's WebSocket: the test plays the server's side.
class FakeSocket {
  static last: FakeSocket;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string, readonly protocols?: string[]) {
    FakeSocket.last = this;
  }
  close() {}
}

/** This tab's stored sign-in (sessionStorage), which the test may change. */
function stubSessionStorage(): Map<string, string> {
  const stored = new Map<string, string>();
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => stored.set(k, v),
    removeItem: (k: string) => stored.delete(k),
  });
  return stored;
}

function signedIn(stored: Map<string, string>, token: string) {
  stored.set('erp.session', JSON.stringify({ token, expiresAt: Date.now() + 60_000, employee: { id: 1, name: '김철수' } }));
}

/** A page of this tab signed in with `token`, with fake timers for its reconnects; its stored sign-in. */
function signedInPage(protocol: string, token: string): Map<string, string> {
  vi.useFakeTimers();
  const stored = stubSessionStorage();
  signedIn(stored, token);
  vi.stubGlobal('window', { location: { protocol, host: 'erp.test' }, setTimeout, clearTimeout });
  vi.stubGlobal('WebSocket', FakeSocket);
  return stored;
}

describe('connectLive', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('passes notifications on, asks for a catch-up on RESYNC, and ignores anything else', () => {
    signedIn(stubSessionStorage(), 'token');
    vi.stubGlobal('window', { location: { protocol: 'http:', host: 'erp.test' }, setTimeout, clearTimeout });
    vi.stubGlobal('WebSocket', FakeSocket);
    const notifications: unknown[] = [];
    const states: string[] = [];
    let resyncs = 0;
    const stop = connectLive((n) => notifications.push(n), (s) => states.push(s), () => resyncs++);
    const socket = FakeSocket.last;
    expect(socket.url).toBe('ws://erp.test/ws/notifications');
    socket.onopen?.();
    expect(states).toEqual(['connecting', 'open']);

    socket.onmessage?.({ data: '{"type":"RESYNC"}' });
    expect(resyncs).toBe(1);
    expect(notifications).toEqual([]);

    const n = { id: 'n1', type: 'DOCUMENT_APPROVED', title: '출장', message: '승인', createdAt: '2026-12-04T00:00:00Z' };
    socket.onmessage?.({ data: JSON.stringify(n) });
    socket.onmessage?.({ data: 'not json' });
    socket.onmessage?.({ data: '{"type":"SOMETHING_LATER"}' });
    expect(notifications).toEqual([n]);
    expect(resyncs).toBe(1);
    stop();
  });

  it('shows a notification sent again once, also after a reconnect', () => {
    signedInPage('http:', 'token');
    const shown: unknown[] = [];
    const stop = connectLive((n) => shown.push(n), () => {}, () => {});
    FakeSocket.last.onopen?.();
    const n = (id: string) => JSON.stringify({ id, type: 'DOCUMENT_APPROVED', title: '출장', message: '승인',
      createdAt: '2026-12-07T00:00:00Z' });
    FakeSocket.last.onmessage?.({ data: n('n1') });
    FakeSocket.last.onmessage?.({ data: n('n1') });
    FakeSocket.last.onclose?.({ code: 1006 });
    vi.advanceTimersByTime(1000);
    FakeSocket.last.onopen?.();
    FakeSocket.last.onmessage?.({ data: n('n1') });
    FakeSocket.last.onmessage?.({ data: n('n2') });
    expect(shown.map((x) => (x as { id: string }).id)).toEqual(['n1', 'n2']);
    stop();
  });

  it("signs in with this tab's token, read again at each reconnect, not with the browser's cookie", () => {
    const stored = signedInPage('https:', 'token-of-this-tab');
    const stop = connectLive(() => {}, () => {}, () => {});
    expect(FakeSocket.last.url).toBe('wss://erp.test/ws/notifications');
    expect(FakeSocket.last.protocols).toEqual(['erp.bearer', 'token-of-this-tab']);

    // signed in again in this tab meanwhile: the reconnect carries the new token
    FakeSocket.last.onopen?.();
    signedIn(stored, 'newer-token');
    const first = FakeSocket.last;
    first.onclose?.({ code: 1006 });
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.last).not.toBe(first);
    expect(FakeSocket.last.protocols).toEqual(['erp.bearer', 'newer-token']);
    stop();
  });

  it("does not connect once this tab's sign-in ended (the cookie may be another person's)", () => {
    const stored = signedInPage('http:', 'token-of-this-tab');
    const states: string[] = [];
    const stop = connectLive(() => {}, (s) => states.push(s), () => {});
    const first = FakeSocket.last;
    first.onopen?.();
    stored.clear();
    first.onclose?.({ code: 1006 });
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.last).toBe(first);
    expect(states).toEqual(['connecting', 'open', 'closed', 'failed']);
    stop();
  });

  it('stops and has the page ask the API when the server refuses its token (1008: signed out everywhere, expired)', () => {
    signedInPage('http:', 'token');
    const states: string[] = [];
    let refused = 0;
    const stop = connectLive(() => {}, (s) => states.push(s), () => {}, () => refused++);
    const first = FakeSocket.last;
    first.onopen?.();
    first.onclose?.({ code: 1008 });
    expect(refused).toBe(0); // a moment later
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.last).toBe(first); // not again with the same token
    expect(states).toEqual(['connecting', 'open', 'failed']);
    expect(refused).toBe(1);
    stop();
  });

  it('does not ask when the page ended it meanwhile (its own sign-out everywhere)', () => {
    signedInPage('http:', 'token');
    let refused = 0;
    const stop = connectLive(() => {}, () => {}, () => {}, () => refused++);
    FakeSocket.last.onopen?.();
    FakeSocket.last.onclose?.({ code: 1008 });
    stop();
    vi.advanceTimersByTime(60_000);
    expect(refused).toBe(0);
  });

  it('stops without asking when newer pages pushed it out (4008), and reconnects after any other close', () => {
    signedInPage('http:', 'token');
    let refused = 0;
    const stop = connectLive(() => {}, () => {}, () => {}, () => refused++);
    const first = FakeSocket.last;
    first.onopen?.();
    first.onclose?.({ code: 1011 });
    vi.advanceTimersByTime(1000);
    const second = FakeSocket.last;
    expect(second).not.toBe(first);
    second.onopen?.();
    second.onclose?.({ code: 4008 });
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.last).toBe(second);
    expect(refused).toBe(0);
    stop();
  });
});
