/**
 * Which endpoint rows an application card draws. A teaching charm has a handful of
 * endpoints and shows them all; a real charm can have twenty, and a card that lists
 * them all is too tall to read in a bundle of several of them. Such a card shows the
 * endpoints that take part in a relation (or fit the endpoint being dragged) and folds
 * the rest into one "+N more endpoints" line that opens on click.
 *
 * Pure, so the layout (node heights) and the card agree on the same rows.
 */
import type { EndpointMeta } from '../../engine/charm.ts';
import type { AppView, ModelView } from '../../store/view.ts';

/** An application with at most this many endpoints (requires and provides) shows them all. */
export const FOLD_OVER = 5;

export interface ShownEndpoints {
  /** Requires and provides rows drawn, in the charm's order (juju-info last, when drawn). */
  readonly shown: readonly EndpointMeta[];
  /** How many are folded into the "+N more endpoints" line (0: no such line). */
  readonly folded: number;
}

/** The endpoints of each application that take part in a relation (peers aside), dying ones included. */
export function relatedEndpoints(view: ModelView): ReadonlyMap<string, ReadonlySet<string>> {
  const out = new Map<string, Set<string>>();
  for (const rel of view.relations) {
    if (rel.peer) continue;
    for (const e of rel.endpoints) {
      const s = out.get(e.app);
      if (s) s.add(e.endpoint);
      else out.set(e.app, new Set([e.endpoint]));
    }
  }
  return out;
}

/**
 * The rows `app` draws: all of them for a small charm or an expanded card; otherwise
 * those in `keep` (related, highlighted), the rest folded. The implicit juju-info
 * endpoint is a row only when `showJujuInfo` (something in the model requires it).
 */
export function shownEndpoints(app: AppView, keep: ReadonlySet<string>, showJujuInfo: boolean, expanded: boolean): ShownEndpoints {
  const eps = app.endpoints.filter((e) => !e.implicit && e.role !== 'peers');
  const juju = showJujuInfo ? app.endpoints.filter((e) => e.implicit) : [];
  const all = [...eps, ...juju];
  if (expanded || eps.length <= FOLD_OVER) return { shown: all, folded: 0 };
  const shown = all.filter((e) => keep.has(e.name));
  return { shown, folded: all.length - shown.length };
}

/** A card's rows between its header and its units: the strip, endpoint rows, the fold line, peer badges and padding. */
export function endpointRows(app: AppView, shown: ShownEndpoints): number {
  const peers = app.endpoints.filter((e) => e.role === 'peers').length;
  // The strip under the header: one line for a real charm, two for an inferred one (a longer text).
  const strip = app.inferred ? 2 : app.real ? 1 : 0;
  return strip + shown.shown.length + (shown.folded > 0 ? 1 : 0) + peers + 1;
}
