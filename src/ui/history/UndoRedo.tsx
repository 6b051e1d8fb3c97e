/**
 * Undo and Redo over everything that changes the session (src/store/undo.ts): two
 * buttons in the header that say what they would undo, and Ctrl+Z / Ctrl+Shift+Z
 * (Ctrl+Y, and ⌘ on a Mac) anywhere but in a text field, where they are the field's.
 */
import { useEffect } from 'react';
import { Label } from '../labels.ts';
import { isTyping } from '../present/keys.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import type { RelvizStore } from '../../store/store.ts';

/** What an undo/redo key means, if anything: Ctrl/⌘+Z, Ctrl/⌘+Shift+Z, Ctrl+Y. */
export function undoKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}

function useUndoKeys(store: RelvizStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const what = undoKey(e);
      if (what === null || isTyping(e.target)) return;
      e.preventDefault();
      if (what === 'undo') store.getState().undo();
      else store.getState().redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

const button =
  'inline-flex h-9 items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40';

export function UndoRedo() {
  const store = useRelvizStore();
  useUndoKeys(store);
  const undo = useRelviz((s) => s.undoLabel);
  const redo = useRelviz((s) => s.redoLabel);
  return (
    <div className="flex items-center gap-1" role="group" aria-label="Undo and redo">
      <button type="button" className={button} disabled={undo === null} title={undo ? `Undo ${undo} (Ctrl+Z)` : 'Nothing to undo'} onClick={() => store.getState().undo()}>
        <span aria-hidden>↶</span>
        {Label.undo}
      </button>
      <button type="button" className={button} disabled={redo === null} title={redo ? `Redo ${redo} (Ctrl+Shift+Z)` : 'Nothing to redo'} onClick={() => store.getState().redo()}>
        <span aria-hidden>↷</span>
        {Label.redo}
      </button>
    </div>
  );
}
