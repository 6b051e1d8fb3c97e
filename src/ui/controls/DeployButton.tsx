/**
 * The header's Deploy button. Its dialog (DeployDialog.tsx, with the charm catalog's
 * search and the metadata checker) is a chunk of its own, fetched with the engine's
 * readers when the pointer or focus comes to the button, and shown when it is pressed.
 */
import { loadReaders } from '../../store/loadReaders.ts';
import { lazyPart } from '../common/lazyPart.tsx';
import { useDialogOpener } from '../common/useDialogOpener.ts';
import { Label } from '../labels.ts';
import { primaryClass } from './style.ts';

/** The deploy dialog, loaded on demand (the graph's context menu opens it too). */
export const LazyDeployDialog = lazyPart('the deploy dialog', () => Promise.all([import('./DeployDialog.tsx'), loadReaders()]).then(([m]) => m.DeployDialog));

export function DeployButton() {
  const [open, setOpen, button] = useDialogOpener();
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
