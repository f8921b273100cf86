import { useEffect, useRef, useState } from 'react';
import { useApp } from '../App';
import { api, query } from '../api';
import { message } from '../hooks';
import { dateTime, documentFilters, documentsQuery, STATUS_LABEL, TYPE_LABEL, type DocumentFilters } from '../format';
import { go, goInstead, parseRoute, useRoute } from '../router';
import type { ApprovalList, ApprovalStatus, ApprovalSummary } from '../types';

const BOXES: Record<string, string> = {
  drafted: '기안한 문서', approver: '결재할/한 문서', cc: '참조 문서', received: '수신 문서', escalated: '상위자 통보 문서',
};
/** 부서 문서함: every document drafted in the department, for its head. */
const HEAD_BOXES: Record<string, string> = { department: '부서 문서함' };
/** 전사 문서함: every document, for administrators. */
const ADMIN_BOXES: Record<string, string> = { all: '전사 문서함' };
/** What a box holds, where it needs saying. */
const BOX_HINT: Record<string, string> = {
  received: '승인된 문서 중 나에게 보낸 문서(수신)와 내 부서에 보낸 문서(수신처)입니다 (approved documents sent to me, or to my department).',
  escalated: '결재가 오래 기다려 상위자인 나에게 통보된 문서입니다 (documents escalated to me as the superior of whoever they wait on).',
  department: '내가 부서장인 부서에서 기안한 모든 문서입니다 (every document drafted in the department I head).',
  all: '모든 사람의 모든 문서입니다, 관리자만 봅니다 (every document, for administrators).',
};

const PAGE = 20;

