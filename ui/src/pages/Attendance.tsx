import { useState } from 'react';
import { useApp } from '../App';
import { DepartmentSelect } from '../DepartmentSelect';
import { api, ApiError, query } from '../api';
import { message, useLoad } from '../hooks';
import { checkOutAt, checkOutCorrectable, checkOutTime, companyToday, dateTime, hoursAndMinutes } from '../format';
import type { AttendanceDay, AttendanceMonth, AttendanceRecord, DepartmentInfo, PersonRef, TeamAttendance } from '../types';

/**
 * 출퇴근: check in and out; every 30th counted day of attendance earns a leave day (a day off or one's own approved
 * leave day is kept, not counted).
 */
/** How soon after today's check-in a check-out is asked about once more. */
const EARLY_CHECK_OUT_MS = 4 * 60 * 60 * 1000;

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
    // a check-out is not taken back (a lead corrects it): asked once more soon after today's check-in, where a
    // press meant for 출근 lands
    const checkedIn = data?.days.find((d) => d.date === companyToday())?.checkIn;
    if (what === 'check-out' && checkedIn && Date.now() - new Date(checkedIn).getTime() < EARLY_CHECK_OUT_MS
      && !window.confirm(`${dateTime(checkedIn).slice(11)}에 출근했습니다. 지금 퇴근할까요? 퇴근 기록은 팀장이 정정합니다 `
        + '(check out already? only your lead corrects it)')) return;
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
 * 퇴근 기록 정정 of one person's month: a past day they checked in and never out, or a day whose check-out was recorded
 * wrong; whoever leads them records the check-out (the time of day, the next morning if before the check-in) and why.
 * The server says who may.
 */
function CheckOutCorrection({ employee, days, onDone }: { employee: PersonRef; days: AttendanceRecord[]; onDone: () => void }) {
  const { toast } = useApp();
  const [day, setDay] = useState<AttendanceRecord>();
  const [time, setTime] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const today = companyToday();
  const missing = days.filter((d) => !d.checkOut && checkOutCorrectable(d, today));
  const recorded = days.filter((d) => d.checkOut && checkOutCorrectable(d, today));
  // the form starts from what the day has: its check-out in the company's clock, the next morning's too
  const open = (d: AttendanceRecord | undefined) => {
    if (!d) return;
    setDay(d);
    setTime(checkOutTime(d.checkOut));
    setReason(d.checkOut ? '퇴근 시각 정정' : '퇴근 기록 누락');
  };
  if (!day) {
    return (
      <>
        {missing.map((d) => (
          <button key={d.date} type="button" className="link" data-testid="open-day" onClick={() => open(d)}>{d.date} 퇴근 기록</button>
        ))}
        {/* a day checked out, one a line: a button each would fill the row */}
        {recorded.length > 0 && (
          <select value="" onChange={(e) => open(recorded.find((d) => d.date === e.target.value))} aria-label="correct check-out">
            <option value="">정정… (correct)</option>
            {recorded.map((d) => <option key={d.date} value={d.date}>{d.date} 퇴근 {checkOutTime(d.checkOut)}</option>)}
          </select>
        )}
      </>
    );
  }
  const save = async () => {
    if (busy || !time || !reason.trim()) return;
    setBusy(true);
    try {
      await api('PUT', `/api/attendance/${employee.id}/${day.date}/check-out`,
        { checkOut: checkOutAt(day.date, time, day.checkIn), reason: reason.trim() });
      toast(`${employee.name} ${day.date} 퇴근 ${time}을 기록했습니다 (check-out recorded).`);
      setDay(undefined);
      onDone();
    } catch (e) {
      toast(message(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="decide" data-testid="check-out-correction">
      {day.date} {day.checkOut && <small>(기록된 퇴근 {dateTime(day.checkOut)})</small>}
      <input type="time" value={time} onChange={(e) => setTime(e.target.value)} aria-label="check-out time" />
      <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} aria-label="correction reason" />
      <button type="button" onClick={save} disabled={busy}>기록</button>
      <button type="button" className="link" onClick={() => setDay(undefined)} disabled={busy}>취소</button>
    </span>
  );
}

/**
 * 팀 근태: the month of the people one leads (a team lead their team, a department head the department; an
 * administrator any department, their own until another is chosen). Shown to whoever the server lets see it: who
 * leads is the org chart's appointments, not a job title; a 403 shows nothing.
 */
function TeamAttendanceTable({ month }: { month: string }) {
  const { isAdmin } = useApp();
  const [departmentId, setDepartmentId] = useState<number>();
  const departments = useLoad(() => (isAdmin ? api<DepartmentInfo[]>('GET', '/api/departments') : Promise.resolve([])), [isAdmin]);
  const q = query({ month, departmentId });
  const team = useLoad(() => api<TeamAttendance>('GET', `/api/attendance/team${q}`)
    .catch((e: unknown) => { if (e instanceof ApiError && e.status === 403) return null; throw e; }), [q]);
  // an administrator keeps the picker whatever one department's answer: another may be chosen
  if (!isAdmin && team.error) return <p className="error">{team.error}</p>;
  if (!isAdmin && !team.data) return null;
  // another month or department: a correction form left open is not of its days
  const shownMonth = team.data ? `${team.data.department.id}-${team.data.month}` : '';
  return (
    <div className="card" data-testid="team-attendance">
      <h3>팀 근태 <small>{team.data ? `${team.data.department.name} · ${team.data.month}` : month}</small></h3>
      {isAdmin && (
        <div className="tabs">
          <DepartmentSelect value={departmentId} onChange={setDepartmentId} departments={departments.data}
            label="team department" />
        </div>
      )}
      {departments.error && <p className="error">부서 목록을 불러오지 못했습니다 (the departments cannot be listed): {departments.error}</p>}
      {team.error && <p className="error">{team.error}</p>}
      {team.data && (
        <table>
          <thead><tr><th>이름</th><th>출근일</th><th>근무</th><th>마지막 출근</th><th>퇴근 정정</th></tr></thead>
          <tbody>
            {team.data.members.map((m) => (
              <tr key={m.employee.id} data-testid="team-attendance-member">
                <td>{m.employee.name} <small>{m.employee.position}</small></td>
                <td>{m.daysCheckedIn}일</td>
                <td>{hoursAndMinutes(m.workedMinutes)}</td>
                <td>{m.days.length ? dateTime(m.days[m.days.length - 1].checkIn) : ''}</td>
                <td><CheckOutCorrection key={shownMonth} employee={m.employee} days={m.days} onDone={team.reload} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {team.data && team.data.members.length === 0 && <p className="empty">이끄는 사람이 없습니다.</p>}
    </div>
  );
}
