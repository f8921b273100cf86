import { useEffect, useRef, useState, type FormEvent } from 'react';
import { AddSelect } from '../AddSelect';
import { useApp } from '../App';
import { api, idempotencyKey, loadSession } from '../api';
import { message, useLoad } from '../hooks';
import { attachmentRefusal, dataUrlBase64, dateTime, days, documentForm, type DraftForm, EXPENSE_CATEGORY_LABEL, fileSize, leavePreview,
  LEAVE_KIND_LABEL, lineAuthorities, linePreviewQuery, lineRulesText, lineRuleText, MAX_ATTACHMENTS, MAX_RECEIVING_DEPARTMENTS, tripEndDate } from '../format';
import { go } from '../router';
import { dropUnsent, formSnapshot, keepUnsent, takeUnsent, type Unsent } from '../unsent';
import type { ApprovalDocument, ApprovalLinePreview, Attachment, DaysOff, DepartmentInfo, DepartmentRef, DocumentType, DraftList, Employee, ExpenseCategory, LeaveKind, PersonRef, SavedDraft, SavedLine, SubmissionAccepted } from '../types';

/**
 * 기안: a new document; a resubmission (재기안) of a rejected or withdrawn one (`from`); a new document started from one
 * of the writer's own, in any status (복사 기안, `copy`: the form filled as 재기안 fills it, submitted as a new document
 * that is not linked to the old one, without its files); or one taken up again from the writer's drafts (임시저장,
 * `saved`), which is deleted once the document is submitted.
 */
