/**
 * What a click means while recording, from the element clicked (the data attributes
 * the highlighter already finds them by: targets.ts): a hook in the swimlanes or the
 * hook log is a stop after it; with Alt held, a unit, an application, a relation, a
 * databag key or a swimlane block is a highlight. Anything else is the app's own.
 */
import type { RelvizState } from '../../../store/store.ts';
import type { Target } from '../../../teaching/tutorial.ts';

export type RecordedClick = { readonly kind: 'stop'; readonly seq: number } | { readonly kind: 'highlight'; readonly target: Target; readonly relation?: readonly [string, string] } | null;

/** The modifier that makes a click a highlight, as the bar names it. */
export const HIGHLIGHT_KEY = 'Alt';

/** The two applications of a relation on screen (the same one twice for a peer relation). */
export function relationApps(s: Pick<RelvizState, 'view'>, id: number): readonly [string, string] | null {
  const rel = s.view.relations.find((r) => r.id === id);
  const [a, b] = rel?.endpoints ?? [];
  if (!rel || !a) return null;
  return [a.app, rel.peer || !b ? a.app : b.app];
}

export function recordedClick(el: Element, alt: boolean, s: Pick<RelvizState, 'view' | 'selection' | 'timeline'>): RecordedClick {
  const block = el.closest('[data-swimlane-unit][data-seq]');
  const row = el.closest('tr[data-seq]');
  if (!alt) {
    const seq = Number((block ?? row)?.getAttribute('data-seq') ?? NaN);
    return Number.isInteger(seq) ? { kind: 'stop', seq } : null;
  }
  if (block) {
    const seq = Number(block.getAttribute('data-seq'));
    const unit = block.getAttribute('data-swimlane-unit') as string;
    for (const r of s.timeline.fullTrace) if (r.type === 'hook' && r.seq === seq) return { kind: 'highlight', target: { kind: 'block', unit, hook: r.hook } };
    return null;
  }
  const key = el.closest('[data-key]');
  const bag = key?.closest('[data-bag]')?.getAttribute('data-bag');
  if (key && bag) {
    const owner = bag.slice(bag.indexOf(':') + 1);
    const shown = Number(key.closest('[data-relation]')?.getAttribute('data-relation') ?? (s.selection?.kind === 'relation' ? s.selection.id : NaN));
    const relation = relationApps(s, shown);
    return { kind: 'highlight', target: { kind: 'bag-key', owner, key: key.getAttribute('data-key') as string }, ...(relation ? { relation } : {}) };
  }
  const unit = el.closest('.react-flow [data-unit]')?.getAttribute('data-unit');
  if (unit) return { kind: 'highlight', target: { kind: 'unit', unit } };
  const edge = el.closest('[data-relation-label], [data-relation-id]');
  if (edge) {
    const apps = relationApps(s, Number(edge.getAttribute('data-relation-label') ?? edge.getAttribute('data-relation-id')));
    return apps ? { kind: 'highlight', target: { kind: 'relation', apps } } : null;
  }
  const app = el.closest('[data-app-node]')?.getAttribute('data-app-node');
  return app ? { kind: 'highlight', target: { kind: 'app', app } } : null;
}
