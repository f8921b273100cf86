// The live channel: the WebSocket /ws/notifications, authenticated at the handshake by this tab's token, sent as the
// subprotocol after 'erp.bearer' (browsers set no other header on a handshake; never in the URL, which logs keep).
// Not by the login cookie: that one is the browser's, the latest sign-in of any tab, maybe another person's, whose
// notifications this page would then show. It reconnects with a growing pause, and
// says when it (re)connected so the page can catch up from the stored inbox. The server asks for that catch-up too
// (a message {"type":"RESYNC"}) when notifications may have passed it by: after Redis, whose pub/sub keeps nothing,
// restarted.
import type { Notification } from './types';
import { loadSession } from './api';

export type LiveState = 'connecting' | 'open' | 'closed' | 'failed';

/** The close code of a socket the server closed for newer ones of the same person (WsSession.SUPERSEDED). */
const SUPERSEDED = 4008;

/** The close code of a socket whose token was revoked (signed out everywhere) or expired (WsSession: VIOLATED_POLICY). */
const TOKEN_REFUSED = 1008;

/** How long after a refusal (1008) the page is asked to check its sign-in. */
const REFUSED_ASK_AFTER_MS = 1500;

/** How many of the latest notifications' ids are remembered, to show each once. */
const SEEN_KEPT = 500;

/**
 * @param onRefused the server closed the channel because this tab's token no longer holds (revoked or expired): the
 *   page asks the API, whose 401 ends this tab's sign-in, rather than show the last page on
 */
export function connectLive(onMessage: (n: Notification) => void, onState: (s: LiveState) => void,
  onResync: () => void, onRefused: () => void = () => {}): () => void {
  let ws: WebSocket | null = null;
  let stopped = false;
  let pause = 1000;
  let timer: number | undefined;
  let failures = 0; // handshakes in a row that never opened
  // the ids of the latest notifications passed on, across reconnects: one sent again (its event redelivered after the
  // server's Redis failed over, before the notification was known to be stored) is shown once
  const seen = new Set<string>();

  const open = () => {
    // read at each (re)connect: a sign-in again in this tab brings a new token
    const token = loadSession()?.token;
    if (!token) {
      // this tab's sign-in ended: never the cookie's, which may be another person's
      onState('failed');
      return;
    }
    onState('connecting');
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    ws = new WebSocket(`${scheme}://${window.location.host}/ws/notifications`, ['erp.bearer', token]);
    let opened = false;
    ws.onopen = () => {
      opened = true;
      failures = 0;
      pause = 1000;
      onState('open');
    };
    ws.onmessage = (e) => {
      let message: { type?: unknown; id?: unknown };
      try {
        message = JSON.parse(e.data as string) as { type?: unknown; id?: unknown };
      } catch {
        return; // not JSON: nothing to show
      }
      if (message?.type === 'RESYNC') onResync();
      else if (typeof message?.id === 'string' && !seen.has(message.id)) {
        seen.add(message.id);
        if (seen.size > SEEN_KEPT) seen.delete(seen.values().next().value as string); // the oldest
        onMessage(message as Notification);
      }
      // anything else (a future message type): nothing to show
    };
    ws.onclose = (e) => {
      if (e.code === SUPERSEDED) {
        // newer pages of this person (more than the server keeps open) pushed this one out: reconnecting would push
        // out the next oldest, and the pages would close each other for ever
        onState('failed');
        return;
      }
      if (e.code === TOKEN_REFUSED) {
        // reconnecting with the same token would be refused again. Asked a moment later: this tab's own sign-out
        // (everywhere) closes it so too, ends the page itself (stop) and says why in its own words
        onState('failed');
        timer = window.setTimeout(() => { if (!stopped) onRefused(); }, REFUSED_ASK_AFTER_MS);
        return;
      }
      failures = opened ? 0 : failures + 1;
      if (failures >= 5) {
        // refused again and again: the token is refused (signed out, or expired) or the server is away
        onState('failed');
        return;
      }
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
