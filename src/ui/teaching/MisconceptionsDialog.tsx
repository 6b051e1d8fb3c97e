/**
 * The list of misconceptions, as a modal dialog: each with what the docs say, what
 * Juju does, the sources and a "Show me" button. Escape or Close closes it; Tab stays
 * inside; the first "Show me" has focus when it opens.
 */
import { useId } from 'react';
import { ModalDialog } from '../common/ModalDialog.tsx';
import { MISCONCEPTIONS, WHAT_IFS, type MisconceptionId } from '../../teaching/misconceptions.ts';
import { Label } from '../labels.ts';
import { MisconceptionCard } from './MisconceptionCard.tsx';

export function MisconceptionsDialog({ onShow, onClose }: { onShow: (id: MisconceptionId) => void; onClose: () => void }) {
  const id = useId();
  return (
    // The transport's shortcuts (space, arrows) are not for the page behind the dialog.
    <ModalDialog
      labelledBy={`${id}-title`}
      describedBy={`${id}-intro`}
      className="mt-[4vh] flex max-h-[92vh] w-[68rem] flex-col overflow-hidden"
      onClose={onClose}
      focusFirst={(d) => d.querySelector<HTMLElement>('[data-show-me]')}
      ownKeys
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
    </ModalDialog>
  );
}
