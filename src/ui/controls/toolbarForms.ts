/**
 * The selection toolbar's forms (fail next hook, run action, integrate) can be opened
 * from elsewhere — the graph's context menu — as if their button were pressed: the
 * menu selects the thing first, and the toolbar shows its buttons on the next render.
 */
import type { ActionForm } from './targetActions.ts';

/** The attribute on a toolbar button that opens a form; its value is the form. */
export const TOOLBAR_FORM_ATTR = 'data-toolbar-form';

export function openToolbarForm(form: ActionForm, tries = 3): void {
  requestAnimationFrame(() => {
    const button = document.querySelector<HTMLButtonElement>(`[${TOOLBAR_FORM_ATTR}="${form}"]`);
    if (!button) {
      if (tries > 1) openToolbarForm(form, tries - 1);
      return;
    }
    if (button.getAttribute('aria-expanded') !== 'true') button.click();
    else {
      const id = button.getAttribute('aria-controls');
      (id ? document.getElementById(id) : null)?.querySelector<HTMLElement>('select, input')?.focus();
    }
  });
}
