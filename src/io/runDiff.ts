/**
 * What changed between two runs of a model (the same inputs with other charm code):
 * the hooks each unit ran after the fork point, added or removed (a longest common
 * subsequence over each unit's hooks), the databags that differ at the end (per
 * relation, per bag, key by key, as `{added, updated: [from, to], removed}`), and the
 * units whose status or failure differs. Pure: a run is first read into a snapshot
 * (`runSnapshot`), then two snapshots are compared (`diffRuns`).
 */
import type { SimState } from '../engine/model.ts';
import { hookName } from '../engine/ops.ts';
import type { Timeline } from '../engine/timeline.ts';

/** A run as the diff sees it: plain data, so it can be kept after its history is gone. */
export interface RunSnapshot {
  /** Each unit's hooks after the fork point, in order: `db-relation-joined (db/0)`, with ` ✗` for a failed one. */
  readonly hooks: Readonly<Record<string, readonly string[]>>;
  /** Databags at the end: relation key → bag (`app:<name>` or `unit:<name>`) → key → value. */
  readonly bags: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>>;
  /** Each unit's workload status at the end: `active: ready`. */
  readonly statuses: Readonly<Record<string, string>>;
  /** Units in error at the end → the hook that failed. */
  readonly failures: Readonly<Record<string, string>>;
}

/** One step of a unit's hooks from the first run to the second. */
export interface HookStep {
  readonly op: 'same' | 'added' | 'removed';
  readonly hook: string;
}

export interface UnitHooksDiff {
  readonly unit: string;
  /** The merged sequence: every hook of both runs, in order, marked. */
  readonly steps: readonly HookStep[];
  readonly added: number;
  readonly removed: number;
}

/** One databag's difference (a bag only one run has compares with an empty one). */
export interface BagDiff {
  readonly relation: string;
  /** `app:<name>` or `unit:<name>`. */
  readonly bag: string;
  readonly added: readonly (readonly [key: string, value: string])[];
  readonly updated: readonly (readonly [key: string, from: string, to: string])[];
  readonly removed: readonly (readonly [key: string, value: string])[];
}

/** A value that differs for a unit (null: the unit has none in that run). */
export interface UnitChange {
  readonly unit: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface RunDiff {
  readonly hooks: readonly UnitHooksDiff[];
  readonly bags: readonly BagDiff[];
  readonly statuses: readonly UnitChange[];
  readonly failures: readonly UnitChange[];
}

/** How a hook is named in a snapshot: its name, the remote unit it was about, and a mark if it failed. */
export function hookLabel(r: { readonly hook: string; readonly remoteUnit: string | null; readonly result: 'ok' | 'error' }): string {
  return `${r.hook}${r.remoteUnit !== null ? ` (${r.remoteUnit})` : ''}${r.result === 'error' ? ' ✗' : ''}`;
}

/** The bags of a model's relations, read as plain data. */
function bagsOf(state: SimState): RunSnapshot['bags'] {
  const out: Record<string, Record<string, Record<string, string>>> = {};
  for (const rel of state.relations.values()) {
    const bags: Record<string, Record<string, string>> = {};
    for (const [app, bag] of rel.appBags) bags[`app:${app}`] = Object.fromEntries(bag.data);
    for (const [unit, bag] of rel.unitBags) bags[`unit:${unit}`] = Object.fromEntries(bag.data);
    out[rel.key] = bags;
  }
  return out;
}

/**
 * Reads a run: the hooks of the trace records from tick `from` on, and the model at
 * the end of the history (moves nothing: the state is read at its last tick).
 */
export function runSnapshot(t: Timeline, from: number): RunSnapshot {
  const hooks: Record<string, string[]> = {};
  const trace = t.fullTrace;
  for (let i = t.traceIndexAt(from); i < trace.length; i++) {
    const r = trace.at(i);
    if (r?.type === 'hook') (hooks[r.unit] ??= []).push(hookLabel(r));
  }
  const end = t.stateAt(t.length);
  const statuses: Record<string, string> = {};
  const failures: Record<string, string> = {};
  for (const unit of end.units.values()) {
    statuses[unit.name] = `${unit.status.workload}${unit.status.message !== '' ? `: ${unit.status.message}` : ''}`;
    const failed = unit.agent.failed;
    if (failed) failures[unit.name] = hookName(failed);
  }
  return { hooks, bags: bagsOf(end), statuses, failures };
}

/**
 * The steps from `a` to `b` keeping a longest common subsequence. Where two choices
 * keep as much, the smaller hook name goes first, so diff(b, a) is exactly diff(a, b)
 * with added and removed swapped.
 */
export function diffSequence(a: readonly string[], b: readonly string[]): HookStep[] {
  const n = a.length;
  const m = b.length;
  // lcs[i * (m + 1) + j]: the longest common subsequence of a[i:] and b[j:].
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? (lcs[(i + 1) * (m + 1) + j + 1] as number) + 1 : Math.max(lcs[(i + 1) * (m + 1) + j] as number, lcs[i * (m + 1) + j + 1] as number);
    }
  }
  const steps: HookStep[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const x = a[i];
    const y = b[j];
    if (x !== undefined && x === y) {
      steps.push({ op: 'same', hook: x });
      i++;
      j++;
    } else if (y === undefined) steps.push({ op: 'removed', hook: a[i++] as string });
    else if (x === undefined) steps.push({ op: 'added', hook: b[j++] as string });
    else {
      const skipA = lcs[(i + 1) * (m + 1) + j] as number;
      const skipB = lcs[i * (m + 1) + j + 1] as number;
      if (skipA > skipB || (skipA === skipB && x < y)) steps.push({ op: 'removed', hook: a[i++] as string });
      else steps.push({ op: 'added', hook: b[j++] as string });
    }
  }
  return steps;
}

