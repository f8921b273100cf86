import { useState, type FormEvent } from 'react';
import { useApp } from '../App';
import { DepartmentSelect } from '../DepartmentSelect';
import { api, query } from '../api';
import { message, useLoad } from '../hooks';
import { dateTime, days, LEAVE_KIND_LABEL, leaveOverseen } from '../format';
import type { DepartmentInfo, Employee, LeaveBalance, LeaveCalendar, LeaveEntry } from '../types';

const ENTRY_LABEL: Record<LeaveEntry['kind'], string> = {
  RESERVED: '확보', REFUSED: '거절', DEDUCTED: '사용', RELEASED: '반환', CANCELLED: '취소 반환', GRANTED: '부여', EARNED: '적립',
};

/** 휴가: the annual leave of a year and its ledger; leads, heads and administrators may look at their people's. */
export function LeavePage() {
  const { me, tick, isAdmin } = useApp();
  // the server's year (the company's calendar) until one is chosen: the browser's may be another on New Year's Eve
  const [chosenYear, setYear] = useState<number>();
  const [who, setWho] = useState<number | undefined>();
  // whom the caller leads or heads, by the org chart as the server decides it, not by rank (an acting lead is STAFF)
  const chart = useLoad(() => (isAdmin ? Promise.resolve([]) : api<DepartmentInfo[]>('GET', '/api/departments')), [isAdmin]);
  const overseen = chart.data ? leaveOverseen(chart.data, me.id, isAdmin) : null;
  const oversees = overseen !== null;
  const people = useLoad(() => (oversees ? api<Employee[]>('GET', '/api/employees') : Promise.resolve([])), [oversees]);
  const q = query({ year: chosenYear, employeeId: who });
  const balance = useLoad(() => api<LeaveBalance>('GET', `/api/leave/balance${q}`), [q], tick);
  const entries = useLoad(() => api<{ items: LeaveEntry[] }>('GET', `/api/leave/entries${q}`), [q], tick);
  const year = chosenYear ?? balance.data?.year ?? new Date().getFullYear();
  // one's own record afresh: the session's copy is from sign-in, before any 입사일 정정
  const mine = useLoad(() => api<Employee>('GET', '/api/employees/me'), []);
  const shown = who ? people.data?.find((p) => p.id === who) : mine.data;

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
            {people.data?.filter((p) => overseen?.(p))
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
      {shown?.hiredOn && (
        <p className="hint" data-testid="hired-on">
          입사일 {shown.hiredOn}: 입사한 해는 남은 날만큼 비례, 이후 해마다 15일, 근속 3년부터 2년마다 1일 더 (최대 25일).
        </p>
      )}
      {/* without the entries, the table below is empty: said, not read as none */}
      {entries.error && <p className="error">휴가 내역을 불러오지 못했습니다 (the ledger cannot be read): {entries.error}</p>}
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
      <DepartmentLeave />
      {isAdmin && <Grant people={people.data ?? []} year={year} onDone={() => { balance.reload(); entries.reload(); }} />}
    </section>
  );
}

/**
 * 부서 휴가 현황: who of the caller's department is away in a month (administrators: any department). The month is
 * the server's (the company's calendar) until one is chosen.
 */
function DepartmentLeave() {
  const { tick, isAdmin } = useApp();
  const [month, setMonth] = useState<string>();
  const [departmentId, setDepartmentId] = useState<number>();
  const departments = useLoad(() => (isAdmin ? api<DepartmentInfo[]>('GET', '/api/departments') : Promise.resolve([])), [isAdmin]);
  const q = query({ month, departmentId });
  const calendar = useLoad(() => api<LeaveCalendar>('GET', `/api/leave/calendar${q}`), [q], tick);
  return (
    <div className="card" data-testid="leave-calendar">
      <h3>부서 휴가 현황 <small>{calendar.data?.department.name}</small></h3>
      <div className="tabs">
        <input type="month" value={month ?? calendar.data?.month ?? ''} onChange={(e) => setMonth(e.target.value || undefined)}
          aria-label="calendar month" />
        {isAdmin && (
          <DepartmentSelect value={departmentId} onChange={setDepartmentId} departments={departments.data}
            label="calendar department" />
        )}
      </div>
      {calendar.error && <p className="error">{calendar.error}</p>}
      {calendar.data && calendar.data.leaves.length === 0 && <p>이 달에 휴가 가는 사람이 없습니다 (nobody is away this month).</p>}
      {calendar.data && calendar.data.leaves.length > 0 && (
        <table>
          <thead><tr><th>기간</th><th>이름</th><th>구분</th><th>일수</th><th>상태</th></tr></thead>
          <tbody>
            {calendar.data.leaves.map((l, i) => (
              <tr key={`${l.employee.id}-${l.startDate}-${i}`} data-testid="leave-calendar-row" data-status={l.status}>
                <td>{l.startDate}{l.endDate !== l.startDate && ` ~ ${l.endDate}`}</td>
                <td>{l.employee.name}</td>
                <td>{LEAVE_KIND_LABEL[l.leaveKind]}</td>
                <td>{days(l.days)}</td>
                <td>{l.status === 'APPROVED' ? '승인' : '결재 중'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Grant({ people, year, onDone }: { people: Employee[]; year: number; onDone: () => void }) {
  const { toast } = useApp();
  const [employeeId, setEmployeeId] = useState('');
  const [amount, setAmount] = useState('1');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  // a grant is not idempotent: one press, one grant (the form is emptied once it is made)
  const [busy, setBusy] = useState(false);
  const grant = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await api('POST', '/api/leave/grants', { employeeId: Number(employeeId), year, days: Number(amount), reason: reason.trim() });
      toast('부여했습니다 (granted).');
      setError(undefined);
      setEmployeeId('');
      setReason('');
      onDone();
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
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
      <button type="submit" disabled={busy}>부여</button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
