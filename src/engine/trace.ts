/**
 * What the engine reports as it runs: a closed union of trace records. A command
 * record comes before the records it causes. Databag commits are diffs
 * (`{added, updated: [from, to], removed}`, as tldraw's RecordsDiff) so panels can
 * render what just changed directly.
 */
import type { HookKind, RuleId } from './ops.ts';

export interface BagDiff {
  added: Record<string, string>;
  updated: Record<string, [string, string]>;
  removed: Record<string, string>;
}

export interface BagChange {
  readonly relationId: number;
  /** A unit name for a unit bag, an application name for an app bag. */
  readonly owner: string;
  readonly scope: 'unit' | 'app';
  readonly diff: BagDiff;
  /** The bag version after the commit. */
  readonly version: number;
}

export interface FileChange {
  readonly path: string;
  /** The new content, or null when removed. */
  readonly content: string | null;
}

export interface CommandRecord {
  readonly type: 'command';
  readonly command: string;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** An ops event as a hook saw it: run, deferred (kept for the next hook), or re-emitted (deferred earlier). */
export interface CharmEvent {
  /** ops' name for it: `db_relation_changed`, `start`, `leader_elected`, … */
  readonly event: string;
  /** It was deferred by an earlier hook and re-emitted at the start of this one. */
  readonly reemitted: boolean;
  /** A handler deferred it (again): it stays queued for the unit's next hook. */
  readonly deferred: boolean;
}

/** What a charm's own code did in a hook beyond its writes (python.ts): what a replay needs and the UI shows. */
export interface CharmRun {
  /** Numbers it drew from the model's PRNG (`random`): a replay draws as many. */
  readonly draws: number;
  /** The ops events it dispatched, in order (empty for a hook script). */
  readonly events: readonly CharmEvent[];
}

export interface HookRecord {
  readonly type: 'hook';
  readonly seq: number;
  readonly unit: string;
  /** Full hook name (`master-relation-joined`), or the action name for an action. */
  readonly hook: string;
  readonly kind: HookKind;
  readonly relationId: number | null;
  /** The relation as this unit names it (`master:0`), null for non-relation hooks. */
  readonly relation: string | null;
  readonly remoteUnit: string | null;
  readonly remoteApp: string | null;
  readonly departingUnit: string | null;
  readonly result: 'ok' | 'error';
  readonly rule: RuleId;
  /** For relation-changed: seq of the commit whose data it reports (0: scope entry or none). */
  readonly cause: number;
  readonly changes: readonly BagChange[];
  readonly files: readonly FileChange[];
  readonly logs: readonly string[];
  readonly status: { readonly workload: string; readonly message: string } | null;
  /** Why it failed (exception text), for result "error". */
  readonly error: string | null;
  /** Set when the charm's own code ran (a charm deployed with code: python.ts). */
  readonly charm?: CharmRun;
}

/** Commits made by `juju exec` / `juju run --unit`: like a hook's, but outside any hook. */
export interface ExecRecord {
  readonly type: 'exec';
  readonly seq: number;
  readonly unit: string;
  readonly commandLine: string;
  readonly changes: readonly BagChange[];
  readonly files: readonly FileChange[];
}

export const ModelEvents = [
  'unit-added',
  'unit-dying',
  'unit-removed',
  'relation-added',
  'relation-dying',
  'relation-removed',
  'scope-entered',
  'scope-left',
  'leader-changed',
  'application-added',
  'application-removed',
] as const;
export type ModelEvent = (typeof ModelEvents)[number];

/** Controller-side changes that run no hook themselves (scope entry, leader election, removal). */
export interface EventRecord {
  readonly type: 'event';
  readonly event: ModelEvent;
  readonly unit: string | null;
  readonly app: string | null;
  readonly relationId: number | null;
  readonly detail: string;
}

export type TraceRecord = CommandRecord | HookRecord | ExecRecord | EventRecord;
export type TraceSink = (record: TraceRecord) => void;

/**
 * Records read by index: a plain array, or the Timeline's compact store (traceStore.ts),
 * which materialises each record when asked (a fresh object every time: compare records
 * by their index or seq, not by identity).
 */
export interface TraceList extends Iterable<TraceRecord> {
  readonly length: number;
  at(index: number): TraceRecord | undefined;
  slice(start?: number, end?: number): TraceRecord[];
}

export function emptyDiff(): BagDiff {
  return { added: {}, updated: {}, removed: {} };
}

export function diffIsEmpty(d: BagDiff): boolean {
  for (const _ in d.added) return false;
  for (const _ in d.updated) return false;
  for (const _ in d.removed) return false;
  return true;
}
