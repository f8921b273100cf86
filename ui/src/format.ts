// Pure helpers (no React, no fetch): what the pages show, unit-tested in format.test.ts.
import type { ApprovalDocument, ApprovalReport, ApprovalStatus, DaysOff, DepartmentInfo, DepartmentRef, DocumentType, Employee,
  ExpenseCategory, LeaveKind, LineRemainingStep,
  LineRule, PersonRef, Position, Problem, QuestStatus, ReceivingDepartment, StepStatus } from './types';

/** One line for a problem: its detail (or title), then each invalid field. */
export function problemMessage(p: Problem): string {
  const head = p.detail?.trim() || p.title || `HTTP ${p.status}`;
  const fields = (p.errors ?? []).map((e) => `${e.field}: ${e.message}`);
  return fields.length ? `${head} (${fields.join('; ')})` : head;
}

export const STATUS_LABEL: Record<ApprovalStatus, string> = {
  SUBMITTED: '상신',
  IN_PROGRESS: '진행 중',
  APPROVED: '승인',
  REJECTED: '반려',
  WITHDRAWN: '회수',
  CANCELLED: '취소',
};

export const STEP_LABEL: Record<StepStatus, string> = {
  WAITING: '대기',
  PENDING: '결재 차례',
  APPROVED: '승인',
  REJECTED: '반려',
  SKIPPED: '생략',
};

export const QUEST_LABEL: Record<QuestStatus, string> = {
  OPEN: '모집 중',
  TAKEN: '진행 중',
  SUBMITTED: '검토 대기',
  APPROVED: '완료',
  CANCELLED: '취소',
};

export const TYPE_LABEL: Record<string, string> = {
  GENERAL: '일반',
  LEAVE: '휴가',
  EXPENSE: '지출결의',
  BUSINESS_TRIP: '출장',
};

export const EXPENSE_CATEGORY_LABEL: Record<string, string> = {
  MEAL: '식대',
  TRAVEL: '교통',
  SUPPLIES: '비품',
  EDUCATION: '교육',
  OTHER: '기타',
};

/** Won, with thousands separators: 48,000원. */
export function won(amount: number): string {
  return `${amount.toLocaleString('ko-KR')}원`;
}

export const LEAVE_KIND_LABEL: Record<LeaveKind, string> = {
  ANNUAL: '연차',
  HALF_DAY_AM: '오전 반차',
  HALF_DAY_PM: '오후 반차',
};

export const HISTORY_LABEL: Record<string, string> = {
  SUBMITTED: '상신',
  STEP_ACTIVATED: '결재 요청',
  APPROVED: '승인',
  APPROVED_FINAL: '전결',
  REJECTED: '반려',
  AGREED: '합의 동의',
  RECEIVED: '접수',
  DISAGREED: '합의 반대',
  RETRACTED: '결재 취소',
  RETURNED: '전단계 반려',
  HELD: '보류',
  DOCUMENT_APPROVED: '최종 승인',
  DOCUMENT_REJECTED: '최종 반려',
  WITHDRAWN: '회수',
  LEAVE_RESERVED: '휴가 일수 확보',
  LEAVE_REFUSED: '휴가 일수 부족',
  REFUSED: '처리 거부',
  LINE_CHANGED: '결재선 변경',
  LEAVE_CANCELLED: '휴가 취소',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The day of the browser's calendar (not UTC's), as an ISO date: 2026-12-02. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The company's zone: where the server counts days and hours (erp.calendar-zone), whatever the browser's is. */
export const COMPANY_ZONE = 'Asia/Seoul';

const companyClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: COMPANY_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A timestamp in the company's zone, to the minute: 2026-12-02 10:22. Not the browser's: a check-in's time must
 * agree with the day it is counted on, and a document's date with the 상신일 filter, for someone abroad too.
 */
