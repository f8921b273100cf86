import { useState, type FormEvent } from 'react';
import { useApp } from '../App';
import { api, query } from '../api';
import { message, useLoad } from '../hooks';
import { dateTime, days, LEAVE_KIND_LABEL } from '../format';
import type { Employee, LeaveBalance, LeaveEntry } from '../types';

const ENTRY_LABEL: Record<LeaveEntry['kind'], string> = {
  RESERVED: '확보', REFUSED: '거절', DEDUCTED: '사용', RELEASED: '반환', GRANTED: '부여', EARNED: '적립',
};

/** 휴가: the annual leave of a year and its ledger; leads, heads and administrators may look at their people's. */
export function LeavePage() {
  const { me, tick, isAdmin } = useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const [who, setWho] = useState<number | undefined>();
  const oversees = isAdmin || me.position === 'TEAM_LEAD' || me.position === 'DEPT_HEAD';
  const people = useLoad(() => (oversees ? api<Employee[]>('GET', isAdmin ? '/api/employees'
    : `/api/employees?departmentId=${me.department.id}`) : Promise.resolve([])), [oversees]);
  const q = query({ year, employeeId: who });
  const balance = useLoad(() => api<LeaveBalance>('GET', `/api/leave/balance${q}`), [q], tick);
  const entries = useLoad(() => api<{ items: LeaveEntry[] }>('GET', `/api/leave/entries${q}`), [q], tick);

  return (
    <section>
      <h2>휴가 <small>annual leave</small></h2>
      <div className="tabs">
        <select value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label="year">
          {[year - 1, year, year + 1].map((y) => <option key={y} value={y}>{y}년</option>)}
        </select>
        {oversees && (
          <select value={who ?? ''} onChange={(e) => setWho(e.target.value ? Number(e.target.value) : undefined)} aria-label="employee">
            <option value="">나 ({me.name})</option>
            {people.data?.filter((p) => p.id !== me.id && (isAdmin || me.position !== 'TEAM_LEAD' || p.team?.id === me.team?.id))
              .map((p) => <option key={p.id} value={p.id}>{p.name} · {p.department.name}</option>)}
          </select>
        )}
      </div>
      {balance.error && <p className="error">{balance.error}</p>}
      {balance.data && (
        <div className="stats" data-testid="leave-balance" data-year={balance.data.year}>
          <div><b>{days(balance.data.available)}</b><span>사용 가능</span></div>
          <div><b>{days(balance.data.reserved)}</b><span>결재 중</span></div>
          <div><b>{days(balance.data.used)}</b><span>사용</span></div>
          <div><b>{days(balance.data.granted)}</b><span>부여</span></div>
        </div>
      )}
      <table>
        <thead><tr><th>시각</th><th>구분</th><th>일수</th><th>잔여</th><th>내용</th></tr></thead>
        <tbody>
          {entries.data?.items.map((e) => (
            <tr key={e.id}>
              <td>{dateTime(e.at)}</td>
              <td>{ENTRY_LABEL[e.kind]}</td>
              <td>{days(e.days)}</td>
              <td>{days(e.availableAfter)}</td>
              <td>
                {e.approvalId && <a href={`#/docs/${e.approvalId}`}>{e.title ?? '문서'}</a>}
                {e.leaveKind && ` ${LEAVE_KIND_LABEL[e.leaveKind]} ${e.startDate}${e.endDate && e.endDate !== e.startDate ? ` ~ ${e.endDate}` : ''}`}
                {e.questId && ` 퀘스트 #${e.questId}`}
                {e.attendanceDays && ` 출근 ${e.attendanceDays}일`}
                {e.note && <small> {e.note}</small>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {isAdmin && <Grant people={people.data ?? []} year={year} onDone={() => { balance.reload(); entries.reload(); }} />}
    </section>
  );
}

function Grant({ people, year, onDone }: { people: Employee[]; year: number; onDone: () => void }) {
  const { toast } = useApp();
  const [employeeId, setEmployeeId] = useState('');
  const [amount, setAmount] = useState('1');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const grant = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', '/api/leave/grants', { employeeId: Number(employeeId), year, days: Number(amount), reason: reason.trim() });
      toast('부여했습니다 (granted).');
      setError(undefined);
      onDone();
    } catch (err) {
      setError(message(err));
    }
  };
  return (
    <form className="card form" onSubmit={grant}>
      <h3>휴가 부여 (grant, {year})</h3>
      <select required value={employeeId} onChange={(e) => setEmployeeId(e.target.value)} aria-label="grant employee">
        <option value="">직원…</option>
        {people.map((p) => <option key={p.id} value={p.id}>{p.name} · {p.department.name}</option>)}
      </select>
      <input type="number" step="0.5" min="0.5" max="30" value={amount} onChange={(e) => setAmount(e.target.value)} aria-label="days" />
      <input placeholder="사유 (reason)" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-label="grant reason" />
      <button type="submit">부여</button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
