/**
 * The graph's context menu: right-click a unit chip, an application or a relation
 * (or focus one and press the ContextMenu key or Shift+F10) to select it and see what
 * can be done to it — the same actions as the selection toolbar (targetActions.ts).
 * Right-click on empty canvas offers Deploy….
 *
 * WAI-ARIA menu: role="menu" with role="menuitem" buttons, ↑/↓/Home/End and first
 * letters move, Enter or Space activates, Escape (or Tab) closes and gives focus back
 * to what was right-clicked or focused, a press elsewhere closes. The menu is drawn
 * in document.body at the pointer, kept inside the viewport.
 */
import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { selectionTarget } from '../controls/selection.ts';
import { ControlLabel } from '../controls/style.ts';
import { describeTarget, targetActions, type TargetAction } from '../controls/targetActions.ts';
import { openToolbarForm } from '../controls/toolbarForms.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { menuFocusIndex, placeMenu, type Point } from './menuLogic.ts';
import type { MenuRequest } from './menuTarget.ts';

export interface MenuEntry {
  readonly id: string;
  readonly label: string;
  readonly title: string;
  readonly tone: TargetAction['tone'];
  /** Why it cannot be used now (the item stays focusable, as the menu pattern asks); null when it can. */
  readonly disabled: string | null;
  readonly shortcut: string | null;
  /** The item opens a form that takes focus itself, so focus is not given back. */
  readonly keepsFocus: boolean;
  readonly run: () => void;
}

const TONE: Record<TargetAction['tone'], string> = {
  primary: 'font-semibold text-orange-800 hover:bg-orange-50 focus-visible:bg-orange-50',
  normal: 'text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100',
  danger: 'text-red-800 hover:bg-red-50 focus-visible:bg-red-50',
};

/** The menu itself: a titled list of items at a point. */
export function ContextMenu({ title, at, entries, onClose }: { title: string; at: Point; entries: readonly MenuEntry[]; onClose: (giveFocusBack: boolean) => void }) {
  const root = useRef<HTMLDivElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  const titleId = useId();
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });

  // Placed before the first paint, so it never shows outside the viewport.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const p = placeMenu(at, { width: el.offsetWidth, height: el.offsetHeight }, { width: window.innerWidth, height: window.innerHeight });
    el.style.left = `${p.x}px`;
    el.style.top = `${p.y}px`;
  }, [at]);

  useEffect(() => {
    items.current[0]?.focus();
  }, [at]);

  // A press, a wheel turn (the graph zooms under the menu) or a resize elsewhere closes the menu.
  useEffect(() => {
    const away = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) close.current(false);
    };
    const resize = () => close.current(false);
    document.addEventListener('pointerdown', away, true);
    document.addEventListener('wheel', away, { capture: true, passive: true });
    window.addEventListener('resize', resize);
    return () => {
      document.removeEventListener('pointerdown', away, true);
      document.removeEventListener('wheel', away, true);
      window.removeEventListener('resize', resize);
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // The menu's keys are its own: not the transport's, not the graph's Delete.
    e.stopPropagation();
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      onClose(true);
      return;
    }
    const current = items.current.findIndex((b) => b === document.activeElement);
    const next = menuFocusIndex(
      entries.map((x) => x.label),
      current,
      e.key,
    );
    if (next === null) return;
    e.preventDefault();
    items.current[next]?.focus();
  };

  const activate = (entry: MenuEntry) => {
    if (entry.disabled !== null) return;
    onClose(!entry.keepsFocus);
    entry.run();
  };

  const separatorBefore = entries.findIndex((x) => x.tone === 'danger');
  return createPortal(
    <div
      ref={root}
      className="fixed z-50 min-w-56 overflow-hidden rounded-lg border border-slate-300 bg-white py-1 text-slate-900 shadow-xl ring-1 ring-slate-900/5"
      style={{ left: at.x, top: at.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => {
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      <div id={titleId} className="truncate border-b border-slate-200 px-3 pt-1 pb-1.5 text-xs font-semibold tracking-wide text-slate-500">
        {title}
      </div>
      <div role="menu" aria-labelledby={titleId} aria-orientation="vertical" className="flex flex-col pt-1">
        {entries.map((entry, i) => (
          <div key={entry.id} role="none" className={i === separatorBefore && i > 0 ? 'mt-1 border-t border-slate-200 pt-1' : ''}>
            <button
              ref={(b) => {
                items.current[i] = b;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              title={entry.disabled ?? entry.title}
              aria-disabled={entry.disabled !== null || undefined}
              aria-keyshortcuts={entry.shortcut ?? undefined}
              className={`flex w-full items-center gap-6 px-3 py-1.5 text-left text-sm ${TONE[entry.tone]} ${entry.disabled !== null ? 'cursor-not-allowed opacity-45' : ''}`}
              // The page's amber focus outline, drawn inside the item (the menu clips what lies outside).
              style={{ outlineOffset: -3 }}
              onClick={() => activate(entry)}
            >
              <span className="flex-1">{entry.label}</span>
              {entry.shortcut && <kbd aria-hidden className="rounded border border-slate-300 bg-slate-50 px-1 font-sans text-[11px] text-slate-500">{entry.shortcut === 'Delete' ? 'Del' : entry.shortcut}</kbd>}
            </button>
          </div>
        ))}
      </div>
    </div>,
    document.body,
  );
}

/** The menu for a request from the graph: the target's actions, applied through the store as the toolbar does. */
export function GraphContextMenu({ request, onClose, onDeploy }: { request: MenuRequest; onClose: (giveFocusBack: boolean) => void; onDeploy: () => void }) {
  const store = useRelvizStore();
  const view = useRelviz((s) => s.view);
  const { target: t } = request;
  if (t.kind === 'pane') {
    const deploy: MenuEntry = { id: 'deploy', label: ControlLabel.deployMenu, title: 'Deploy a charm (as juju deploy)', tone: 'normal', disabled: null, shortcut: null, keepsFocus: true, run: onDeploy };
    return <ContextMenu title="Model" at={request.at} entries={[deploy]} onClose={onClose} />;
  }
  // Gone at the cursor (removed while the menu was open, or the cursor moved): nothing to act on.
  const target = selectionTarget(view, t);
  if (!target) return null;
  const entries = targetActions(view, target).map(
    (a): MenuEntry => ({
      id: a.id,
      label: a.label,
      title: a.title,
      tone: a.tone,
      disabled: a.disabled,
      shortcut: a.shortcut,
      keepsFocus: a.effect.kind === 'form',
      run: () => {
        const effect = a.effect;
        if (effect.kind === 'form') {
          openToolbarForm(effect.form);
          return;
        }
        const s = store.getState();
        if (s.apply(effect.command).exitCode === 0 && effect.deselect) s.select(null);
      },
    }),
  );
  return <ContextMenu title={describeTarget(target)} at={request.at} entries={entries} onClose={onClose} />;
}
