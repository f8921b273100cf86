import { describe, expect, it } from 'vitest';
import type { DepartmentInfo, Employee } from './types';
import { activeStepIndex, attachmentRefusal, changeableSteps, checkOutAt, companyToday, dataUrlBase64, dateTime, departmentReceipt, deputyFor, documentForm, fileSize, positionLabel, HISTORY_LABEL, hoursAndMinutes,
  leaveOverseen, leavePreview, lineDraft, lineDraftChanged, lineDraftProblem, lineRemaining, lineSignature, localDate, MAX_ATTACHMENT_BYTES, MAX_LINE_STEPS,
  mayCancelLeave, pendingReceipt, problemMessage, questActions, reportCsv, withApproverStep, withoutStep, withStepMoved,
  withStepPeople, lineAuthorities, linePreviewQuery, lineRuleText, lineRulesText, checkOutCorrectable,
  checkOutTime, documentFilters, documentsQuery } from './format';
import { parseRoute } from './router';

describe('problemMessage', () => {
  it('says the detail and names each invalid field', () => {
    expect(problemMessage({ type: '/problems/validation', title: 'Bad Request', status: 400,
      detail: 'The request does not follow the contract.',
      errors: [{ field: '/title', message: 'must not be empty' }, { field: '/type', message: 'not one of GENERAL, LEAVE' }] }))
      .toBe('The request does not follow the contract. (/title: must not be empty; /type: not one of GENERAL, LEAVE)');
  });
  it('falls back to the title, then the status', () => {
    expect(problemMessage({ type: 'about:blank', title: 'Forbidden', status: 403 })).toBe('Forbidden');
    expect(problemMessage({ type: 'about:blank', title: '', status: 502 })).toBe('HTTP 502');
  });
});

describe('leavePreview counts working days as the ledger does', () => {
  it('Monday to Friday of one week is 5 days; over a weekend the weekend is left out', () => {
    expect(leavePreview('ANNUAL', '2027-03-01', '2027-03-05')).toEqual({ days: 5 });
    expect(leavePreview('ANNUAL', '2027-03-04', '2027-03-09')).toEqual({ days: 4 });
    expect(leavePreview('ANNUAL', '2027-03-03', undefined)).toEqual({ days: 1 });
  });
  it('a half day is 0.5 and one date', () => {
    expect(leavePreview('HALF_DAY_AM', '2027-03-03', undefined)).toEqual({ days: 0.5 });
    expect(leavePreview('HALF_DAY_PM', '2027-03-03', '2027-03-04')).toHaveProperty('error');
  });
  it('refuses what the server refuses: weekends only, reversed dates, two years, no date', () => {
    expect(leavePreview('ANNUAL', '2027-03-06', '2027-03-07')).toHaveProperty('error');
    expect(leavePreview('HALF_DAY_AM', '2027-03-06', undefined)).toHaveProperty('error');
    expect(leavePreview('ANNUAL', '2027-03-05', '2027-03-01')).toHaveProperty('error');
    expect(leavePreview('ANNUAL', '2026-12-31', '2027-01-04')).toHaveProperty('error');
    expect(leavePreview('ANNUAL', '', undefined)).toHaveProperty('error');
    expect(leavePreview('ANNUAL', '2027-02-30', undefined)).toHaveProperty('error');
  });

  it('leaves out the company\'s holidays, and refuses a leave on holidays only', () => {
    const korea = { workingDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], holidays: ['2026-09-24', '2026-09-25'] };
    expect(leavePreview('ANNUAL', '2026-09-21', '2026-09-25', korea)).toEqual({ days: 3 });
    expect(leavePreview('ANNUAL', '2026-09-24', '2026-09-27', korea)).toHaveProperty('error');
    expect(leavePreview('HALF_DAY_PM', '2026-09-25', undefined, korea)).toHaveProperty('error');
    expect(leavePreview('ANNUAL', '2026-09-21', '2026-09-25')).toEqual({ days: 5 });
  });
});

describe('positionLabel', () => {
  it('reads a position as people do, and an unknown code as it is', () => {
    expect(['STAFF', 'TEAM_LEAD', 'DEPT_HEAD', 'EXECUTIVE'].map(positionLabel)).toEqual(['사원', '팀장', '부서장', '임원']);
    expect(positionLabel('INTERN')).toBe('INTERN');
    expect(positionLabel(undefined)).toBe('');
  });
});

