/**
 * The header's "Misconceptions" button: opens the list of places where the docs
 * mislead; "Show me" on one closes the list, builds its model and plays the hooks that
 * show the truth, while a banner under the header says which one is being shown.
 * Focus returns to this button when the list closes.
 */
import { useEffect, useRef, useState } from 'react';
import { misconception, type MisconceptionId } from '../../teaching/misconceptions.ts';
import { buttonClass } from '../controls/style.ts';
import { Label } from '../labels.ts';
import { useRelvizStore } from '../StoreContext.tsx';
import { MisconceptionBanner } from './MisconceptionBanner.tsx';
import { MisconceptionsDialog } from './MisconceptionsDialog.tsx';
import { showMisconception } from './showMisconception.ts';

export function MisconceptionsButton() {
  const store = useRelvizStore();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<MisconceptionId | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const stopWatching = useRef<(() => void) | null>(null);

  // Focus goes back to the button once the dialog has left the top layer.
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  useEffect(() => () => stopWatching.current?.(), []);

  const show = (id: MisconceptionId) => {
    stopWatching.current?.();
    const stop = showMisconception(store, misconception(id));
    stopWatching.current = stop || null;
    setShown(stop ? id : null);
    setOpen(false);
  };
  const dismiss = () => {
    stopWatching.current?.();
    stopWatching.current = null;
    setShown(null);
  };

  return (
    <>
      <button ref={button} type="button" aria-haspopup="dialog" className={buttonClass} title="Where the docs mislead, shown in the simulator" onClick={() => setOpen(true)}>
        <span aria-hidden className="text-base leading-none text-orange-700">
          ⚑
        </span>
        {Label.misconceptions}
      </button>
      {open && <MisconceptionsDialog onShow={show} onClose={() => setOpen(false)} />}
      {shown && <MisconceptionBanner id={shown} onReplay={() => show(shown)} onDismiss={dismiss} />}
    </>
  );
}
