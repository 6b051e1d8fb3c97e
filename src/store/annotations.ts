/**
 * Bundle annotations (`gui-x`/`gui-y`, in the Juju GUI's units, where an application
 * was a circle about 200 px across) and relviz's graph positions (its nodes are
 * 320 px wide cards): one scale between them, used both ways, so that a bundle's
 * layout opens uncrowded and `juju export-bundle` writes back what it read.
 */
export type { Positions } from '../engine/bundleExport.ts';
import type { Positions } from '../engine/bundleExport.ts';

/** Graph units per annotation unit. */
export const GUI_SCALE = 2;

export function fromAnnotations(annotations: Positions): Record<string, { x: number; y: number }> {
  return Object.fromEntries(Object.entries(annotations).map(([app, p]) => [app, { x: p.x * GUI_SCALE, y: p.y * GUI_SCALE }]));
}

export function toAnnotations(positions: Positions): Record<string, { x: number; y: number }> {
  return Object.fromEntries(Object.entries(positions).map(([app, p]) => [app, { x: p.x / GUI_SCALE, y: p.y / GUI_SCALE }]));
}
