import { useRef, useState, type ReactNode } from 'react';

/** Keys that move through a select's options: on a closed select they change its value as they pass. */
const MOVES = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * A select that adds what is picked to a list (people on a line, departments). Picked with the mouse it adds at once;
 * moved through with the keyboard (arrow keys, or a letter to jump; Space opens the list) it only rests on an option, and Enter adds that
 * one: otherwise everyone the arrow keys pass over would be added.
 */
export function AddSelect({ label, onAdd, children }: { label: string; onAdd: (value: string) => void; children: ReactNode }) {
  const [resting, setResting] = useState('');
  const byKeys = useRef(false);
  const add = (value: string) => {
    byKeys.current = false;
    setResting('');
    if (value) onAdd(value);
  };
  return (
    <select aria-label={label} value={resting} title="↑↓ 로 고른 뒤 Enter (choose with the arrow keys, add with Enter)"
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          // (not the form's submission) the option the keys rest on; a list opened with the mouse adds on its change
          e.preventDefault();
          add(e.currentTarget.value);
        } else if (MOVES.has(e.key) || (e.key.length === 1 && e.key !== ' ')) {
          byKeys.current = true;
        }
      }}
      onMouseDown={() => { byKeys.current = false; }}
      onBlur={() => { byKeys.current = false; setResting(''); }}
      onChange={(e) => (byKeys.current ? setResting(e.target.value) : add(e.target.value))}>
      {children}
    </select>
  );
}