export function dateTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const part = Object.fromEntries(companyClock.formatToParts(d).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** The day it is now in the company's calendar, as an ISO date: a leave has begun on it, whatever the browser's day. */
export function companyToday(now: Date = new Date()): string {
  const part = Object.fromEntries(companyClock.formatToParts(now).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}`;
}

/**
 * 휴가 취소: whether the caller may cancel this approved leave (POST /api/approvals/{id}/leave-cancellation), as
 * approval-request decides it: its drafter before its first day in the company's calendar, an administrator at any
 * time unless it is their own (days taken come back only by someone else's word). The server stays the judge.
 */
export function mayCancelLeave(doc: { type: string; status: ApprovalStatus; drafter: { id: number }; leave?: { startDate: string } },
  meId: number, isAdmin: boolean, today: string): boolean {
  if (doc.type !== 'LEAVE' || doc.status !== 'APPROVED' || !doc.leave) return false;
  if (doc.drafter.id === meId) return doc.leave.startDate > today;
  return isAdmin;
}

/**
 * 퇴근 기록 정정: the check-out a lead records for a day, from the time of day they give (HH:mm, the company's clock, which
 * is UTC+9 all year: Korea keeps no summer time): on that day, or the next morning when the time is before the
 * check-in (a day past midnight). An ISO instant with its offset, as the API takes it.
 */
export function checkOutAt(date: string, time: string, checkIn: string): string {
  const sameDay = `${date}T${time}:00+09:00`;
  if (new Date(sameDay).getTime() > new Date(checkIn).getTime()) return sameDay;
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return `${next.toISOString().slice(0, 10)}T${time}:00+09:00`;
}

/** Days as the ledger counts them: whole or half. */
export function days(n: number): string {
  return Number.isInteger(n) ? `${n}일` : `${n.toFixed(1)}일`;
}

/** 첨부파일: the largest file the server keeps (approval-request's attachments-max-size, 5 MB), and how many a document has. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

/** Minutes as hours and minutes, e.g. 555 → "9시간 15분", 45 → "45분". */
export function hoursAndMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m}분` : m === 0 ? `${h}시간` : `${h}시간 ${m}분`;
}

/** A file's size for people: 512 B, 12.3 KB, 4.8 MB (1 KB = 1024 bytes, as the 5 MB limit counts). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  // what would show as 1024.0 KB is 1.0 MB
  if (Number(kb.toFixed(1)) < 1024) return `${kb.toFixed(1)} KB`;
  return `${(kb / 1024).toFixed(1)} MB`;
}

/**
 * Why a chosen file is not uploaded, in words, before anything is sent (the server refuses the same: an empty file, one
 * over 5 MB, a name over 200 characters); undefined when it may go.
 */
export function attachmentRefusal(file: { name: string; size: number }): string | undefined {
  if (file.name.length > 200) return `${file.name.slice(0, 40)}…: 파일 이름이 너무 깁니다 (at most 200 characters).`;
  if (file.size === 0) return `${file.name}: 빈 파일입니다 (the file is empty).`;
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return `${file.name}: ${fileSize(file.size)} — 파일은 ${fileSize(MAX_ATTACHMENT_BYTES)}까지 올릴 수 있습니다 (at most 5 MB a file).`;
  }
  return undefined;
}

/** The base64 of a data: URL (what FileReader.readAsDataURL gives): all after the first comma. */
export function dataUrlBase64(dataUrl: string): string {
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}

const WEEK = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/** Monday to Friday, no holidays: what the form counts until the company's days are read. */
export const WEEKDAYS: DaysOff = { workingDays: WEEK.slice(1, 6), holidays: [] };

/**
 * The working days a leave asks for, as employee-service will count them (LeaveRules): the company's working days
 * ({@code daysOff}: its days of the week, less its holidays) from start to end inclusive, a half day 0.5. Returns an
 * error in words instead when the server would refuse it, so the form can say so before it is sent. The server stays
 * the judge; this is a preview.
 */
