/**
 * A problem with the saved session (set aside because it could not be opened) or with
 * saving (storage full): what happened, and the session as a file to keep.
 */
import { downloadText } from '../common/download.ts';
import { Label } from '../labels.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';

const download = (name: string, text: string): void => downloadText(name, text, 'application/json');

export function SavingBanner() {
  const store = useRelvizStore();
  const note = useRelviz((s) => s.saving);
  if (!note) return null;
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="min-w-0 flex-1">{note.text}</p>
      {note.download && (
        <button type="button" className="rounded-md border border-amber-400 bg-white px-2.5 py-1 font-medium hover:bg-amber-100" onClick={() => note.download && download(note.download.name, note.download.text)}>
          {Label.downloadSession}
        </button>
      )}
      <button type="button" className="rounded-md px-2.5 py-1 font-medium hover:bg-amber-100" onClick={() => store.getState().setSaving(null)}>
        {note.holdSaving ? Label.saveOverIt : Label.dismissSaving}
      </button>
    </div>
  );
}
