/**
 * The list of misconceptions, as a modal dialog: each with what the docs say, what
 * Juju does, the sources and a "Show me" button. Escape or Close closes it; Tab stays
 * inside; the first "Show me" has focus when it opens.
 */
import { trapKeys } from '../common/focusTrap.ts';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { MISCONCEPTIONS, type MisconceptionId } from '../../teaching/misconceptions.ts';
import { Label } from '../labels.ts';
import { MisconceptionCard } from './MisconceptionCard.tsx';

export function MisconceptionsDialog({ onShow, onClose }: { onShow: (id: MisconceptionId) => void; onClose: () => void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    d?.querySelector<HTMLElement>('[data-show-me]')?.focus();
    return () => d?.close();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    // The transport's shortcuts (space, arrows) are not for the page behind the dialog.
    e.stopPropagation();
    trapKeys(e, dialog.current, onClose);
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      className="mx-auto mt-[4vh] flex max-h-[92vh] w-[68rem] max-w-[calc(100vw-2rem)] flex-col overflow-hidden rounded-xl border border-slate-300 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/60"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="flex items-start gap-4 border-b border-slate-200 px-6 py-4">
        <div className="min-w-0 flex-1">
          <h2 id={`${id}-title`} className="text-2xl font-bold tracking-tight">
            {Label.misconceptionsTitle}
          </h2>
          <p id={`${id}-intro`} className="mt-1 text-base text-slate-700">
            Six places where what you read and what Juju does disagree. <strong className="font-semibold">Show me</strong> builds a model and plays the hooks
            that show what Juju really does.
          </p>
        </div>
        <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-base font-medium hover:bg-slate-100" onClick={onClose}>
          {Label.closeMisconceptions}
        </button>
      </header>
      <ol className="flex min-h-0 flex-col gap-3 overflow-y-auto bg-slate-50 px-6 py-4">
        {MISCONCEPTIONS.map((m) => (
          <MisconceptionCard key={m.id} m={m} onShow={() => onShow(m.id)} />
        ))}
      </ol>
    </dialog>
  );
}
