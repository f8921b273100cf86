// The live channel: the WebSocket /ws/notifications, authenticated at the handshake by the login cookie (set with
// the token at login, HttpOnly, so the token never appears in a URL). It reconnects with a growing pause, and
// says when it (re)connected so the page can catch up from the stored inbox.
import type { Notification } from './types';

export type LiveState = 'connecting' | 'open' | 'closed';

export function connectLive(onMessage: (n: Notification) => void, onState: (s: LiveState) => void): () => void {
  let ws: WebSocket | null = null;
  let stopped = false;
  let pause = 1000;
  let timer: number | undefined;

  const open = () => {
    onState('connecting');
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    ws = new WebSocket(`${scheme}://${window.location.host}/ws/notifications`);
    ws.onopen = () => {
      pause = 1000;
      onState('open');
    };
    ws.onmessage = (e) => {
      try {
        onMessage(JSON.parse(e.data as string) as Notification);
      } catch {
        // not a notification (a keep-alive or a future message type): nothing to show
      }
    };
    ws.onclose = () => {
      onState('closed');
      if (!stopped) {
        timer = window.setTimeout(open, pause);
        pause = Math.min(pause * 2, 30000);
      }
    };
  };
  open();
  return () => {
    stopped = true;
    window.clearTimeout(timer);
    ws?.close();
  };
}