export function leavePreview(kind: LeaveKind, start: string, end: string | undefined, daysOff: DaysOff = WEEKDAYS):
    { days: number } | { error: string } {
  const from = parseDate(start);
  if (!from) return { error: '시작일을 고르세요 (pick a start date)' };
  const off = (d: Date) => !daysOff.workingDays.includes(WEEK[d.getUTCDay()]) || daysOff.holidays.includes(d.toISOString().slice(0, 10));
  if (kind !== 'ANNUAL') {
    if (end && end !== start) return { error: '반차는 하루입니다 (a half day is one date)' };
    return off(from) ? { error: '쉬는 날입니다: 주말이나 공휴일 (a weekend or a holiday)' } : { days: 0.5 };
  }
  const to = end ? parseDate(end) : from;
  if (!to) return { error: '종료일이 올바르지 않습니다 (the end date is not a date)' };
  if (to < from) return { error: '종료일이 시작일보다 앞섭니다 (the end is before the start)' };
  if (to.getUTCFullYear() !== from.getUTCFullYear()) return { error: '한 해 안에서 고르세요 (within one calendar year)' };
  let n = 0;
  for (const d = new Date(from); d <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    if (!off(d)) n++;
  }
  return n === 0 ? { error: '근무일이 없습니다: 주말이나 공휴일뿐입니다 (no working day in it)' } : { days: n };
}

function parseDate(s: string | undefined): Date | null {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : d;
}


/** Which actions the caller has on a quest, from its state and who they are (the server enforces the same). */
export function questActions(q: { status: QuestStatus; poster: { id: number }; assignee?: { id: number }; reportedAt?: string;
                                    reviewedInPostersPlace?: boolean },
                             me: { id: number; manager: boolean; admin: boolean }): string[] {
  const poster = q.poster.id === me.id;
  const taker = q.assignee?.id === me.id;
  const out: string[] = [];
  if (q.status === 'OPEN' && !poster) out.push('take');
  if (q.status === 'TAKEN' && taker) out.push('report', 'give-up');
  // the poster reviews; an administrator in the place of a poster who no longer does (left, or no longer a manager),
  // not their own: an administrator no longer a manager does not review in the place of themselves
  if (q.status === 'SUBMITTED' && ((poster && me.manager)
    || (q.reviewedInPostersPlace && me.admin && !taker && !poster))) {
    out.push('approval', 'send-back');
  }
  // the poster calls off a quest nobody reported done (one sent back stays reported); an administrator any unfinished
  const callable = q.status === 'OPEN' || (q.status === 'TAKEN' && !q.reportedAt);
  const unfinished = q.status === 'OPEN' || q.status === 'TAKEN' || q.status === 'SUBMITTED';
  if ((callable && poster) || (unfinished && me.admin)) out.push('cancellation');
  return out;
}

/** The positions, lowest first, as people read them. */
export const POSITION_LABEL: Record<Position, string> = { STAFF: '사원', TEAM_LEAD: '팀장', DEPT_HEAD: '부서장', EXECUTIVE: '임원' };

/** A position as people read it (사원, 팀장, 부서장, 임원); a code not known here as it is. */
export function positionLabel(position: string | undefined): string {
  return position === undefined ? '' : (POSITION_LABEL as Record<string, string>)[position] ?? position;
}

/** The end date of a business trip as submitted: one left blank is a one-day trip. */
export function tripEndDate(start: string, end: string): string {
  return end || start;
}

/** Who must still decide a step: its approver, or the agreers of a 합의 step who have not decided yet. */
export function pendingPeople(step: { approver?: PersonRef; agreements?: { agreer: PersonRef; status: string }[] }): PersonRef[] {
  if (step.agreements) return step.agreements.filter((a) => a.status === 'PENDING').map((a) => a.agreer);
  return step.approver ? [step.approver] : [];
}

/** Everyone on a line: the approvers and the agreers. */
export function linePeople(line: { approver?: PersonRef; agreements?: { agreer: PersonRef }[] }[]): PersonRef[] {
  return line.flatMap((s) => (s.agreements ? s.agreements.map((a) => a.agreer) : s.approver ? [s.approver] : []));
}

