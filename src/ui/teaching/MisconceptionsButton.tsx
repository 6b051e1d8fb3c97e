/**
 * The header's "Misconceptions" button: opens the list of places where the docs
 * mislead; "Show me" on one closes the list, builds its model and plays the hooks that
 * show the truth, while a banner under the header says which one is being shown.
 * Focus returns to this button when the list closes.
 */
import { useEffect, useRef, useState } from 'react';
import type { MisconceptionId } from '../../teaching/misconceptionIds.ts';
import { loadReaders } from '../../store/loadReaders.ts';
import { lazyPart } from '../common/lazyPart.tsx';
import { useDialogOpener } from '../common/useDialogOpener.ts';
import { buttonClass } from '../controls/style.ts';
import { Label } from '../labels.ts';
import { useRelvizStore } from '../StoreContext.tsx';

// The misconceptions (their scripts, texts and the code that plays them) are a chunk of their own.
const LazyDialog = lazyPart('the misconceptions', () => import('./MisconceptionsDialog.tsx').then((m) => m.MisconceptionsDialog));
const LazyBanner = lazyPart('the misconception', () => import('./MisconceptionBanner.tsx').then((m) => m.MisconceptionBanner));
// One misconception is shown on a real bundle (COS Lite), read by the engine's readers.
const loadShow = () => Promise.all([import('../../teaching/misconceptions.ts'), import('./showMisconception.ts'), loadReaders()]);

export function MisconceptionsButton() {
  const store = useRelvizStore();
  const [open, setOpen, button] = useDialogOpener();
  const [shown, setShown] = useState<MisconceptionId | null>(null);
  const stopWatching = useRef<(() => void) | null>(null);

  useEffect(() => () => stopWatching.current?.(), []);

  const show = (id: MisconceptionId) => {
    // Loaded with the dialog already: this waits a microtask.
    void loadShow().then(([{ misconception }, { showMisconception }]) => {
      stopWatching.current?.();
      const stop = showMisconception(store, misconception(id));
      stopWatching.current = stop || null;
      setShown(stop ? id : null);
      setOpen(false);
    });
  };
  const dismiss = () => {
    stopWatching.current?.();
    stopWatching.current = null;
    setShown(null);
  };

  return (
    <>
      <button ref={button} type="button" aria-haspopup="dialog" className={buttonClass} title="Where the docs mislead, shown in the simulator" onPointerEnter={LazyDialog.preload} onFocus={LazyDialog.preload} onClick={() => setOpen(true)}>
        <span aria-hidden className="text-base leading-none text-orange-700">
          ⚑
        </span>
        {Label.misconceptions}
      </button>
      {open && <LazyDialog onShow={show} onClose={() => setOpen(false)} />}
      {shown && <LazyBanner id={shown} onReplay={() => show(shown)} onDismiss={dismiss} />}
    </>
  );
}
