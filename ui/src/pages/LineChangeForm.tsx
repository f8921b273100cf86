import { useState } from 'react';
import { useApp } from '../App';
import { api } from '../api';
import { message } from '../hooks';
import { lineChangeSteps, linePeople, STEP_LABEL } from '../format';
import type { Employee, LineChangeResult, LineStep } from '../types';
import { PersonOptions } from './SuccessorPicker';

/**
 * 결재선 변경: the drafter puts other people on {@code steps} (those of the line nobody has decided yet), chosen among
 * {@code people} (the active employees, which the page has) less {@code exclude} (the drafter, and whoever could not be
 * on the line twice: cc, receivers, the steps that stay). A 결재 step gets one approver, a 합의 step its agreers. Only
 * the steps whose people differ are sent; the server stays the judge. {@code onDone}: called once changed.
 */
export function LineChangeForm({ approvalId, steps, people, exclude, onDone }: {
  approvalId: string; steps: LineStep[]; people: Employee[] | undefined; exclude: (number | undefined)[]; onDone: () => void;
}) {
  const { toast } = useApp();
  // what the drafter chose, by step; a step not in it keeps its people (as the record shows them now)
  const [chosen, setChosen] = useState<Record<number, number[]>>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const change = async () => {
    setError(undefined);
    const changes = lineChangeSteps(steps, chosen);
    if (changes.length === 0) {
      toast('바뀐 결재자가 없습니다 (nothing changed).');
      return;
    }
    const empty = changes.find((c) => c.agreerIds && c.agreerIds.length === 0);
    if (empty) {
      setError(`${empty.step}단계: 합의자를 한 명 이상 고르세요 (a 합의 step needs an agreer).`);
      return;
    }
    setBusy(true);
    try {
      const r = await api<LineChangeResult>('PUT', `/api/approvals/${encodeURIComponent(approvalId)}/line`,
        { steps: changes, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      toast(`결재선을 변경했습니다 (line changed): ${r.steps.map((n) => `${n}단계`).join(', ')}`);
      setChosen({});
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
      {steps.map((s) => {
        const now = linePeople([s]);
        const ids = chosen[s.step] ?? now.map((p) => p.id);
        // its people now, even when not among the active employees (someone who left): the select shows them chosen
        const missing = now.filter((p) => !people?.some((e) => e.id === p.id));
        const options = (
          <>
            {missing.map((p) => <option key={p.id} value={p.id}>{p.name}{people ? ' · 퇴사 (has left)' : ''}</option>)}
            <PersonOptions people={people} exclude={exclude} />
          </>
        );
        return (
          <p key={s.step} className="decide" data-testid="line-change-step">
            <span>{s.step}단계 · {s.agreements ? '합의' : '결재'} <small>{STEP_LABEL[s.status]}</small></span>
            {s.agreements ? (
              <select multiple aria-label={`결재선 변경 ${s.step}단계`} value={ids.map(String)} disabled={busy}
                      size={Math.min(8, missing.length + (people?.length ?? 0)) || 2}
                      onChange={(e) => setChosen({ ...chosen, [s.step]: Array.from(e.target.selectedOptions, (o) => Number(o.value)) })}>
                {options}
              </select>
            ) : (
              <select aria-label={`결재선 변경 ${s.step}단계`} value={ids[0] ?? ''} disabled={busy}
                      onChange={(e) => setChosen({ ...chosen, [s.step]: [Number(e.target.value)] })}>
                {options}
              </select>
            )}
          </p>
        );
      })}
      {steps.some((s) => s.agreements) && <p className="hint">합의자는 Ctrl(⌘)을 누른 채 여러 명 고릅니다 (hold Ctrl/⌘ to choose several).</p>}
      <div className="decide">
        <input placeholder="사유 (reason, optional)" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)}
               aria-label="결재선 변경 사유" />
        <button disabled={busy} onClick={change}>결재선 변경</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