/**
 * 결재선 변경: the steps whose people the drafter may still change, as approval-processing judges it: a later step
 * (waiting), or the active one while nobody on it has decided (every agreer of a 합의 step still pending).
 */
export function changeableSteps<S extends { status: string; agreements?: { status: string }[] }>(line: S[]): S[] {
  return line.filter((s) => s.status === 'WAITING'
    || (s.status === 'PENDING' && (s.agreements ?? []).every((a) => a.status === 'PENDING')));
}

/** 결재선 변경: one step of the rest of the line as the drafter edits it. */
export interface LineDraftStep {
  /** a key that stays with the row as it moves: `s3` for step 3 of the line now, `n1`… for a step added */
  key: string;
  /** its number on the line now; none for a step added */
  step?: number;
  /** its status on the line now; none for a step added */
  status?: StepStatus;
  /** a 합의 step (agreers), else a 결재 step (one approver) */
  agreement: boolean;
  /** its people: the approver, or the agreers (none yet for a step just added) */
  ids: number[];
  /** the active 합의 step some agreers of which have decided: it stays first, as it is */
  fixed: boolean;
}

type DraftableStep = { step: number; status: StepStatus; approver?: PersonRef; agreements?: { agreer: PersonRef; status: string }[] };

/** The index of the active step of a line: the one pending, else the first waiting; -1 when none is left to decide. */
export function activeStepIndex(line: { status: string }[]): number {
  const pending = line.findIndex((s) => s.status === 'PENDING');
  return pending >= 0 ? pending : line.findIndex((s) => s.status === 'WAITING');
}

/**
 * 결재선 변경: the rest of the line, from the active step on, as the drafter starts editing it: each step with its
 * people; the active 합의 step some agreers of which have decided is fixed (the server keeps it first as it is).
 */
export function lineDraft(line: DraftableStep[]): LineDraftStep[] {
  const from = activeStepIndex(line);
  if (from < 0) return [];
  return line.slice(from).map((s, i) => ({
    key: `s${s.step}`, step: s.step, status: s.status, agreement: !!s.agreements, ids: linePeople([s]).map((p) => p.id),
    fixed: i === 0 && (s.agreements ?? []).some((a) => a.status !== 'PENDING'),
  }));
}

/** The body's `remaining` for a draft: an approverId for a 결재 step, agreerIds (each once) for a 합의 step. */
export function lineRemaining(draft: LineDraftStep[]): LineRemainingStep[] {
  return draft.map((s) => (s.agreement ? { agreerIds: [...new Set(s.ids)] } : { approverId: s.ids[0] }));
}

/** Whether a draft differs from the line now: a step added, removed, moved, or other people (agreers in any order). */
export function lineDraftChanged(line: DraftableStep[], draft: LineDraftStep[]): boolean {
  const norm = (d: LineDraftStep[]) => JSON.stringify(d.map((s) => [s.agreement, s.agreement ? [...new Set(s.ids)].sort((a, b) => a - b) : s.ids.slice(0, 1)]));
  return norm(lineDraft(line)) !== norm(draft);
}

/** The most steps a line may have, decided ones included (the contract's maxItems). */
export const MAX_LINE_STEPS = 10;

/**
 * What keeps a draft from being sent, in words, or undefined: no step left, a step without its person, the last step
 * a 합의 step, more than {@link MAX_LINE_STEPS} steps with the {@code first - 1} decided ones, someone twice. {@code
 * first}: the number of the active step (the draft's first). The server stays the judge.
 */
