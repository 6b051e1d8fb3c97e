/**
 * The toggle into and out of presentation mode (also P, and Escape to leave). Its
 * accessible name is "Presentation mode", pressed while presenting. The header's
 * stays mounted (hidden) while presenting, and takes the focus back on leaving when
 * nothing else has it — the bar's button that had it is gone.
 */
import { useEffect, useRef } from 'react';
import { Label } from '../labels.ts';

export function PresentButton({ present, onToggle, className }: { present: boolean; onToggle: (on: boolean) => void; className: string }) {
  const button = useRef<HTMLButtonElement>(null);
  const was = useRef(present);
  useEffect(() => {
    const left = was.current && !present;
    was.current = present;
    if (left && (document.activeElement === null || document.activeElement === document.body)) button.current?.focus();
  }, [present]);
  return (
    <button
      ref={button}
      type="button"
      aria-label={Label.presentation}
      aria-pressed={present}
      title={present ? 'Leave presentation mode (Esc or P)' : 'Presentation mode: large type for a projector (P)'}
      className={className}
      onClick={() => onToggle(!present)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="h-[1.1em] w-[1.1em]" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M3 4h18M5 4v10h14V4M12 14v4M8 21l4-3 4 3" />
      </svg>
      {Label.presentShort}
    </button>
  );
}
