/**
 * Whether the dialog a button opens is open, and the button's ref: focus goes back to
 * the button once the dialog has left the top layer (while it is modal, the rest of
 * the page is inert and cannot take focus).
 */
import { useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';

export function useDialogOpener(shared?: RefObject<HTMLButtonElement | null>): [boolean, Dispatch<SetStateAction<boolean>>, RefObject<HTMLButtonElement | null>] {
  const [open, setOpen] = useState(false);
  const own = useRef<HTMLButtonElement>(null);
  // A button that opens two dialogs (a menu's) shares its ref.
  const button = shared ?? own;
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open, button]);
  return [open, setOpen, button];
}
