import { useState } from 'react';
import { useApp } from '../App';
import { api, query } from '../api';
import { message, useLoad } from '../hooks';
import { dateTime, problemMessage } from '../format';
import type { BulkDecisionResult, InboxItem, InboxPage, PersonRef } from '../types';
import { DecisionForm } from './DecisionForm';

const keyOf = (i: InboxItem) => `${i.approvalId}:${i.onBehalfOf?.id ?? ''}`;
const PAGE = 100;

/** The first `wanted` items (a page more each 더 보기), of one drafter's documents if chosen, and how many wait. */
async function loadInbox(drafterId: number | undefined, wanted: number) {
  let items: InboxItem[] = [];
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await api<InboxPage>('GET', `/api/inbox${query({ drafterId, limit: PAGE, cursor })}`);
    items = [...items, ...page.items];
    total = page.total;
    cursor = page.nextCursor;
  } while (cursor && items.length < wanted);
  return { items, total, more: !!cursor };
}

/**
 * 결재함: what waits for the caller's decision, oldest first, each decidable right here; with the steps of the
 * approvers the caller decides for while they are away (대결), marked so; a page at a time, of one drafter's documents
 * if chosen. Several can be approved, or rejected with one reason, at once (일괄결재): each is decided as if alone,
 * and what was refused says why, per document.
 */
export function Inbox() {
  const { tick, toast } = useApp();
  const [drafter, setDrafter] = useState<PersonRef>();
  const [wanted, setWanted] = useState(PAGE);
  // 더 보기 keeps what is shown (no new dependency, which would clear it) and asks for a page more
  const { data, error, reload } = useLoad(() => loadInbox(drafter?.id, wanted), [drafter?.id], tick);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [bulkError, setBulkError] = useState<string>();
  const [refusals, setRefusals] = useState<{ title: string; why: string }[]>([]);

  const items = data?.items ?? [];
  const picked = items.filter((i) => chosen.has(keyOf(i)));
  const toggle = (key: string) => setChosen((s) => {
    const next = new Set(s);
    if (next.has(key)) next.delete(key); else next.add(key);
    return next;
  });

  const choose = (who?: PersonRef) => {
    setDrafter(who);
    setWanted(PAGE);
    setChosen(new Set());
  };

  const decideChosen = async (decision: 'APPROVE' | 'REJECT') => {
    setBusy(true);
    setBulkError(undefined);
    try {
      const r = await api<BulkDecisionResult>('POST', '/api/inbox/decisions', {
        decision, ...(comment.trim() ? { comment: comment.trim() } : {}),
        items: picked.map((i) => ({ approvalId: i.approvalId, ...(i.onBehalfOf ? { onBehalfOf: i.onBehalfOf.id } : {}) })),
      });
      const titles = new Map(picked.map((i) => [i.approvalId, i.title]));
      setRefusals(r.outcomes.filter((o) => o.problem)
        .map((o) => ({ title: titles.get(o.approvalId) ?? o.approvalId, why: problemMessage(o.problem!) })));
      toast(`일괄결재: ${r.decided}건 ${decision === 'APPROVE' ? '승인' : '반려'}${r.refused ? `, ${r.refused}건 실패` : ''}.`);
      setChosen(new Set());
      setComment('');
      reload();
    } catch (e) {
      setBulkError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h2>결재함 <small>waiting for my decision{data ? ` · ${data.total}건` : ''}</small></h2>
      {drafter && (
        <p className="row" data-testid="inbox-drafter">
          <span className="tag">기안자 {drafter.name}의 문서만 (only {drafter.name}'s)</span>
          <button onClick={() => choose(undefined)}>모두 보기 (all)</button>
        </p>
      )}
      {error && <p className="error">{error}</p>}
      {data && items.length === 0 && <p className="empty">결재할 문서가 없습니다 (nothing waits for you).</p>}
      {items.length > 1 && (
        <div className="decide bulk" data-testid="bulk">
          <label><input type="checkbox" aria-label="select all" checked={picked.length === items.length}
            onChange={() => setChosen(picked.length === items.length ? new Set() : new Set(items.map(keyOf)))} /> 전체 선택</label>
          <input placeholder="의견 (comment, the same on each; the reason to reject)" value={comment} maxLength={2000}
            onChange={(e) => setComment(e.target.value)} aria-label="bulk comment" />
          <button disabled={busy || picked.length === 0 || picked.length > 50} onClick={() => decideChosen('APPROVE')}
            title="선택한 문서를 모두 승인합니다 (approve every chosen document; 50 at most)">
            일괄 승인 ({picked.length})
          </button>
          <button disabled={busy || picked.length === 0 || picked.length > 50 || !comment.trim()}
            onClick={() => decideChosen('REJECT')}
            title="선택한 문서를 모두 같은 사유로 반려합니다: 의견에 사유를 적으세요 (reject every chosen document with the comment as the reason)">
            일괄 반려 ({picked.length})
          </button>
          {picked.length > 50 && <span className="muted">한 번에 50건까지 (50 at a time)</span>}
        </div>
      )}
      {bulkError && <p className="error" role="alert">{bulkError}</p>}
      {refusals.length > 0 && (
        <ul className="error" role="alert" data-testid="bulk-refusals">
          {refusals.map((r, n) => <li key={n}>{r.title}: {r.why}</li>)}
        </ul>
      )}
      <ul className="cards">
        {items.map((i) => (
          <li key={keyOf(i)} className="card" data-testid="inbox-item">
            <div className="row">
              {items.length > 1 && <input type="checkbox" aria-label={`select ${i.title}`} checked={chosen.has(keyOf(i))}
                onChange={() => toggle(keyOf(i))} data-testid="inbox-select" />}
              <a href={`#/docs/${i.approvalId}`} className="title">{i.title}</a>
              <span className="muted">
                {drafter ? i.drafter.name : (
                  <button className="link" onClick={() => choose(i.drafter)} data-testid="inbox-by-drafter"
                    title={`${i.drafter.name}의 문서만 봅니다 (only this drafter's documents)`}>{i.drafter.name}</button>
                )} · {i.step}/{i.stepCount}단계 · {dateTime(i.activatedAt)}
              </span>
              {i.agreement && <span className="tag" data-testid="agreement">합의</span>}
              {i.heldAt && <span className="tag" data-testid="held" title="보류 중: 결정하면 풀립니다 (on hold until decided)">보류 · {dateTime(i.heldAt)}</span>}
              {i.onBehalfOf && <span className="tag" data-testid="on-behalf-of" title="부재 중인 결재자를 대신합니다 (deciding for an absent approver)">대결 · {i.onBehalfOf.name}</span>}
            </div>
            <DecisionForm approvalId={i.approvalId} onDone={reload} agreement={i.agreement} onBehalfOf={i.onBehalfOf?.id}
              returnAllowed={i.step > 1} subject={i.title} held={!!i.heldAt}
              // 전결 where the server says it is the caller's now (never on a 합의 step or a deputy's item)
              finalAllowed={i.finalAuthority === true} />
          </li>
        ))}
      </ul>
      {data?.more && (
        <button onClick={() => { setWanted(items.length + PAGE); reload(); }} data-testid="inbox-more">
          더 보기 (more: {data.total - items.length}건)
        </button>
      )}
    </section>
  );
}
