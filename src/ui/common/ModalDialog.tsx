/**
 * A modal dialog, as every relviz dialog is one: shown with `showModal` when it
 * mounts (the page behind goes inert), closed when it unmounts, Tab kept inside and
 * Escape closing it (focusTrap.ts), focus first on what `focusFirst` finds. The
 * caller gives its size and place; the frame (border, shadow, backdrop) is shared.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { trapKeys } from './focusTrap.ts';

export function ModalDialog({
  labelledBy,
  describedBy,
  className,
  onClose,
  focusFirst,
  ownKeys = false,
  children,
}: {
  labelledBy: string;
  describedBy?: string;
  /** Size and place (width, top margin, height), and layout of the content. */
  className: string;
  onClose: () => void;
  /** What takes focus when it opens (default: the browser's choice, the first focusable). */
  focusFirst?: (dialog: HTMLDialogElement) => HTMLElement | null | undefined;
  /** Keys pressed inside do not reach the page's own shortcuts (the transport's arrows). */
  ownKeys?: boolean;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef(focusFirst);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    if (d) first.current?.(d)?.focus();
    return () => d?.close();
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (ownKeys) e.stopPropagation();
    trapKeys(e, dialog.current, onClose);
  };
  return (
    <dialog
      ref={dialog}
      aria-labelledby={labelledBy}
      {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      className={`mx-auto max-w-[calc(100vw-2rem)] rounded-xl border border-slate-300 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/50 ${className}`}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
