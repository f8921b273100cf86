import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { signedIn, signingOut } from './unsent';
import { api, headsDepartment, loadSession, saveSession, setUnauthorizedHandler, type Session } from './api';
import { connectLive, type LiveState } from './live';
import { go, useRoute } from './router';
import type { Employee, LoginResponse, Notification, NotificationList } from './types';
import { positionLabel } from './format';
import { Login } from './pages/Login';
import { Inbox } from './pages/Inbox';
import { Documents } from './pages/Documents';
import { DocumentView } from './pages/DocumentView';
import { Draft } from './pages/Draft';
import { Notifications } from './pages/Notifications';
import { LeavePage } from './pages/Leave';
import { Quests } from './pages/Quests';
import { Attendance } from './pages/Attendance';
import { DelegationPage } from './pages/Delegation';
import { Admin } from './pages/Admin';
import { Account } from './pages/Account';
import { Reports } from './pages/Reports';

export interface Ctx {
  me: Employee;
  isManager: boolean;
  isAdmin: boolean;
  /** Heads their department (the token's heads_department): 부서 문서함 and its reports. */
  headsDepartment: boolean;
  /** Grows with every live notification: pages reload what they show when it changes. */
  tick: number;
  unread: number;
  setUnread: (n: number) => void;
  toast: (text: string, kind?: 'ok' | 'error') => void;
  /** Back to the sign-in form, which shows {@code notice} (why) if given. */
  logout: (notice?: string) => void;
}

const AppContext = createContext<Ctx | null>(null);

export function useApp(): Ctx {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside the app');
  return ctx;
}

const NAV: { page: string; label: string; admin?: boolean; reports?: boolean }[] = [
  { page: 'inbox', label: '결재함' },
  { page: 'docs', label: '문서함' },
  { page: 'draft', label: '기안' },
  { page: 'notifications', label: '알림' },
  { page: 'leave', label: '휴가' },
  { page: 'delegation', label: '대결' },
  { page: 'quests', label: '퀘스트' },
  { page: 'attendance', label: '출퇴근' },
  { page: 'reports', label: '통계', reports: true },
  { page: 'admin', label: '관리', admin: true },
];

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [notice, setNotice] = useState<string>();

  const logout = useCallback((why?: string) => {
    // ends this session's token (sent as the bearer token and in the login cookie) in every service, not the
    // person's other sessions, and expires the HttpOnly cookie, which the page cannot remove itself
    const token = loadSession()?.token;
    void fetch('/api/auth/logout', { method: 'POST', headers: token ? { Authorization: `Bearer ${token}` } : {} })
      .catch(() => {});
    // (before the pages close: the drafting page keeps what it shows unless the sign-out was chosen)
    signingOut(sessionStorage, !why);
    saveSession(null);
    setSession(null);
    setNotice(why);
  }, []);
  // said on the sign-in form: signed out without a word looked like a fault (a token revoked when an administrator
  // moved the person or named a head, or ended by a sign-out elsewhere)
  // (a refusal that arrives once this tab signed out, an answer to a request sent before, changes nothing: the sign-in
  // form keeps the sign-out's own words)
  useEffect(() => setUnauthorizedHandler(() => {
    if (loadSession()) {
      logout('로그인이 끝났습니다. 다시 로그인해 주세요 (your sign-in was ended, e.g. by a change of your department or '
        + 'role, or a sign-out everywhere).');
    }
  }), [logout]);
  // the token ends at its expiry: back to the sign-in form then, not a page of 401s
  useEffect(() => {
    if (!session) return;
    const t = window.setTimeout(() => logout('로그인 시간이 다 되었습니다. 다시 로그인해 주세요 (your sign-in '
      + 'expired).'), Math.max(0, session.expiresAt - Date.now()));
    return () => window.clearTimeout(t);
  }, [session, logout]);

  const login = (r: LoginResponse) => {
    const s = { token: r.accessToken, expiresAt: Date.now() + r.expiresIn * 1000, employee: r.employee };
    signedIn(sessionStorage, r.employee.id);
    saveSession(s);
    setSession(s);
  };

  return session ? <Shell key={session.employee.id} me={session.employee} head={headsDepartment(session.token)} logout={logout} />
    : <Login onLogin={login} notice={notice} />;
}

