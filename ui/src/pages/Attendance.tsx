import { useState } from 'react';
import { useApp } from '../App';
import { api, ApiError } from '../api';
import { message, useLoad } from '../hooks';
import { checkOutAt, companyToday, dateTime, hoursAndMinutes } from '../format';
import type { AttendanceDay, AttendanceMonth, AttendanceRecord, PersonRef, TeamAttendance } from '../types';

/**
 * 출퇴근: check in and out; every 30th counted day of attendance earns a leave day (a day off or one's own approved
 * leave day is kept, not counted).
 */
export function Attendance() {
  const { toast } = useApp();
  // the server's month (the company's calendar, where a check-in's day is counted) until one is chosen: the browser's
  // may be another near midnight in Seoul
  const [month, setMonth] = useState<string>();
  const [last, setLast] = useState<AttendanceDay>();
  // one punch at a time: a second press would only be told it was done already
  const [busy, setBusy] = useState(false);
  const { data, error, reload } = useLoad(() => api<AttendanceMonth>('GET',
    `/api/attendance${month ? `?month=${month}` : ''}`), [month]);

  const punch = async (what: 'check-in' | 'check-out') => {
    if (busy) return;
    setBusy(true);
    try {
      const day = await api<AttendanceDay>('POST', `/api/attendance/${what}`);
      setLast(day);
      toast(what === 'check-out' ? '퇴근했습니다.'
        : !day.counted ? `출근했습니다. 휴일·휴가일이라 적립 일수에 세지 않습니다 (${day.notCounted ?? ''})`
          : `출근했습니다. 다음 휴가 1일까지 ${day.daysToNextLeaveDay}일${day.earnedDays > 0 ? ` · 휴가 ${day.earnedDays}일 적립!` : ''}`);
      // back to this month (the server's), where the day punched is
      if (month === undefined) reload(); else setMonth(undefined);
    } catch (e) {
      toast(message(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h2>출퇴근 <small>attendance</small></h2>
      <div className="tabs">
        <button onClick={() => punch('check-in')} disabled={busy}>출근 (check in)</button>
        <button onClick={() => punch('check-out')} disabled={busy}>퇴근 (check out)</button>
        <input type="month" value={month ?? data?.month ?? ''} onChange={(e) => e.target.value && setMonth(e.target.value)} aria-label="month" />
      </div>
      {last && <p className="muted">출근 {last.attendanceDays}일째 · 다음 휴가 1일까지 {last.daysToNextLeaveDay}일</p>}
      {error && <p className="error">{error}</p>}
      <table>
        <thead><tr><th>날짜</th><th>출근</th><th>퇴근</th><th>근무</th><th>적립</th></tr></thead>
        <tbody>
          {data?.days.map((d) => (
            <tr key={d.date} data-testid="attendance-day">
              <td>{d.date}</td><td>{dateTime(d.checkIn)}</td>
              <td>{dateTime(d.checkOut)}{d.correction && <small title={d.correction} data-testid="check-out-corrected"> (정정)</small>}</td>
              <td>{d.workedMinutes === undefined ? '' : hoursAndMinutes(d.workedMinutes)}</td>
              <td title={d.counted ? '휴가 적립 일수에 셉니다' : '휴일 또는 본인 휴가일: 적립 일수에 세지 않습니다'}>{d.counted ? '○' : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.days.length === 0 && <p className="empty">이 달의 기록이 없습니다.</p>}
      {data && data.days.length > 0 && (
        <p className="muted" data-testid="attendance-total">
          {data.daysCheckedIn}일 출근 · 근무 {hoursAndMinutes(data.workedMinutes)} <small>(퇴근까지 기록된 날)</small>
        </p>
      )}
      {data && <TeamAttendanceTable month={data.month} />}
    </section>
  );
}

/**
 * 퇴근 기록 정정: a day someone checked in and never out; whoever leads them records the check-out (the time of day,
 * the next morning if before the check-in) and why. The server says who may.
 */
function CheckOutCorrection({ employee, day, onDone }: { employee: PersonRef; day: AttendanceRecord; onDone: () => void }) {
  const { toast } = useApp();
  const [open, setOpen] = useState(false);
  const [time, setTime] = useState('18:00');
  const [reason, setReason] = useState('퇴근 기록 누락');
  const [busy, setBusy] = useState(false);
  if (!open) {
    return <button type="button" className="link" data-testid="open-day" onClick={() => setOpen(true)}>{day.date} 퇴근 기록</button>;
  }
  const save = async () => {
    if (busy || !time || !reason.trim()) return;
    setBusy(true);
    try {
      await api('PUT', `/api/attendance/${employee.id}/${day.date}/check-out`,
        { checkOut: checkOutAt(day.date, time, day.checkIn), reason: reason.trim() });
      toast(`${employee.name} ${day.date} 퇴근 ${time}을 기록했습니다 (check-out recorded).`);
      setOpen(false);
      onDone();
    } catch (e) {
      toast(message(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="decide" data-testid="check-out-correction">
      {day.date} <input type="time" value={time} onChange={(e) => setTime(e.target.value)} aria-label="check-out time" />
      <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} aria-label="correction reason" />
      <button type="button" onClick={save} disabled={busy}>기록</button>
    </span>
  );
}

/**
 * 팀 근태: the month of the people one leads (a team lead their team, a department head the department). Shown to
 * whoever the server lets see it: who leads is the org chart's appointments, not a job title; a 403 shows nothing.
 */
function TeamAttendanceTable({ month }: { month: string }) {
  const team = useLoad(() => api<TeamAttendance>('GET', `/api/attendance/team?month=${month}`)
    .catch((e: unknown) => { if (e instanceof ApiError && e.status === 403) return null; throw e; }), [month]);
  if (team.error) return <p className="error">{team.error}</p>;
  if (!team.data) return null;
  return (
    <div className="card" data-testid="team-attendance">
      <h3>팀 근태 <small>{team.data.department.name} · {team.data.month}</small></h3>
      <table>
        <thead><tr><th>이름</th><th>출근일</th><th>근무</th><th>마지막 출근</th><th>퇴근 누락</th></tr></thead>
        <tbody>
          {team.data.members.map((m) => (
            <tr key={m.employee.id} data-testid="team-attendance-member">
              <td>{m.employee.name} <small>{m.employee.position}</small></td>
              <td>{m.daysCheckedIn}일</td>
              <td>{hoursAndMinutes(m.workedMinutes)}</td>
              <td>{m.days.length ? dateTime(m.days[m.days.length - 1].checkIn) : ''}</td>
              <td>{m.days.filter((d) => !d.checkOut && d.date < companyToday()).map((d) => (
                <CheckOutCorrection key={d.date} employee={m.employee} day={d} onDone={team.reload} />))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {team.data.members.length === 0 && <p className="empty">이끄는 사람이 없습니다.</p>}
    </div>
  );
}