export function lineDraftProblem(draft: LineDraftStep[], first: number): string | undefined {
  if (draft.length === 0) return '결재선에 결재 단계가 하나 이상 있어야 합니다 (the line needs a step).';
  const empty = draft.findIndex((s) => s.ids.length === 0);
  if (empty >= 0) {
    return draft[empty].agreement ? `${first + empty}단계: 합의자를 한 명 이상 고르세요 (a 합의 step needs an agreer).`
      : `${first + empty}단계: 결재자를 고르세요 (choose the approver).`;
  }
  if (draft[draft.length - 1].agreement) return '마지막 단계는 결재 단계여야 합니다 (the last step must be an approver\'s, not 합의).';
  if (first - 1 + draft.length > MAX_LINE_STEPS) {
    return `결재선은 ${MAX_LINE_STEPS}단계까지입니다 (at most ${MAX_LINE_STEPS} steps, the decided ones included).`;
  }
  const ids = draft.flatMap((s) => [...new Set(s.ids)]);
  if (new Set(ids).size !== ids.length) return '같은 사람이 두 단계에 있습니다 (someone is on two steps).';
  return undefined;
}

/** The first place a step may move to or be added at: after the fixed step, if the draft starts with one. */
const firstPlace = (draft: LineDraftStep[]) => (draft[0]?.fixed ? 1 : 0);

/**
 * The draft with a new, empty 결재 step (key {@code key}) at {@code at}, by default before the last step (a new
 * approver before the final one); never before a fixed step.
 */
export function withApproverStep(draft: LineDraftStep[], key: string, at = draft.length - 1): LineDraftStep[] {
  const place = Math.min(draft.length, Math.max(firstPlace(draft), at));
  return [...draft.slice(0, place), { key, agreement: false, ids: [], fixed: false }, ...draft.slice(place)];
}

/** The draft without the step at {@code index} (a fixed step stays). */
export function withoutStep(draft: LineDraftStep[], index: number): LineDraftStep[] {
  return draft[index]?.fixed ? draft : draft.filter((_, i) => i !== index);
}

