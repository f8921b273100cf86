import { useRef, useState } from 'react';
import { useApp } from '../App';
import { api } from '../api';
import { message } from '../hooks';
import { activeStepIndex, lineDraft, lineDraftChanged, lineDraftProblem, linePeople, lineRemaining, MAX_LINE_STEPS,
  STEP_LABEL, withApproverStep, withoutStep, withStepMoved, withStepPeople } from '../format';
import type { Employee, LineChangeRequest, LineChangeResult, LineStep } from '../types';
import { PersonOptions } from './SuccessorPicker';

/**
 * 결재선 변경: the drafter edits the rest of {@code line}, from the active step on, as it is to be: other people on a
 * step, a 결재 step added (결재자 추가), a step removed (단계 삭제) or moved; the active 합의 step some agreers of which
 * have decided stays first as it is. People are chosen among {@code people} (the active employees, which the page has)
 * less {@code exclude} (the drafter, cc, receivers, who decided a step for someone), less the people of the steps
 * decided and of the other steps. The rest of the line is sent whole ({@code remaining}); the server stays the judge.
 * {@code onDone}: called once changed.
 */
export function LineChangeForm({ approvalId, line, people, exclude, onDone }: {
  approvalId: string; line: LineStep[]; people: Employee[] | undefined; exclude: (number | undefined)[]; onDone: () => void;
}) {
  const { toast } = useApp();
  const [draft, setDraft] = useState(() => lineDraft(line));
  const added = useRef(0);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const from = activeStepIndex(line);
  const first = from < 0 ? line.length + 1 : from + 1; // the number of the active step, the draft's first
  const decided = linePeople(line.slice(0, Math.max(0, from))).map((p) => p.id);
  const known = new Map(linePeople(line).map((p) => [p.id, p]));
  const changed = lineDraftChanged(line, draft);
  const problem = lineDraftProblem(draft, first);
  const full = first - 1 + draft.length >= MAX_LINE_STEPS;

  const change = async () => {
    setError(undefined);
    if (!changed || problem) return;
    setBusy(true);
    try {
      // fromStep: the step the draft starts at; if the document moved on meanwhile, the server refuses (409)
      // rather than applying the draft one step off
      const body: LineChangeRequest = { remaining: lineRemaining(draft), ...(from >= 0 ? { fromStep: first } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}) };
      const r = await api<LineChangeResult>('PUT', `/api/approvals/${encodeURIComponent(approvalId)}/line`, body);
      toast(`결재선을 변경했습니다 (line changed): ${r.steps.map((n) => `${n}단계`).join(', ')}`);
      setReason('');
      onDone();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="line-change-form">
      {draft.map((s, i) => {
        const n = first + i;
        const label = `결재선 변경 ${n}단계`;
        const state = s.step === undefined ? '추가 (new)' : `${s.status ? STEP_LABEL[s.status] : ''}${s.step !== n ? ` · 지금 ${s.step}단계 (now step ${s.step})` : ''}`;
        if (s.fixed) {
          const step = line.find((x) => x.step === s.step);
          return (
            <p key={s.key} className="decide" data-testid="line-change-fixed">
              <span>{n}단계 · 합의 <small>{state}</small></span>
              <span>{(step?.agreements ?? []).map((a) => `${a.agreer.name}${a.status === 'PENDING' ? '' : ' ✓'}`).join(', ')}</span>
              <small className="hint">일부 합의되어 그대로 남습니다 (decided in part: it stays as it is)</small>
            </p>
          );
        }
        // its people now, even when not among the active employees (someone who left): the select shows them chosen
        const missing = s.ids.filter((id) => !people?.some((e) => e.id === id))
          .map((id) => ({ id, name: known.get(id)?.name ?? `#${id}` }));
        const others = draft.filter((_, j) => j !== i).flatMap((x) => x.ids);
        const options = (
          <>
            {missing.map((p) => <option key={p.id} value={p.id}>{p.name}{people ? ' · 퇴사 (has left)' : ''}</option>)}
            <PersonOptions people={people} exclude={[...exclude, ...decided, ...others]} />
          </>
        );
        const set = (ids: number[]) => setDraft((d) => withStepPeople(d, i, ids));
        return (
          <p key={s.key} className="decide" data-testid="line-change-step">
            <span>{n}단계 · {s.agreement ? '합의' : '결재'} <small>{state}</small></span>
            {s.agreement ? (
              <select multiple aria-label={label} value={s.ids.map(String)} disabled={busy}
                      size={Math.min(8, missing.length + (people?.length ?? 0)) || 2}
                      onChange={(e) => set(Array.from(e.target.selectedOptions, (o) => Number(o.value)))}>
                {options}
              </select>
            ) : (
              <select aria-label={label} value={s.ids[0] ?? ''} disabled={busy}
                      onChange={(e) => set(e.target.value ? [Number(e.target.value)] : [])}>
                {s.ids.length === 0 && <option value="">결재자 선택 (choose the approver)</option>}
                {options}
              </select>
            )}
            <button type="button" className="link" aria-label="위로" title="위로 (move up)" disabled={busy || i === 0 || draft[i - 1].fixed}
                    onClick={() => setDraft((d) => withStepMoved(d, i, -1))}>▲</button>
            <button type="button" className="link" aria-label="아래로" title="아래로 (move down)" disabled={busy || i === draft.length - 1}
                    onClick={() => setDraft((d) => withStepMoved(d, i, 1))}>▼</button>
            <button type="button" className="link" aria-label="단계 삭제" title="단계 삭제 (remove this step)" disabled={busy}
                    onClick={() => setDraft((d) => withoutStep(d, i))}>✕</button>
          </p>
        );
      })}
      <p className="decide">
        <button type="button" disabled={busy || full} onClick={() => setDraft((d) => withApproverStep(d, `n${++added.current}`))}>
          결재자 추가
        </button>
        <small className="hint">
          {full ? `결재선은 ${MAX_LINE_STEPS}단계까지입니다 (at most ${MAX_LINE_STEPS} steps).`
            : '마지막 단계 앞에 결재 단계를 더합니다; ▲▼로 옮깁니다. 마지막 결재자는 내 결재선(조직도)의 같은 직위 이상이나 '
              + '임원으로만 바꿀 수 있습니다 (adds an approver step before the last one; ▲▼ move a step; the last approver is '
              + 'replaced only by someone of the same or a higher position on your org-chart line, or an executive: 결재권한).'}
        </small>
      </p>
      {draft.some((s) => s.agreement && !s.fixed) && <p className="hint">합의자는 Ctrl(⌘)을 누른 채 여러 명 고릅니다 (hold Ctrl/⌘ to choose several).</p>}
      {changed && problem && <p className="hint" data-testid="line-change-problem">{problem}</p>}
      <div className="decide">
        <input placeholder="사유 (reason, optional)" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)}
               aria-label="결재선 변경 사유" />
        <button disabled={busy || !changed || !!problem} onClick={change}
                title={!changed ? '바뀐 것이 없습니다 (nothing changed)' : problem}>결재선 변경</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
