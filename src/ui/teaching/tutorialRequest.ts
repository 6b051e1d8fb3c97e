/**
 * Asks for the "Open a tutorial" dialog (rendered by the Tutorials menu), from the
 * menu itself, a tutorial document dropped on the page (OpenButton), or the page's
 * URL (`?tutorial-url=`, `#tutorial-doc=`: main.tsx). `auto`: play it at once when it
 * has no problem (a link the user followed), else show why.
 */
import { useSyncExternalStore } from 'react';

export interface TutorialRequest {
  /** What the page's address points to (share/param.ts tutorialParams), read by the dialog, which then clears it from the address. */
  readonly page?: true;
  readonly text?: string;
  readonly file?: string;
  readonly url?: string;
  /** A `#tutorial-doc=` value. */
  readonly link?: string;
  /** 0-based. */
  readonly step?: number;
  readonly auto?: boolean;
}

let current: TutorialRequest | null = null;
const listeners = new Set<() => void>();

/** Opens the dialog with `r` (null: closes it). */
export function requestTutorial(r: TutorialRequest | null): void {
  current = r;
  listeners.forEach((l) => l());
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

export const useTutorialRequest = (): TutorialRequest | null => useSyncExternalStore(subscribe, () => current);