/** The draft with the step at {@code index} moved {@code by} places (-1 up, 1 down), as far as it may move. */
export function withStepMoved(draft: LineDraftStep[], index: number, by: number): LineDraftStep[] {
  const to = index + by;
  if (!draft[index] || draft[index].fixed || to < firstPlace(draft) || to >= draft.length) return draft;
  const out = draft.slice();
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

/** The draft with other people on the step at {@code index} (a fixed step stays as it is). */
export function withStepPeople(draft: LineDraftStep[], index: number, ids: number[]): LineDraftStep[] {
  return draft.map((s, i) => (i === index && !s.fixed ? { ...s, ids } : s));
}

/** What identifies a line as it stands (its steps, statuses and people): a form built from it starts again when it changes. */
export function lineSignature(line: DraftableStep[]): string {
  return line.map((s) => `${s.step}:${s.status}:${s.approver?.id ?? ''}:${(s.agreements ?? [])
    .map((a) => `${a.agreer.id}/${a.status}`).join('+')}`).join(',');
}

type LineLike = { approver?: PersonRef; agreements?: { agreer: PersonRef; status: string }[]; status: string };

/**
 * 대결: the absent person the caller may decide this document for, as approval-processing will allow it: someone who
 * must decide the pending step has named the caller deputy and the delegation is in force today, and the caller
 * neither drafted the document nor is on its line. The server stays the judge.
 */
export function deputyFor(doc: { drafter: { id: number }; line: LineLike[] }, meId: number,
  actingFor: { approver: PersonRef; inForce: boolean }[]): PersonRef | undefined {
  const pending = doc.line.find((s) => s.status === 'PENDING');
  if (!pending || doc.drafter.id === meId || linePeople(doc.line).some((p) => p.id === meId)) return undefined;
  const waiting = pendingPeople(pending);
  return actingFor.find((d) => d.inForce && waiting.some((p) => p.id === d.approver.id))?.approver;
}

/** 수신처: the most departments a document is sent to (the contract's maxItems). */
export const MAX_RECEIVING_DEPARTMENTS = 10;

/**
 * 접수: what the caller's receipt (POST /api/approvals/{id}/receipt) would acknowledge, as approval-request decides
 * it: their own, as a receiver (수신), first; else their department's, as one it was sent to (수신처), while nobody of
 * it has; undefined when nothing is theirs to acknowledge (not approved, not sent to them, done already). The server
 * stays the judge.
 */
export function pendingReceipt(doc: { status: ApprovalStatus; receivers?: { receiver: { id: number }; receivedAt?: string }[];
  receivingDepartments?: ReceivingDepartment[] }, me: { id: number; department?: { id: number } }):
  { kind: 'personal' } | { kind: 'department'; department: DepartmentRef } | undefined {
  if (doc.status !== 'APPROVED') return undefined;
  if ((doc.receivers ?? []).some((r) => r.receiver.id === me.id && !r.receivedAt)) return { kind: 'personal' };
  const mine = me.department && (doc.receivingDepartments ?? [])
    .find((d) => d.department.id === me.department!.id && !d.receivedAt);
  return mine ? { kind: 'department', department: mine.department } : undefined;
}

/**
 * What a document shows of a 수신처's receipt: who acknowledged it for the department and when ("접수 최유진 2026-12-02
 * 10:22"), "미접수" while nobody has once the document is approved, nothing before.
 */
export function departmentReceipt(d: ReceivingDepartment, approved: boolean): string {
  if (d.receivedAt) return ['접수', d.receivedBy?.name, dateTime(d.receivedAt)].filter(Boolean).join(' ');
  return approved ? '미접수' : '';
}

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
const field = (v: unknown) => {
  let s = v === undefined || v === null ? '' : String(v);
  // text a spreadsheet would take for a formula (a name starting with '=', say) is kept as text
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The report as CSV (with a BOM, so that spreadsheet programs read the Korean as UTF-8). */
export function reportCsv(r: ApprovalReport): string {
  const rows: unknown[][] = [
    ['결재 통계', r.from, r.to, r.department ?? '전체'],
    [],
    ['양식', '기안', '진행', '승인', '반려', '회수'],
    ...r.byType.map((c) => [c.type, c.submitted, c.inProgress, c.approved, c.rejected, c.withdrawn]),
    ['합계', r.total.submitted, r.total.inProgress, r.total.approved, r.total.rejected, r.total.withdrawn],
    [],
    ['완료 건수', '중앙값(시간)', '90%(시간)'],
    [r.completion.count, r.completion.medianHours, r.completion.p90Hours],
    [],
    ['결재자', '부서', '결정', '중앙값(시간)', '90%(시간)', '대기', '가장 오래 기다린 문서'],
    ...r.approvers.map((a) => [a.approver.name, a.approver.department, a.decided, a.medianHours, a.p90Hours, a.waiting,
      dateTime(a.waitingSince)]),
  ];
  return '\uFEFF' + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}


/** The draft form (기안) as it holds its fields: what 임시저장 keeps, and what 재기안 and 복사 기안 start from. */
export interface DraftForm {
  type: DocumentType; title: string; body: string; kind: LeaveKind; start: string; end: string; custom: boolean;
  amount: string; category: ExpenseCategory; spentOn: string; destination: string; tripStart: string; tripEnd: string;
  purpose: string; approvers: PersonRef[]; cc: PersonRef[]; agreers: PersonRef[]; receivers: PersonRef[];
  /** 합의 before the n-th approver; 0: before the last one */
  agreementAt: number;
  /** 수신처 (drafts saved before it was offered have none) */
  receivingDepartments: DepartmentRef[];
}

/**
 * 재기안 and 복사 기안: the draft form filled from a document: its type, title, body and the fields of its form; its
 * approvers as a chosen line (who is on each 결재 step now, not who decided it for them); its 합의 (the agreers, before
 * the approver it came before), cc, receivers (수신) and 수신처. Not its files (첨부파일), which stay the document's.
 */
export function documentForm(d: Pick<ApprovalDocument, 'type' | 'title' | 'body' | 'leave' | 'expense' | 'trip' | 'line' | 'cc'
  | 'receivers' | 'receivingDepartments'>): DraftForm {
  const at = d.line.findIndex((s) => s.agreements);
  return {
    type: d.type,
    title: d.title,
    body: d.body ?? '',
    kind: d.leave?.kind ?? 'ANNUAL',
    start: d.leave?.startDate ?? '',
    end: d.leave?.endDate ?? '',
    custom: true,
    amount: d.expense ? String(d.expense.amount) : '',
    category: d.expense?.category ?? 'MEAL',
    spentOn: d.expense?.spentOn ?? '',
    destination: d.trip?.destination ?? '',
    tripStart: d.trip?.startDate ?? '',
    tripEnd: d.trip?.endDate ?? '',
    purpose: d.trip?.purpose ?? '',
    approvers: d.line.flatMap((s) => (s.approver && !s.agreements ? [s.approver] : [])),
    cc: d.cc,
    agreers: at >= 0 ? d.line[at].agreements!.map((a) => a.agreer) : [],
    // the number of approvers before it, plus one: the approver it comes before
    agreementAt: at >= 0 ? d.line.slice(0, at).filter((s) => s.approver && !s.agreements).length + 1 : 0,
    receivers: (d.receivers ?? []).map((r) => r.receiver),
    receivingDepartments: (d.receivingDepartments ?? []).map((r) => ({ id: r.department.id, name: r.department.name })),
  };
}

/**
 * 위임전결, said on the drafting page and the document: which rule ended the line with the team lead and whom it
 * leaves out, e.g. "지출 500,000원 이하: 팀장 전결 (박지훈 결재 생략)".
 */
export function lineRuleText(rule: LineRule): string {
  const form = rule.form === 'EXPENSE' ? '지출' : rule.form === 'LEAVE' ? '휴가' : rule.form === 'BUSINESS_TRIP' ? '출장' : rule.form;
  const limit = rule.unit === 'WON' ? won(rule.limit) : `${rule.limit}일`;
  const skipped = rule.skipped.map((p) => p.name).join(', ');
  return `${form} ${limit} 이하: 팀장 전결${skipped ? ` (${skipped} 결재 생략)` : ''}`;
}

/**
 * 결재권한: who may end a line the drafter names, for the drafting page's hint: the org chart's line's last approver
 * for this document and whoever its 위임전결 rule left out after them (an executive may as well); empty when the org
 * chart gives no line (anyone may). approval-request's LineAuthority stays the judge.
 */
export function lineAuthorities(preview: { approvers: PersonRef[]; lineRule?: LineRule }): PersonRef[] {
  if (preview.approvers.length === 0) return [];
  return [preview.approvers[preview.approvers.length - 1], ...(preview.lineRule?.skipped ?? [])];
}

/** The 위임전결 rules in force, for the drafting page's hint; empty when every rule is off. */
export function lineRulesText(rules: { expenseWon: number; leaveDays: number; tripDays: number }): string {
  return [rules.expenseWon > 0 && `지출 ${won(rules.expenseWon)}`, rules.leaveDays > 0 && `휴가 ${rules.leaveDays}일`,
    rules.tripDays > 0 && `출장 ${rules.tripDays}일`].filter(Boolean).join(', ');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The query of GET /api/approval-line for the form as filled so far: only what is complete and well formed (an amount
 * of whole won, dates as yyyy-MM-dd), so that the preview never asks for what the contract refuses; the server leaves
 * the line whole until it knows the document's size.
 */
export function linePreviewQuery(type: DocumentType, f: { amount: string; kind: LeaveKind; start: string; end: string;
  tripStart: string; tripEnd: string }): string {
  const q = new URLSearchParams({ type });
  if (type === 'EXPENSE' && /^\d{1,10}$/.test(f.amount) && Number(f.amount) >= 1 && Number(f.amount) <= 1_000_000_000) {
    q.set('amount', String(Number(f.amount)));
  }
  if (type === 'LEAVE' && ISO_DATE.test(f.start)) {
    q.set('leaveKind', f.kind);
    q.set('startDate', f.start);
    if (f.kind === 'ANNUAL' && ISO_DATE.test(f.end)) q.set('endDate', f.end);
  }
  if (type === 'BUSINESS_TRIP' && ISO_DATE.test(f.tripStart) && (f.tripEnd === '' || ISO_DATE.test(f.tripEnd))) {
    // an end left blank is a one-day trip, as the submission sends it
    q.set('startDate', f.tripStart);
    q.set('endDate', tripEndDate(f.tripStart, f.tripEnd));
  }
  return q.toString();
}

/**
 * Whose leave the caller may look at besides their own, as employee-service decides it (by the org chart, not the
 * rank): everyone for an administrator, else the people of the teams they lead and of the departments they head.
 * Null when nobody (the choice is not offered).
 */
export function leaveOverseen(chart: DepartmentInfo[], meId: number, isAdmin: boolean):
  ((p: Employee) => boolean) | null {
  if (isAdmin) return (p) => p.id !== meId;
  const headed = new Set(chart.filter((d) => d.head?.id === meId).map((d) => d.id));
  const led = new Set(chart.flatMap((d) => d.teams).filter((t) => t.lead?.id === meId).map((t) => t.id));
  if (headed.size === 0 && led.size === 0) return null;
  return (p) => p.id !== meId && (headed.has(p.department.id) || (p.team !== undefined && led.has(p.team.id)));
}

/** 문서함's filters besides box and status, as the hash's query keeps them: Back from a document finds them again. */
export interface DocumentFilters {
  /** the search text asked for (Enter or 검색), not as being typed */
  q: string;
  type: string;
  /** the days of submission, yyyy-MM-dd, both included */
  from: string;
  to: string;
  /** 보류: only the documents whose active step is on hold */
  held: boolean;
}

/**
 * 문서함's filters from the hash's query. What the page would never ask for (a form it does not know, a day not
 * yyyy-MM-dd, search text over the contract's 100 characters) is left out rather than sent: a hash typed or edited by
 * hand would otherwise be a 400.
 */
export function documentFilters(params: URLSearchParams): DocumentFilters {
  const type = params.get('type') ?? '';
  const day = (key: string) => (parseDate(params.get(key) ?? undefined) ? params.get(key)! : '');
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    type: Object.keys(TYPE_LABEL).includes(type) ? type : '',
    from: day('from'),
    to: day('to'),
    held: params.get('held') === 'true',
  };
}

/** The hash's query of 문서함 for a box, a status and filters: only what is set ("?box=drafted&type=EXPENSE&held=true"). */
export function documentsQuery(box: string, status: string, f: DocumentFilters): string {
  const q = new URLSearchParams();
  const set = (key: string, value: string) => { if (value) q.set(key, value); };
  set('box', box);
  set('status', status);
  set('q', f.q);
  set('type', f.type);
  set('from', f.from);
  set('to', f.to);
  if (f.held) q.set('held', 'true');
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * 퇴근 기록 정정: whether 팀 근태 offers it for a day (each has a check-in): one checked out, which may have been
 * recorded wrong, or a past one never checked out; not today's still open, which may be a day still being worked.
 * The server stays the judge (not in the future, after the check-in and within 24 hours of it).
 */
export function checkOutCorrectable(day: { date: string; checkOut?: string }, today: string): boolean {
  return day.checkOut !== undefined || day.date < today;
}

/**
 * 퇴근 기록 정정: the time of day the form starts from: the check-out recorded, in the company's clock (HH:mm; with
 * {@link checkOutAt} it gives that check-out back, the next morning too), else 18:00.
 */
export function checkOutTime(checkOut: string | undefined): string {
  const time = dateTime(checkOut).slice(11);
  return /^\d{2}:\d{2}$/.test(time) ? time : '18:00';
}
