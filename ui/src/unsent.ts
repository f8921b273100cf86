// What someone was writing and neither submitted nor saved when they left the drafting page (another page, a reload)
// or their sign-in ended under it (expired, refused): kept in this tab's sessionStorage, given back to the same
// person's next new document once.
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

// whether the sign-in that ends now was ended by choice (로그아웃): then the drafting page keeps nothing as it closes
let byChoice = false;

/**
 * Kept unless the form says nothing yet (no title, body or file: a blank page is not worth giving back), or the person
 * signed out by choice ({@link signingOut}).
 */
export function keepUnsent(store: Store, unsent: Unsent): void {
  const f = unsent.form;
  if (byChoice || (!f.title.trim() && !f.body.trim() && unsent.attachments.length === 0)) return;
  try {
    store.setItem(KEY, JSON.stringify(unsent));
  } catch {
    // storage full or off: nothing kept, as before
  }
}

/**
 * The sign-in ends, before the page closes: by choice (로그아웃) what is kept is thrown away and nothing more is kept;
 * ended by itself (expired, refused) the drafting page keeps what it shows.
 */
export function signingOut(store: Store, chosen: boolean): void {
  byChoice = chosen;
  if (chosen) store.removeItem(KEY);
}

/**
 * What the form holds, to tell whether it changed since it was filled or saved; 'custom' without anyone chosen says
 * nothing (it is forced on for whoever the org chart gives no line, once that is known), nor do the files but their ids.
 */
export function formSnapshot(form: DraftForm, attachments: Attachment[]): string {
  return JSON.stringify({ form: { ...form, custom: form.custom && form.approvers.length > 0 },
    attachments: attachments.map((a) => a.id) });
}

/** Submitted or saved: whatever copy was kept is not given back. */
export function dropUnsent(store: Store): void {
  store.removeItem(KEY);
}

/** At a sign-in: another person's unsent document is thrown away, not kept for them to find. */
export function signedIn(store: Store, employeeId: number): void {
  byChoice = false;
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
