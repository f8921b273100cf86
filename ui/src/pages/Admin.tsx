import { useState, type FormEvent } from 'react';
import { useApp } from '../App';
import { api, query } from '../api';
import { message, useLoad } from '../hooks';
import { dateTime, POSITION_LABEL, positionLabel } from '../format';
import type { DeadLetterOverview, DepartedEmployee, Departure, DepartmentInfo, DispatchModeState, Employee, Hired, Position } from '../types';
import { SuccessorPicker } from './SuccessorPicker';

/**
 * 관리: the dispatch switch (Kafka or gRPC), the dead letters and their replay, the route console, 인사 (hiring someone,
 * moving them, recording that someone left and who takes over) and 퇴사자 (who left; naming a successor; bringing back).
 */
export function Admin() {
  const { isAdmin } = useApp();
  if (!isAdmin) return <p className="error" role="alert">관리자만 볼 수 있습니다 (administrators only).</p>;
  return <AdminPages />;
}

function AdminPages() {
  // a departure recorded under 인사 shows under 퇴사자
  const [departed, setDeparted] = useState(0);
  const changed = () => setDeparted((n) => n + 1);
  return <><Operations /><Personnel departed={changed} version={departed} /><Departures version={departed} back={changed} /></>;
}

/** 퇴사자: who left, newest first, and who decides in their place now (인수자), to name one where nobody does. */
function Departures({ version, back }: { version: number; back: () => void }) {
  const { toast } = useApp();
  // read again after a change, keeping what shows meanwhile
  const departures = useLoad(() => api<DepartedEmployee[]>('GET', '/api/employees/departures'), [], version);
  const people = useLoad(() => api<Employee[]>('GET', '/api/employees'), [], version);
  const [returned, setReturned] = useState<Hired>();
  // 복직: back with a temporary password, shown once
  const reinstate = async (d: DepartedEmployee) => {
    if (!window.confirm(`${d.employee.name}님을 복직시킵니다 (bring back)?`)) return;
    try {
      setReturned(await api<Hired>('POST', `/api/employees/${d.employee.id}/reinstatement`));
      back();
    } catch (err) {
      toast(message(err), 'error');
    }
  };
  return (
    <div className="card" data-testid="departures">
      <h3>퇴사자 <small>who left</small></h3>
      {departures.error && <p className="error">{departures.error}</p>}
      {returned && (
        <p className="notice" data-testid="reinstated">
          {returned.employee.name} ({returned.employee.username}) 복직. 임시 비밀번호 (shown once):{' '}
          <code>{returned.temporaryPassword}</code>
        </p>
      )}
      {departures.data && departures.data.length === 0 && <p className="empty">없습니다 (nobody).</p>}
      {departures.data && departures.data.length > 0 && (
        <table>
          <thead><tr><th>이름</th><th>아이디</th><th>퇴사일</th><th>사유</th><th>인수자 (successor)</th><th /></tr></thead>
          <tbody>
            {departures.data.map((d) => (
              <tr key={d.employee.id} data-testid="departure-row">
                <td>{d.employee.name}</td><td>{d.username}</td><td>{d.departedAt ? dateTime(d.departedAt) : ''}</td>
                <td>{d.reason ?? ''}</td>
                <td>{d.successor ? d.successor.name
                  : <SuccessorPicker leaver={d.employee} people={people.data} named={departures.reload} />}</td>
                <td><button type="button" className="link" onClick={() => reinstate(d)}>복직</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const POSITIONS = Object.keys(POSITION_LABEL) as Position[];

/** 인사: hire someone (their temporary password shown once) and record that someone left. */
function Personnel({ departed, version }: { departed: () => void; version: number }) {
  const { me } = useApp();
  const departments = useLoad(() => api<DepartmentInfo[]>('GET', '/api/departments'), []);
  // someone brought back under 퇴사자 is listed here again
  const people = useLoad(() => api<Employee[]>('GET', '/api/employees'), [], version);
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [departmentId, setDepartmentId] = useState<number>();
  const [teamId, setTeamId] = useState<number>();
  const [position, setPosition] = useState<Position>('STAFF');
  const [manager, setManager] = useState(false);
  const [hiredOn, setHiredOn] = useState('');
  const [hired, setHired] = useState<Hired>();
  const [editing, setEditing] = useState<number>();
  const [departing, setDeparting] = useState<number>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const dept = departments.data?.find((d) => d.id === (departmentId ?? departments.data?.[0]?.id));

  // 비밀번호 초기화: a forgotten password becomes a temporary one, shown once like a new hire's
  const resetPassword = async (p: Employee) => {
    if (busy || !window.confirm(`${p.name} (${p.username})의 비밀번호를 초기화할까요? 지금 로그인된 곳에서는 모두 로그아웃됩니다.`)) return;
    setError(undefined);
    setBusy(true); // one at a time: a second answer would show a password the first already replaced
    try {
      setHired(await api<Hired>('POST', `/api/employees/${p.id}/password-reset`));
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };

  const hire = async (e: FormEvent) => {
    e.preventDefault();
    if (!dept) return;
    setBusy(true);
    setError(undefined);
    try {
      const h = await api<Hired>('POST', '/api/employees', {
        username: username.trim(), name: name.trim(), ...(email.trim() ? { email: email.trim() } : {}),
        departmentId: dept.id, ...(teamId ? { teamId } : {}), position, ...(manager ? { roles: ['MANAGER'] } : {}),
        ...(hiredOn ? { hiredOn } : {}),
      });
      setHired(h);
      setUsername('');
      setName('');
      setEmail('');
      setHiredOn('');
      people.reload();
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="card" data-testid="personnel">
      <h3>인사 <small>people</small></h3>
      <form onSubmit={hire} className="form">
        <label>아이디 (username)
          <input name="username" value={username} required pattern="[a-z][a-z0-9._\-]{2,63}" maxLength={64}
                 onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>이름
          <input name="name" value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>이메일
          <input name="email" type="email" value={email} maxLength={200} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>부서
          <select name="departmentId" value={dept?.id ?? ''} onChange={(e) => { setDepartmentId(Number(e.target.value)); setTeamId(undefined); }}>
            {departments.data?.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
        <label>팀
          <select name="teamId" value={teamId ?? ''} onChange={(e) => setTeamId(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">(없음)</option>
            {dept?.teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </label>
        <label>직급
          <select name="position" value={position} onChange={(e) => setPosition(e.target.value as Position)}>
            {POSITIONS.map((p) => <option key={p} value={p}>{positionLabel(p)}</option>)}
          </select>
        </label>
        <label>입사일 <small>(비우면 오늘; 연차는 이 날부터 셈)</small>
          <input name="hiredOn" type="date" value={hiredOn} onChange={(e) => setHiredOn(e.target.value)} />
        </label>
        <label className="inline"><input type="checkbox" checked={manager} onChange={(e) => setManager(e.target.checked)} /> 관리자 권한 (MANAGER: quests)</label>
        {/* without the departments nobody can be hired: said, not left as a disabled button */}
        {departments.error && (
          <p className="error">
            부서 목록을 불러오지 못해 입사 등록을 할 수 없습니다 (the departments cannot be listed): {departments.error}{' '}
            <button type="button" className="link" onClick={departments.reload}>다시 (retry)</button>
          </p>
        )}
        {departments.data && departments.data.length === 0 && <p className="hint">부서를 먼저 신설하세요 (open a department first).</p>}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="actions"><button type="submit" disabled={busy || !dept}>입사 등록 (hire)</button></div>
      </form>
      {hired && (
        <p className="notice" data-testid="hired">
          {hired.employee.name} ({hired.employee.username}) 임시 비밀번호 (shown once):{' '}
          <code data-testid="temporary-password">{hired.temporaryPassword}</code> — 첫 로그인 후 내 정보에서 바꾸게 하세요.
        </p>
      )}
      {people.error && <p className="error">{people.error}</p>}
      <table>
        <thead><tr><th>이름</th><th>아이디</th><th>부서</th><th>직급</th><th /></tr></thead>
        <tbody>
          {people.data?.map((p) => (
            editing === p.id && departments.data
              ? <MoveRow key={p.id} person={p} departments={departments.data} done={(changed) => {
                  setEditing(undefined);
                  if (changed) { people.reload(); departments.reload(); }
                }} />
              : departing === p.id
              ? <DepartRow key={p.id} person={p} others={(people.data ?? []).filter((o) => o.id !== p.id)} done={(changed) => {
                  setDeparting(undefined);
                  if (changed) { people.reload(); departments.reload(); departed(); }
                }} />
              : (
                <tr key={p.id} data-testid="employee-row">
                  <td>{p.name}</td><td>{p.username}</td><td>{p.department.name}{p.team ? ` · ${p.team.name}` : ''}</td><td>{positionLabel(p.position)}{p.hiredOn && <small> · {p.hiredOn} 입사</small>}</td>
                  <td>
                    <button type="button" className="link" onClick={() => setEditing(p.id)}>이동</button>
                    {p.id !== me.id && <button type="button" className="link" onClick={() => setDeparting(p.id)}>퇴사</button>}
                    {p.id !== me.id && <button type="button" className="link" onClick={() => resetPassword(p)}>비밀번호 초기화</button>}
                  </td>
                </tr>
              )
          ))}
        </tbody>
      </table>
      {departments.data && people.data && (
        <OrgChart departments={departments.data} people={people.data} changed={() => departments.reload()} />
      )}
    </div>
  );
}

/** 인사 이동: one person's department, team, position and MANAGER role, changed in place. */
/**
 * 퇴사: records that someone left, with a reason, and who takes over the decisions still asked of them (인수자): the
 * steps waiting on them then reach the successor's inbox, as a deputy's would.
 */
function DepartRow({ person, others, done }: { person: Employee; others: Employee[]; done: (changed: boolean) => void }) {
  const { toast } = useApp();
  const [reason, setReason] = useState('');
  const [successorId, setSuccessorId] = useState<number>();
  const [busy, setBusy] = useState(false);
  const record = async () => {
    setBusy(true);
    try {
      const d = await api<Departure>('POST', `/api/employees/${person.id}/departure`, {
        ...(reason.trim() ? { reason: reason.trim().slice(0, 200) } : {}), ...(successorId ? { successorId } : {}),
      });
      const led = [...d.headOf, ...d.leadOf];
      toast(`${d.employee.name}: 퇴사 처리했습니다 (recorded as left)${led.length ? ` · 비게 된 자리: ${led.join(', ')}` : ''}`
        + `${d.delegationsEnded ? ` · 대결 ${d.delegationsEnded}건 종료` : ''}${d.successor ? ` · 인수자 ${d.successor.name}` : ''}`);
      done(true);
    } catch (err) {
      toast(message(err), 'error');
      setBusy(false);
    }
  };
  return (
    <tr data-testid="employee-depart">
      <td>{person.name}</td><td>{person.username}</td>
      <td colSpan={2}>
        <input aria-label="퇴사 사유" placeholder="사유 (reason)" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        <select aria-label="인수자" value={successorId ?? ''} onChange={(e) => setSuccessorId(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">(인수자 없음: 결재 대기 문서는 회수·재기안)</option>
          {others.map((o) => <option key={o.id} value={o.id}>{o.name} · {o.department.name} · {o.position}</option>)}
        </select>
      </td>
      <td>
        <button type="button" onClick={record} disabled={busy}>퇴사 기록</button>
        <button type="button" className="link" onClick={() => done(false)}>취소</button>
      </td>
    </tr>
  );
}

function MoveRow({ person, departments, done }: { person: Employee; departments: DepartmentInfo[]; done: (changed: boolean) => void }) {
  const { toast } = useApp();
  const [departmentId, setDepartmentId] = useState(person.department.id);
  const [teamId, setTeamId] = useState<number | undefined>(person.team?.id);
  const [position, setPosition] = useState<Position>(person.position);
  const [manager, setManager] = useState(person.roles?.includes('MANAGER') ?? false);
  const [hiredOn, setHiredOn] = useState(person.hiredOn ?? '');
  const dept = departments.find((d) => d.id === departmentId);
  const save = async () => {
    const roles = [...(manager ? ['MANAGER'] : []), ...(person.roles?.includes('ADMIN') ? ['ADMIN'] : [])];
    try {
      await api('PUT', `/api/employees/${person.id}`, {
        name: person.name, ...(person.email ? { email: person.email } : {}), departmentId, ...(teamId ? { teamId } : {}), position, roles,
        // 입사일 정정 only when changed: the server then moves the opened years' allowance with it
        ...(hiredOn && hiredOn !== person.hiredOn ? { hiredOn } : {}),
      });
      toast(`${person.name}: 인사 이동을 저장했습니다 (saved).`);
      done(true);
    } catch (err) {
      toast(message(err), 'error');
    }
  };
  return (
    <tr data-testid="employee-move">
      <td>{person.name}</td><td>{person.username}</td>
      <td>
        <select aria-label="move department" value={departmentId} onChange={(e) => { setDepartmentId(Number(e.target.value)); setTeamId(undefined); }}>
          {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
        <select aria-label="move team" value={teamId ?? ''} onChange={(e) => setTeamId(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">(팀 없음)</option>
          {dept?.teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </td>
      <td>
        <select aria-label="move position" value={position} onChange={(e) => setPosition(e.target.value as Position)}>
          {POSITIONS.map((p) => <option key={p} value={p}>{positionLabel(p)}</option>)}
        </select>
        <label className="inline"><input type="checkbox" checked={manager} onChange={(e) => setManager(e.target.checked)} /> MANAGER</label>
        <input type="date" aria-label="hire date" value={hiredOn} onChange={(e) => setHiredOn(e.target.value)} />
      </td>
      <td>
        <button type="button" onClick={save}>저장</button>
        <button type="button" className="link" onClick={() => done(false)}>취소</button>
      </td>
    </tr>
  );
}

/**
 * The org chart: who heads each department and leads each team, named from the people of it; and a department or a team
 * opened (신설), empty until someone is hired or moved into it, or closed (폐지) once nobody is in it.
 */
function OrgChart({ departments, people, changed }: { departments: DepartmentInfo[]; people: Employee[]; changed: () => void }) {
  const { toast } = useApp();
  const [code, setCode] = useState('');
  const [deptName, setDeptName] = useState('');
  const [teamDept, setTeamDept] = useState<number | undefined>(undefined);
  const [teamName, setTeamName] = useState('');
  const open = async (e: FormEvent, path: string, body: object, what: string, done: () => void) => {
    e.preventDefault();
    try {
      await api('POST', path, body);
      toast(`${what}: 신설했습니다 (opened).`);
      done();
      changed();
    } catch (err) {
      toast(message(err), 'error');
    }
  };
  const teamIn = teamDept ?? departments[0]?.id;
  // 조직 폐지: only once nobody active is in it (the server names who still is, if anyone). Asked once more: it cannot be
  // undone, a department's teams close with it, and its code and name are never used again
  const close = async (path: string, what: string, teams: number) => {
    if (!window.confirm(`${what}을(를) 폐지할까요?${teams > 0 ? ` 소속 팀 ${teams}개도 함께 폐지됩니다.` : ''} 되돌릴 수 없고 `
      + '코드와 이름은 다시 쓸 수 없습니다 (close it for good?)')) return;
    try {
      await api('DELETE', path);
      toast(`${what}: 폐지했습니다 (closed).`);
      changed();
    } catch (err) {
      toast(message(err), 'error');
    }
  };
  const appoint = async (path: string, employeeId: number | null, what: string) => {
    // asked once more: a select changes as arrow keys pass its options (some browsers), and each naming ends the
    // sign-ins of the one named and the one before
    const who = people.find((p) => p.id === employeeId)?.name;
    if (!window.confirm(who ? `${who}을(를) ${what}의 책임자로 지정할까요? 두 사람은 다시 로그인합니다 (name them?)`
      : `${what}의 책임자를 비울까요? (leave it without one?)`)) return;
    try {
      await api('PUT', path, { employeeId });
      toast(`${what}: 지정했습니다 (named).`);
      changed();
    } catch (err) {
      toast(message(err), 'error');
    }
  };
  return (
    <>
    <table data-testid="org-chart">
      <thead><tr><th>조직</th><th>부서장 / 팀장</th></tr></thead>
      <tbody>
        {departments.flatMap((d) => [
          <tr key={`d${d.id}`}>
            <td><b>{d.name}</b></td>
            <td>
              <select aria-label={`head of ${d.name}`} value={d.head?.id ?? ''}
                      onChange={(e) => appoint(`/api/departments/${d.id}/head`, e.target.value ? Number(e.target.value) : null, d.name)}>
                <option value="">(없음)</option>
                {people.filter((p) => p.department.id === d.id).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
              {' '}<button type="button" className="link" data-testid="close-department"
                      title="폐지: 소속 인원이 없어야 합니다 (close: nobody may be in it)"
                      onClick={() => close(`/api/departments/${d.id}`, d.name, d.teams.length)}>폐지</button>
            </td>
          </tr>,
          ...d.teams.map((t) => (
            <tr key={`t${t.id}`}>
              <td>&nbsp;&nbsp;{t.name}</td>
              <td>
                <select aria-label={`lead of ${t.name}`} value={t.lead?.id ?? ''}
                        onChange={(e) => appoint(`/api/departments/${d.id}/teams/${t.id}/lead`, e.target.value ? Number(e.target.value) : null, t.name)}>
                  <option value="">(없음)</option>
                  {people.filter((p) => p.team?.id === t.id).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                </select>
                {' '}<button type="button" className="link" data-testid="close-team"
                        title="폐지: 소속 인원이 없어야 합니다 (close: nobody may be in it)"
                        onClick={() => close(`/api/departments/${d.id}/teams/${t.id}`, t.name, 0)}>폐지</button>
              </td>
            </tr>
          )),
        ])}
      </tbody>
    </table>
    <form className="form" data-testid="open-department"
          onSubmit={(e) => open(e, '/api/departments', { code, name: deptName }, deptName, () => { setCode(''); setDeptName(''); })}>
      <label>부서 코드 <small>(e.g. HR)</small>
        <input name="code" value={code} required pattern="[A-Z][A-Z0-9_\-]{1,31}" maxLength={32}
               onChange={(e) => setCode(e.target.value.toUpperCase())} />
      </label>
      <label>부서 이름
        <input name="departmentName" value={deptName} required maxLength={100} onChange={(e) => setDeptName(e.target.value)} />
      </label>
      <div className="actions"><button type="submit">부서 신설 (open a department)</button></div>
    </form>
    <form className="form" data-testid="open-team"
          onSubmit={(e) => open(e, `/api/departments/${teamIn}/teams`, { name: teamName }, teamName, () => setTeamName(''))}>
      <label>부서
        <select name="teamDepartment" value={teamIn ?? ''} onChange={(e) => setTeamDept(Number(e.target.value))}>
          {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </label>
      <label>팀 이름
        <input name="teamName" value={teamName} required maxLength={100} onChange={(e) => setTeamName(e.target.value)} />
      </label>
      <div className="actions"><button type="submit" disabled={teamIn === undefined}>팀 신설 (open a team)</button></div>
    </form>
    </>
  );
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
