import { useEffect, useRef, useState } from 'react';
import { useApp } from '../App';
import { api, query } from '../api';
import { message } from '../hooks';
import { dateTime, problemMessage } from '../format';
import type { BulkDecisionResult, InboxItem, InboxPage, PersonRef } from '../types';
import { DecisionForm } from './DecisionForm';

const keyOf = (i: InboxItem) => `${i.approvalId}:${i.onBehalfOf?.id ?? ''}`;
const PAGE = 100;

const inboxPage = (drafterId: number | undefined, cursor?: string) =>
  api<InboxPage>('GET', `/api/inbox${query({ drafterId, limit: PAGE, cursor })}`);

/** The first `wanted` items, page after page, of one drafter's documents if chosen, and how many wait. */
async function loadInbox(drafterId: number | undefined, wanted: number) {
  let items: InboxItem[] = [];
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await inboxPage(drafterId, cursor);
    items = [...items, ...page.items];
    total = page.total;
    cursor = page.nextCursor;
  } while (cursor && items.length < wanted);
  return { items, total, cursor };
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
  const key = String(drafter?.id ?? '');
  const [view, setView] = useState<{ key: string; items: InboxItem[]; total: number; cursor?: string }>();
  const [error, setError] = useState<string>();
  const [n, setN] = useState(0);
  const reload = () => setN((x) => x + 1);
  // what is shown is the list asked for (another drafter's list is not shown while this one loads)
  const data = view?.key === key ? view : undefined;
  const shown = useRef(0);
  shown.current = data?.items.length ?? 0;
  const latest = useRef(0);

  // on opening, a drafter chosen, a live notification, after deciding: the first pages again, as many items as were
  // shown (decided ones go, the pages 더 보기 added stay)
  useEffect(() => {
    const request = ++latest.current;
    loadInbox(drafter?.id, Math.max(PAGE, shown.current)).then(
      (r) => { if (request === latest.current) { setView({ key, ...r }); setError(undefined); } },
      (e: unknown) => { if (request === latest.current) setError(message(e)); });
  }, [key, tick, n]); // eslint-disable-line react-hooks/exhaustive-deps

  // 더 보기: the next page only, after what is shown
  const more = async () => {
    if (!data?.cursor) return;
    const request = ++latest.current;
    try {
      const page = await inboxPage(drafter?.id, data.cursor);
      if (request !== latest.current) return;
      setView({ key, items: [...data.items, ...page.items], total: page.total, cursor: page.nextCursor });
    } catch (e) {
      if (request === latest.current) setError(message(e));
    }
  };
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
    setChosen(new Set());
    setRefusals([]);
    setBulkError(undefined);
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
      <h2>결재함 <small>waiting for my decision{data ? ` · ${data.total}건${drafter ? ` (${drafter.name})` : ''}` : ''}</small></h2>
      {drafter && (
        <p className="row" data-testid="inbox-drafter">
          <span className="tag">기안자 {drafter.name}의 문서만 (only {drafter.name}'s)</span>
          <button onClick={() => choose(undefined)}>모두 보기 (all)</button>
        </p>
      )}
      {error && <p className="error">{error}</p>}
      {data && items.length === 0 && (drafter
        ? <p className="empty">{drafter.name}의 문서는 더 없습니다 (none of {drafter.name}'s waits for you).</p>
        : <p className="empty">결재할 문서가 없습니다 (nothing waits for you).</p>)}
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
      {data?.cursor && <button onClick={() => void more()} data-testid="inbox-more">더 보기 (more)</button>}
    </section>
  );
}
