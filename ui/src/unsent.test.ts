import { describe, expect, it } from 'vitest';
import type { DraftForm } from './format';
import type { Attachment } from './types';
import { dropUnsent, formSnapshot, keepUnsent, signedIn, signingOut, takeUnsent } from './unsent';

function store() {
  const stored = new Map<string, string>();
  return { stored, getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v),
    removeItem: (k: string) => void stored.delete(k) };
}

const blank: DraftForm = { type: 'GENERAL', title: '', body: '', kind: 'ANNUAL', start: '', end: '', custom: false, amount: '',
  category: 'MEAL', spentOn: '', destination: '', tripStart: '', tripEnd: '', purpose: '', approvers: [], cc: [], agreers: [],
  receivers: [], agreementAt: 0, receivingDepartments: [] };

describe('what was being written when the sign-in ended', () => {
  it('is given back once, to the same person', () => {
    const s = store();
    keepUnsent(s, { employeeId: 7, form: { ...blank, title: '출장 보고', cc: [{ id: 3, name: '박지훈' }] }, attachments: [] });
    const back = takeUnsent(s, 7);
    expect(back?.form.title).toBe('출장 보고');
    expect(back?.form.cc.map((p) => p.name)).toEqual(['박지훈']);
    expect(takeUnsent(s, 7)).toBeNull();
  });
  it('is not shown to someone else signing in on the tab, and is gone', () => {
    const s = store();
    keepUnsent(s, { employeeId: 7, form: { ...blank, body: '쓰다 만 본문' }, attachments: [] });
    expect(takeUnsent(s, 8)).toBeNull();
    expect(s.stored.size).toBe(0);
  });
  it('is not given back once submitted or saved', () => {
    const s = store();
    keepUnsent(s, { employeeId: 7, form: { ...blank, title: '상신한 문서' }, attachments: [] });
    dropUnsent(s);
    expect(takeUnsent(s, 7)).toBeNull();
  });
  it('is not kept while the form says nothing', () => {
    const s = store();
    keepUnsent(s, { employeeId: 7, form: { ...blank, title: '  ' }, attachments: [] });
    expect(s.stored.size).toBe(0);
  });
});

describe('a sign-out by choice and another person signing in', () => {
  it('throw away what is kept, and keep nothing until the next sign-in; a sign-in that ends by itself keeps', () => {
    const s = store();
    keepUnsent(s, { employeeId: 7, form: { ...blank, title: '하나' }, attachments: [] });
    signingOut(s, true);
    expect(s.stored.size).toBe(0);
    keepUnsent(s, { employeeId: 7, form: { ...blank, title: '둘' }, attachments: [] });
    expect(s.stored.size).toBe(0);
    signedIn(s, 7);
    signingOut(s, false);
    keepUnsent(s, { employeeId: 7, form: { ...blank, title: '셋' }, attachments: [] });
    expect(takeUnsent(s, 7)?.form.title).toBe('셋');
  });
  it('keeps the same person\'s, drops another\'s', () => {
    const s = store();
    keepUnsent(s, { employeeId: 7, form: { ...blank, title: '하나' }, attachments: [] });
    signedIn(s, 7);
    expect(s.stored.size).toBe(1);
    signedIn(s, 8);
    expect(s.stored.size).toBe(0);
  });
});

describe('whether the drafting form changed', () => {
  it('is told by what it holds, not by a line choice with nobody chosen', () => {
    const file: Attachment = { id: 'f1', name: 'a.txt', size: 1, contentType: 'text/plain' };
    const at = (over: Partial<DraftForm>, files: Attachment[] = []) => formSnapshot({ ...blank, ...over }, files);
    expect(at({ custom: true })).toBe(at({})); // forced on for whoever has no org-chart line
    expect(at({ custom: true, approvers: [{ id: 2, name: '이서연' }] })).not.toBe(at({ approvers: [{ id: 2, name: '이서연' }] }));
    expect(at({ title: '출장' })).not.toBe(at({}));
    expect(at({}, [file])).not.toBe(at({}));
  });
});
