/**
 * What a tutorial step is about on the graph: the applications whose nodes show the
 * units, relations and data that the step selects and that it and its stops point at
 * (a subordinate unit's chip sits in its principal's node). On a screen too small to
 * show the whole model legibly, the graph frames these (graph/frame.ts). One set per
 * step, not per stop, so the graph does not move under the narration.
 */
import type { RelvizState } from '../../store/store.ts';
import type { ModelView } from '../../store/view.ts';
import type { Step, Target } from '../../teaching/tutorial.ts';
import { tutorialById } from '../../teaching/tutorials/registry.ts';

/** The application whose node shows a unit's chip (a unit not there yet: its application, by name). */
function nodeOfUnit(view: ModelView, name: string): string {
  const unit = view.units[name];
  if (!unit) return name.split('/')[0] ?? name;
  const principal = unit.principal ? view.units[unit.principal] : undefined;
  return principal?.app ?? unit.app;
}

function appsOf(view: ModelView, t: Target): string[] {
  switch (t.kind) {
    case 'unit':
    case 'block':
      return [nodeOfUnit(view, t.unit)];
    case 'app':
      return [t.app];
    case 'relation':
      return [...t.apps];
    case 'bag-key':
      return [t.owner.includes('/') ? nodeOfUnit(view, t.owner) : t.owner];
    case 'console':
      return [];
  }
}

export function stepFocus(step: Step, view: ModelView): string[] {
  const targets = [...(step.highlight ?? []), ...(step.stops ?? []).flatMap((s) => s.highlight ?? [])];
  const selected = step.select ? ('relation' in step.select ? [...step.select.relation] : [nodeOfUnit(view, step.select.unit)]) : [];
  const apps = new Set([...selected, ...targets.flatMap((t) => appsOf(view, t))]);
  return view.apps.map((a) => a.name).filter((a) => apps.has(a));
}

/** The focus of the step on screen, as a string (a stable selector result): application names, space-separated. */
export function selectStepFocus(s: Pick<RelvizState, 'tutorial' | 'view'>): string {
  const step = s.tutorial ? tutorialById(s.tutorial.id)?.steps[s.tutorial.step] : undefined;
  return step ? stepFocus(step, s.view).join(' ') : '';
}
