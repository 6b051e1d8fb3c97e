/**
 * The header's Deploy button. Its dialog (DeployDialog.tsx, with the charm catalog's
 * search and the metadata checker) is a chunk of its own, fetched when the pointer or
 * focus comes to the button and shown when it is pressed.
 */
import { useEffect, useRef, useState } from 'react';
import { lazyPart } from '../common/lazyPart.tsx';
import { Label } from '../labels.ts';
import { primaryClass } from './style.ts';

/** The deploy dialog, loaded on demand (the graph's context menu opens it too). */
export const LazyDeployDialog = lazyPart('the deploy dialog', () => import('./DeployDialog.tsx').then((m) => m.DeployDialog));

export function DeployButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Focus goes back to the button once the dialog has left the top layer (while it is
  // modal, the rest of the page is inert and cannot take focus).
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        className={primaryClass}
        title="Deploy a charm (as juju deploy)"
        onPointerEnter={LazyDeployDialog.preload}
        onFocus={LazyDeployDialog.preload}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden className="text-base leading-none">
          +
        </span>
        {Label.deploy}
      </button>
      {open && <LazyDeployDialog onClose={() => setOpen(false)} />}
    </>
  );
}
