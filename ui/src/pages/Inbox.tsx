import { useApp } from '../App';
import { api } from '../api';
import { useLoad } from '../hooks';
import { dateTime } from '../format';
import type { InboxItem } from '../types';
import { DecisionForm } from './DecisionForm';

/**
 * 결재함: what waits for the caller's decision, oldest first, each decidable right here; with the steps of the
 * approvers the caller decides for while they are away (대결), marked so.
 */
export function Inbox() {
  const { tick } = useApp();
  const { data, error, reload } = useLoad(() => api<{ items: InboxItem[] }>('GET', '/api/inbox'), [], tick);
  return (
    <section>
      <h2>결재함 <small>waiting for my decision</small></h2>
      {error && <p className="error">{error}</p>}
      {data && data.items.length === 0 && <p className="empty">결재할 문서가 없습니다 (nothing waits for you).</p>}
      <ul className="cards">
        {data?.items.map((i) => (
          <li key={`${i.approvalId}:${i.onBehalfOf?.id ?? ''}`} className="card" data-testid="inbox-item">
            <div className="row">
              <a href={`#/docs/${i.approvalId}`} className="title">{i.title}</a>
              <span className="muted">{i.drafter.name} · {i.step}/{i.stepCount}단계 · {dateTime(i.activatedAt)}</span>
              {i.agreement && <span className="tag" data-testid="agreement">합의</span>}
              {i.onBehalfOf && <span className="tag" data-testid="on-behalf-of" title="부재 중인 결재자를 대신합니다 (deciding for an absent approver)">대결 · {i.onBehalfOf.name}</span>}
            </div>
            <DecisionForm approvalId={i.approvalId} onDone={reload} agreement={i.agreement} onBehalfOf={i.onBehalfOf?.id} />
          </li>
        ))}
      </ul>
    </section>
  );
}
