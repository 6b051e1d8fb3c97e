/**
 * One look at the page for the monkey (a single evaluate, so an action costs one
 * round trip to decide): what can be clicked, by role and accessible name, where it
 * is, and what is on the graph. Links that leave the page and downloads are left out.
 * While a modal dialog is open only its contents count (the rest is inert).
 */
import type { Page } from '@playwright/test';
import { Label } from '../../src/ui/labels.ts';
import type { OnScreen } from './consoleLines.ts';

export type TargetKind = 'control' | 'unit' | 'app' | 'relation' | 'popup';

export interface Target {
  readonly kind: TargetKind;
  /** `button "Play"`, `unit worker/0`, … */
  readonly desc: string;
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Text fields other than the console, and selects: found again by their index among all of their kind. */
export const FIELDS = 'input:not([type]), input[type="text"], input[type="number"], input[type="search"], textarea';

export interface Field {
  /** Its index in `document.querySelectorAll(FIELDS)` (or of `select`). */
  readonly nth: number;
  readonly desc: string;
  /** A select's options. */
  readonly options: readonly string[];
}

export interface Scan {
  readonly targets: readonly Target[];
  /** Endpoint handles on the graph (drag sources and drop targets). */
  readonly handles: readonly Target[];
  /** Application nodes (drag them by their lower edge). */
  readonly nodes: readonly Box[];
  /** The graph's box, where drags end. */
  readonly graph: Box | null;
  readonly onScreen: OnScreen;
  /** A dialog or a menu is open: most clicks go to it. */
  readonly popupOpen: boolean;
  /** The focused element, as `tag "label"`. */
  readonly focus: string;
  /** The timeline's end, if there is a timeline. */
  readonly timelineMax: number | null;
  /** Usable `<select>`s by accessible name: their options' texts. */
  readonly selects: Readonly<Record<string, readonly string[]>>;
  /** Accessible names of the usable buttons. */
  readonly buttons: readonly string[];
  /** Usable text fields (not the console, not read-only) and selects, wherever they are. */
  readonly fields: readonly Field[];
  readonly selectBoxes: readonly Field[];
  /** Accessible names (aria-label) of the usable inputs: the seed field, the sliders, … */
  readonly inputs: readonly string[];
  /** The console's command field can be typed in (not hidden by presentation mode, not behind a modal dialog). */
  readonly consoleUsable: boolean;
}

/** Runs in the page: no closures over test code (the labels come in as an argument). */
function scanPage(labels: { readonly timeline: string; readonly command: string; readonly fields: string }): Scan {
  const vw = innerWidth;
  const vh = innerHeight;
  const modal = document.querySelector('dialog:modal');
  const scope: ParentNode = modal ?? document;
  const centre = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2), ok: r.width > 0 && r.height > 0 };
  };
  const usable = (el: Element): boolean => {
    if (!(el instanceof HTMLElement || el instanceof SVGElement)) return false;
    if ((el as HTMLButtonElement).disabled || el.closest('[inert], [aria-hidden="true"], [hidden]')) return false;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const c = centre(el);
    return c.ok && c.x >= 0 && c.y >= 0 && c.x < vw && c.y < vh;
  };
  /** The accessible name, near enough: aria-label, else the text that is not aria-hidden, else the title. */
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label.slice(0, 60);
    let text = '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('[aria-hidden="true"]')) text += n.textContent ?? '';
    text = text.replace(/\s+/g, ' ').trim();
    return (text || el.getAttribute('title') || '').slice(0, 60);
  };
  /** Navigating away or downloading ends the monkey's page: not for it. */
  const leaves = (el: Element): boolean => el.closest('a[href], [download]') !== null || /download/i.test(nameOf(el));

  const targets: Target[] = [];
  const seen = new Set<Element>();
  const add = (kind: TargetKind, el: Element, desc: string) => {
    if (seen.has(el) || !usable(el) || leaves(el)) return;
    seen.add(el);
    const c = centre(el);
    targets.push({ kind, desc, x: c.x, y: c.y });
  };
  const inPopup = (el: Element) => el.closest('dialog, [role="dialog"], [role="menu"]') !== null;
  for (const el of scope.querySelectorAll('[data-unit]')) add('unit', el, `unit ${el.getAttribute('data-unit') ?? ''}`);
  for (const el of scope.querySelectorAll('[data-app-node] button[aria-label^="Application"]')) add('app', el, nameOf(el).toLowerCase());
  for (const el of scope.querySelectorAll('[data-relation-label]')) add('relation', el, `relation #${el.getAttribute('data-relation-label') ?? ''} label`);
  const roles = 'button, [role="button"], [role="menuitem"], [role="tab"], [role="option"], [role="checkbox"], [role="switch"], input[type="checkbox"], input[type="radio"], summary';
  for (const el of scope.querySelectorAll(roles)) {
    const role = el.getAttribute('role') ?? (el instanceof HTMLInputElement ? el.type : el.tagName.toLowerCase());
    add(inPopup(el) ? 'popup' : 'control', el, `${role} "${nameOf(el)}"`);
  }
  // Edges: the middle of each relation's curve (React Flow's wide interaction path).
  for (const path of scope.querySelectorAll<SVGPathElement>('.react-flow__edge path.react-flow__edge-interaction')) {
    const ctm = path.getScreenCTM();
    if (!ctm || !usable(path)) continue;
    const p = path.getPointAtLength(path.getTotalLength() / 2).matrixTransform(ctm);
    const id = path.closest('.react-flow__edge')?.getAttribute('data-id') ?? '';
    if (p.x >= 0 && p.y >= 0 && p.x < vw && p.y < vh) targets.push({ kind: 'relation', desc: `edge ${id}`, x: Math.round(p.x), y: Math.round(p.y) });
  }

  const handles: Target[] = [];
  for (const el of scope.querySelectorAll('.react-flow__handle[data-endpoint]')) {
    if (!usable(el)) continue;
    const c = centre(el);
    handles.push({ kind: 'app', desc: `handle ${el.getAttribute('data-endpoint') ?? ''}`, x: c.x, y: c.y });
  }
  const nodes: Box[] = [];
  for (const el of scope.querySelectorAll('[data-app-node]')) {
    const r = el.getBoundingClientRect();
    if (usable(el)) nodes.push({ name: el.getAttribute('data-app-node') ?? '', x: r.left, y: r.top, w: r.width, h: r.height });
  }
  const pane = document.querySelector('.react-flow');
  const g = pane?.getBoundingClientRect();
  const active = document.activeElement;
  const focus = active ? `${active.tagName.toLowerCase()}${active.getAttribute('aria-label') ? ` "${active.getAttribute('aria-label')}"` : ''}` : 'nothing';
  const timeline = scope.querySelector(`input[type="range"][aria-label="${labels.timeline}"]`);
  const selects: Record<string, string[]> = {};
  for (const el of scope.querySelectorAll('select')) {
    if (usable(el)) selects[el.getAttribute('aria-label') ?? ''] = [...el.options].map((o) => o.text);
  }
  const buttons = [...scope.querySelectorAll('button')].filter(usable).map(nameOf);
  // Indexed over the whole document, so the test finds the same element with .nth().
  const inScope = (el: Element) => modal === null || modal.contains(el);
  const labelOf = (el: Element) => el.getAttribute('aria-label') ?? el.closest('label')?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 40) ?? el.tagName.toLowerCase();
  const fields: Field[] = [...document.querySelectorAll(labels.fields)]
    .map((el, nth) => ({ el, nth }))
    .filter(({ el }) => inScope(el) && usable(el) && !(el as HTMLInputElement).readOnly && el.getAttribute('aria-label') !== labels.command)
    .map(({ el, nth }) => ({ nth, desc: `${el.tagName.toLowerCase()} "${labelOf(el)}"`, options: [] }));
  const selectBoxes: Field[] = [...document.querySelectorAll('select')]
    .map((el, nth) => ({ el, nth }))
    .filter(({ el }) => inScope(el) && usable(el))
    .map(({ el, nth }) => ({ nth, desc: `select "${labelOf(el)}"`, options: [...el.options].map((o) => o.text) }));
  const names = (sel: string, attr: string) => [...new Set([...document.querySelectorAll(sel)].map((e) => e.getAttribute(attr) ?? '').filter(Boolean))];
  return {
    targets,
    handles,
    nodes,
    graph: g && g.width > 0 ? { name: 'graph', x: g.left, y: g.top, w: g.width, h: g.height } : null,
    onScreen: { apps: names('[data-app-node]', 'data-app-node'), units: names('[data-unit]', 'data-unit'), endpoints: names('[data-endpoint]', 'data-endpoint') },
    popupOpen: modal !== null || document.querySelector('[role="menu"], [role="dialog"]') !== null,
    focus,
    timelineMax: timeline && usable(timeline) ? Number(timeline.getAttribute('max')) : null,
    selects,
    buttons,
    fields,
    selectBoxes,
    inputs: [...scope.querySelectorAll('input[aria-label]')].filter(usable).map((el) => el.getAttribute('aria-label') ?? ''),
    consoleUsable: [...scope.querySelectorAll(`input[aria-label="${labels.command}"]`)].some(usable),
  };
}

export function scan(page: Page): Promise<Scan> {
  return page.evaluate(scanPage, { timeline: Label.timeline, command: Label.command, fields: FIELDS });
}
