// The shapes of the OpenAPI contracts in openapi/src/main/openapi (only what the UI reads).

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string }[];
}

export interface PersonRef {
  id: number;
  name: string;
  position?: string;
  department?: string;
}

export type Role = 'EMPLOYEE' | 'MANAGER' | 'ADMIN';
export type Position = 'STAFF' | 'TEAM_LEAD' | 'DEPT_HEAD' | 'EXECUTIVE';

export interface Employee {
  id: number;
  username: string;
  name: string;
  email?: string;
  position: Position;
  /** Only in one's own record and to administrators. */
  roles?: Role[];
  department: { id: number; code: string; name: string };
  team?: { id: number; name: string };
  /** 입사일 (YYYY-MM-DD): annual leave is reckoned from it. */
  hiredOn?: string;
  departedAt?: string;
}

/** The org chart (GET /api/departments). */
export interface DepartmentInfo {
  id: number;
  code: string;
  name: string;
  head?: PersonRef;
  teams: { id: number; name: string; lead?: PersonRef }[];
}

/** A department as a document names it (a snapshot, not a live record). */
export interface DepartmentRef {
  id: number;
  name: string;
}

/** 수신처: a department a document is sent to once approved; who of it acknowledged it for all of it (접수), and when. */
export interface ReceivingDepartment {
  department: DepartmentRef;
  /** its head as of the submission, told once the document is approved */
  head?: PersonRef;
  receivedBy?: PersonRef;
  receivedAt?: string;
}

/** 인사: a hire's record and temporary password, shown once (POST /api/employees). */
export interface Hired {
  employee: Employee;
  temporaryPassword: string;
}

/** 퇴사: what recording someone's departure changed. */
export interface Departure {
  employee: PersonRef;
  departedAt: string;
  headOf: string[];
  leadOf: string[];
  delegationsEnded: number;
  successor?: PersonRef;
}

/** One who left (GET /api/employees/departures). */
export interface DepartedEmployee {
  employee: PersonRef;
  username: string;
  departedAt?: string;
  reason?: string;
  successor?: PersonRef;
}

export interface Succession {
  employee: PersonRef;
  successor: PersonRef;
  since: string;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  employee: Employee;
}

export type DocumentType = 'GENERAL' | 'LEAVE' | 'EXPENSE' | 'BUSINESS_TRIP';
export type ExpenseCategory = 'MEAL' | 'TRAVEL' | 'SUPPLIES' | 'EDUCATION' | 'OTHER';

export interface Expense {
  amount: number;
  category: ExpenseCategory;
  spentOn: string;
}

export interface Trip {
  destination: string;
  startDate: string;
  endDate: string;
  purpose?: string;
}
export type LeaveKind = 'ANNUAL' | 'HALF_DAY_AM' | 'HALF_DAY_PM';
export type ApprovalStatus = 'SUBMITTED' | 'IN_PROGRESS' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN' | 'CANCELLED';
export type StepStatus = 'WAITING' | 'PENDING' | 'APPROVED' | 'REJECTED' | 'SKIPPED';

export interface LeaveRequest {
  kind: LeaveKind;
  startDate: string;
  endDate?: string;
}

export interface Leave {
  kind: LeaveKind;
  startDate: string;
  endDate: string;
  days: number;
}

/** One agreer's part of a 합의 (agreement) step. */
export interface Agreement {
  agreer: PersonRef;
  status: StepStatus;
  decidedAt?: string;
  comment?: string;
  deputy?: PersonRef;
}

/** A 결재 step has its approver; a 합의 step has agreements instead, one per agreer. */
export interface LineStep {
  step: number;
  approver?: PersonRef;
  agreements?: Agreement[];
  status: StepStatus;
  decidedAt?: string;
  comment?: string;
  /** who decided the step for its approver (대결) */
  deputy?: PersonRef;
  /** 보류: the active step is on hold, still its approver's to decide */
  hold?: StepHold;
}

/** 보류: who put the active step on hold (its approver, or their deputy), when and why. */
export interface StepHold {
  at: string;
  reason: string;
  by: PersonRef;
}

export interface HistoryEntry {
  eventId: string;
  type: string;
  at: string;
  step?: number;
  actor?: PersonRef;
  comment?: string;
  /** the approver a deputy (actor) decided for (대결) */
  onBehalfOf?: PersonRef;
}

