import { useEffect, useRef, useState } from 'react';
import { useApp } from '../App';
import { api, download, idempotencyKey, query } from '../api';
import { message, useLoad } from '../hooks';
import { changeableSteps, companyToday, dateTime, days, departmentReceipt, deputyFor, EXPENSE_CATEGORY_LABEL, fileSize, linePeople, pendingPeople, HISTORY_LABEL, LEAVE_KIND_LABEL, lineRuleText, lineSignature, mayCancelLeave, pendingReceipt, positionLabel, STATUS_LABEL, STEP_LABEL, TYPE_LABEL, won } from '../format';
import type { ApprovalDocument, Delegations, Employee, InboxPage } from '../types';
import { DecisionForm } from './DecisionForm';
import { LineChangeForm } from './LineChangeForm';
import { SuccessorPicker } from './SuccessorPicker';

/** How long the page follows its record by itself after a submission or an action of the caller's. */
const FOLLOW_FOR_MS = 10 * 60 * 1000;

/** One document: its line, cc, history, and what the caller may do with it now. */
export function DocumentView({ id }: { id: string }) {
  const { me, tick, toast, isAdmin } = useApp();
  const { data: doc, error, reload } = useLoad(() => api<ApprovalDocument>('GET', `/api/approvals/${encodeURIComponent(id)}`), [id], tick);
  // the approvers the caller decides for today (대결)
  const delegations = useLoad(() => api<Delegations>('GET', '/api/delegations'), []);
  const running = doc?.status === 'SUBMITTED' || doc?.status === 'IN_PROGRESS';
  const pendingStep = doc?.line.find((s) => s.status === 'PENDING');
  const myTurn = !!pendingStep && pendingPeople(pendingStep).some((p) => p.id === me.id);
  // while a 결재 step waits for the caller: their own inbox item for it, which says whether they may approve it with
  // final authority (전결) now, as processing judges it (their position, the line, what follows), not judged here
  // again; read again when the record moves (a notification's tick reloads the record first)
  const offersFinal = running && myTurn && !pendingStep?.agreements;
  const myItems = useLoad(() => (offersFinal
    ? api<InboxPage>('GET', `/api/inbox${query({ approvalId: id })}`)
    : Promise.resolve(undefined)), [id, offersFinal, doc?.updatedAt ?? null, doc?.currentStep ?? null]);
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<string>();
  const [commentText, setCommentText] = useState('');
  const [commenting, setCommenting] = useState(false);
  const commentKey = useRef(idempotencyKey());
  // 첨부파일 being fetched: their buttons wait meanwhile
  const [fetching, setFetching] = useState<string[]>([]);
  // done here, not yet in the record (it follows through Kafka a moment later): not offered again meanwhile
  const [acted, setActed] = useState(false);
  // an action on its way (회수, 독촉, 결재 취소, 접수): its button does not send it twice
  const [sending, setSending] = useState(false);
  const sendOnce = async (action: () => Promise<void>) => {
    if (sending) return;
    setSending(true);
    setActionError(undefined);
    try {
      await action();
    } catch (e) {
      setActionError(message(e));
    } finally {
      setSending(false);
    }
  };
  const settle = () => setActed(true);
  // once the record shows the change (or any other), what the caller may do is read from it again
  useEffect(() => setActed(false), [doc?.updatedAt, doc?.currentStep]);
  // The record follows an action, and a submission its first step's activation, through Kafka a moment later, or
  // much later while the broker or a service is away (nobody is told of their own change, so no notification
  // reloads it): read again, less and less often, until it moves.
  // Not for ever: a hidden tab does not ask, and after FOLLOW_FOR_MS the page stops (an action's forms come back: the
  // server judges them) and offers to read it again by hand.
  const following = !!doc && (acted || doc.status === 'SUBMITTED');
  const [gaveUp, setGaveUp] = useState(false);
  // the record moved on since: nothing to offer
  useEffect(() => setGaveUp(false), [doc?.updatedAt]);
  useEffect(() => {
    if (!following) return;
    setGaveUp(false);
    const until = Date.now() + FOLLOW_FOR_MS;
    let pause = 500;
    let timer = window.setTimeout(function again() {
      if (Date.now() > until) {
        setActed(false);
        setGaveUp(true);
        return;
      }
      if (!document.hidden) reload();
      pause = Math.min(pause * 2, 15_000);
      timer = window.setTimeout(again, pause);
    }, pause);
    return () => window.clearTimeout(timer);
  }, [following, doc?.updatedAt, reload]);
  // a refusal said about the document as it was (e.g. 독촉 too soon) goes once it moved on or ended
  useEffect(() => setActionError(undefined), [doc?.status, doc?.currentStep]);
  // whoever must decide now, if they have left (퇴사), is not among the active employees: the page says so
  const waitingOn = doc && (doc.status === 'SUBMITTED' || doc.status === 'IN_PROGRESS')
    ? pendingPeople(doc.line.find((s) => s.status === 'PENDING') ?? {}) : [];
  const waitingIds = waitingOn.map((p) => p.id).join(',');
  const stillHere = useLoad(() => (waitingIds ? api<Employee[]>('GET', `/api/employees?ids=${waitingIds}`)
    : Promise.resolve([] as Employee[])), [waitingIds]);
  const left = stillHere.data ? waitingOn.filter((p) => !stillHere.data!.some((e) => e.id === p.id)) : [];
  // 결재선 변경: the drafter may change the steps nobody has decided yet (people, steps added or removed), while the
  // document is in progress
  const changeable = doc && doc.drafter.id === me.id && doc.status === 'IN_PROGRESS' ? changeableSteps(doc.line) : [];
  // the active employees, once someone needs to choose among them: an administrator naming a successor for those who
  // left, or the drafter changing the line
  const choosing = (isAdmin && left.length > 0) || changeable.length > 0;
  const active = useLoad(() => (choosing ? api<Employee[]>('GET', '/api/employees') : Promise.resolve(undefined)), [choosing]);

  if (error && !doc) return <p className="error">{error}</p>;
  if (!doc) return <p className="muted">불러오는 중…</p>;

  const mine = doc.drafter.id === me.id;
  const standInFor = (id: number) => doc.standIns?.find((x) => x.approver.id === id)?.deputy;
  const agreementStep = !!pendingStep?.agreements;
  const forWhom = deputyFor(doc, me.id, delegations.data?.actingFor ?? []);
  const canResubmit = mine && (doc.status === 'REJECTED' || doc.status === 'WITHDRAWN') && !doc.resubmittedAs;
  // 복사 기안: the drafter starts a new document from this one, in any status (not linked to it, without its files)
  const canCopy = mine;

  // 결재 취소: who approved the step before the active one, while nobody has decided the active one (or held it)
  const previous = pendingStep ? doc.line.find((s) => s.step === pendingStep.step - 1) : undefined;
  const mayRetract = running && !!previous && !previous.agreements && previous.status === 'APPROVED'
    && (previous.deputy ?? previous.approver)?.id === me.id
    && !(pendingStep?.agreements ?? []).some((a) => a.status !== 'PENDING') && !pendingStep?.hold;
  const retract = () => sendOnce(async () => {
    await api('POST', `/api/approvals/${encodeURIComponent(id)}/retraction`, reason.trim() ? { reason: reason.trim() } : {});
    toast('결재를 취소했습니다 (approval taken back): 다시 결재할 수 있습니다.');
    setReason('');
    settle();
  });

  // 의견: whoever reads the document may comment on it, in any status
  const addComment = async () => {
    if (!commentText.trim()) return;
    setCommenting(true);
    setActionError(undefined);
    try {
      // pressed again after a lost answer: the comment kept then, not a second one
      await api('POST', `/api/approvals/${encodeURIComponent(id)}/comments`, { text: commentText.trim() },
        { 'Idempotency-Key': commentKey.current });
      commentKey.current = idempotencyKey();
      setCommentText('');
      reload();
    } catch (e) {
      setActionError(message(e));
    } finally {
      setCommenting(false);
    }
  };

  // 접수: the caller's own as a receiver (수신) first, else for their department (수신처), once for all of it
  const receipt = pendingReceipt(doc, me);
  const receive = () => sendOnce(async () => {
    await api('POST', `/api/approvals/${encodeURIComponent(id)}/receipt`);
    toast(receipt?.kind === 'department' ? `${receipt.department.name} 수신처로 접수했습니다 (received for the department).`
      : '접수했습니다 (received).');
    reload();
  });

  // 독촉: the drafter asks whoever must decide now (at most once an hour; the server says when again)
  const remind = () => sendOnce(async () => {
    const r = await api<{ reminded: { name: string }[] }>('POST', `/api/approvals/${encodeURIComponent(id)}/reminder`);
    toast(`독촉했습니다 (reminded): ${r.reminded.map((p) => p.name).join(', ')}`);
  });

  // 첨부파일: fetched with the token and saved under its name; a refusal (403, 404) said in words
  const fetchAttachment = async (a: { id: string; name: string }) => {
    setFetching((ids) => [...ids, a.id]);
    try {
      await download(`/api/approvals/${encodeURIComponent(id)}/attachments/${encodeURIComponent(a.id)}`, a.name);
    } catch (e) {
      toast(`${a.name}: ${message(e)}`, 'error');
    } finally {
      setFetching((ids) => ids.filter((x) => x !== a.id));
    }
  };

  // 휴가 취소: an approved leave, by its drafter before it begins (an administrator at any time); asked once more
  const cancellable = mayCancelLeave(doc, me.id, isAdmin, companyToday());
  const cancelLeave = () => {
    if (!window.confirm('휴가를 취소하면 그 일수가 돌아오고, 결재한 사람들에게 알립니다. 취소할까요? (cancel this leave?)')) return;
    return sendOnce(async () => {
      await api('POST', `/api/approvals/${encodeURIComponent(id)}/leave-cancellation`, reason.trim() ? { reason: reason.trim() } : {});
      toast('휴가를 취소했습니다 (leave cancelled): 일수가 곧 돌아옵니다.');
      setReason('');
      reload();
    });
  };

  // 회수 cannot be undone (only resubmitted, 재기안): asked once more
  const withdraw = () => {
    if (!window.confirm('회수하면 이 문서의 결재가 끝납니다. 다시 올리려면 재기안해야 합니다. 회수할까요? (withdraw?)')) return;
    return sendOnce(async () => {
      await api('POST', `/api/approvals/${encodeURIComponent(id)}/withdrawal`, reason.trim() ? { reason: reason.trim() } : {});
      toast('회수했습니다 (withdrawn).');
      setReason('');
      settle();
    });
  };

  return (
    <section className="doc">
      {error && <p className="warn" role="alert" data-testid="refresh-failed">새로 고치지 못했습니다: 아래는 마지막으로 불러온
        문서입니다 (could not refresh; this is the document as last read): {error}</p>}
      {/* 결재란, as a printed document carries it: who decided each step, how and when (on paper only) */}
      <table className="stamps print-only" data-testid="stamps">
        <tbody>
          <tr><th>기안</th>{doc.line.map((s) => <th key={s.step}>{s.agreements ? '합의' : positionLabel(s.approver?.position)}</th>)}</tr>
          <tr>
            <td>{doc.drafter.name}</td>
            {doc.line.map((s) => (
              <td key={s.step}>
                {s.approver ? s.approver.name : (s.agreements ?? []).map((a) => a.agreer.name).join(', ')}
                <br /><small>{s.hold ? '보류' : STEP_LABEL[s.status]}{s.deputy ? ` (대결 ${s.deputy.name})` : ''}</small>
              </td>
            ))}
          </tr>
          <tr>
            <td><small>{dateTime(doc.submittedAt)}</small></td>
            {doc.line.map((s) => <td key={s.step}><small>{s.decidedAt ? dateTime(s.decidedAt) : ''}</small></td>)}
          </tr>
        </tbody>
      </table>
      <h2>
        <span className={`status ${doc.status}`} data-testid="doc-status">{STATUS_LABEL[doc.status]}</span> {doc.title}
        {following && <small className="muted" data-testid="following" role="status"> 처리 중… (updating)</small>}
        {/* stopped following (an action's forms are back by then): reading it again is the reader's */}
        {gaveUp && <small> <button type="button" className="link" onClick={reload}>새로 고침 (reload)</button></small>}
        <button type="button" className="link no-print" onClick={() => window.print()}>인쇄 (print)</button>
      </h2>
      <dl className="meta">
        <dt>문서번호</dt><dd>{doc.number ?? '—'}</dd>
        <dt>종류</dt><dd>{TYPE_LABEL[doc.type] ?? doc.type}</dd>
        <dt>기안자</dt><dd>{doc.drafter.name} <small>{doc.drafter.department}</small></dd>
        <dt>상신</dt><dd>{dateTime(doc.submittedAt)}</dd>
        {doc.completedAt && <><dt>완료</dt><dd>{dateTime(doc.completedAt)}</dd></>}
        {doc.leave && <><dt>휴가</dt><dd data-testid="doc-leave">{LEAVE_KIND_LABEL[doc.leave.kind]} {doc.leave.startDate}
          {doc.leave.endDate !== doc.leave.startDate && ` ~ ${doc.leave.endDate}`} ({days(doc.leave.days)})</dd></>}
        {doc.expense && <><dt>지출</dt><dd data-testid="doc-expense">{won(doc.expense.amount)} · {EXPENSE_CATEGORY_LABEL[doc.expense.category] ?? doc.expense.category} · {doc.expense.spentOn}</dd></>}
        {doc.trip && <><dt>출장</dt><dd data-testid="doc-trip">{doc.trip.destination} · {doc.trip.startDate}
          {doc.trip.endDate !== doc.trip.startDate && ` ~ ${doc.trip.endDate}`}{doc.trip.purpose && ` · ${doc.trip.purpose}`}</dd></>}
        {doc.lineRule && <><dt>위임전결</dt><dd data-testid="doc-line-rule">{lineRuleText(doc.lineRule)}</dd></>}
        {doc.cc.length > 0 && <><dt>참조</dt><dd>{doc.cc.map((p) => p.name).join(', ')}</dd></>}
        {(doc.escalatedTo ?? []).length > 0 && <><dt>상위자 통보</dt>
          <dd data-testid="escalated-to" title="a step waited too long; these superiors were told and may read it">
            {(doc.escalatedTo ?? []).map((p) => p.name).join(', ')}</dd></>}
        {doc.receivers && doc.receivers.length > 0 && <><dt>수신</dt><dd data-testid="receivers">{doc.receivers.map((r) => (
          <span key={r.receiver.id} className="receiver">{r.receiver.name}
            <small>{r.receivedAt ? ` 접수 ${dateTime(r.receivedAt)}` : doc.status === 'APPROVED' ? ' 미접수' : ''}</small></span>
        ))}</dd></>}
        {(doc.receivingDepartments?.length ?? 0) > 0 && <><dt>수신처</dt><dd data-testid="receiving-departments">
          {doc.receivingDepartments!.map((d) => (
            <span key={d.department.id} className="receiver" data-testid="receiving-department"
              title={d.head ? `부서장 (head) ${d.head.name}` : undefined}>{d.department.name}
              <small>{departmentReceipt(d, doc.status === 'APPROVED') && ` ${departmentReceipt(d, doc.status === 'APPROVED')}`}</small></span>
          ))}</dd></>}
        {doc.resubmissionOf && <><dt>재기안 원문</dt><dd><a href={`#/docs/${doc.resubmissionOf}`}>이전 문서</a></dd></>}
        {doc.resubmittedAs && <><dt>재기안</dt><dd><a href={`#/docs/${doc.resubmittedAs}`}>새 문서</a></dd></>}
        {doc.readBy && <><dt>열람</dt><dd data-testid="read-by">{doc.readBy.map((r) => (
          <span key={r.reader.id} title={dateTime(r.at)}>{r.reader.name} <small>{dateTime(r.at)}</small> </span>))}</dd></>}
      </dl>
      {doc.body && <pre className="body">{doc.body}</pre>}
      {(doc.attachments?.length ?? 0) > 0 && (
        <>
          <h3>첨부파일 <small>attachments</small></h3>
          <ul className="attachments" data-testid="doc-attachments">
            {doc.attachments!.map((a) => (
              <li key={a.id} data-testid="doc-attachment">{a.name} <small>{fileSize(a.size)}</small>
                <button type="button" className="link" aria-label={`내려받기 ${a.name}`} disabled={fetching.includes(a.id)}
                  onClick={() => fetchAttachment(a)}>내려받기</button>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>결재선</h3>
      <ol className="line">
        {doc.line.map((s) => (
          <li key={s.step} className={s.status} data-testid="line-step">
            {s.approver ? <><strong>{s.approver.name}</strong> <small>{positionLabel(s.approver.position)}</small></>
              : <strong className="agreement">합의</strong>}
            <span className={`step ${s.status}`}>{STEP_LABEL[s.status]}</span>
            {s.agreements && (
              <ul className="agreements">
                {s.agreements.map((a) => (
                  <li key={a.agreer.id} className={a.status} data-testid="agreement-part">
                    {a.agreer.name} <small>{a.agreer.department}</small>
                    <span className={`step ${a.status}`}>{a.status === 'APPROVED' ? '동의' : a.status === 'REJECTED' ? '반대' : STEP_LABEL[a.status]}</span>
                    {a.deputy && <small className="tag"> 대결 · {a.deputy.name}</small>}
                    {a.status === 'PENDING' && standInFor(a.agreer.id) && (
                      <small className="tag" data-testid="stand-in"> 대신 결정 가능 · {standInFor(a.agreer.id)!.name}</small>
                    )}
                    {a.decidedAt && <small> {dateTime(a.decidedAt)}</small>}
                    {a.comment && <q>{a.comment}</q>}
                  </li>
                ))}
              </ul>
            )}
            {s.deputy && <small className="tag" data-testid="step-deputy"> 대결 · {s.deputy.name}</small>}
            {s.status === 'PENDING' && s.approver && standInFor(s.approver.id) && (
              <small className="tag" data-testid="stand-in"> 대신 결정 가능 · {standInFor(s.approver.id)!.name}</small>
            )}
            {s.decidedAt && <small> {dateTime(s.decidedAt)}</small>}
            {s.comment && <q>{s.comment}</q>}
            {s.hold && (
              <span className="tag" data-testid="step-hold">
                보류 · {s.hold.by.name} {dateTime(s.hold.at)} <q>{s.hold.reason}</q>
              </span>
            )}
          </li>
        ))}
      </ol>

      {stillHere.error && (
        // not knowing whether whoever it waits on has left: said, rather than no warning at all
        <p className="error">결재자의 재직 여부를 확인하지 못했습니다 (could not check whether the approvers still work here): {stillHere.error}</p>
      )}
      {left.length > 0 && (
        <div className="warn" data-testid="approver-left">
          {left.filter((p) => standInFor(p.id)).map((p) => (
            <p key={p.id} data-testid="successor">
              {p.name}님이 퇴사했습니다: 인수자 <strong>{standInFor(p.id)!.name}</strong>님이 대신 결정합니다 (has left; their
              successor decides in their place).
            </p>
          ))}
          {left.some((p) => !standInFor(p.id)) && (
            <p>
              결재자가 퇴사했습니다 (has left): {left.filter((p) => !standInFor(p.id)).map((p) => p.name).join(', ')}. 관리자가
              인수자를 지정하면 인수자가 대신 결정합니다; 아니면 기안자가 결재선 변경으로 다른 결재자를 지정하세요 (an
              administrator names a successor who decides in their place, or the drafter puts someone else on the step:
              결재선 변경).
            </p>
          )}
          {isAdmin && running && left.filter((p) => !standInFor(p.id)).map((p) => (
            <p key={p.id}>
              {/* the page shows the successor once approval-request has it, through Kafka, a moment later */}
              <SuccessorPicker leaver={p} people={active.data} named={() => [1000, 3000, 6000].forEach((ms) => window.setTimeout(reload, ms))}
                exclude={[doc.drafter.id, ...linePeople(doc.line).map((x) => x.id)]} />
              <small> 기안자·결재선의 사람은 대신 결정할 수 없어 빠져 있습니다 (not the drafter or anyone on the line).</small>
            </p>
          ))}
        </div>
      )}
      {myTurn && running && !acted && (
        <div className="card"><h3>{agreementStep ? '합의' : '결재'}</h3><DecisionForm approvalId={doc.id} onDone={settle}
          agreement={agreementStep} returnAllowed={(doc.currentStep ?? 0) > 1} held={!!pendingStep?.hold}
          finalAllowed={myItems.data?.items.some((i) => !i.onBehalfOf && i.finalAuthority === true) ?? false} />
          {myItems.error && <p className="hint" data-testid="final-unknown">전결 가능 여부를 확인하지 못했습니다 (could not
            tell whether 전결 is yours): {myItems.error}</p>}</div>
      )}
      {forWhom && running && !acted && (
        <div className="card"><h3>대결 <small>{forWhom.name} 대신 (for {forWhom.name})</small></h3>
          <DecisionForm approvalId={doc.id} onDone={settle} agreement={agreementStep} onBehalfOf={forWhom.id}
            returnAllowed={(doc.currentStep ?? 0) > 1} held={!!pendingStep?.hold} /></div>
      )}
      {mine && running && !acted && (
        <div className="card">
          <h3>회수 (withdraw) · 독촉 (remind)</h3>
          <div className="decide">
            <input placeholder="사유 (reason, optional)" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} aria-label="reason" />
            <button className="danger" onClick={withdraw} disabled={sending}>회수</button>
          </div>
          {pendingStep && <p><button onClick={remind} disabled={sending}>독촉 (remind {pendingPeople(pendingStep).map((p) => p.name).join(', ')})</button></p>}
        </div>
      )}
      {changeable.length > 0 && !acted && (
        <div className="card" data-testid="line-change">
          <h3>결재선 변경 <small>change the approval line from the active step on: other people, steps added, removed or moved</small></h3>
          {active.error && <p className="error">{active.error}</p>}
          {/* the page shows the new line once approval-request has it, through Kafka, a moment later; the form starts
              again from the line whenever the record shows it otherwise (someone decided, say) */}
          <LineChangeForm key={lineSignature(doc.line)} approvalId={doc.id} line={doc.line} people={active.data} onDone={settle}
            exclude={[doc.drafter.id, ...doc.cc.map((p) => p.id), ...(doc.receivers ?? []).map((r) => r.receiver.id),
              // who decided a step for someone (대결, 인수) cannot be on the line too
              ...doc.line.flatMap((s) => [s.deputy?.id, ...(s.agreements ?? []).map((a) => a.deputy?.id)])]} />
        </div>
      )}
      {mayRetract && !acted && (
        <div className="card" data-testid="retract">
          <h3>결재 취소 <small>take back my approval of step {previous!.step}, before {pendingPeople(pendingStep!).map((p) => p.name).join(', ')} decides</small></h3>
          <div className="decide">
            <input placeholder="사유 (reason, optional)" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} aria-label="retraction reason" />
            <button className="danger" onClick={retract} disabled={sending}>결재 취소</button>
          </div>
        </div>
      )}
      {cancellable && (
        <div className="card" data-testid="cancel-leave">
          <h3>휴가 취소 <small>cancel this approved leave: its {days(doc.leave!.days)} come back, the approvers are told</small></h3>
          <div className="decide">
            <input placeholder="사유 (reason, optional)" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} aria-label="cancellation reason" />
            <button className="danger" onClick={cancelLeave} disabled={sending}>휴가 취소</button>
          </div>
        </div>
      )}
      {receipt && <p data-testid="receipt"><button onClick={receive} disabled={sending}>접수 (acknowledge receipt)</button>
        {receipt.kind === 'department' && <small> {receipt.department.name} 수신처로, 부서 전체를 대신해 한 번 (for the whole
          department, once)</small>}</p>}
      {(canResubmit || canCopy) && (
        <p className="no-print">
          {canResubmit && <a className="button" href={`#/draft?from=${doc.id}`}>재기안 (resubmit)</a>}{' '}
          {canCopy && <a className="button" href={`#/draft?copy=${encodeURIComponent(doc.id)}`} data-testid="copy-draft">복사하여 기안 (copy as a new document)</a>}
        </p>
      )}
      {actionError && <p className="error" role="alert">{actionError}</p>}
      {delegations.error && <p className="error">대결 정보를 불러오지 못했습니다: 대신 결정할 수 있는지 알 수 없습니다 (delegations cannot be read): {delegations.error}</p>}

      <h3>의견 <small>comments</small></h3>
      <ul className="comments" data-testid="comments">
        {(doc.comments ?? []).map((c) => (
          <li key={c.id} data-testid="comment"><strong>{c.author.name}</strong> <small>{dateTime(c.at)}</small><p>{c.text}</p></li>
        ))}
      </ul>
      <div className="decide">
        <input placeholder="의견을 남기세요 (a comment, told to the people concerned)" value={commentText} maxLength={2000}
          onChange={(e) => setCommentText(e.target.value)} aria-label="new comment" />
        <button disabled={commenting || !commentText.trim()} onClick={addComment}>의견 등록</button>
      </div>

      <h3>이력</h3>
      <ul className="history">
        {doc.history.map((h) => (
          <li key={h.eventId}>
            <small>{dateTime(h.at)}</small> <strong>{HISTORY_LABEL[h.type] ?? h.type}</strong>
            {h.actor && ` · ${h.actor.name}`}{h.onBehalfOf && ` (대결: ${h.onBehalfOf.name} 대신)`}{h.comment && <q>{h.comment}</q>}
          </li>
        ))}
      </ul>
    </section>
  );
}
