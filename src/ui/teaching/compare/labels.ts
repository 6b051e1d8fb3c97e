/**
 * Names and visible strings of the comparison view, shared with the e2e tests: a hook
 * there is named `worker/1 master-relation-broken` (no seq: each branch is its own
 * history).
 */
import { Rules } from '../../../engine/ops.ts';
import type { BranchHook } from '../../../teaching/compare.ts';

export const CompareLabel = {
  region: 'Alternatives side by side',
  legend: 'What the colours mean',
  hide: 'Hide the comparison',
  show: 'Show the comparison',
  hint: 'Point at a hook (or Tab to it, then use the arrow keys) to see why it ran.',
  nothing: 'nothing runs',
} as const;

/** The accessible name of a hook in a branch. */
export function hookName(unit: string, hook: string): string {
  return `${unit} ${hook}`;
}

/** The accessible name of a unit's hooks in one alternative (a cell of the table). */
export function cellName(unit: string, alternative: string): string {
  return `${unit} in ${alternative}`;
}

/** What the detail line says about a hook: which, with what environment, and why it ran. */
export function hookDetail(h: BranchHook, branchTitle: string): string {
  const env = [h.remoteUnit && `JUJU_REMOTE_UNIT=${h.remoteUnit}`, h.departingUnit && `JUJU_DEPARTING_UNIT=${h.departingUnit}`].filter(Boolean).join(', ');
  return `${branchTitle}: ${hookName(h.unit, h.hook)}${env ? ` (${env})` : ''}${h.failed ? ', failed' : ''} — ${Rules[h.rule]}`;
}
