import { useState, type FormEvent } from 'react';
import { useApp } from '../App';
import { api } from '../api';
import { message, useLoad } from '../hooks';
import { localDate } from '../format';
import type { Delegation as DelegationView, Delegations, Employee } from '../types';

/** The end employee-service gives a succession (인수): the decisions of someone who left, for good. */
const SUCCESSION_END = '9999-12-31';

function period(d: DelegationView): string {
  if (d.endDate === SUCCESSION_END) return `${d.startDate} ~ (퇴사 인수: 기한 없음)`;
  return d.startDate === d.endDate ? d.startDate : `${d.startDate} ~ ${d.endDate}`;
}

/**
 * 대결: name who decides for me while I am away (the server checks the rules: not myself, at most 90 days, no one
 * who is away then, not while I decide for someone); end it when I am back; and whom I decide for.
 */
export function DelegationPage() {
  const { me, toast } = useApp();
  const { data, error, reload } = useLoad(() => api<Delegations>('GET', '/api/delegations'), []);
  const people = useLoad(() => api<Employee[]>('GET', '/api/employees'), []);
  // the company's calendar (Asia/Seoul) decides when a delegation is over: its day, not the browser's
  const today = localDate(new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Seoul' })));
  const [deputyId, setDeputyId] = useState('');
  const [startDate, setStart] = useState(today);
  const [endDate, setEnd] = useState(today);
  const [reason, setReason] = useState('');
  const [formError, setFormError] = useState<string>();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(undefined);
    if (!deputyId) {
      setFormError('대결자를 고르세요 (choose a deputy).');
      return;
    }
    try {
      await api<Delegations>('PUT', '/api/delegations/mine', {
        deputyId: Number(deputyId), startDate, endDate, ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      toast('대결자를 지정했습니다 (deputy set).');
      reload();
    } catch (err) {
      setFormError(message(err));
    }
  };

  const end = async () => {
    try {
      await api('DELETE', '/api/delegations/mine');
      toast('대결을 해제했습니다 (delegation ended).');
      reload();
    } catch (err) {
      toast(message(err), 'error');
    }
  };

  return (
    <section>
      <h2>대결 <small>deciding while someone is away</small></h2>
      {error && <p className="error">{error}</p>}
      <div className="card" data-testid="my-delegation">
        <h3>내 대결자 <small>who decides for me</small></h3>
        {data?.mine ? (
          <p>
            <strong>{data.mine.deputy.name}</strong> <small>{data.mine.deputy.department}</small> · {period(data.mine)}
            {data.mine.reason && <q>{data.mine.reason}</q>}
            <span className={`status ${data.mine.inForce ? 'IN_PROGRESS' : ''}`}>{data.mine.inForce ? '진행 중' : '예정'}</span>
            <button className="danger" onClick={end}>해제 (end)</button>
          </p>
        ) : data && <p className="empty">지정한 대결자가 없습니다 (nobody decides for you).</p>}
        <form className="decide" onSubmit={save}>
          <select aria-label="deputy" value={deputyId} onChange={(e) => setDeputyId(e.target.value)}>
            <option value="">대결자 (deputy)…</option>
            {people.data?.filter((p) => p.id !== me.id).map((p) => (
              <option key={p.id} value={p.id}>{p.name} · {p.department.name} · {p.position}</option>
            ))}
          </select>
          <input type="date" aria-label="from" value={startDate} onChange={(e) => setStart(e.target.value)} required />
          <input type="date" aria-label="to" value={endDate} min={startDate} onChange={(e) => setEnd(e.target.value)} required />
          <input placeholder="사유 (reason, optional)" aria-label="reason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit">{data?.mine ? '변경' : '지정'}</button>
        </form>
        {formError && <p className="error" role="alert">{formError}</p>}
        <p className="hint">기간 동안 대결자가 내 결재 단계를 승인·반려합니다 (전결은 제외, 최대 90일).</p>
      </div>
      <h3>내가 대결하는 사람 <small>whom I decide for</small></h3>
      {data && data.actingFor.length === 0 && <p className="empty">없습니다 (nobody).</p>}
      <ul className="cards">
        {data?.actingFor.map((d) => (
          <li key={d.approver.id} className="card" data-testid="acting-for">
            <strong>{d.approver.name}</strong> <small>{d.approver.department}</small> · {period(d)}
            {d.reason && <q>{d.reason}</q>}
            <span className={`status ${d.inForce ? 'IN_PROGRESS' : ''}`}>{d.inForce ? '진행 중: 결재함에 표시됩니다' : '예정'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
