import { useState } from 'react';
import { useApp } from '../App';
import { api, query, saveBlob } from '../api';
import { useLoad } from '../hooks';
import { dateTime, reportCsv, TYPE_LABEL } from '../format';
import type { ApprovalReport, DepartmentInfo, ReportCounts } from '../types';

// under an hour in minutes: a quick decision is not "0h"
const hours = (h?: number) => (h === undefined ? '–' : h < 1 ? `${Math.round(h * 60)}분` : `${h.toFixed(1)}h`);

function download(r: ApprovalReport) {
  saveBlob(new Blob([reportCsv(r)], { type: 'text/csv;charset=utf-8' }),
    `approval-report-${r.from}-${r.to}${r.department ? `-${r.department}` : ''}.csv`);
}

/** 결재 통계: administrators see any department's or all; a department head their own. */
export function Reports() {
  const { me, isAdmin, headsDepartment } = useApp();
  // none chosen: the server's default, this month up to today in the company's calendar (not the browser's: past
  // 15:00 UTC it is already tomorrow in Seoul); the fields show the days it answered for
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [department, setDepartment] = useState('');
  const departments = useLoad(() => (isAdmin ? api<DepartmentInfo[]>('GET', '/api/departments') : Promise.resolve([])), [isAdmin]);
  const report = useLoad(() => api<ApprovalReport>('GET', `/api/reports/approvals${query({ from: from || undefined,
    to: to || undefined, department })}`), [from, to, department]);
  if (!isAdmin && !headsDepartment) {
    return <p className="error" role="alert">관리자와 부서장만 볼 수 있습니다 (administrators and department heads only).</p>;
  }
  const row = (label: string, c: ReportCounts) => (
    <tr key={label}><td>{label}</td><td>{c.submitted}</td><td>{c.inProgress}</td><td>{c.approved}</td><td>{c.rejected}</td><td>{c.withdrawn}</td></tr>
  );
  const r = report.data;
  return (
    <section>
      <h2>결재 통계 <small>{isAdmin ? 'reports' : me.department.name}</small></h2>
      <div className="card actions">
        <label>시작 <input type="date" aria-label="from" value={from || report.data?.from || ''}
          onChange={(e) => { setFrom(e.target.value); if (!to && report.data) setTo(report.data.to); }} /></label>
        <label>끝 <input type="date" aria-label="to" value={to || report.data?.to || ''} min={from || report.data?.from}
          onChange={(e) => { setTo(e.target.value); if (!from && report.data) setFrom(report.data.from); }} /></label>
        {isAdmin && (
          <label>부서
            <select aria-label="department" value={department} onChange={(e) => setDepartment(e.target.value)}>
              <option value="">전체</option>
              {departments.data?.map((d) => <option key={d.id} value={d.name}>{d.name}</option>)}
            </select>
          </label>
        )}
      </div>
      {report.error && <p className="error" role="alert">{report.error}</p>}
      {r && (
        <>
          <div className="card">
            <h3>문서 <small>{r.from} ~ {r.to}{r.department ? ` · ${r.department}` : ''}</small>{' '}
              <button type="button" className="link" onClick={() => download(r)}>CSV 내보내기</button></h3>
            <table data-testid="report-counts">
              <thead><tr><th>양식</th><th>기안</th><th>진행</th><th>승인</th><th>반려</th><th>회수</th></tr></thead>
              <tbody>
                {r.byType.map((c) => row(TYPE_LABEL[c.type ?? ''] ?? c.type ?? '', c))}
                {row('합계', r.total)}
              </tbody>
            </table>
            <p className="muted">완료까지 (submitted → ended, {r.completion.count}건): 중앙값 {hours(r.completion.medianHours)} · 90% {hours(r.completion.p90Hours)}</p>
          </div>
          <div className="card">
            <h3>결재자 <small>기다리는 문서가 많은 순</small></h3>
            <table data-testid="report-approvers">
              <thead><tr><th>결재자</th><th>결정</th><th>중앙값</th><th>90%</th><th>대기</th><th>가장 오래 기다린 문서</th></tr></thead>
              <tbody>
                {r.approvers.map((a) => (
                  <tr key={a.approver.id}>
                    <td>{a.approver.name} <small>{a.approver.department}</small></td><td>{a.decided}</td>
                    <td>{hours(a.medianHours)}</td><td>{hours(a.p90Hours)}</td><td>{a.waiting}</td>
                    <td>{a.waitingSince ? dateTime(a.waitingSince) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
