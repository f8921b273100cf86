import { useApp } from '../App';
import { api, query } from '../api';
import { message, useLoad } from '../hooks';
import { dateTime } from '../format';
import type { DeadLetterOverview, DispatchModeState } from '../types';

/** 관리: the dispatch switch (Kafka or gRPC), the dead letters and their replay, and the route console. */
export function Admin() {
  const { isAdmin } = useApp();
  if (!isAdmin) return <p className="error" role="alert">관리자만 볼 수 있습니다 (administrators only).</p>;
  return <Operations />;
}

function Operations() {
  const { toast } = useApp();
  const mode = useLoad(() => api<DispatchModeState>('GET', '/api/admin/dispatch-mode'), []);
  const dlq = useLoad(() => api<DeadLetterOverview>('GET', `/api/admin/dead-letters${query({ limit: 20 })}`), []);

  const switchTo = async (m: 'ASYNC' | 'SYNC') => {
    try {
      await api('PUT', '/api/admin/dispatch-mode', { mode: m });
      toast(`dispatch mode: ${m}`);
      mode.reload();
    } catch (e) {
      toast(message(e), 'error');
    }
  };
  const replay = async () => {
    try {
      const r = await api<{ replayed: number }>('POST', '/api/admin/dead-letters/replay');
      toast(`${r.replayed} replayed`);
      dlq.reload();
    } catch (e) {
      toast(message(e), 'error');
    }
  };

  return (
    <section>
      <h2>관리 <small>operations</small></h2>
      <div className="card">
        <h3>Dispatch</h3>
        {mode.error && <p className="error">{mode.error}</p>}
        {mode.data && (
          <p data-testid="dispatch-mode">
            <b>{mode.data.mode}</b> {mode.data.mode === 'ASYNC' ? '(Kafka, 202)' : '(gRPC, 201)'} since {dateTime(mode.data.since)} by {mode.data.changedBy}
          </p>
        )}
        <button onClick={() => switchTo('ASYNC')} disabled={mode.data?.mode === 'ASYNC'}>ASYNC (Kafka)</button>
        <button onClick={() => switchTo('SYNC')} disabled={mode.data?.mode === 'SYNC'}>SYNC (gRPC)</button>
      </div>
      <div className="card">
        <h3>Dead letters</h3>
        {dlq.error && <p className="error">{dlq.error}</p>}
        <table>
          <thead><tr><th>topic</th><th>pending</th><th>total</th></tr></thead>
          <tbody>
            {dlq.data?.topics.map((t) => <tr key={t.topic}><td>{t.topic}</td><td>{t.pending}</td><td>{t.total}</td></tr>)}
          </tbody>
        </table>
        <ul className="history">
          {dlq.data?.messages.map((m) => (
            <li key={`${m.topic}-${m.partition}-${m.offset}`}>
              <small>{dateTime(m.failedAt)}</small> <b>{m.topic}</b> {m.route} <q>{m.reason}</q>
            </li>
          ))}
        </ul>
        <button onClick={replay} disabled={!dlq.data?.topics.some((t) => t.pending > 0)}>Replay pending</button>
      </div>
      <p>
        <a className="button" href="/actuator/hawtio/" target="_blank" rel="noreferrer">Route console (Hawtio)</a>{' '}
        <a href="/actuator/health" target="_blank" rel="noreferrer">health</a>{' · '}
        <a href="/actuator/prometheus" target="_blank" rel="noreferrer">metrics</a>
      </p>
    </section>
  );
}
