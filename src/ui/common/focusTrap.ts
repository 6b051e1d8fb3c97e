/** Keyboard handling shared by the modal dialogs: Tab cycles inside, Escape closes. */
import type { KeyboardEvent } from 'react';

/** Focusable elements inside `root`, in tab order. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('a[href], button, summary, input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter(
    (el) => !el.hasAttribute('disabled') && el.tabIndex >= 0 && el.getClientRects().length > 0,
  );
}

/** Escape calls `onClose`; Tab and Shift+Tab wrap around inside `root`. */
export function trapKeys(e: KeyboardEvent<HTMLElement>, root: HTMLElement | null, onClose: () => void): void {
  if (e.key === 'Escape') {
    e.preventDefault();
    onClose();
    return;
  }
  if (e.key !== 'Tab' || !root) return;
  const all = focusables(root);
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
