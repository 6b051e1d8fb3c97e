/**
 * Bundle annotations (`gui-x`/`gui-y`, in the Juju GUI's units, where an application
 * was a circle about 200 px across) and relviz's graph positions (its nodes are
 * 320 px wide cards): one scale between them, for `juju export-bundle` to write
 * where the graph draws each application. (Opening a bundle does not place the cards
 * at its annotations: the graph lays a bundle out itself, see store.openBundle.)
 */
export type { Positions } from '../engine/bundleExport.ts';
import type { Positions } from '../engine/bundleExport.ts';

/** Graph units per annotation unit. */
export const GUI_SCALE = 2;

export function toAnnotations(positions: Positions): Record<string, { x: number; y: number }> {
  return Object.fromEntries(Object.entries(positions).map(([app, p]) => [app, { x: p.x / GUI_SCALE, y: p.y / GUI_SCALE }]));
}