export function Draft({ from, copy, saved }: { from?: string; copy?: string; saved?: string }) {
  const { me, toast } = useApp();
  const [type, setType] = useState<DocumentType>('GENERAL');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<LeaveKind>('ANNUAL');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [custom, setCustom] = useState(false);
  const [amount, setAmount] = useState('');
  const [category, setCategory] = useState<ExpenseCategory>('MEAL');
  const [spentOn, setSpentOn] = useState('');
  const [destination, setDestination] = useState('');
  const [tripStart, setTripStart] = useState('');
  const [tripEnd, setTripEnd] = useState('');
  const [purpose, setPurpose] = useState('');
  const [approvers, setApprovers] = useState<PersonRef[]>([]);
  const [cc, setCc] = useState<PersonRef[]>([]);
  const [agreers, setAgreers] = useState<PersonRef[]>([]);
  const [receivers, setReceivers] = useState<PersonRef[]>([]);
  // 수신처: whole departments the document is sent to once approved
  const [receivingDepartments, setReceivingDepartments] = useState<DepartmentRef[]>([]);
  // 합의 before the n-th approver; 0: before the last one
  const [agreementAt, setAgreementAt] = useState(0);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // 첨부파일 (a new document only): each chosen file is uploaded at once, one after another; the document names the
  // uploaded ones, in this order, when it is submitted
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState<string[]>([]);
  const [fileError, setFileError] = useState<string>();
  const submissionKey = useRef(idempotencyKey());

  const people = useLoad(() => api<Employee[]>('GET', '/api/employees'), []);
  const departments = useLoad(() => api<DepartmentInfo[]>('GET', '/api/departments'), []);
  // the company's working days and holidays, so that the leave preview counts as the ledger will
  const daysOff = useLoad(() => api<DaysOff>('GET', '/api/leave/days-off'), []);
  // the org chart's line for this form and size, cut by the 위임전결 rules as submitting will cut it; while the next one
  // loads the last one stays shown
  const previewQuery = linePreviewQuery(type, { amount, kind, start, end, tripStart, tripEnd });
  const linePreview = useLoad(() => api<ApprovalLinePreview>('GET', `/api/approval-line?${previewQuery}`), [previewQuery]);
  const lastLine = useRef<ApprovalLinePreview | undefined>(undefined);
  if (linePreview.data) lastLine.current = linePreview.data;
  const defaultLine = { data: linePreview.data ?? lastLine.current, error: linePreview.error };
  // the document 재기안 or 복사 기안 starts from
  const source = from ?? copy;
  const original = useLoad(() => (source ? api<ApprovalDocument>('GET', `/api/approvals/${encodeURIComponent(source)}`)
    : Promise.resolve(undefined)), [source]);
  // 복사 기안 is the drafter's (the document page offers it to nobody else): another's document fills nothing
  const notMine = !!copy && !!original.data && original.data.drafter.id !== me.id;
  // nothing is sent before the form is filled from it
  const filling = !!source && !original.data && !original.error;
  // 임시저장: this form's draft once saved (or taken up), and the writer's drafts
  const [draftId, setDraftId] = useState<string | undefined>(saved);
  const drafts = useLoad(() => (from ? Promise.resolve(undefined) : api<DraftList>('GET', '/api/drafts')), [from, draftId]);
  const savedDraft = useLoad(() => (saved ? api<SavedDraft>('GET', `/api/drafts/${encodeURIComponent(saved)}`)
    : Promise.resolve(undefined)), [saved]);
  // a draft that cannot be loaded (deleted meanwhile, say) is not saved over: saving makes a new one
  useEffect(() => {
    if (savedDraft.error) setDraftId(undefined);
  }, [savedDraft.error]);
  // the form filled at once: from a saved draft, or from the document 재기안 or 복사 기안 starts from
  const fill = (f: Partial<DraftForm>) => {
    if (f.type) setType(f.type);
    setTitle(f.title ?? '');
    setBody(f.body ?? '');
    if (f.kind) setKind(f.kind);
    setStart(f.start ?? '');
    setEnd(f.end ?? '');
    setCustom(!!f.custom);
    setAmount(f.amount ?? '');
    if (f.category) setCategory(f.category);
    setSpentOn(f.spentOn ?? '');
    setDestination(f.destination ?? '');
    setTripStart(f.tripStart ?? '');
    setTripEnd(f.tripEnd ?? '');
    setPurpose(f.purpose ?? '');
    setApprovers(f.approvers ?? []);
    setCc(f.cc ?? []);
    setAgreers(f.agreers ?? []);
    setReceivers(f.receivers ?? []);
    setReceivingDepartments(f.receivingDepartments ?? []);
    setAgreementAt(f.agreementAt ?? 0);
    setFilledAt((n) => n + 1);
  };
  // the form as it stands (임시저장 saves it)
  const form: DraftForm = { type, title, body, kind, start, end, custom, amount, category, spentOn, destination,
    tripStart, tripEnd, purpose, approvers, cc, agreers, receivers, agreementAt, receivingDepartments };
  // kept in this tab when the sign-in ends under it (expired, refused; not a sign-out by choice), and given back on the
  // same person's next new document (not on a resubmission, which belongs to its document)
  const standing = useRef<Unsent | undefined>(undefined);
  standing.current = from ? undefined : { employeeId: me.id, attachments, draftId, form };
  // Whether the form holds what was neither submitted nor saved: it differs from what it showed when it began, was
  // filled (a saved draft, 재기안, 복사 기안) or was saved, or it was given back and not saved since. Leaving the page
  // then (another page of the app, a saved draft's link) keeps it as when the sign-in ends, and it comes back on the
  // next new document; reloading or closing the tab asks first, and a tab that does go keeps it for its reload.
  // Judged when it matters (leaving), from the latest render: not during a render, which may show a fill not yet
  // taken as the baseline.
  const [restored, setRestored] = useState(false);
  const [filledAt, setFilledAt] = useState(0);
  const latest = useRef({ form, attachments });
  latest.current = { form, attachments };
  const baseline = useRef<string | undefined>(undefined);
  // after the render that shows what was filled
  useEffect(() => { baseline.current = formSnapshot(latest.current.form, latest.current.attachments); }, [filledAt]);
  const given = useRef(false);
  given.current = restored;
  // 상신 on its way or done: nothing is kept any more (the document is the server's)
  const sending = useRef(false);
  const unsaved = () => !sending.current
    && (given.current || (baseline.current !== undefined
      && formSnapshot(latest.current.form, latest.current.attachments) !== baseline.current));
  useEffect(() => {
    const asking = (e: BeforeUnloadEvent) => {
      if (!unsaved()) return;
      e.preventDefault();
      e.returnValue = ''; // older browsers ask only with it set
    };
    // the tab does go (reloaded, closed): kept for its reload
    const going = () => {
      if (unsaved() && standing.current) keepUnsent(sessionStorage, standing.current);
    };
    window.addEventListener('beforeunload', asking);
    window.addEventListener('pagehide', going);
    return () => {
      window.removeEventListener('beforeunload', asking);
      window.removeEventListener('pagehide', going);
    };
  }, []);
  const alive = useRef(true);
  useEffect(() => () => {
    alive.current = false;
    if (standing.current && !sending.current && (!loadSession() || unsaved())) {
      keepUnsent(sessionStorage, standing.current);
    }
  }, []);
  useEffect(() => {
    if (source || saved) return;
    const unsent = takeUnsent(sessionStorage, me.id);
    if (!unsent) return;
    fill(unsent.form);
    setAttachments(unsent.attachments);
    setDraftId(unsent.draftId);
    setRestored(true);
  }, []);
  const startAfresh = () => {
    fill({ type: 'GENERAL' });
    setAttachments([]);
    setDraftId(undefined);
    setRestored(false);
    setTakenLine(undefined);
    setLineName('');
    setLineNote(undefined);
    setError(undefined);
  };
  useEffect(() => {
    const f = savedDraft.data?.form as Partial<DraftForm> | undefined;
    if (!f) return;
    fill({ ...f, title: f.title ?? savedDraft.data?.title });
    // the files kept with the draft (첨부파일), submitted with it
    setAttachments(savedDraft.data?.attachments ?? []);
  }, [savedDraft.data]);

  // 자주 쓰는 결재선: the writer's saved lines; one taken fills the line, 합의, cc, receivers and 수신처
  const savedLines = useLoad(() => api<{ items: SavedLine[] }>('GET', '/api/employees/me/approval-lines'), []);
  const [lineName, setLineName] = useState('');
  const [lineNote, setLineNote] = useState<string>();
  const [takenLine, setTakenLine] = useState<number>();
  const takeLine = (id: number) => {
    const l = savedLines.data?.items.find((x) => x.id === id);
    if (!l) return;
    // people who have left cannot be named: they are left out, and the page says who
    const here = (ps: PersonRef[]) => ps.filter((p) => !l.unavailable.some((u) => u.id === p.id));
    setCustom(true);
    const approversLeft = here(l.approvers);
    setApprovers(approversLeft);
    setAgreers(here(l.agreement?.agreers ?? []));
    // the 합의 stays before the same approver: counted among those left (0: before the last one, as saved)
    const at = l.agreement?.position;
    setAgreementAt(at === undefined ? 0
      : Math.min(approversLeft.length, l.approvers.slice(0, at - 1).filter((p) => approversLeft.some((x) => x.id === p.id)).length + 1));
    setCc(here(l.cc));
    setReceivers(here(l.receivers));
    setReceivingDepartments((l.receivingDepartments ?? []).map((d) => ({ id: d.id, name: d.name })));
    setTakenLine(l.id);
    setLineName(l.name);
    setLineNote(l.unavailable.length
      ? `퇴사한 사람은 뺐습니다 (left out, no longer employed): ${l.unavailable.map((u) => u.name).join(', ')}` : undefined);
  };
  const keepLine = async () => {
    const name = lineName.trim();
    const same = savedLines.data?.items.find((x) => x.name.toLowerCase() === name.toLowerCase());
    const body = {
      name,
      // the org chart's whole line, not the one 위임전결 cut for this document's size (a small expense's lead alone
      // would not end another document's line: 결재권한)
      approverIds: (custom ? line : [...line, ...(defaultLine.data?.lineRule?.skipped ?? [])]).map((a) => a.id),
      ...(agreers.length ? { agreement: { agreerIds: agreers.map((a) => a.id), ...(agreementAt ? { position: agreementAt } : {}) } } : {}),
      ccIds: cc.map((c) => c.id),
      receiverIds: receivers.map((r) => r.id),
      receiverDepartmentIds: receivingDepartments.map((d) => d.id),
    };
    setError(undefined);
    try {
      // the same name again: that line is changed, not a second one made
      const kept = await api<SavedLine>(same ? 'PUT' : 'POST', same ? `/api/employees/me/approval-lines/${same.id}` : '/api/employees/me/approval-lines', body);
      setTakenLine(kept.id);
      savedLines.reload();
      toast(same ? `결재선 '${kept.name}'을(를) 바꿨습니다 (saved line updated).` : `결재선 '${kept.name}'을(를) 저장했습니다 (line saved).`);
    } catch (err) {
      setError(message(err));
    }
  };
  const dropLine = async (id: number) => {
    try {
      await api('DELETE', `/api/employees/me/approval-lines/${id}`);
      if (id === takenLine) setTakenLine(undefined);
      savedLines.reload();
    } catch (err) {
      setError(message(err));
    }
  };

  // nobody above in the org chart (a department head, an administrator): the line must be chosen
  const noDefaultLine = defaultLine.data !== undefined && defaultLine.data.approvers.length === 0;
  useEffect(() => {
    if (noDefaultLine) setCustom(true);
  }, [noDefaultLine]);

  // 재기안 and 복사 기안: the form as the document left it (its files aside: a resubmission keeps them by itself, a copy
  // has none of them)
  useEffect(() => {
    if (original.data && !notMine) fill(documentForm(original.data));
  }, [original.data, notMine]);

  const preview = type === 'LEAVE'
    ? leavePreview(kind, start, kind === 'ANNUAL' ? end || undefined : undefined, daysOff.data) : undefined;
  const others = (people.data ?? []).filter((p) => p.id !== me.id);
  const line = custom ? approvers : defaultLine.data?.approvers ?? [];
  const taken = (p: Employee, ...lists: PersonRef[][]) => lists.some((l) => l.some((x) => x.id === p.id));
  // a position past the line's end (approvers removed since) falls back to the default: before the last approver
  useEffect(() => {
    // (not while the org chart's line is still loading: a form just filled would lose its position)
    if (!custom && !defaultLine.data) return;
    if (agreementAt > line.length) setAgreementAt(0);
  }, [agreementAt, line.length, custom, defaultLine.data]);
  const ref = (e: Employee): PersonRef => ({ id: e.id, name: e.name, position: e.position, department: e.department.name });

  const attach = async (chosen: File[]) => {
    const refused: string[] = [];
    // what the server would refuse is not sent: said at once, the others uploaded
    const files = chosen.filter((f) => {
      const why = attachmentRefusal(f);
      if (why) refused.push(why);
      return !why;
    });
    const room = Math.max(0, MAX_ATTACHMENTS - attachments.length);
    if (files.length > room) {
      refused.push(`첨부파일은 ${MAX_ATTACHMENTS}개까지입니다 (at most ${MAX_ATTACHMENTS} files); 올리지 않음 (not uploaded): `
        + files.slice(room).map((f) => f.name).join(', '));
    }
    const going = files.slice(0, room);
    setFileError(refused.length ? refused.join(' ') : undefined);
    setUploading(going.map((f) => f.name));
    for (const f of going) {
      try {
        const uploaded = await api<Attachment>('POST', '/api/attachments', { name: f.name, content: await readBase64(f) });
        setAttachments((list) => [...list, uploaded]);
      } catch (err) {
        refused.push(`${f.name}: ${message(err)}`);
        setFileError(refused.join(' '));
      } finally {
        setUploading((names) => names.slice(1));
      }
    }
  };

  const [saving, setSaving] = useState(false);
  const saveDraft = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const d = await api<SavedDraft>(draftId ? 'PUT' : 'POST', draftId ? `/api/drafts/${encodeURIComponent(draftId)}` : '/api/drafts',
        { type, title: title.trim().slice(0, 200), form, attachmentIds: attachments.map((a) => a.id) });
      setDraftId(d.id);
      drafts.reload();
      // as saved (any copy kept of it is stale now)
      baseline.current = formSnapshot(form, attachments);
      setRestored(false);
      dropUnsent(sessionStorage);
      toast('임시저장했습니다 (draft saved).');
    } catch (err) {
      setError(message(err));
    } finally {
      setSaving(false);
    }
  };
  const dropDraft = async (id: string) => {
    try {
      await api('DELETE', `/api/drafts/${encodeURIComponent(id)}`);
      if (id === draftId) setDraftId(undefined);
      drafts.reload();
    } catch (err) {
      setError(message(err));
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (uploading.length > 0 || filling || notMine) return;
    if (custom && approvers.length === 0) {
      setError('결재자를 한 명 이상 고르세요 (pick at least one approver).');
      return;
    }
    setBusy(true);
    setError(undefined);
    sending.current = true;
    const leave = type === 'LEAVE' ? { kind, startDate: start, ...(kind === 'ANNUAL' && end ? { endDate: end } : {}) } : undefined;
    const expense = type === 'EXPENSE' ? { amount: Number(amount), category, spentOn } : undefined;
    const trip = type === 'BUSINESS_TRIP'
      ? { destination: destination.trim(), startDate: tripStart, endDate: tripEndDate(tripStart, tripEnd), ...(purpose.trim() ? { purpose: purpose.trim() } : {}) }
      : undefined;
    const request = {
      ...(from ? {} : { type }),
      title: title.trim(),
      // a resubmission copies whatever is left out: it is sent what the form shows, a body cleared and the
      // default line chosen too
      ...(body.trim() || from ? { body } : {}),
      ...(custom || (from && line.length) ? { approverIds: line.map((a) => a.id) } : {}),
      ...(cc.length || from ? { ccIds: cc.map((c) => c.id) } : {}),
      ...(leave ? { leave } : {}),
      ...(expense ? { expense } : {}),
      ...(trip ? { trip } : {}),
      ...(receivers.length || from ? { receiverIds: receivers.map((r) => r.id) } : {}),
      ...(receivingDepartments.length || from ? { receiverDepartmentIds: receivingDepartments.map((d) => d.id) } : {}),
      ...(agreers.length ? { agreement: { agreerIds: agreers.map((a) => a.id), ...(agreementAt ? { position: agreementAt } : {}) } } : {}),
      // a resubmission keeps the old document's files by itself, and takes none
      ...(!from && attachments.length ? { attachmentIds: attachments.map((a) => a.id) } : {}),
    };
    try {
      // one key per document being written: pressed again after a timeout or a lost answer, the server answers the
      // document it made then instead of submitting a second one (a resubmission is once per document by itself)
      const r = await api<SubmissionAccepted>('POST',
        from ? `/api/approvals/${encodeURIComponent(from)}/resubmission` : '/api/approvals', request,
        from ? undefined : { 'Idempotency-Key': submissionKey.current });
      dropUnsent(sessionStorage); // whatever copy there is, it is submitted now
      toast(from ? '재기안했습니다 (resubmitted).' : '상신했습니다 (submitted).');
      // submitted: the draft it came from is done with (if this fails, it merely stays in the list)
      if (draftId) await api('DELETE', `/api/drafts/${encodeURIComponent(draftId)}`).catch(() => undefined);
      go(`docs/${r.id}`);
    } catch (err) {
      sending.current = false;
      // the page was left while it was on its way: what it held is kept, as leaving would have
      if (!alive.current && standing.current) keepUnsent(sessionStorage, standing.current);
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h2>{from ? '재기안 (resubmit)' : copy ? '복사 기안 (copy as a new document)' : '기안 (new document)'}</h2>
      {restored && (
        <p className="notice" data-testid="draft-restored">작성 중이던 문서를 되살렸습니다 (what you were writing and had not
          sent or saved). <button type="button" className="link" onClick={startAfresh}>새로 쓰기 (start afresh)</button></p>
      )}
      {copy && original.data && !notMine && (
        <p className="notice" data-testid="copy-of">복사 기안: <a href={`#/docs/${encodeURIComponent(copy)}`}>{original.data.title}</a>
          <small> 새 문서로 상신되며 원래 문서와 연결되지 않습니다 (submitted as a new document, not linked to this one)</small></p>
      )}
      {notMine && <p className="error">복사 기안은 기안자만 할 수 있습니다 (only the drafter may copy a document).</p>}
      {original.error && <p className="error">{original.error}</p>}
      {savedDraft.error && <p className="error">임시저장한 문서를 열 수 없습니다 (the draft cannot be opened): {savedDraft.error}</p>}
      {/* without the people, the pickers below are empty: said, not left blank */}
      {people.error && <p className="error">직원 목록을 불러오지 못했습니다 (the people cannot be listed): {people.error}</p>}
      {drafts.error && <p className="error">임시저장 목록을 불러오지 못했습니다 (the drafts cannot be listed): {drafts.error}</p>}
      <form onSubmit={submit} className="card form">
        <label>종류
          <select value={type} disabled={!!from} onChange={(e) => setType(e.target.value as DocumentType)} name="type">
            <option value="GENERAL">일반 기안 (GENERAL)</option>
            <option value="LEAVE">휴가 (LEAVE)</option>
            <option value="EXPENSE">지출결의 (EXPENSE)</option>
            <option value="BUSINESS_TRIP">출장 (BUSINESS_TRIP)</option>
          </select>
        </label>
        <label>제목
          <input name="title" value={title} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>내용
          <textarea name="body" value={body} maxLength={20000} rows={6} onChange={(e) => setBody(e.target.value)} />
        </label>
        {type === 'LEAVE' && (
          <fieldset>
            <legend>휴가</legend>
            <label>구분
              <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as LeaveKind)}>
                {(Object.keys(LEAVE_KIND_LABEL) as LeaveKind[]).map((k) => <option key={k} value={k}>{LEAVE_KIND_LABEL[k]}</option>)}
              </select>
            </label>
            <label>{kind === 'ANNUAL' ? '시작일' : '날짜'}
              <input name="startDate" type="date" value={start} required onChange={(e) => setStart(e.target.value)} />
            </label>
            {kind === 'ANNUAL' && (
              <label>종료일 <small>(하루면 비워 두세요)</small>
                <input name="endDate" type="date" value={end} min={start} onChange={(e) => setEnd(e.target.value)} />
              </label>
            )}
            <p className={preview && 'error' in preview ? 'warn' : 'muted'} data-testid="leave-preview">
              {preview && ('error' in preview ? preview.error : `근무일 ${days(preview.days)} (working days)`)}
            </p>
          </fieldset>
        )}
        {type === 'EXPENSE' && (
          <fieldset>
            <legend>지출</legend>
            <label>금액 (원)
              <input name="amount" type="number" min="1" max="1000000000" step="1" required value={amount} onChange={(e) => setAmount(e.target.value)} />
            </label>
            <label>분류
              <select name="category" value={category} onChange={(e) => setCategory(e.target.value as ExpenseCategory)}>
                {Object.entries(EXPENSE_CATEGORY_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
              </select>
            </label>
            <label>지출일
              <input name="spentOn" type="date" required value={spentOn} onChange={(e) => setSpentOn(e.target.value)} />
            </label>
          </fieldset>
        )}
        {type === 'BUSINESS_TRIP' && (
          <fieldset>
            <legend>출장</legend>
            <label>출장지
              <input name="destination" required maxLength={200} value={destination} onChange={(e) => setDestination(e.target.value)} />
            </label>
            <label>시작일
              <input name="tripStart" type="date" required value={tripStart} onChange={(e) => setTripStart(e.target.value)} />
            </label>
            <label>종료일 <small>(하루면 비워 두세요)</small>
              <input name="tripEnd" type="date" min={tripStart} value={tripEnd} onChange={(e) => setTripEnd(e.target.value)} />
            </label>
            <label>목적
              <input name="purpose" maxLength={1000} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
            </label>
          </fieldset>
        )}
        {from ? (
          <fieldset data-testid="kept-attachments">
            <legend>첨부파일 (attachments)</legend>
            <p className="hint">재기안하면 이전 문서의 첨부파일이 그대로 유지됩니다 (the old document's files are kept).</p>
            {(original.data?.attachments?.length ?? 0) > 0 && (
              <ul className="attachments">
                {original.data!.attachments!.map((a) => (
                  <li key={a.id} data-testid="kept-attachment">{a.name} <small>{fileSize(a.size)}</small></li>
                ))}
              </ul>
            )}
          </fieldset>
        ) : (
          <fieldset data-testid="attachments">
            <legend>첨부파일 (attachments)</legend>
            {copy && <p className="hint" data-testid="copy-attachments-hint">첨부파일은 복사되지 않습니다 (files are not copied); 다시
              올려 주세요 (upload them again).</p>}
            <p className="hint">파일당 5 MB, {MAX_ATTACHMENTS}개까지. 임시저장하면 첨부파일도 함께 남습니다 (files are kept with a saved
              draft).</p>
            {attachments.length > 0 && (
              <ul className="attachments">
                {attachments.map((a) => (
                  <li key={a.id} data-testid="attachment">{a.name} <small>{fileSize(a.size)}</small>
                    <button type="button" className="link" aria-label={`첨부 삭제 ${a.name}`}
                      onClick={() => setAttachments((list) => list.filter((x) => x.id !== a.id))}>✕</button>
                  </li>
                ))}
              </ul>
            )}
            {uploading.length > 0 && (
              <p className="muted" data-testid="attachment-uploading">올리는 중 (uploading): {uploading[0]}
                {uploading.length > 1 && ` 외 ${uploading.length - 1}개`}…</p>
            )}
            {attachments.length < MAX_ATTACHMENTS && (
              <input type="file" multiple aria-label="첨부파일 추가" disabled={busy || uploading.length > 0} onChange={(e) => {
                const files = Array.from(e.target.files ?? []);
                // the same file may be chosen again later
                e.target.value = '';
                if (files.length) void attach(files);
              }} />
            )}
            {fileError && <p className="error" role="alert" data-testid="attachment-error">{fileError}</p>}
          </fieldset>
        )}
        <fieldset>
          <legend>결재선</legend>
          <label className="inline">
            <input type="checkbox" checked={custom} disabled={noDefaultLine} onChange={(e) => setCustom(e.target.checked)} /> 직접 지정 (choose the approvers)
          </label>
          {!custom && (
            <p className="muted" data-testid="default-line">조직도 기본 결재선: {defaultLine.data?.approvers.map((a) => a.name).join(' → ') ?? '…'}
              {defaultLine.data?.lineRule && <span className="line-rule" data-testid="line-rule"> · 위임전결 {lineRuleText(defaultLine.data.lineRule)}</span>}
              {defaultLine.error && <span className="error"> {defaultLine.error}</span>}</p>
          )}
          {!custom && defaultLine.data && lineRulesText(defaultLine.data.rules) && (
            <p className="hint">위임전결 규정: {lineRulesText(defaultLine.data.rules)} 이하는 팀장이 최종 결재합니다.</p>
          )}
          <div className="saved-lines" data-testid="saved-lines">
            {(savedLines.data?.items.length ?? 0) > 0 && (
              <select aria-label="자주 쓰는 결재선" value={takenLine ?? ''} onChange={(e) => takeLine(Number(e.target.value))}>
                <option value="">자주 쓰는 결재선…</option>
                {savedLines.data!.items.map((l) => (
                  <option key={l.id} value={l.id}>{l.name}{l.unavailable.length ? ' (퇴사자 포함)' : ''}</option>
                ))}
              </select>
            )}
            {takenLine !== undefined && (
              <button type="button" className="link" onClick={() => dropLine(takenLine)}>이 결재선 삭제</button>
            )}
            <input aria-label="결재선 이름" placeholder="결재선 이름" maxLength={50} value={lineName}
                   onChange={(e) => setLineName(e.target.value)} />
            <button type="button" onClick={keepLine} disabled={!lineName.trim() || line.length === 0}>결재선 저장</button>
          </div>
          {lineNote && <p className="warn" data-testid="saved-line-note">{lineNote}</p>}
          {savedLines.error && <p className="error">{savedLines.error}</p>}
          {custom && defaultLine.data && lineAuthorities(defaultLine.data).length > 0 && (
            <p className="hint" data-testid="line-authority">결재권한: 마지막 결재자는 {lineAuthorities(defaultLine.data)
              .map((p) => p.name).join(' 또는 ')} (또는 임원)이어야 합니다. 다른 결재자는 그 앞에 둡니다.</p>
          )}
          {custom && (
            <PeoplePicker label="결재자 추가" people={others.filter((p) => !taken(p, cc, agreers, receivers))} chosen={approvers} setChosen={setApprovers} toRef={ref} ordered max={agreers.length ? 9 : 10} />
          )}
        </fieldset>
        <fieldset>
          <legend>합의 (agreement)</legend>
          <p className="hint">합의자들은 동시에, 순서 없이 결정합니다. 모두 동의하면 다음 결재자에게 넘어가고, 한 명이라도 반대하면 반려됩니다.</p>
          {/* a line has at most 10 steps: a full line of approvers leaves no room for a 합의 step */}
          <PeoplePicker label="합의자 추가" people={others.filter((p) => !taken(p, line, cc, receivers))} chosen={agreers} setChosen={setAgreers} toRef={ref}
                        max={line.length >= 10 && agreers.length === 0 ? 0 : 10} />
          {agreers.length > 0 && line.length > 0 && (
            <label>위치
              <select name="agreementAt" value={agreementAt} onChange={(e) => setAgreementAt(Number(e.target.value))}>
                <option value={0}>마지막 결재자 앞 (before the last approver)</option>
                {line.map((a, i) => <option key={a.id} value={i + 1}>{a.name} 앞 (before step {i + 1})</option>)}
              </select>
            </label>
          )}
        </fieldset>
        <fieldset>
          <legend>참조 (cc)</legend>
          <PeoplePicker label="참조자 추가" people={others.filter((p) => !taken(p, line, agreers, receivers))}
                        chosen={cc} setChosen={setCc} toRef={ref} max={20} />
        </fieldset>
        <fieldset>
          <legend>수신 (receivers)</legend>
          <p className="hint">승인되면 수신자에게 전달되고, 수신자가 접수합니다.</p>
          <PeoplePicker label="수신자 추가" people={others.filter((p) => !taken(p, line, agreers, cc))}
                        chosen={receivers} setChosen={setReceivers} toRef={ref} max={20} />
        </fieldset>
        <fieldset>
          <legend>수신처 (receiving departments)</legend>
          <p className="hint">승인되면 부서 전체에 전달되고 부서장에게 알립니다; 부서의 누구나 읽을 수 있고, 한 사람이 부서를 대신해
            한 번 접수합니다 (sent to the whole department once approved; anyone of it acknowledges it for all, once).</p>
          <DepartmentPicker departments={departments.data ?? []} chosen={receivingDepartments} setChosen={setReceivingDepartments}
                            max={MAX_RECEIVING_DEPARTMENTS} />
          {departments.error && <p className="error">{departments.error}</p>}
        </fieldset>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="actions">
          <button type="submit" disabled={busy || uploading.length > 0 || filling || notMine}>{from ? '재기안' : '상신'}</button>
          {!from && <button type="button" onClick={saveDraft}
            disabled={saving || filling || (!!saved && !savedDraft.data && !savedDraft.error)}>임시저장</button>}
        </div>
      </form>
      {!from && (drafts.data?.items.length ?? 0) > 0 && (
        <div className="card" data-testid="drafts">
          <h3>임시저장함 <small>my drafts</small></h3>
          <ul className="drafts">
            {drafts.data!.items.map((d) => (
              <li key={d.id} data-testid="draft">
                <a href={`#/draft?saved=${d.id}`}>{d.title || '(제목 없음)'}</a> <small>{dateTime(d.savedAt)}</small>
                {d.id === draftId && <small className="tag">편집 중</small>}
                <button type="button" className="link" onClick={() => dropDraft(d.id)} aria-label={`delete draft ${d.title}`}>삭제</button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** A file's bytes in base64, as POST /api/attachments takes them. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(dataUrlBase64(String(reader.result)));
    reader.onerror = () => reject(new Error('파일을 읽을 수 없습니다 (the file cannot be read).'));
    reader.readAsDataURL(file);
  });
}

function PeoplePicker({ label, people, chosen, setChosen, toRef, ordered, max }: {
  label: string; people: Employee[]; chosen: PersonRef[]; setChosen: (p: PersonRef[]) => void;
  toRef: (e: Employee) => PersonRef; ordered?: boolean; max: number;
}) {
  const left = people.filter((p) => !chosen.some((c) => c.id === p.id));
  return (
    <div className="picker">
      {chosen.length > 0 && (
        <ol className={ordered ? 'chosen ordered' : 'chosen'}>
          {chosen.map((p) => (
            <li key={p.id}>{p.name} <small>{p.department}</small>
              <button type="button" className="link" onClick={() => setChosen(chosen.filter((c) => c.id !== p.id))} aria-label={`remove ${p.name}`}>✕</button>
            </li>
          ))}
        </ol>
      )}
      {chosen.length < max && (
        <AddSelect label={label} onAdd={(value) => {
          const p = people.find((x) => x.id === Number(value));
          if (p) setChosen([...chosen, toRef(p)]);
        }}>
          <option value="">{label}…</option>
          {left.map((p) => <option key={p.id} value={p.id}>{p.name} · {p.department.name} · {p.position}</option>)}
        </AddSelect>
      )}
    </div>
  );
}

/** 수신처: departments chosen from the org chart, in the order chosen. */
function DepartmentPicker({ departments, chosen, setChosen, max }: {
  departments: DepartmentInfo[]; chosen: DepartmentRef[]; setChosen: (d: DepartmentRef[]) => void; max: number;
}) {
  const left = departments.filter((d) => !chosen.some((c) => c.id === d.id));
  return (
    <div className="picker" data-testid="receiving-department-picker">
      {chosen.length > 0 && (
        <ol className="chosen">
          {chosen.map((d) => (
            <li key={d.id} data-testid="receiving-department-chosen">{d.name}
              <button type="button" className="link" onClick={() => setChosen(chosen.filter((c) => c.id !== d.id))} aria-label={`remove ${d.name}`}>✕</button>
            </li>
          ))}
        </ol>
      )}
      {chosen.length < max ? (
        <AddSelect label="수신처 추가" onAdd={(value) => {
          const d = departments.find((x) => x.id === Number(value));
          if (d) setChosen([...chosen, { id: d.id, name: d.name }]);
        }}>
          <option value="">수신처 추가…</option>
          {left.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </AddSelect>
      ) : <p className="hint">수신처는 {max}곳까지입니다 (at most {max} departments).</p>}
    </div>
  );
}
