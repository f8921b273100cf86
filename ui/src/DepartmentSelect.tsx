import type { DepartmentInfo } from './types';

/** An administrator's choice of department for a department's view: their own ("내 부서") or another. */
export function DepartmentSelect({ value, onChange, departments, label }: {
  value: number | undefined; onChange: (id: number | undefined) => void; departments: DepartmentInfo[] | undefined;
  label: string;
}) {
  return (
    <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}
      aria-label={label}>
      <option value="">내 부서</option>
      {departments?.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
    </select>
  );
}