/** 첨부파일: an uploaded file (POST /api/attachments), or one on a document; size in bytes. */
export interface Attachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export interface ApprovalDocument {
  id: string;
  number?: string;
  type: DocumentType;
  title: string;
  body?: string;
  leave?: Leave;
  expense?: Expense;
  trip?: Trip;
  status: ApprovalStatus;
  drafter: PersonRef;
  currentStep?: number;
  line: LineStep[];
  cc: PersonRef[];
  /** the superiors a step that waited too long was escalated to (they may read it); left out when none */
  escalatedTo?: PersonRef[];
  /** 위임전결: the rule that ended the default line with the team lead; left out when the line is whole */
  lineRule?: LineRule;
  /** the drafter's org-chart line at submission or as the last line change judged it (processing judges 전결 by it:
   * the inbox item's finalAuthority); left out when none */
  drafterLine?: PersonRef[];
  submittedAt: string;
  updatedAt?: string;
  completedAt?: string;
  history: HistoryEntry[];
  resubmissionOf?: string;
  resubmittedAs?: string;
  /** 수신: who receives it once approved, and when each acknowledged it (접수) */
  receivers?: { receiver: PersonRef; receivedAt?: string }[];
  /** 수신처: the departments it is sent to once approved, each acknowledged (접수) once, by anyone of it; left out when none */
  receivingDepartments?: ReceivingDepartment[];
  /** 의견, oldest first */
  comments?: { id: string; author: PersonRef; text: string; at: string }[];
  /** Who may decide the active step today for whom: a deputy (대결) or the successor of someone who left (인수). */
  standIns?: { approver: PersonRef; deputy: PersonRef }[];
  /** 첨부파일, in the order the drafter gave them; left out when none */
  attachments?: Attachment[];
  /** 열람: who besides the drafter opened it, and when first */
  readBy?: { reader: PersonRef; at: string }[];
}

/** 결재선 변경: one step's new people (PUT /api/approvals/{id}/line): an approver (결재), or agreers (합의). */
export interface LineChangeStep {
  step: number;
  approverId?: number;
  agreerIds?: number[];
}

/**
 * 결재선 변경: one step of the line from the active step on, as it is to be (PUT /api/approvals/{id}/line, `remaining`):
 * an approver (결재), or agreers (합의), not both.
 */
export interface LineRemainingStep {
  approverId?: number;
  agreerIds?: number[];
}

/**
 * The body of a line change: exactly one of `steps` (by number) and `remaining` (the rest of the line as it is to be),
 * the latter with `fromStep`, the active step it was drafted at (409 if the document has moved on since).
 */
export interface LineChangeRequest {
  steps?: LineChangeStep[];
  remaining?: LineRemainingStep[];
  fromStep?: number;
  reason?: string;
}

/** The answer to a line change: the steps whose people changed, and the whole line now. */
export interface LineChangeResult {
  approvalId: string;
  steps: number[];
  currentStep?: number;
  status: 'IN_PROGRESS';
  line: { step: number; approver?: PersonRef; agreers?: PersonRef[] }[];
}

export interface ApprovalSummary {
  id: string;
  drafter?: PersonRef;
  number?: string;
  type: DocumentType;
  title: string;
  status: ApprovalStatus;
  currentStep?: number;
  /** 보류: since when the active step has been on hold */
  heldAt?: string;
  submittedAt: string;
  updatedAt?: string;
}

export interface ApprovalList {
  items: ApprovalSummary[];
  nextCursor?: string;
}

export interface SubmissionAccepted {
  id: string;
  status: ApprovalStatus;
  currentStep?: number;
  nextApprover?: PersonRef;
}

export interface InboxItem {
  approvalId: string;
  title: string;
  drafter: PersonRef;
  step: number;
  stepCount: number;
  activatedAt: string;
  /** the approver whose step the caller decides as their deputy (대결) */
  onBehalfOf?: PersonRef;
  /** a 합의 step: the caller agrees (APPROVE) or not (REJECT) */
  agreement?: boolean;
  /** 보류: since when the caller (or whom they decide for) has held the step */
  heldAt?: string;
  /** 전결 is theirs to use here now (the server's rules, 결재권한 included); never on a deputy's item */
  finalAuthority?: boolean;
}

/** 임시저장: a draft of the caller's, with what the form kept in it. */
export interface SavedDraft {
  id: string;
  type?: DocumentType;
  title: string;
  form: Record<string, unknown>;
  /** 첨부파일 kept with the draft */
  attachments?: Attachment[];
  savedAt: string;
}

export interface DraftList {
  items: { id: string; type?: DocumentType; title: string; savedAt: string }[];
}

/** 자주 쓰는 결재선: a line the caller keeps under a name (GET /api/employees/me/approval-lines). */
export interface SavedLine {
  id: number;
  name: string;
  approvers: PersonRef[];
  agreement?: { agreers: PersonRef[]; position?: number };
  cc: PersonRef[];
  receivers: PersonRef[];
  /** 수신처 */
  receivingDepartments?: { id: number; code: string; name: string }[];
  /** people on it who have left: a document cannot name them */
  unavailable: PersonRef[];
  savedAt: string;
}

/** A page of the inbox, oldest first; `total` waiting in all (of the drafter asked for). */
export interface InboxPage {
  items: InboxItem[];
  total: number;
  nextCursor?: string;
}

/** 일괄결재: each item's outcome, in the order asked (POST /api/inbox/decisions). */
export interface BulkDecisionResult {
  decided: number;
  refused: number;
  outcomes: { approvalId: string; onBehalfOf?: number; status: number; result?: { status: string }; problem?: Problem }[];
}

/** 대결: while the approver is away, from startDate to endDate (both included), the deputy decides for them. */
export interface Delegation {
  approver: PersonRef;
  deputy: PersonRef;
  startDate: string;
  endDate: string;
  reason?: string;
  inForce: boolean;
}

export interface Delegations {
  mine?: Delegation;
  actingFor: Delegation[];
}