function keysOf(...records: readonly object[]): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r)))].sort();
}

function diffBag(relation: string, bag: string, a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): BagDiff | null {
  const added: [string, string][] = [];
  const updated: [string, string, string][] = [];
  const removed: [string, string][] = [];
  for (const key of keysOf(a, b)) {
    const from = a[key];
    const to = b[key];
    if (from === undefined && to !== undefined) added.push([key, to]);
    else if (from !== undefined && to === undefined) removed.push([key, from]);
    else if (from !== undefined && to !== undefined && from !== to) updated.push([key, from, to]);
  }
  return added.length + updated.length + removed.length === 0 ? null : { relation, bag, added, updated, removed };
}

function diffValues(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): UnitChange[] {
  const out: UnitChange[] = [];
  for (const unit of keysOf(a, b)) {
    const before = a[unit] ?? null;
    const after = b[unit] ?? null;
    if (before !== after) out.push({ unit, before, after });
  }
  return out;
}

/** What changed from run `a` to run `b` (empty lists: nothing). */
export function diffRuns(a: RunSnapshot, b: RunSnapshot): RunDiff {
  const hooks: UnitHooksDiff[] = [];
  for (const unit of keysOf(a.hooks, b.hooks)) {
    const steps = diffSequence(a.hooks[unit] ?? [], b.hooks[unit] ?? []);
    const added = steps.filter((s) => s.op === 'added').length;
    const removed = steps.filter((s) => s.op === 'removed').length;
    if (added + removed > 0) hooks.push({ unit, steps, added, removed });
  }
  const bags: BagDiff[] = [];
  for (const relation of keysOf(a.bags, b.bags)) {
    const ra = a.bags[relation] ?? {};
    const rb = b.bags[relation] ?? {};
    for (const bag of keysOf(ra, rb)) {
      const d = diffBag(relation, bag, ra[bag] ?? {}, rb[bag] ?? {});
      if (d) bags.push(d);
    }
  }
  return { hooks, bags, statuses: diffValues(a.statuses, b.statuses), failures: diffValues(a.failures, b.failures) };
}

/** The same differences seen from the other run: diffRuns(b, a) is mirrorDiff(diffRuns(a, b)). */
export function mirrorDiff(d: RunDiff): RunDiff {
  const flip = { same: 'same', added: 'removed', removed: 'added' } as const;
  return {
    hooks: d.hooks.map((u) => ({ unit: u.unit, steps: u.steps.map((s) => ({ op: flip[s.op], hook: s.hook })), added: u.removed, removed: u.added })),
    bags: d.bags.map((g) => ({ relation: g.relation, bag: g.bag, added: g.removed, updated: g.updated.map(([k, from, to]) => [k, to, from] as const), removed: g.added })),
    statuses: d.statuses.map((c) => ({ unit: c.unit, before: c.after, after: c.before })),
    failures: d.failures.map((c) => ({ unit: c.unit, before: c.after, after: c.before })),
  };
}

/** Nothing changed. */
export function isEmptyDiff(d: RunDiff): boolean {
  return d.hooks.length + d.bags.length + d.statuses.length + d.failures.length === 0;
}
