import { useState } from 'react';
import { useApp } from '../App';
import { api } from '../api';
import { message } from '../hooks';
import type { PersonRef } from '../types';

interface DecisionResult {
  status: 'IN_PROGRESS' | 'APPROVED' | 'REJECTED';
  nextApprover?: PersonRef;
}

/**
 * Approve, or reject with a reason; with {@code finalAllowed}, approve with final authority (전결) too; put on hold
 * (보류) with a reason, to decide later. On a 합의
 * step ({@code agreement}) the same two decisions read agree (동의) and disagree (반대).
 */
export function DecisionForm({ approvalId, onDone, finalAllowed, agreement, onBehalfOf, returnAllowed, subject, held }: {
  approvalId: string; onDone: () => void; finalAllowed?: boolean; agreement?: boolean;
  /** 보류: the step is on hold already (it is decided, not held again) */
  held?: boolean;
  /** the document's title, where several forms share a page (결재함): a screen reader says which one a form decides */
  subject?: string;
  /** 전단계 반려: a 결재 step after the first may send the document back to the step before */
  returnAllowed?: boolean;
  /** 대결: the absent person decided for, as the deputy */
  onBehalfOf?: number;
}) {
  const { toast } = useApp();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const decide = async (decision: 'APPROVE' | 'APPROVE_FINAL' | 'REJECT' | 'RETURN' | 'HOLD') => {
    if (decision === 'REJECT' && !comment.trim()) {
      setError(agreement ? '반대 사유를 적으세요 (a disagreement needs a reason).' : '반려 사유를 적으세요 (a rejection needs a reason).');
      return;
    }
    if (decision === 'RETURN' && !comment.trim()) {
      setError('전단계 반려 사유를 적으세요 (sending back needs a reason).');
      return;
    }
    if (decision === 'HOLD' && !comment.trim()) {
      setError('보류 사유를 적으세요 (a hold needs a reason).');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const r = await api<DecisionResult>('POST', `/api/approvals/${encodeURIComponent(approvalId)}/decisions`,
        { decision, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(onBehalfOf ? { onBehalfOf } : {}) });
      toast(agreement ? (decision === 'REJECT' ? '반대했습니다 (disagreed).' : '동의했습니다 (agreed).')
        : decision === 'RETURN' ? `전단계로 반려했습니다.${r.nextApprover ? ` 다시 결재: ${r.nextApprover.name}` : ''}`
          : decision === 'HOLD' ? '보류했습니다: 기안자에게 사유를 알렸습니다 (on hold; the drafter is told why).'
          : r.status === 'IN_PROGRESS' ? `승인했습니다.${r.nextApprover ? ` 다음 결재자: ${r.nextApprover.name}` : ''}`
          : r.status === 'APPROVED' ? '최종 승인했습니다.' : '반려했습니다.');
      setComment('');
      onDone();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="decide" role="group" aria-label={subject ? `${agreement ? '합의' : '결재'}: ${subject}` : undefined}>
      <input placeholder={agreement ? '의견 (comment; 반대 시 필수)' : '의견 (comment; 반려·보류 시 필수)'} value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} aria-label="comment" />
      <button disabled={busy} onClick={() => decide('APPROVE')}>{agreement ? '동의' : '승인'}</button>
      {finalAllowed && !agreement && <button disabled={busy} onClick={() => decide('APPROVE_FINAL')} title="최종 승인: 이후 단계는 생략됩니다 (approve with final authority)">전결</button>}
      {returnAllowed && !agreement && <button disabled={busy} onClick={() => decide('RETURN')} title="앞 단계로 돌려보냅니다 (send back to the step before)">전단계 반려</button>}
      {!agreement && !held && <button disabled={busy} onClick={() => decide('HOLD')} title="결정을 미루고 기안자에게 사유를 알립니다; 독촉은 멈춥니다 (put on hold: decide later; the drafter is told why, reminders stop)">보류</button>}
      <button disabled={busy} className="danger" onClick={() => decide('REJECT')}>{agreement ? '반대' : '반려'}</button>
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