export interface Notification {
  id: string;
  type: string;
  /** a notification is about a document or a quest */
  approvalId?: string;
  questId?: number;
  title: string;
  message: string;
  actor?: PersonRef;
  createdAt: string;
}

export interface NotificationList {
  unread: number;
  items: Notification[];
}

/** The company's days (GET /api/leave/days-off): leave is taken on working days that are no holiday. */
export interface DaysOff {
  workingDays: string[];
  holidays: string[];
}

export interface LeaveBalance {
  employeeId: number;
  year: number;
  granted: number;
  used: number;
  reserved: number;
  available: number;
}

export interface LeaveEntry {
  id: number;
  kind: 'RESERVED' | 'REFUSED' | 'DEDUCTED' | 'RELEASED' | 'CANCELLED' | 'GRANTED' | 'EARNED';
  at: string;
  days: number;
  availableAfter: number;
  approvalId?: string;
  title?: string;
  leaveKind?: LeaveKind;
  startDate?: string;
  endDate?: string;
  note?: string;
  questId?: number;
  attendanceDays?: number;
}

/** 부서 휴가 현황: who of a department is away in a month, approved or on its way (no titles, no reasons). */
export interface LeaveCalendar {
  month: string;
  department: DepartmentRef;
  leaves: { employee: PersonRef; leaveKind: LeaveKind; startDate: string; endDate: string; days: number;
    status: 'APPROVED' | 'PENDING' }[];
}

export type QuestStatus = 'OPEN' | 'TAKEN' | 'SUBMITTED' | 'APPROVED' | 'CANCELLED';

export interface Quest {
  id: number;
  title: string;
  description?: string;
  rewardDays: number;
  /** approved: what it paid (less than rewardDays at the yearly limit of quest rewards) */
  rewardPaidDays?: number;
  dueDate?: string;
  status: QuestStatus;
  poster: PersonRef;
  assignee?: PersonRef;
  report?: string;
  reviewNote?: string;
  postedAt: string;
  updatedAt: string;
  /** when last reported done: a quest sent back stays reported, and its poster no longer calls it off */
  reportedAt?: string;
  /** its poster has left: an administrator reviews it */
  posterLeft?: boolean;
  /** its poster no longer reviews quests (left, or no longer a manager): an administrator reviews it */
  reviewedInPostersPlace?: boolean;
}

/** A check-in's or check-out's answer. */
export interface AttendanceDay {
  date: string;
  checkIn: string;
  checkOut?: string;
  /** whether the day counts toward earned leave (not a day off, not one's own approved leave) */
  counted: boolean;
  notCounted?: string;
  attendanceDays: number;
  daysToNextLeaveDay: number;
  earnedDays: number;
}

/** A day of a month's list. */
export interface AttendanceRecord {
  date: string;
  checkIn: string;
  checkOut?: string;
  counted: boolean;
  /** check-in to check-out, whole minutes; absent until checked out */
  workedMinutes?: number;
  /** 퇴근 기록 정정: who recorded the check-out for them, when, why, what it was before */
  correction?: string;
}

/** 팀 근태: the month of the people one leads. */
export interface TeamAttendance {
  month: string;
  department: { id: number; name: string };
  members: { employee: PersonRef; daysCheckedIn: number; workedMinutes: number; days: AttendanceRecord[] }[];
}

/** A month of one's attendance. */
export interface AttendanceMonth {
  month: string;
  days: AttendanceRecord[];
  daysCheckedIn: number;
  /** on the days checked out too */
  workedMinutes: number;
}

export interface DispatchModeState {
  mode: 'ASYNC' | 'SYNC';
  since: string;
  changedBy?: string; // administrators only
}

export interface DeadLetterOverview {
  topics: { topic: string; originalTopic: string; pending: number; total: number }[];
  messages: { topic: string; partition: number; offset: number; key?: string; route?: string; reason?: string;
    failedAt?: string; value?: string }[];
}

/** 결재 통계 (GET /api/reports/approvals). */
export interface ReportCounts {
  type?: DocumentType;
  submitted: number;
  inProgress: number;
  approved: number;
  rejected: number;
  withdrawn: number;
}

export interface ApprovalReport {
  from: string;
  to: string;
  department?: string;
  total: ReportCounts;
  byType: ReportCounts[];
  completion: { count: number; medianHours?: number; p90Hours?: number };
  approvers: { approver: PersonRef; decided: number; medianHours?: number; p90Hours?: number; waiting: number; waitingSince?: string }[];
}

/** 위임전결: a document of `form` and `size` (won or days: `unit`) within the `limit` a team lead decides. */
export interface LineRule {
  form: DocumentType;
  position: 'TEAM_LEAD';
  limit: number;
  unit: 'WON' | 'DAYS';
  size: number;
  decidedBy: PersonRef;
  skipped: PersonRef[];
}

/** GET /api/approval-line: the line a document of a form and size would go now, and the rules that cut lines. */
export interface ApprovalLinePreview {
  approvers: PersonRef[];
  lineRule?: LineRule;
  rules: { expenseWon: number; leaveDays: number; tripDays: number };
}