/** 문서함: the caller's documents by box and status (and form, days, words), newest first, a page at a time. */
export function Documents({ box, status }: { box: string; status: string }) {
  const { tick, isAdmin, headsDepartment } = useApp();
  const [items, setItems] = useState<ApprovalSummary[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<string>();
  // the filters live in the hash's query, as box and status do: Back from a document finds them again. The search
  // text as last asked for (Enter or 검색), the form, the days of submission and 보류, asked for as soon as chosen
  const filters = documentFilters(useRoute().params);
  const { q: search, type, from, to, held } = filters;
  // what the fields show: a choice at once (a field set only once the hash has changed loses its place: a date typed
  // digit by digit), and the search text as typed (a page is not asked for at every keystroke)
  const [fields, setFields] = useState(filters);
  const [typed, setTyped] = useState(search);
  // other filters in the hash (Back, a link, a choice just made): the fields show them
  const [seen, setSeen] = useState(filters);
  if (documentsQuery('', '', seen) !== documentsQuery('', '', filters)) {
    setSeen(filters);
    setFields(filters);
    if (seen.q !== search) setTyped(search);
  }
  const latest = useRef(0);
  const shown = useRef(0);
  shown.current = items.length;

  // refresh: the first page again, keeping the pages loaded after it (더 보기) and where the reader is
  const load = async (after?: string, refresh = false) => {
    const request = ++latest.current;
    try {
      const page = await api<ApprovalList>('GET', `/api/approvals${query({ box, status, q: search || undefined,
        type: type || undefined, from: from || undefined, to: to || undefined, held: held || undefined, limit: PAGE,
        cursor: after })}`);
      if (request !== latest.current) return; // the box or a filter changed meanwhile
      // more than the first page is on screen: it stays, and so does the cursor past it
      const keep = !after && refresh && shown.current > PAGE;
      setItems((old) => {
        if (after) return [...old, ...page.items];
        if (!keep) return page.items;
        // every other one loaded stays (documents new since push some of the old first page past it)
        const fresh = new Set(page.items.map((i) => i.id));
        return [...page.items, ...old.filter((i) => !fresh.has(i.id))];
      });
      if (!keep) setCursor(page.nextCursor);
      setError(undefined);
    } catch (e) {
      if (request === latest.current) setError(message(e));
    }
  };
  useEffect(() => { void load(); }, [box, status, search, type, from, to, held]); // eslint-disable-line react-hooks/exhaustive-deps
  // something happened (a live notification): the newest documents again, the rest as loaded
  // (not on opening the page: the effect above loads it then)
  const seenTick = useRef(tick);
  useEffect(() => {
    if (tick === seenTick.current) return;
    seenTick.current = tick;
    void load(undefined, true);
  }, [tick]); // eslint-disable-line react-hooks/exhaustive-deps
  const filtered = search || type || from || to || held;

  // from the hash as it is, not as last rendered: a change just made (the search cleared) may not be rendered yet
  const current = () => parseRoute(window.location.hash).params;
  // another box or status is another page (Back returns to this one), with the same filters
  const open = (b: string, s: string) => go(`docs${documentsQuery(b, s, documentFilters(current()))}`);
  // a filter changed: this page in place of the current entry
  const filter = (change: Partial<DocumentFilters>) => {
    setFields((old) => ({ ...old, ...change }));
    const now = current();
    goInstead(`docs${documentsQuery(now.get('box') ?? '', now.get('status') ?? '', { ...documentFilters(now), ...change })}`);
  };
  return (
    <section>
      <h2>문서함</h2>
      <div className="tabs">
        {Object.entries({ ...BOXES, ...(headsDepartment ? HEAD_BOXES : {}), ...(isAdmin ? ADMIN_BOXES : {}) })
          .map(([b, label]) => (
          <button key={b} className={b === box ? 'active' : ''} title={BOX_HINT[b]} onClick={() => open(b, status)}>{label}</button>
        ))}
        <select value={status} onChange={(e) => open(box, e.target.value)} aria-label="status">
          <option value="">전체 상태</option>
          {(Object.keys(STATUS_LABEL) as ApprovalStatus[]).map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
        </select>
        <form className="search" onSubmit={(e) => { e.preventDefault(); filter({ q: typed.trim() }); }}>
          <input type="search" placeholder="제목·문서번호 검색 (search title or number)" value={typed} maxLength={100}
            onChange={(e) => { setTyped(e.target.value); if (!e.target.value) filter({ q: '' }); }} aria-label="search" />
          <button type="submit">검색</button>
        </form>
      </div>
      <div className="tabs filters">
        <select value={fields.type} onChange={(e) => filter({ type: e.target.value })} aria-label="type">
          <option value="">전체 종류</option>
          {Object.entries(TYPE_LABEL).map(([t, label]) => <option key={t} value={t}>{label}</option>)}
        </select>
        <label>상신일 <input type="date" value={fields.from} max={fields.to || undefined} onChange={(e) => filter({ from: e.target.value })} aria-label="from" /></label>
        <label>~ <input type="date" value={fields.to} min={fields.from || undefined} onChange={(e) => filter({ to: e.target.value })} aria-label="to" /></label>
        <label><input type="checkbox" checked={fields.held} onChange={(e) => filter({ held: e.target.checked })} aria-label="held" /> 보류 중</label>
        {(fields.type || fields.from || fields.to || fields.held) && <button type="button" onClick={() => filter({ type: '', from: '', to: '', held: false })}>필터 해제</button>}
      </div>
      {BOX_HINT[box] && <p className="hint" data-testid="box-hint">{BOX_HINT[box]}</p>}
      {error && <p className="error">{error}</p>}
      <table>
        <thead><tr><th>문서번호</th><th>종류</th><th>제목</th><th>기안자</th><th>상태</th><th>상신</th></tr></thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} data-testid="doc-row">
              <td>{d.number ?? '—'}</td>
              <td>{TYPE_LABEL[d.type] ?? d.type}</td>
              <td><a href={`#/docs/${d.id}`}>{d.title}</a></td>
              <td data-testid="doc-drafter">{d.drafter?.name ?? '—'}</td>
              <td><span className={`status ${d.status}`}>{STATUS_LABEL[d.status]}</span>
                {d.heldAt && <span className="tag" data-testid="doc-held" title={`보류 중 (on hold since ${dateTime(d.heldAt)})`}> 보류</span>}</td>
              <td>{dateTime(d.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length === 0 && !error && <p className="empty">{search && !(type || from || to) ? `'${search}'에 맞는 문서가 없습니다.`
        : filtered ? '조건에 맞는 문서가 없습니다 (nothing matches).' : '문서가 없습니다.'}</p>}
      {cursor && <button onClick={() => load(cursor)}>더 보기 (more)</button>}
    </section>
  );
}
