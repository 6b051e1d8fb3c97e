/** Keyboard rules shared by the presentation and embed bars (pure, or nearly: they read the event). */

/** Typing in a field: every key is the field's. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** A menu or dialog has the focus: Escape and letters are its own (close it, jump to an item). */
export function inPopup(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="menu"], [role="dialog"], dialog') !== null;
}

/**
 * A key a page-wide shortcut may take: not typed into a field, no modifier. (Not
 * "unless handled": React Flow marks every Space handled, for its pan-on-space.)
 */
export function isShortcut(e: KeyboardEvent): boolean {
  return !e.altKey && !e.ctrlKey && !e.metaKey && !isTyping(e.target);
}

export type PresentKey = 'leave' | 'enter' | 'next-step' | 'previous-step' | null;

/**
 * What a key does to presentation mode: P enters and leaves, Escape leaves; a
 * presenter's clicker (PageDown / PageUp) or N / B move through the tutorial's steps.
 */
export function presentKey(key: string, presenting: boolean): PresentKey {
  const k = key.length === 1 ? key.toLowerCase() : key;
  if (!presenting) return k === 'p' ? 'enter' : null;
  if (k === 'p' || k === 'Escape') return 'leave';
  if (k === 'PageDown' || k === 'n') return 'next-step';
  if (k === 'PageUp' || k === 'b') return 'previous-step';
  return null;
}
