import { useState } from 'react';
import { useApp } from '../App';
import { api } from '../api';
import { message, useLoad } from '../hooks';
import type { Employee, PersonRef, Succession } from '../types';

/**
 * 인수자 지정: an administrator names who decides, from now on, what waits on someone who left. {@code exclude}: people
 * not offered (on a document's page, its drafter and line: they would not decide it for them, no more than a deputy
 * would). {@code people}: the active employees, if the page has them. {@code named}: called once named, for the page to
 * read what changed.
 */
export function SuccessorPicker({ leaver, exclude = [], people: given, named: shown }: {
  leaver: PersonRef; exclude?: (number | undefined)[]; people?: Employee[]; named: () => void;
}) {
  const { toast } = useApp();
  // the active employees, unless the page has them already
  const people = useLoad(() => (given ? Promise.resolve(given) : api<Employee[]>('GET', '/api/employees')), [given]);
  const [successorId, setSuccessorId] = useState<number>();
  const [named, setNamed] = useState<string>();
  const name = async () => {
    if (!successorId) return;
    try {
      const s = await api<Succession>('PUT', `/api/employees/${leaver.id}/successor`, { successorId });
      setNamed(s.successor.name);
      toast(`${s.employee.name}의 인수자: ${s.successor.name} (from ${s.since})`);
      // what shows the successor may learn it through Kafka, a moment later
      [0, 1000, 3000, 6000].forEach((ms) => window.setTimeout(shown, ms));
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
        {people.data?.filter((o) => !exclude.includes(o.id))
          .map((o) => <option key={o.id} value={o.id}>{o.name} · {o.department.name} · {o.position}</option>)}
      </select>
      <button type="button" onClick={name} disabled={!successorId}>인수자 지정</button>
    </span>
  );
}