describe('questActions offers what the quest rules allow', () => {
  const poster = { id: 1 };
  const me = { id: 2, manager: false, admin: false };
  it('anyone but the poster takes an open quest; the poster may call it off', () => {
    expect(questActions({ status: 'OPEN', poster }, me)).toEqual(['take']);
    expect(questActions({ status: 'OPEN', poster }, { id: 1, manager: true, admin: false })).toEqual(['cancellation']);
  });
  it('the taker reports or gives up; others see nothing to do', () => {
    expect(questActions({ status: 'TAKEN', poster, assignee: { id: 2 } }, me)).toEqual(['report', 'give-up']);
    expect(questActions({ status: 'TAKEN', poster, assignee: { id: 3 } }, me)).toEqual([]);
  });
  it('only the posting manager reviews; an administrator may call off a reported quest', () => {
    const reported = { status: 'SUBMITTED' as const, poster, assignee: { id: 2 } };
    expect(questActions(reported, { id: 1, manager: true, admin: false })).toEqual(['approval', 'send-back']);
    expect(questActions(reported, { id: 3, manager: true, admin: false })).toEqual([]);
    expect(questActions(reported, { id: 3, manager: false, admin: true })).toEqual(['cancellation']);
    expect(questActions({ status: 'APPROVED', poster }, { id: 3, manager: false, admin: true })).toEqual([]);
  });
  it('a quest sent back is not the poster\'s to call off; a poster who left is replaced by an administrator', () => {
    const sentBack = { status: 'TAKEN' as const, poster, assignee: { id: 2 }, reportedAt: '2026-12-04T01:00:00Z' };
    expect(questActions(sentBack, { id: 1, manager: true, admin: false })).toEqual([]);
    expect(questActions(sentBack, { id: 3, manager: false, admin: true })).toEqual(['cancellation']);
    const orphan = { status: 'SUBMITTED' as const, poster, assignee: { id: 2 }, reviewedInPostersPlace: true };
    expect(questActions(orphan, { id: 3, manager: false, admin: true })).toEqual(['approval', 'send-back', 'cancellation']);
    expect(questActions(orphan, { id: 3, manager: true, admin: false })).toEqual([]);
    // the poster, an administrator no longer a manager: not in their own place (QuestBoard refuses it 403)
    expect(questActions(orphan, { id: 1, manager: false, admin: true })).toEqual(['cancellation']);
  });
});

describe('dateTime', () => {
  it('shows the company\'s time (Seoul), whatever the browser\'s zone is', () => {
    expect(dateTime('2026-12-01T23:30:00Z')).toBe('2026-12-02 08:30');
    expect(dateTime('2026-12-31T15:00:00.000Z')).toBe('2027-01-01 00:00');
    expect(dateTime(undefined)).toBe('');
    expect(dateTime('not a time')).toBe('not a time');
  });
});

