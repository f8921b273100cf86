import { useRef, useState, type FormEvent } from 'react';
import { useApp } from '../App';
import { api, query } from '../api';
import { message, useLoad } from '../hooks';
import { dateTime, days, QUEST_LABEL, questActions } from '../format';
import type { Quest, QuestStatus } from '../types';

const ACTION_LABEL: Record<string, string> = {
  take: '맡기', report: '완료 보고', 'give-up': '포기', approval: '승인', 'send-back': '반려', cancellation: '퀘스트 취소',
};

/** 퀘스트: the board; managers post, others take and report, the poster signs off and the reward is earned. */
export function Quests() {
  const { me, isManager, isAdmin, toast, tick } = useApp();
  const [status, setStatus] = useState<QuestStatus | ''>('');
  const [mine, setMine] = useState(false);
  const { data, error, reload } = useLoad(() => api<{ items: Quest[] }>('GET', `/api/quests${query({ status, mine: mine || undefined })}`), [status, mine], tick);

  // what was typed for a report or a reason that did not go through: offered again, not lost
  const typed = useRef<Record<string, string>>({});
  // one request per quest at a time: a second press does not send the action twice
  const [busy, setBusy] = useState<number>();

  const act = async (q: Quest, action: string) => {
    if (busy !== undefined) return;
    const key = `${q.id}:${action}`;
    let body: unknown;
    if (action === 'report') {
      const report = window.prompt('무엇을 했나요? (report)', typed.current[key] ?? '') ?? undefined;
      if (report === undefined) return;
      typed.current[key] = report;
      if (report.length > 4000) { toast('보고는 4000자까지 (at most 4000 characters).', 'error'); return; }
      body = report.trim() ? { report: report.trim() } : {};
    } else if (action === 'send-back') {
      const reason = window.prompt('반려 사유 (reason)', typed.current[key] ?? '');
      if (reason === null) return;
      typed.current[key] = reason;
      if (!reason.trim()) { toast('반려에는 사유가 필요합니다 (a reason is needed).', 'error'); return; }
      if (reason.length > 1000) { toast('사유는 1000자까지 (at most 1000 characters).', 'error'); return; }
      body = { reason: reason.trim() };
    } else if (action === 'approval') {
      body = {};
    } else if ((action === 'cancellation' || action === 'give-up') && !window.confirm(action === 'cancellation'
      ? `퀘스트 "${q.title}"을(를) 취소할까요? 되돌릴 수 없습니다 (call it off for good?)`
      : `퀘스트 "${q.title}"을(를) 포기할까요? (give it up?)`)) {
      return;
    }
    setBusy(q.id);
    try {
      await api('POST', `/api/quests/${q.id}/${action}`, body);
      delete typed.current[key];
      toast(`${ACTION_LABEL[action]}: ${q.title}`);
      reload();
    } catch (e) {
      toast(message(e), 'error');
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section>
      <h2>퀘스트 <small>quests</small></h2>
      <div className="tabs">
        <select value={status} onChange={(e) => setStatus(e.target.value as QuestStatus | '')} aria-label="quest status">
          <option value="">전체</option>
          {(Object.keys(QUEST_LABEL) as QuestStatus[]).map((s) => <option key={s} value={s}>{QUEST_LABEL[s]}</option>)}
        </select>
        <label className="inline"><input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> 내 퀘스트만</label>
      </div>
      {isManager && <PostQuest onDone={reload} />}
      {error && <p className="error">{error}</p>}
      <ul className="cards">
        {data?.items.map((q) => (
          <li key={q.id} className="card" data-testid="quest">
            <div className="row">
              <span className="title">{q.title}</span>
              <span className={`status ${q.status}`}>{QUEST_LABEL[q.status]}</span>
              <span className="muted">보상 {days(q.rewardDays)}{q.rewardPaidDays !== undefined && q.rewardPaidDays < q.rewardDays
                && ` (연간 한도로 ${days(q.rewardPaidDays)} 지급)`} · {q.poster.name}{q.posterLeft && ' (퇴사)'}{q.assignee && ` → ${q.assignee.name}`}
                {q.dueDate && ` · 기한 ${q.dueDate}`} · {dateTime(q.updatedAt)}</span>
            </div>
            {q.description && <p>{q.description}</p>}
            {q.report && <p><small>보고:</small> {q.report}</p>}
            {q.reviewNote && <p><small>검토:</small> {q.reviewNote}</p>}
            <div className="actions">
              {questActions(q, { id: me.id, manager: isManager, admin: isAdmin }).map((a) => (
                <button key={a} className={a === 'cancellation' || a === 'give-up' ? 'danger' : ''} disabled={busy === q.id}
                  onClick={() => act(q, a)}>{ACTION_LABEL[a]}</button>
              ))}
            </div>
          </li>
        ))}
      </ul>
      {data && data.items.length === 0 && <p className="empty">퀘스트가 없습니다.</p>}
    </section>
  );
}

function PostQuest({ onDone }: { onDone: () => void }) {
  const { toast } = useApp();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [reward, setReward] = useState('1');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const post = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await api('POST', '/api/quests', { title: title.trim(), rewardDays: Number(reward),
        ...(description.trim() ? { description: description.trim() } : {}), ...(due ? { dueDate: due } : {}) });
      toast('퀘스트를 올렸습니다 (posted).');
      setTitle('');
      setDescription('');
      setError(undefined);
      onDone();
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form" onSubmit={post}>
      <h3>퀘스트 올리기</h3>
      <input placeholder="제목 (title)" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} aria-label="quest title" />
      <textarea placeholder="설명 (description)" maxLength={4000} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} aria-label="quest description" />
      <label>보상 (일) <input type="number" min="0.5" max="5" step="0.5" value={reward} onChange={(e) => setReward(e.target.value)} aria-label="reward days" /></label>
      <label>기한 <input type="date" value={due} onChange={(e) => setDue(e.target.value)} aria-label="due date" /></label>
      <button type="submit" disabled={busy}>올리기</button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
