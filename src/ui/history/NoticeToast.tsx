/**
 * What just happened that the user may want back — a future replaced by acting in the
 * past, a model replaced by New, an example or a tutorial, an undo — said at the
 * moment, with the button that reverses it (an editor's way, not a confirm dialog).
 * It stays until dismissed, replaced by the next notice, or 12 seconds have passed
 * without the pointer or focus on it.
 */
import { useEffect, useRef, useState } from 'react';
import { Label } from '../labels.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';

const SHOWN_MS = 12_000;

export function NoticeToast() {
  const store = useRelvizStore();
  const notice = useRelviz((s) => s.notice);
  const [held, setHeld] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!notice || held) return;
    const timer = setTimeout(() => store.getState().dismissNotice(), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice, held, store]);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
      {notice && (
        <div
          ref={box}
          key={notice.id}
          data-testid="notice"
          className="pointer-events-auto flex max-w-3xl items-center gap-3 rounded-lg bg-slate-900 px-4 py-2.5 text-sm text-white shadow-lg"
          onPointerEnter={() => setHeld(true)}
          onPointerLeave={() => setHeld(false)}
          onFocus={() => setHeld(true)}
          onBlur={(e) => {
            if (!box.current?.contains(e.relatedTarget as Node | null)) setHeld(false);
          }}
        >
          <span className="min-w-0 break-words">{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              className="shrink-0 rounded-md bg-white px-2.5 py-1 font-semibold text-slate-900 hover:bg-orange-100"
              onClick={() => (notice.action === 'undo' ? store.getState().undo() : store.getState().redo())}
            >
              {notice.action === 'undo' ? Label.undo : Label.redo}
            </button>
          )}
          <button type="button" aria-label={Label.dismissNotice} className="shrink-0 rounded px-1.5 text-slate-300 hover:bg-slate-700 hover:text-white" onClick={() => store.getState().dismissNotice()}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