describe('localDate', () => {
  it('is the browser calendar day, padded', () => {
    expect(localDate(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
  });
});

describe('deputyFor offers 대결 as approval-processing allows it', () => {
  const lead = { id: 2, name: 'lead' };
  const head = { id: 3, name: 'head' };
  const doc = { drafter: { id: 1 }, line: [{ approver: lead, status: 'PENDING' }, { approver: head, status: 'WAITING' }] };
  it('for the pending step’s approver who named me, while in force', () => {
    expect(deputyFor(doc, 7, [{ approver: lead, inForce: true }])).toEqual(lead);
    expect(deputyFor(doc, 7, [{ approver: lead, inForce: false }])).toBeUndefined();
    expect(deputyFor(doc, 7, [{ approver: head, inForce: true }])).toBeUndefined();
  });
  it('for an agreer of a 합의 step who has not decided yet', () => {
    const agreement = { drafter: { id: 1 }, line: [{ status: 'PENDING', agreements: [
      { agreer: lead, status: 'APPROVED' }, { agreer: head, status: 'PENDING' }] }] };
    expect(deputyFor(agreement, 7, [{ approver: head, inForce: true }])).toEqual(head);
    expect(deputyFor(agreement, 7, [{ approver: lead, inForce: true }])).toBeUndefined();
    // an agreer is on the line: no deputy for anyone else
    expect(deputyFor(agreement, 2, [{ approver: head, inForce: true }])).toBeUndefined();
  });
  it('never to the drafter or someone on the line, nor when nothing is pending', () => {
    expect(deputyFor(doc, 1, [{ approver: lead, inForce: true }])).toBeUndefined();
    expect(deputyFor(doc, 3, [{ approver: lead, inForce: true }])).toBeUndefined();
    expect(deputyFor({ ...doc, line: [{ approver: lead, status: 'APPROVED' }] }, 7, [{ approver: lead, inForce: true }]))
      .toBeUndefined();
  });
});

describe('reportCsv', () => {
  it('writes every table of the report, quoting what needs it, with a BOM for spreadsheets', () => {
    const csv = reportCsv({
      from: '2026-12-01', to: '2026-12-03', department: '개발본부',
      total: { submitted: 3, inProgress: 1, approved: 1, rejected: 1, withdrawn: 0 },
      byType: [{ type: 'GENERAL', submitted: 3, inProgress: 1, approved: 1, rejected: 1, withdrawn: 0 }],
      completion: { count: 2, medianHours: 1.5, p90Hours: 4 },
      approvers: [{ approver: { id: 2, name: '이, "서연"', department: '개발본부' }, decided: 2, medianHours: 1, waiting: 1,
        waitingSince: '2026-12-03T01:00:00Z' }],
    });
    expect(csv.startsWith('\uFEFF결재 통계,2026-12-01,2026-12-03,개발본부\r\n')).toBe(true);
    expect(csv).toContain('\r\nGENERAL,3,1,1,1,0\r\n합계,3,1,1,1,0\r\n');
    expect(csv).toContain('\r\n2,1.5,4\r\n');
    // the company's time, as the report on screen shows it (01:00 UTC is 10:00 in Seoul)
    expect(csv).toContain('\r\n"이, ""서연""",개발본부,2,1,,1,2026-12-03 10:00\r\n');
    expect(reportCsv({ from: 'a', to: 'b', department: '=HYPERLINK("x")', total: { submitted: 0, inProgress: 0, approved: 0,
      rejected: 0, withdrawn: 0 }, byType: [], completion: { count: 0 }, approvers: [] }))
      .toContain('결재 통계,a,b,"\'=HYPERLINK(""x"")"\r\n');
  });
});

describe('결재선 변경', () => {
  const a = { id: 2, name: 'a' };
  const b = { id: 3, name: 'b' };
  const c = { id: 4, name: 'c' };
  it('is labelled in the history', () => {
    expect(HISTORY_LABEL.LINE_CHANGED).toBe('결재선 변경');
  });
  it('offers the steps nobody has decided yet: later ones, and the active one while nobody on it decided', () => {
    const line = [
      { step: 1, approver: a, status: 'APPROVED' },
      { step: 2, status: 'PENDING', agreements: [{ agreer: b, status: 'PENDING' }, { agreer: c, status: 'PENDING' }] },
      { step: 3, approver: c, status: 'WAITING' },
    ];
    expect(changeableSteps(line).map((s) => s.step)).toEqual([2, 3]);
    const partly = line.map((s) => (s.step === 2 ? { ...s, agreements: [{ agreer: b, status: 'APPROVED' }, { agreer: c, status: 'PENDING' }] } : s));
    expect(changeableSteps(partly).map((s) => s.step)).toEqual([3]);
    expect(changeableSteps([{ step: 1, approver: a, status: 'PENDING' }])).toHaveLength(1);
  });
  const line = [
    { step: 1, approver: a, status: 'APPROVED' as const },
    { step: 2, approver: b, status: 'PENDING' as const },
    { step: 3, approver: c, status: 'WAITING' as const },
  ];
  it('drafts the rest of the line from the active step on, each step with its people', () => {
    expect(activeStepIndex(line)).toBe(1);
    expect(lineDraft(line)).toEqual([
      { key: 's2', step: 2, status: 'PENDING', agreement: false, ids: [3], fixed: false },
      { key: 's3', step: 3, status: 'WAITING', agreement: false, ids: [4], fixed: false },
    ]);
    expect(lineRemaining(lineDraft(line))).toEqual([{ approverId: 3 }, { approverId: 4 }]);
    expect(lineDraft([{ step: 1, approver: a, status: 'APPROVED' }])).toEqual([]);
  });
  it('keeps an active 합의 step decided in part fixed: first, as it is, neither moved nor removed nor edited', () => {
    const partly = [
      { step: 1, status: 'PENDING' as const, agreements: [{ agreer: a, status: 'APPROVED' }, { agreer: b, status: 'PENDING' }] },
      { step: 2, approver: c, status: 'WAITING' as const },
    ];
    const d = lineDraft(partly);
    expect(d.map((s) => s.fixed)).toEqual([true, false]);
    expect(lineRemaining(d)).toEqual([{ agreerIds: [2, 3] }, { approverId: 4 }]);
    expect(withoutStep(d, 0)).toBe(d);
    expect(withStepMoved(d, 1, -1)).toBe(d);
    expect(withStepPeople(d, 0, [5])).toEqual(d);
    // a step added goes after it at the earliest
    expect(withApproverStep(d, 'n1', 0).map((s) => s.key)).toEqual(['s1', 'n1', 's2']);
    // still pending everywhere: editable like any other
    expect(lineDraft(partly.map((s) => (s.step === 1 ? { ...s, agreements: [{ agreer: a, status: 'PENDING' }] } : s)))[0].fixed).toBe(false);
  });
  it('adds an approver step before the last one, removes and moves steps, and says whether anything changed', () => {
    const d = lineDraft(line);
    expect(lineDraftChanged(line, d)).toBe(false);
    const more = withStepPeople(withApproverStep(d, 'n1'), 1, [5]);
    expect(more.map((s) => s.key)).toEqual(['s2', 'n1', 's3']);
    expect(lineRemaining(more)).toEqual([{ approverId: 3 }, { approverId: 5 }, { approverId: 4 }]);
    expect(lineDraftChanged(line, more)).toBe(true);
    expect(lineDraftChanged(line, withoutStep(more, 1))).toBe(false);
    expect(lineRemaining(withoutStep(d, 0))).toEqual([{ approverId: 4 }]);
    expect(lineRemaining(withStepMoved(d, 0, 1))).toEqual([{ approverId: 4 }, { approverId: 3 }]);
    expect(withStepMoved(d, 1, 1)).toBe(d);
    expect(withStepMoved(d, 0, -1)).toBe(d);
    expect(lineDraftChanged(line, withStepPeople(d, 1, [5]))).toBe(true);
    expect(withApproverStep([], 'n1').map((s) => s.key)).toEqual(['n1']);
  });
  it('agreers in any order are no change; their ids are sent once each', () => {
    const agreed = [{ step: 1, status: 'PENDING' as const, agreements: [{ agreer: a, status: 'PENDING' }, { agreer: b, status: 'PENDING' }] },
      { step: 2, approver: c, status: 'WAITING' as const }];
    const d = lineDraft(agreed);
    expect(lineDraftChanged(agreed, withStepPeople(d, 0, [3, 2]))).toBe(false);
    expect(lineRemaining(withStepPeople(d, 0, [5, 5, 2]))).toEqual([{ agreerIds: [5, 2] }, { approverId: 4 }]);
  });
  it('says what keeps a draft from being sent: no step, a step without its person, a 합의 step last, too many steps, someone twice', () => {
    const d = lineDraft(line);
    expect(lineDraftProblem(d, 2)).toBeUndefined();
    expect(lineDraftProblem([], 2)).toContain('needs a step');
    expect(lineDraftProblem(withApproverStep(d, 'n1'), 2)).toContain('3단계: 결재자를 고르세요');
    const agreementLast = [...d, { key: 'n1', agreement: true, ids: [5], fixed: false }];
    expect(lineDraftProblem(agreementLast, 2)).toContain('마지막 단계는 결재 단계');
    expect(lineDraftProblem([...d.slice(0, 1), { key: 'n1', agreement: true, ids: [], fixed: false }, ...d.slice(1)], 2))
      .toContain('3단계: 합의자를');
    expect(lineDraftProblem(d, MAX_LINE_STEPS - 1)).toBeUndefined();
    expect(lineDraftProblem(d, MAX_LINE_STEPS)).toContain('at most 10 steps');
    expect(lineDraftProblem(withStepPeople(d, 1, [3]), 2)).toContain('someone is on two steps');
  });
  it('a line\'s signature changes with its statuses and people', () => {
    expect(lineSignature(line)).toBe(lineSignature(line.map((s) => ({ ...s }))));
    expect(lineSignature(line)).not.toBe(lineSignature(line.map((s) => (s.step === 2 ? { ...s, status: 'APPROVED' as const } : s))));
    expect(lineSignature(line)).not.toBe(lineSignature(line.map((s) => (s.step === 3 ? { ...s, approver: b } : s))));
  });
});

describe('첨부파일', () => {
  it('sizes are in bytes, then KB and MB of 1024, to a tenth', () => {
    expect(fileSize(0)).toBe('0 B');
    expect(fileSize(1023)).toBe('1023 B');
    expect(fileSize(1024)).toBe('1.0 KB');
    expect(fileSize(12595)).toBe('12.3 KB');
    expect(fileSize(1024 * 1024 - 1)).toBe('1.0 MB');
    expect(fileSize(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(fileSize(Math.round(4.8 * 1024 * 1024))).toBe('4.8 MB');
  });
  it('refuses before sending what the server refuses: empty, over 5 MB, a name over 200 characters', () => {
    expect(attachmentRefusal({ name: '영수증.pdf', size: 1 })).toBeUndefined();
    expect(attachmentRefusal({ name: '영수증.pdf', size: MAX_ATTACHMENT_BYTES })).toBeUndefined();
    expect(attachmentRefusal({ name: '영수증.pdf', size: MAX_ATTACHMENT_BYTES + 1 })).toContain('영수증.pdf: 5.0 MB');
    expect(attachmentRefusal({ name: '영수증.pdf', size: MAX_ATTACHMENT_BYTES + 1 })).toContain('at most 5 MB');
    expect(attachmentRefusal({ name: 'empty.txt', size: 0 })).toContain('empty');
    expect(attachmentRefusal({ name: 'a'.repeat(201), size: 10 })).toContain('200');
    expect(attachmentRefusal({ name: 'a'.repeat(200), size: 10 })).toBeUndefined();
  });
  it('takes the base64 of a data: URL', () => {
    expect(dataUrlBase64('data:text/plain;base64,7ZqM7Iud')).toBe('7ZqM7Iud');
    expect(dataUrlBase64('data:application/octet-stream;base64,AAE=')).toBe('AAE=');
  });
});

describe('pendingReceipt says what 접수 would acknowledge, as approval-request decides it', () => {
  const sales = { id: 2, name: '영업본부' };
  const dev = { id: 1, name: '개발본부' };
  const me = { id: 4, department: { id: 2 } };
  const doc = (over: object) => ({ status: 'APPROVED' as const, ...over });
  it('nothing before the document is approved, nor when it was sent neither to me nor to my department', () => {
    expect(pendingReceipt({ status: 'IN_PROGRESS', receivers: [{ receiver: { id: 4 } }],
      receivingDepartments: [{ department: sales }] }, me)).toBeUndefined();
    expect(pendingReceipt(doc({}), me)).toBeUndefined();
    expect(pendingReceipt(doc({ receivers: [{ receiver: { id: 5 } }], receivingDepartments: [{ department: dev }] }), me)).toBeUndefined();
  });
  it('my own receipt first, then my department\'s', () => {
    expect(pendingReceipt(doc({ receivers: [{ receiver: { id: 4 } }], receivingDepartments: [{ department: sales }] }), me))
      .toEqual({ kind: 'personal' });
    expect(pendingReceipt(doc({ receivers: [{ receiver: { id: 4 }, receivedAt: '2026-12-02T01:22:00Z' }],
      receivingDepartments: [{ department: dev }, { department: sales }] }), me)).toEqual({ kind: 'department', department: sales });
  });
  it('a department acknowledged by anyone of it is done for all of it', () => {
    expect(pendingReceipt(doc({ receivingDepartments: [{ department: sales, receivedBy: { id: 5, name: '정하늘' },
      receivedAt: '2026-12-02T01:22:00Z' }] }), me)).toBeUndefined();
    expect(pendingReceipt(doc({ receivingDepartments: [{ department: sales }] }), { id: 4 })).toBeUndefined();
  });
});

describe('mayCancelLeave says who may cancel an approved leave (휴가 취소), as approval-request decides it', () => {
  const leave = (over: object) => ({ type: 'LEAVE', status: 'APPROVED' as const, drafter: { id: 4 },
    leave: { startDate: '2026-12-10' }, ...over });
  it('its drafter, before its first day in the company\'s calendar', () => {
    expect(mayCancelLeave(leave({}), 4, false, '2026-12-09')).toBe(true);
    expect(mayCancelLeave(leave({}), 4, false, '2026-12-10')).toBe(false);
    expect(mayCancelLeave(leave({}), 4, false, '2026-12-11')).toBe(false);
  });
  it('an administrator at any time; nobody else', () => {
    expect(mayCancelLeave(leave({}), 1, true, '2026-12-11')).toBe(true);
    // not their own begun leave: days taken come back only by someone else's word (409 from approval-request)
    expect(mayCancelLeave(leave({ drafter: { id: 1 } }), 1, true, '2026-12-11')).toBe(false);
    expect(mayCancelLeave(leave({ drafter: { id: 1 } }), 1, true, '2026-12-09')).toBe(true);
    expect(mayCancelLeave(leave({}), 5, false, '2026-12-09')).toBe(false);
  });
  it('only an approved leave document', () => {
    expect(mayCancelLeave(leave({ status: 'IN_PROGRESS' }), 4, false, '2026-12-09')).toBe(false);
    expect(mayCancelLeave(leave({ status: 'CANCELLED' }), 1, true, '2026-12-09')).toBe(false);
    expect(mayCancelLeave(leave({ type: 'GENERAL', leave: undefined }), 4, false, '2026-12-09')).toBe(false);
  });
});

describe('checkOutAt: the check-out a lead records, in the company\'s clock', () => {
  it('on the day checked in, after the check-in', () => {
    expect(checkOutAt('2025-03-03', '18:30', '2025-03-03T00:00:00Z')).toBe('2025-03-03T18:30:00+09:00');
    expect(new Date(checkOutAt('2025-03-03', '18:30', '2025-03-03T00:00:00Z')).toISOString()).toBe('2025-03-03T09:30:00.000Z');
  });
  it('the next morning when the time is before the check-in (a day past midnight), also across a month', () => {
    expect(checkOutAt('2025-03-03', '02:00', '2025-03-03T12:00:00Z')).toBe('2025-03-04T02:00:00+09:00');
    expect(checkOutAt('2025-02-28', '01:30', '2025-02-28T13:00:00Z')).toBe('2025-03-01T01:30:00+09:00');
  });
});

describe('companyToday is the day in Seoul, not the browser\'s', () => {
  it('past 15:00 UTC it is the next day in Seoul', () => {
    expect(companyToday(new Date('2026-12-09T14:59:00Z'))).toBe('2026-12-09');
    expect(companyToday(new Date('2026-12-09T15:00:00Z'))).toBe('2026-12-10');
  });
});

describe('departmentReceipt shows a 수신처\'s receipt', () => {
  const sales = { id: 2, name: '영업본부' };
  it('who and when once acknowledged; 미접수 once approved; nothing before', () => {
    const at = '2026-12-02T01:22:00Z';
    expect(departmentReceipt({ department: sales, receivedBy: { id: 4, name: '최유진' }, receivedAt: at }, true))
      .toBe(`접수 최유진 ${dateTime(at)}`);
    expect(departmentReceipt({ department: sales }, true)).toBe('미접수');
    expect(departmentReceipt({ department: sales, head: { id: 6, name: '강도윤' } }, false)).toBe('');
  });
});

describe('documentForm fills the draft form from a document (재기안, 복사 기안)', () => {
  const lead = { id: 2, name: '이서연', position: 'TEAM_LEAD' };
  const head = { id: 3, name: '박지훈', position: 'DEPT_HEAD' };
  const ceo = { id: 9, name: '오세훈', position: 'EXECUTIVE' };
  const agreer = { id: 7, name: '강도윤' };
  const base = { type: 'GENERAL' as const, title: '출장비 정산', cc: [], line: [
    { step: 1, approver: lead, status: 'APPROVED' as const }, { step: 2, approver: head, status: 'APPROVED' as const }] };
  it('takes the title and body, the approvers as a chosen line, and the defaults of fields the form has not', () => {
    expect(documentForm({ ...base, body: '본문' })).toEqual({
      type: 'GENERAL', title: '출장비 정산', body: '본문', kind: 'ANNUAL', start: '', end: '', custom: true, amount: '',
      category: 'MEAL', spentOn: '', destination: '', tripStart: '', tripEnd: '', purpose: '', approvers: [lead, head],
      cc: [], agreers: [], agreementAt: 0, receivers: [], receivingDepartments: [] });
    expect(documentForm(base).body).toBe('');
  });
  it('takes the fields of a leave, an expense claim and a trip', () => {
    expect(documentForm({ ...base, type: 'LEAVE', leave: { kind: 'HALF_DAY_PM', startDate: '2027-03-02', endDate: '2027-03-02', days: 0.5 } }))
      .toMatchObject({ type: 'LEAVE', kind: 'HALF_DAY_PM', start: '2027-03-02', end: '2027-03-02' });
    expect(documentForm({ ...base, type: 'EXPENSE', expense: { amount: 48000, category: 'TRAVEL', spentOn: '2027-03-01' } }))
      .toMatchObject({ type: 'EXPENSE', amount: '48000', category: 'TRAVEL', spentOn: '2027-03-01' });
    expect(documentForm({ ...base, type: 'BUSINESS_TRIP', trip: { destination: '부산', startDate: '2027-03-02', endDate: '2027-03-03' } }))
      .toMatchObject({ destination: '부산', tripStart: '2027-03-02', tripEnd: '2027-03-03', purpose: '' });
  });
  it('keeps the 합의 before the approver it came before, and its agreers', () => {
    const line = [{ step: 1, approver: lead, status: 'APPROVED' as const },
      { step: 2, status: 'APPROVED' as const, agreements: [{ agreer, status: 'APPROVED' as const }] },
      { step: 3, approver: head, status: 'REJECTED' as const }, { step: 4, approver: ceo, status: 'WAITING' as const }];
    expect(documentForm({ ...base, line })).toMatchObject({ approvers: [lead, head, ceo], agreers: [agreer], agreementAt: 2 });
    expect(documentForm({ ...base, line: [line[1], line[0]] })).toMatchObject({ approvers: [lead], agreers: [agreer], agreementAt: 1 });
  });
  it('takes cc, receivers (수신) and 수신처, without who received it or when', () => {
    const cc = [{ id: 5, name: '최유진' }];
    const f = documentForm({ ...base, cc, receivers: [{ receiver: agreer, receivedAt: '2027-03-02T01:00:00Z' }],
      receivingDepartments: [{ department: { id: 2, name: '영업본부' }, head: ceo, receivedBy: agreer, receivedAt: '2027-03-02T01:00:00Z' }] });
    expect(f.cc).toEqual(cc);
    expect(f.receivers).toEqual([agreer]);
    expect(f.receivingDepartments).toEqual([{ id: 2, name: '영업본부' }]);
  });
});

describe('hoursAndMinutes', () => {
  it('says hours and minutes, leaving out a zero part', () => {
    expect(hoursAndMinutes(555)).toBe('9시간 15분');
    expect(hoursAndMinutes(45)).toBe('45분');
    expect(hoursAndMinutes(480)).toBe('8시간');
    expect(hoursAndMinutes(0)).toBe('0분');
  });
});

describe('위임전결 on the drafting page', () => {
  const blank = { amount: '', kind: 'ANNUAL' as const, start: '', end: '', tripStart: '', tripEnd: '' };

  it('asks for the line with only what is complete', () => {
    expect(linePreviewQuery('GENERAL', { ...blank, amount: '300' })).toBe('type=GENERAL');
    expect(linePreviewQuery('EXPENSE', blank)).toBe('type=EXPENSE');
    expect(linePreviewQuery('EXPENSE', { ...blank, amount: '048000' })).toBe('type=EXPENSE&amount=48000');
    expect(linePreviewQuery('EXPENSE', { ...blank, amount: '12.5' })).toBe('type=EXPENSE');
    expect(linePreviewQuery('EXPENSE', { ...blank, amount: '0' })).toBe('type=EXPENSE');
    expect(linePreviewQuery('LEAVE', { ...blank, start: '2027-03-08', end: '2027-03-09' }))
      .toBe('type=LEAVE&leaveKind=ANNUAL&startDate=2027-03-08&endDate=2027-03-09');
    expect(linePreviewQuery('LEAVE', { ...blank, kind: 'HALF_DAY_AM', start: '2027-03-08', end: '2027-03-09' }))
      .toBe('type=LEAVE&leaveKind=HALF_DAY_AM&startDate=2027-03-08');
    // the end left blank: one day, as submitted
    expect(linePreviewQuery('BUSINESS_TRIP', { ...blank, tripStart: '2027-03-08' }))
      .toBe('type=BUSINESS_TRIP&startDate=2027-03-08&endDate=2027-03-08');
    expect(linePreviewQuery('BUSINESS_TRIP', { ...blank, tripStart: '2027-03-08', tripEnd: '2027-03' })).toBe('type=BUSINESS_TRIP');
    expect(linePreviewQuery('BUSINESS_TRIP', { ...blank, tripStart: '2027-03-08', tripEnd: '2027-03-10' }))
      .toBe('type=BUSINESS_TRIP&startDate=2027-03-08&endDate=2027-03-10');
  });

  it('says which rule ended the line and whom it leaves out', () => {
    const lead = { id: 2, name: '이서연' };
    const head = { id: 3, name: '박지훈' };
    expect(lineRuleText({ form: 'EXPENSE', position: 'TEAM_LEAD', limit: 500000, unit: 'WON', size: 48000,
      decidedBy: lead, skipped: [head] })).toBe('지출 500,000원 이하: 팀장 전결 (박지훈 결재 생략)');
    expect(lineRuleText({ form: 'BUSINESS_TRIP', position: 'TEAM_LEAD', limit: 3, unit: 'DAYS', size: 2,
      decidedBy: lead, skipped: [] })).toBe('출장 3일 이하: 팀장 전결');
    expect(lineRulesText({ expenseWon: 500000, leaveDays: 0, tripDays: 3 })).toBe('지출 500,000원, 출장 3일');
    expect(lineRulesText({ expenseWon: 0, leaveDays: 0, tripDays: 0 })).toBe('');
  });
});

describe('leaveOverseen: whose leave one may look at, by the org chart', () => {
  const person = (id: number, departmentId: number, teamId?: number): Employee => ({
    id, username: `u${id}`, name: `p${id}`, position: 'STAFF', roles: ['EMPLOYEE'],
    department: { id: departmentId, code: `D${departmentId}`, name: `d${departmentId}` },
    team: teamId === undefined ? undefined : { id: teamId, name: `t${teamId}` },
  });
  const chart: DepartmentInfo[] = [
    { id: 1, code: 'DEV', name: '개발', head: { id: 10, name: 'head' },
      teams: [{ id: 11, name: '백엔드', lead: { id: 20, name: 'lead' } }, { id: 12, name: '프론트', lead: { id: 30, name: 'acting' } }] },
    { id: 2, code: 'SALES', name: '영업', teams: [{ id: 21, name: '영업1' }] },
  ];
  it('a lead sees their own team, an acting lead (STAFF by rank) too, a head their department', () => {
    const lead = leaveOverseen(chart, 20, false)!;
    expect(lead(person(1, 1, 11))).toBe(true);
    expect(lead(person(2, 1, 12))).toBe(false);
    expect(lead(person(20, 1, 11))).toBe(false); // themselves: the page's own choice
    expect(leaveOverseen(chart, 30, false)!(person(2, 1, 12))).toBe(true);
    const head = leaveOverseen(chart, 10, false)!;
    expect(head(person(1, 1, 11))).toBe(true);
    expect(head(person(3, 2, 21))).toBe(false);
  });
  it('nobody for someone who leads nothing, whatever their rank; everyone for an administrator', () => {
    expect(leaveOverseen(chart, 99, false)).toBeNull();
    expect(leaveOverseen(chart, 99, true)!(person(3, 2, 21))).toBe(true);
  });
});

describe('lineAuthorities names who may end a line the drafter names (결재권한)', () => {
  const lead = { id: 2, name: '이서연', position: 'TEAM_LEAD' as const, department: '개발본부' };
  const head = { id: 3, name: '박지훈', position: 'DEPT_HEAD' as const, department: '개발본부' };
  it('is the whole line\'s last approver', () => {
    expect(lineAuthorities({ approvers: [lead, head] }).map((p) => p.name)).toEqual(['박지훈']);
  });
  it('is the lead, or whom 위임전결 left out after them', () => {
    expect(lineAuthorities({ approvers: [lead], lineRule: { form: 'EXPENSE', position: 'TEAM_LEAD', limit: 500000,
      unit: 'WON', size: 300000, decidedBy: lead, skipped: [head] } }).map((p) => p.name)).toEqual(['이서연', '박지훈']);
  });
  it('is nobody when the org chart gives no line', () => {
    expect(lineAuthorities({ approvers: [] })).toEqual([]);
  });
});

describe('문서함 filters in the hash\'s query, so that Back from a document finds them again', () => {
  const none = { q: '', type: '', from: '', to: '', held: false };
  it('writes only what is set, box and status first', () => {
    expect(documentsQuery('drafted', '', none)).toBe('?box=drafted');
    expect(documentsQuery('', '', none)).toBe('');
    expect(documentsQuery('approver', 'APPROVED', { q: '회식 비', type: 'EXPENSE', from: '2026-12-01', to: '2026-12-31', held: true }))
      .toBe('?box=approver&status=APPROVED&q=%ED%9A%8C%EC%8B%9D+%EB%B9%84&type=EXPENSE&from=2026-12-01&to=2026-12-31&held=true');
  });
  it('reads back what it wrote, whatever the search text holds', () => {
    const f = { q: 'a&b=c?#/ 50%', type: 'LEAVE', from: '2026-01-05', to: '', held: true };
    const route = parseRoute(`#/docs${documentsQuery('cc', 'REJECTED', f)}`);
    expect(route.page).toBe('docs');
    expect(route.id).toBeUndefined();
    const params = route.params;
    expect(documentFilters(params)).toEqual(f);
    expect(params.get('box')).toBe('cc');
    expect(params.get('status')).toBe('REJECTED');
    expect(documentFilters(new URLSearchParams(''))).toEqual(none);
  });
  it('leaves out what the page would never ask for (a hash edited by hand)', () => {
    expect(documentFilters(new URLSearchParams('type=toString&from=2026-13-01&to=yesterday&held=1&q=%20%20'))).toEqual(none);
    expect(documentFilters(new URLSearchParams(`q=${'가'.repeat(120)}`)).q).toHaveLength(100);
  });
});

describe('퇴근 기록 정정 in 팀 근태', () => {
  const today = '2026-12-09';
  it('is offered for a past day never checked out and for any day checked out, not for today\'s still open', () => {
    expect(checkOutCorrectable({ date: '2026-12-08' }, today)).toBe(true);
    expect(checkOutCorrectable({ date: '2026-12-08', checkOut: '2026-12-08T09:00:00Z' }, today)).toBe(true);
    expect(checkOutCorrectable({ date: today, checkOut: '2026-12-09T03:00:00Z' }, today)).toBe(true);
    expect(checkOutCorrectable({ date: today }, today)).toBe(false);
  });
  it('starts from the check-out recorded, in the company\'s clock, which checkOutAt gives back', () => {
    expect(checkOutTime(undefined)).toBe('18:00');
    expect(checkOutTime('2026-12-08T09:30:00Z')).toBe('18:30');
    // past midnight in Seoul: the next morning again
    const checkIn = '2026-12-08T00:00:00Z';
    const late = '2026-12-08T16:45:00Z';
    expect(checkOutTime(late)).toBe('01:45');
    expect(new Date(checkOutAt('2026-12-08', checkOutTime(late), checkIn)).toISOString()).toBe('2026-12-08T16:45:00.000Z');
    expect(checkOutTime('not a time')).toBe('18:00');
  });
});
