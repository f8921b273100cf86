import { useState } from 'react';
import { useApp } from '../App';
import { api } from '../api';
import { message } from '../hooks';
import type { Employee, PersonRef, Succession } from '../types';

/**
 * 인수자 지정: an administrator names who decides, from now on, what waits on someone who left, among {@code people} (the
 * active employees, which the page has) less {@code exclude} (on a document's page, its drafter and line: they would
 * not decide it for them, no more than a deputy would). {@code named}: called once named.
 */
export function SuccessorPicker({ leaver, people, exclude = [], named: shown }: {
  leaver: PersonRef; people: Employee[] | undefined; exclude?: (number | undefined)[]; named: () => void;
}) {
  const { toast } = useApp();
  const [successorId, setSuccessorId] = useState<number>();
  const [named, setNamed] = useState<string>();
  const name = async () => {
    if (!successorId) return;
    try {
      const s = await api<Succession>('PUT', `/api/employees/${leaver.id}/successor`, { successorId });
      setNamed(s.successor.name);
      toast(`${s.employee.name}의 인수자: ${s.successor.name} (from ${s.since})`);
      shown();
    } catch (e) {
      toast(message(e), 'error');
    }
  };
  if (named) return <span data-testid="successor-named">인수자 {named}</span>;
  return (
    <span className="inline" data-testid="successor-picker">
      <select aria-label={`${leaver.name} 인수자`} value={successorId ?? ''}
              onChange={(e) => setSuccessorId(e.target.value ? Number(e.target.value) : undefined)}>
        <option value="">{leaver.name}의 인수자 선택</option>
        <PersonOptions people={people} exclude={exclude} />
      </select>
      <button type="button" onClick={name} disabled={!successorId}>인수자 지정</button>
    </span>
  );
}

/** The options of a select of people: {@code people} less {@code exclude}, each as name · department · position. */
export function PersonOptions({ people, exclude = [] }: { people: Employee[] | undefined; exclude?: (number | undefined)[] }) {
  return <>{people?.filter((o) => !exclude.includes(o.id))
    .map((o) => <option key={o.id} value={o.id}>{o.name} · {o.department.name} · {o.position}</option>)}</>;
}
