/**
 * What the hook inspector shows, read from the trace: which hook (the one picked, or
 * the last one at or before the cursor), its environment rebuilt from the record,
 * the commit that caused a relation-changed, and what it wrote. Pure; tested in
 * test/ui/inspector.test.ts.
 */
import { recordEnv } from '../../engine/context.ts';
import type { ExecRecord, HookRecord, TraceRecord, TraceList } from '../../engine/trace.ts';

export interface FoundHook {
  readonly record: HookRecord;
  /** Index in the full trace. */
  readonly index: number;
}

export interface InspectedHook extends FoundHook {
  /** Picked by the user (inspectedSeq) rather than following the cursor. */
  readonly pinned: boolean;
  /** Picked, but it runs after the cursor (the user moved back in history since). */
  readonly ahead: boolean;
}

/** The last hook record before trace index `end`. */
export function hookBefore(trace: TraceList, end: number): FoundHook | null {
  for (let i = Math.min(end, trace.length) - 1; i >= 0; i--) {
    const r = trace.at(i);
    if (r?.type === 'hook') return { record: r, index: i };
  }
  return null;
}

/** The hook or exec record with this seq (searched before index `before`), and its index. */
export function recordBySeq(trace: TraceList, seq: number, before = trace.length): { record: HookRecord | ExecRecord; index: number } | null {
  for (let i = Math.min(before, trace.length) - 1; i >= 0; i--) {
    const r = trace.at(i);
    if (r && (r.type === 'hook' || r.type === 'exec') && r.seq === seq) return { record: r, index: i };
  }
  return null;
}

/**
 * The hook to inspect: the picked one (seq) if it is a hook of this history, else
 * the last hook at or before the cursor (`end` = trace index of the cursor).
 */
export function inspectedHook(trace: TraceList, end: number, seq: number | null): InspectedHook | null {
  if (seq !== null) {
    const f = recordBySeq(trace, seq);
    if (f && f.record.type === 'hook') return { record: f.record, index: f.index, pinned: true, ahead: f.index >= end };
  }
  const h = hookBefore(trace, end);
  return h && { ...h, pinned: false, ahead: false };
}

/** The variables every relation hook has (JUJU-SEMANTICS §8), in the order the table shows them. */
export const ENV_NAMES = ['JUJU_UNIT_NAME', 'JUJU_HOOK_NAME', 'JUJU_RELATION', 'JUJU_RELATION_ID', 'JUJU_REMOTE_UNIT', 'JUJU_REMOTE_APP', 'JUJU_DEPARTING_UNIT'] as const;

/** The hook's environment: the relation variables (null = unset), then any others it had. */
export function envRows(r: HookRecord): Array<{ readonly name: string; readonly value: string | null }> {
  const env = recordEnv(r);
  const names: string[] = [...ENV_NAMES, ...Object.keys(env).filter((k) => !(ENV_NAMES as readonly string[]).includes(k)).sort()];
  return names.map((name) => ({ name, value: env[name] ?? null }));
}

/** How a commit's writer is named: `master/0 master-application-relation-joined`, an action, or `juju exec`. */
export function writerLabel(r: TraceRecord): string {
  if (r.type === 'hook') return `${r.unit} ${r.hook}${r.kind === 'action' ? ' (action)' : ''}`;
  if (r.type === 'exec') return `juju exec on ${r.unit}`;
  return '';
}

export interface Cause {
  readonly seq: number;
  readonly index: number;
  readonly label: string;
}

/** For relation-changed: the commit (hook or exec) whose data it reports; `index` is the hook's own (the commit came before it). */
export function causeOf(trace: TraceList, r: HookRecord, index = trace.length): Cause | null {
  if (r.cause <= 0) return null;
  const f = recordBySeq(trace, r.cause, index);
  return f && { seq: r.cause, index: f.index, label: writerLabel(f.record) };
}

export interface ChangeLine {
  /** `#0 master/0` or `#0 app master`. */
  readonly bag: string;
  readonly change: 'added' | 'updated' | 'removed';
  readonly key: string;
  /** The new value; for a removed key, the value it had. */
  readonly value: string;
  readonly old: string | null;
}

/** Every key the hook committed, bag by bag. */
export function changeLines(r: HookRecord): ChangeLine[] {
  return r.changes.flatMap((c) => {
    const bag = `#${c.relationId} ${c.scope === 'app' ? `app ${c.owner}` : c.owner}`;
    return [
      ...Object.entries(c.diff.added).map(([key, value]): ChangeLine => ({ bag, change: 'added', key, value, old: null })),
      ...Object.entries(c.diff.updated).map(([key, [old, value]]): ChangeLine => ({ bag, change: 'updated', key, value, old })),
      ...Object.entries(c.diff.removed).map(([key, value]): ChangeLine => ({ bag, change: 'removed', key, value, old: null })),
    ];
  });
}
