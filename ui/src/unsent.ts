// What someone was writing when their sign-in ended under the drafting page (expired, refused, signed out): kept in
// this tab's sessionStorage, given back to the same person's next drafting page once.
import type { DraftForm } from './format';
import type { Attachment } from './types';

const KEY = 'erp.unsent-draft';

export interface Unsent {
  employeeId: number;
  form: DraftForm;
  /** the files already uploaded for it (첨부파일) */
  attachments: Attachment[];
  /** the 임시저장 draft it was taken up from, saved over by the next 임시저장 */
  draftId?: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

// until when a sign-out by choice throws away what the drafting page keeps as it closes
let discardUntil = 0;

/**
 * Kept unless the form says nothing yet (no title, body or file: a blank page is not worth giving back), or the person
 * signed out themselves a moment ago ({@link discardUnsent}).
 */
export function keepUnsent(store: Store, unsent: Unsent, now = Date.now()): void {
  const f = unsent.form;
  if (now < discardUntil || (!f.title.trim() && !f.body.trim() && unsent.attachments.length === 0)) return;
  try {
    store.setItem(KEY, JSON.stringify(unsent));
  } catch {
    // storage full or off: nothing kept, as before
  }
}

/**
 * A sign-out by choice (로그아웃): what is kept is thrown away, and so is what the drafting page would keep as it
 * closes now; only a sign-in that ends by itself (expired, refused) keeps the unsent document.
 */
export function discardUnsent(store: Store, now = Date.now()): void {
  store.removeItem(KEY);
  discardUntil = now + 2000;
}

/** At a sign-in: another person's unsent document is thrown away, not kept for them to find. */
export function signedIn(store: Store, employeeId: number): void {
  const raw = store.getItem(KEY);
  if (!raw) return;
  try {
    if ((JSON.parse(raw) as Unsent).employeeId === employeeId) return;
  } catch {
    // unreadable: thrown away
  }
  store.removeItem(KEY);
}

/** What this person was writing, once (taken: gone from the store); another person's is thrown away, not shown. */
export function takeUnsent(store: Store, employeeId: number): Unsent | null {
  const raw = store.getItem(KEY);
  if (!raw) return null;
  store.removeItem(KEY);
  try {
    const unsent = JSON.parse(raw) as Unsent;
    return unsent.employeeId === employeeId ? unsent : null;
  } catch {
    return null;
  }
}
