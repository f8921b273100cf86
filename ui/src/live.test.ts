import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectLive } from './live';

// A stand-in for the browser's WebSocket: the test plays the server's side.
class FakeSocket {
  static last: FakeSocket;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  close() {}
}

describe('connectLive', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('passes notifications on, asks for a catch-up on RESYNC, and ignores anything else', () => {
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
});
