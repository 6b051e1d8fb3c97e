/**
 * The list of misconceptions, as a modal dialog: each with what the docs say, what
 * Juju does, the sources and a "Show me" button. Escape or Close closes it; Tab stays
 * inside; the first "Show me" has focus when it opens.
 */
import { trapKeys } from '../common/focusTrap.ts';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { MISCONCEPTIONS, WHAT_IFS, type MisconceptionId } from '../../teaching/misconceptions.ts';
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
            Seven places where what you read and what Juju does disagree, and what happens if you change a real model. <strong className="font-semibold">Show me</strong> builds a model and plays the hooks
            that show what Juju really does.
          </p>
        </div>
        <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-base font-medium hover:bg-slate-100" onClick={onClose}>
          {Label.closeMisconceptions}
        </button>
      </header>
      <div className="min-h-0 overflow-y-auto bg-slate-50 px-6 py-4">
        <ol className="flex flex-col gap-3">
          {MISCONCEPTIONS.map((m) => (
            <MisconceptionCard key={m.id} m={m} onShow={() => onShow(m.id)} />
          ))}
        </ol>
        <h3 className="mt-5 mb-2 text-xl font-bold tracking-tight">What happens if… on a real bundle</h3>
        <ol className="flex flex-col gap-3">
          {WHAT_IFS.map((m) => (
            <MisconceptionCard key={m.id} m={m} onShow={() => onShow(m.id)} />
          ))}
        </ol>
      </div>
    </dialog>
  );
}
