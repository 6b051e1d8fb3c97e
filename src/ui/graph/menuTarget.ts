/**
 * What a right-click (or the context-menu key) in the graph is about, and where its
 * menu opens: the graph needs these at once; the menu itself (ContextMenu.tsx) comes
 * on demand, the first time one opens.
 */
import type { Selection } from '../../store/store.ts';
import type { Point } from './menuLogic.ts';

export type MenuTarget = Exclude<Selection, null> | { readonly kind: 'pane' };

export interface MenuRequest {
  readonly target: MenuTarget;
  /** Where the menu opens (viewport coordinates). */
  readonly at: Point;
  /** What gets focus back when the menu closes by Escape, Tab or an item. */
  readonly returnTo: HTMLElement | null;
}

/** What a right-click (or the context-menu key) on `el` inside the graph is about; null outside the canvas. */
export function menuTargetOf(el: Element): MenuTarget | null {
  // A unit's chip, or one of its next-hook buttons (manual mode).
  const unit = el.closest('[data-unit]')?.getAttribute('data-unit') ?? el.closest('[data-next-hook-of]')?.getAttribute('data-next-hook-of');
  if (unit) return { kind: 'unit', name: unit };
  const relation = el.closest('[data-relation-label]')?.getAttribute('data-relation-label') ?? el.closest('[data-relation-id]')?.getAttribute('data-relation-id') ?? /^relation-(\d+)$/.exec(el.closest('.react-flow__edge')?.getAttribute('data-id') ?? '')?.[1];
  if (relation) return { kind: 'relation', id: Number(relation) };
  const app = el.closest('[data-app-node]')?.getAttribute('data-app-node') ?? el.closest('.react-flow__node')?.getAttribute('data-id');
  if (app) return { kind: 'app', name: app };
  return el.closest('.react-flow__pane') ? { kind: 'pane' } : null;
}

/** Where a menu opened from the keyboard appears: by the focused element's top-left corner, below a small one. */
export function anchorOf(el: Element): Point {
  const r = el.getBoundingClientRect();
  return { x: r.left + Math.min(16, r.width / 2), y: r.height <= 64 ? r.bottom : r.top + 32 };
}
