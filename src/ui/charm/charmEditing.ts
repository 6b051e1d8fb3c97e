/**
 * Whether the charm editor is open, and on what — outside the store (it is not part
 * of any session): a new charm (the saved draft), or an application deployed from
 * code (its files, to re-run the model with them edited), maybe at a file's line (a
 * traceback's). The editor itself loads on demand (CharmEditor.tsx). Focus goes back
 * to what had it when the editor closes.
 */
import { useSyncExternalStore } from 'react';

export type CharmEditing =
  | {
      readonly kind: 'new';
    }
  | {
      readonly kind: 'edit';
      readonly app: string;
      /** The application's code as it runs at the cursor. */
      readonly files: Readonly<Record<string, string>>;
      /** Where to put the caret (a traceback's `File "src/charm.py", line 12`). */
      readonly at?: { readonly path: string; readonly line: number };
    };

let current: CharmEditing | null = null;
let opener: HTMLElement | null = null;
const listeners = new Set<() => void>();

function publish(next: CharmEditing | null): void {
  current = next;
  for (const l of listeners) l();
}

export function openCharmEditor(what: CharmEditing): void {
  if (current === null) opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  publish(what);
}

export function closeCharmEditor(): void {
  publish(null);
  const back = opener;
  opener = null;
  // After the dialog is gone (its unmount closes it), so focus is not trapped in it.
  if (back) setTimeout(() => back.isConnected && back.focus(), 0);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

export function useCharmEditing(): CharmEditing | null {
  return useSyncExternalStore(subscribe, () => current);
}
