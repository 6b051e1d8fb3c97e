/** Hook log rows and their filters (pure, tested in test/ui/hookLog.test.ts). */
import type { HookRecord, TraceRecord } from '../../engine/trace.ts';

export const KIND_FILTERS = {
  all: 'all hooks',
  created: 'relation-created',
  joined: 'relation-joined',
  changed: 'relation-changed',
  departed: 'relation-departed',
  broken: 'relation-broken',
  leadership: 'leadership',
  lifecycle: 'install, config, start, stop, remove',
  action: 'actions',
} as const;
export type KindFilter = keyof typeof KIND_FILTERS;

export interface LogFilter {
  readonly unit: string;
  readonly relation: string;
  readonly kind: KindFilter;
}

export const NO_FILTER: LogFilter = { unit: '', relation: '', kind: 'all' };

export interface LogRow {
  readonly record: HookRecord;
  /** Index of the record in the full trace. */
  readonly index: number;
}

function kindMatches(r: HookRecord, kind: KindFilter): boolean {
  switch (kind) {
    case 'all':
      return true;
    case 'leadership':
      return r.kind === 'leader-elected' || r.kind === 'leader-settings-changed';
    case 'lifecycle':
      return r.kind === 'install' || r.kind === 'config-changed' || r.kind === 'start' || r.kind === 'stop' || r.kind === 'remove';
    case 'action':
      return r.kind === 'action';
    default:
      return r.kind === `relation-${kind}`;
  }
}

/** The hook records among `records[0, end)`, filtered. */
export function logRows(records: readonly TraceRecord[], end: number, f: LogFilter): LogRow[] {
  const rows: LogRow[] = [];
  for (let i = 0; i < end; i++) {
    const r = records[i];
    if (!r || r.type !== 'hook') continue;
    if (f.unit && r.unit !== f.unit) continue;
    if (f.relation && String(r.relationId) !== f.relation) continue;
    if (!kindMatches(r, f.kind)) continue;
    rows.push({ record: r, index: i });
  }
  return rows;
}

/** Units and relation ids that appear in the trace, for the filter menus. */
export function filterOptions(records: readonly TraceRecord[]): { units: string[]; relations: number[] } {
  const units = new Set<string>();
  const relations = new Set<number>();
  for (const r of records) {
    if (r.type !== 'hook') continue;
    units.add(r.unit);
    if (r.relationId !== null) relations.add(r.relationId);
  }
  return { units: [...units].sort(), relations: [...relations].sort((a, b) => a - b) };
}