function Shell({ me, head, logout }: { me: Employee; head: boolean; logout: (notice?: string) => void }) {
  const route = useRoute();
  const [tick, setTick] = useState(0);
  const [unread, setUnread] = useState(0);
  const [live, setLive] = useState<LiveState>('connecting');
  // raised to connect again after the live channel gave up
  const [liveRun, setLiveRun] = useState(0);
  const [toasts, setToasts] = useState<{ id: number; text: string; kind: 'ok' | 'error' }[]>([]);

  const toast = useCallback((text: string, kind: 'ok' | 'error' = 'ok') => {
    const id = Date.now() + Math.random();
    setToasts((t) => [...t.slice(-3), { id, text, kind }]);
    window.setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), kind === 'error' ? 8000 : 5000);
  }, []);

  useEffect(() => connectLive(
    (n: Notification) => {
      setUnread((u) => u + 1);
      toast(`${n.message} — ${n.title}`);
      // The notification and the document's record are updated from the same events by different consumers, so
      // the record may lag the notification by a moment: reload now and twice more.
      const bump = () => setTick((t) => t + 1);
      bump();
      window.setTimeout(bump, 1000);
      window.setTimeout(bump, 3000);
    },
    (state) => {
      setLive(state);
      // (re)connected: whatever came while away is in the stored inbox
      if (state === 'open') setTick((t) => t + 1);
    },
    // the server lost notifications in flight (its Redis restarted): the stored inbox has them. Spread over a few
    // seconds: every connected page is told at once, just as Redis comes back.
    () => { window.setTimeout(() => setTick((t) => t + 1), Math.random() * 3000); },
    // the channel refused this tab's token (signed out everywhere, or expired): the API says so too, and its 401 ends
    // this tab's sign-in; should it still take the token, the banner offers to reconnect
    () => { api('GET', '/api/employees/me').catch(() => {}); },
  ), [toast, liveRun]);

  useEffect(() => {
    let live = true;
    api<NotificationList>('GET', '/api/notifications?limit=1').then((l) => { if (live) setUnread(l.unread); }).catch(() => {});
    return () => { live = false; };
  }, [tick]);

  const ctx: Ctx = {
    me,
    isManager: me.roles?.includes('MANAGER') ?? false,
    isAdmin: me.roles?.includes('ADMIN') ?? false,
    headsDepartment: head,
    tick,
    unread,
    setUnread,
    toast,
    logout,
  };

  return (
    <AppContext.Provider value={ctx}>
      <header className="top">
        <a className="brand" href="#/inbox">erp-approval <span>전자결재</span></a>
        <nav>
          {NAV.filter((n) => (!n.admin || ctx.isAdmin) && (!n.reports || ctx.isAdmin || ctx.headsDepartment)).map((n) => (
            <a key={n.page} href={`#/${n.page}`} className={route.page === n.page ? 'active' : ''} data-nav={n.page}>
              {n.label}
              {n.page === 'notifications' && unread > 0 && <span className="badge" data-testid="unread">{unread}</span>}
            </a>
          ))}
        </nav>
        <div className="who">
          <span className={`live ${live}`} title={live === 'open' ? '실시간 연결됨 (live)'
            : live === 'failed' ? '실시간 연결 실패: 다시 로그인하세요 (sign in again)' : '연결 중 (reconnecting)'} />
          <a href="#/account" data-testid="me" title="내 정보 (account)">{me.name}</a> <small>{me.department.name} · {positionLabel(me.position)}</small>
          <button className="link" onClick={() => { logout(); go('inbox'); }}>로그아웃</button>
        </div>
      </header>
      {live === 'failed' && (
        // pages no longer follow what others do: said in words, with what to do about it
        <p className="error live-failed" role="alert" data-testid="live-failed">
          실시간 알림이 끊겼습니다: 화면이 저절로 바뀌지 않습니다 (live updates stopped).{' '}
          <button className="link" onClick={() => setLiveRun((r) => r + 1)}>다시 연결 (reconnect)</button>{' '}
          <button className="link" onClick={() => logout('다시 로그인하세요 (sign in again).')}>다시 로그인 (sign in again)</button>
        </p>
      )}
      <main>
        <Page page={route.page} id={route.id} params={route.params} />
      </main>
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => <div key={t.id} className={`toast ${t.kind}`}>{t.text}</div>)}
      </div>
    </AppContext.Provider>
  );
}

function Page({ page, id, params }: { page: string; id?: string; params: URLSearchParams }) {
  switch (page) {
    case 'inbox': return <Inbox />;
    case 'docs': return id ? <DocumentView key={id} id={id} /> : <Documents box={params.get('box') ?? 'drafted'} status={params.get('status') ?? ''} />;
    // a form of its own for each document it starts from (재기안, 복사 기안) and each saved draft
    case 'draft': return <Draft key={['from', 'copy', 'saved'].map((k) => `${k}=${params.get(k) ?? ''}`).join('&')}
      from={params.get('from') ?? undefined} copy={params.get('copy') ?? undefined} saved={params.get('saved') ?? undefined} />;
    case 'notifications': return <Notifications />;
    case 'leave': return <LeavePage />;
    case 'quests': return <Quests />;
    case 'attendance': return <Attendance />;
    case 'delegation': return <DelegationPage />;
    case 'admin': return <Admin />;
    case 'account': return <Account />;
    case 'reports': return <Reports />;
    default: return <p>없는 페이지입니다 (no such page). <a href="#/inbox">결재함</a></p>;
  }
}
