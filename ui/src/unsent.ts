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

/** Kept unless the form says nothing yet (no title, body or file): a blank page is not worth giving back. */
export function keepUnsent(store: Store, unsent: Unsent): void {
  const f = unsent.form;
  if (!f.title.trim() && !f.body.trim() && unsent.attachments.length === 0) return;
  store.setItem(KEY, JSON.stringify(unsent));
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
