/**
 * Names and tooltips of swimlane blocks, shared by the component and the e2e tests:
 * a block's accessible name is `worker/1 master-relation-departed (seq 33)`.
 */
import { Rules } from '../../engine/ops.ts';
import type { Block } from './layout.ts';

export const SwimlaneLabel = {
  legend: 'Swimlane legend',
  empty: 'No hooks yet: press Play or step forward.',
  now: 'now',
} as const;

/** A code charm's hook that re-emitted (↻) or deferred (⏸) an ops event: its badge, or '' (none). */
export function deferralMark(r: Block['record']): string {
  const events = r.type === 'hook' ? r.charm?.events : undefined;
  if (!events) return '';
  return `${events.some((e) => e.reemitted) ? '↻' : ''}${events.some((e) => e.deferred) ? '⏸' : ''}`;
}

/** The accessible name of a block (tests find blocks by it). */
export function blockName(unit: string, hook: string, seq: number): string {
  return `${unit} ${hook} (seq ${seq})`;
}

/** The block's tooltip: full name, environment, why it ran, and the error of a failed hook. */
export function blockTitle(b: Block): string {
  const lines = [blockName(b.unit, b.hook, b.seq)];
  const r = b.record;
  if (r.type === 'imported') return r.title(b);
  if (r.type === 'exec') {
    lines.push(`wrote relation data outside any hook (${r.changes.length} databag${r.changes.length === 1 ? '' : 's'})`);
    return lines.join('\n');
  }
  const env = [r.relation && `relation ${r.relation}`, r.remoteUnit && `remote unit ${r.remoteUnit}`, r.departingUnit && `departing ${r.departingUnit}`].filter(Boolean);
  if (env.length > 0) lines.push(env.join(' · '));
  if (r.kind === 'relation-changed' && r.cause > 0) lines.push(`reports the write of seq ${r.cause}`);
  lines.push(`why: ${Rules[r.rule]}`);
  for (const e of r.charm?.events ?? []) {
    if (e.reemitted) lines.push(`↻ re-emitted ${e.event}`);
    if (e.deferred) lines.push(`⏸ deferred ${e.event}`);
  }
  if (r.result === 'error') lines.push(`✗ failed${r.error ? `: ${r.error}` : ''}`);
  return lines.join('\n');
}
