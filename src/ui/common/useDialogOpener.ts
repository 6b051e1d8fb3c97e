/**
 * Whether the dialog a button opens is open, and the button's ref: focus goes back to
 * the button once the dialog has left the top layer (while it is modal, the rest of
 * the page is inert and cannot take focus).
 */
import { useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';

export function useDialogOpener(): [boolean, Dispatch<SetStateAction<boolean>>, RefObject<HTMLButtonElement | null>] {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return [open, setOpen, button];
}
