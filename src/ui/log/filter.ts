/**
 * Hook log rows and their filters, pure (tested in test/ui/hookLog.test.ts). The rows
 * of the whole history are filtered once per history change; the cursor then only
 * cuts them (binary search), so scrubbing a long history stays cheap.
 */
import type { HookRecord, TraceList } from '../../engine/trace.ts';

/** The hook-kind filter: value → what the menu shows. */
export const KIND_FILTERS = {
  all: 'all hooks',
  created: 'relation-created',
  joined: 'relation-joined',
  changed: 'relation-changed',
  departed: 'relation-departed',
  broken: 'relation-broken',
  leadership: 'leadership',
  lifecycle: 'lifecycle (install … remove)',
  action: 'actions',
} as const;
export type KindFilter = keyof typeof KIND_FILTERS;

export interface LogFilter {
  /** A unit name, or '' for every unit. */
  readonly unit: string;
  /** A relation id (as text, from the menu), or '' for every relation. */
  readonly relation: string;
  readonly kind: KindFilter;
}

export const NO_FILTER: LogFilter = { unit: '', relation: '', kind: 'all' };

export function isFiltered(f: LogFilter): boolean {
  return f.unit !== '' || f.relation !== '' || f.kind !== 'all';
}

export interface LogRow {
  readonly record: HookRecord;
  /** Index of the record in the full trace. */
  readonly index: number;
}

export function kindMatches(r: HookRecord, kind: KindFilter): boolean {
  switch (kind) {
    case 'all':
      return true;
    case 'leadership':
      return r.kind === 'leader-elected' || r.kind === 'leader-settings-changed';
    case 'lifecycle':
      return r.kind === 'install' || r.kind === 'config-changed' || r.kind === 'start' || r.kind === 'stop' || r.kind === 'remove';
    case 'action':
      return r.kind === 'action';
    case 'created':
    case 'joined':
    case 'changed':
    case 'departed':
    case 'broken':
      return r.kind === `relation-${kind}`;
  }
}

export function matches(r: HookRecord, f: LogFilter): boolean {
  return (f.unit === '' || r.unit === f.unit) && (f.relation === '' || String(r.relationId) === f.relation) && kindMatches(r, f.kind);
}

/** Filtered rows of a prefix of the trace; `collectRows(records, filter, this)` goes on from `scanned`. */
export interface LogRows {
  readonly rows: readonly LogRow[];
  readonly scanned: number;
}

/**
 * The hook records among `records[0, end)` that pass the filter, in trace order. With
 * `prev` (rows of a prefix of the same records, same filter), only the rest is read.
 */
export function collectRows(records: TraceList, f: LogFilter, prev?: LogRows, end = records.length): LogRows {
  const added: LogRow[] = [];
  const stop = Math.min(end, records.length);
  for (let i = prev?.scanned ?? 0; i < stop; i++) {
    const r = records.at(i);
    if (r?.type === 'hook' && matches(r, f)) added.push({ record: r, index: i });
  }
  const rows = prev ? (added.length === 0 ? prev.rows : prev.rows.concat(added)) : added;
  return { rows, scanned: Math.max(stop, prev?.scanned ?? 0) };
}

/** The hook records among `records[0, end)` that pass the filter, in trace order. */
export function logRows(records: TraceList, end: number, f: LogFilter): readonly LogRow[] {
  return collectRows(records, f, undefined, end).rows;
}

/** How many of `rows` (in trace order) come before trace index `end`: the rows up to the cursor. */
export function rowsBefore(rows: readonly LogRow[], end: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] as LogRow).index < end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The seq of the hook at the cursor (the last hook before `end`), or null before the first. */
export function seqAtCursor(records: TraceList, end: number): number | null {
  for (let i = Math.min(end, records.length) - 1; i >= 0; i--) {
    const r = records.at(i);
    if (r?.type === 'hook') return r.seq;
  }
  return null;
}

export interface RelationOption {
  readonly id: number;
  /** `0 · master ⇄ master-application`: the id and the endpoint names its units used (sorted). */
  readonly label: string;
}

export interface FilterOptions {
  /** Units, worker/2 before worker/10. */
  readonly units: readonly string[];
  readonly relations: readonly RelationOption[];
  /** Records read so far (`filterOptions(records, this)` goes on from there). */
  readonly scanned: number;
  /** Endpoint names seen per relation id. */
  readonly endpoints: ReadonlyMap<number, ReadonlySet<string>>;
}

const byNumber = new Intl.Collator('en', { numeric: true });

/** Units and relations that appear in the trace, for the filter menus; with `prev`, only new records are read. */
export function filterOptions(records: TraceList, prev?: FilterOptions): FilterOptions {
  const units = new Set(prev?.units);
  const endpoints = new Map([...(prev?.endpoints ?? [])].map(([id, names]) => [id, new Set(names)]));
  let changed = !prev;
  for (let i = prev?.scanned ?? 0; i < records.length; i++) {
    const r = records.at(i);
    if (r?.type !== 'hook') continue;
    if (!units.has(r.unit)) {
      units.add(r.unit);
      changed = true;
    }
    if (r.relationId === null) continue;
    let names = endpoints.get(r.relationId);
    if (!names) {
      endpoints.set(r.relationId, (names = new Set()));
      changed = true;
    }
    const endpoint = r.relation ? r.relation.slice(0, r.relation.lastIndexOf(':')) : null;
    if (endpoint !== null && !names.has(endpoint)) {
      names.add(endpoint);
      changed = true;
    }
  }
  if (prev && !changed) return { ...prev, scanned: records.length };
  return {
    units: [...units].sort(byNumber.compare),
    relations: [...endpoints]
      .sort(([a], [b]) => a - b)
      .map(([id, names]) => ({ id, label: names.size > 0 ? `${id} · ${[...names].sort().join(' ⇄ ')}` : String(id) })),
    scanned: records.length,
    endpoints,
  };
}
