/**
 * What the graph frames: every application, unless that draws them too small to read
 * and something narrower is in focus (what a tutorial step is about, teaching/focus.ts)
 * — then that, centred, zoomed in no further than it takes to read it, so as much of
 * the rest as fits stays around it.
 */
import { getNodesBounds, getViewportForBounds, type Node, type FitViewOptions } from '@xyflow/react';

/** The zoom under which a unit chip's name (14 px) falls below 11 px. */
export const LEGIBLE_ZOOM = 0.8;
/** How far a focus is zoomed in, at most (a chip's name at 12.6 px). */
const FOCUS_ZOOM = 0.9;

export type FitOptions = Required<Pick<FitViewOptions, 'padding' | 'maxZoom'>>;

/** fitView's options for a box of `width` × `height`: `fit` for the whole model, or the focus and how far to zoom in. */
export function frameOptions(nodes: readonly Node[], width: number, height: number, fit: FitOptions, focus: readonly string[]): FitViewOptions {
  const all = getViewportForBounds(getNodesBounds([...nodes]), width, height, 0.05, fit.maxZoom, fit.padding).zoom;
  const inFocus = nodes.filter((n) => focus.includes(n.id));
  if (inFocus.length === 0 || inFocus.length === nodes.length || all >= LEGIBLE_ZOOM) return fit;
  return { ...fit, nodes: inFocus.map((n) => ({ id: n.id })), maxZoom: Math.min(fit.maxZoom, FOCUS_ZOOM) };
}
