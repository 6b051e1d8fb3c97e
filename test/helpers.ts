/** Test helpers: run script lines through a Timeline and read the trace back. */
import type { JujuVersion } from '../src/engine/model.ts';
import { Timeline } from '../src/engine/timeline.ts';
import type { HookRecord, TraceRecord } from '../src/engine/trace.ts';
import { parseScript, runAfter } from '../src/io/script.ts';
import type { Store } from '../src/store/persist.ts';

export interface Run {
  timeline: Timeline;
  /** Runs more script lines; returns the records they produced. */
  run(script: string): TraceRecord[];
  hooks(): HookRecord[];
  /** Hook names a unit ran, in order (optionally only since record index `from`). */
  hooksOf(unit: string, from?: number): string[];
  /** stdout+stderr of the last command. */
  lastOutput(): string;
}

export function sim(script = '', opts: { seed?: number; juju?: JujuVersion } = {}): Run {
  const timeline = new Timeline(opts);
  let last = '';
  const run = (text: string): TraceRecord[] => {
    const out: TraceRecord[] = [];
    for (const line of parseScript(text)) {
      const result = timeline.apply(line.command, { text: line.text, run: runAfter(line) }, (r) => out.push(r));
      last = result.stdout + result.stderr;
    }
    return out;
  };
  run(script);
  const hooks = () => timeline.trace.filter((r): r is HookRecord => r.type === 'hook');
  return {
    timeline,
    run,
    hooks,
    hooksOf: (unit, from = 0) =>
      timeline.trace
        .slice(from)
        .filter((r): r is HookRecord => r.type === 'hook' && r.unit === unit)
        .map((r) => (r.remoteUnit ? `${r.hook}:${r.remoteUnit}` : r.hook)),
    lastOutput: () => last,
  };
}

/** Only the hook records in a list of records. */
export function hookRecords(records: readonly TraceRecord[]): HookRecord[] {
  return records.filter((r): r is HookRecord => r.type === 'hook');
}

/** Asserts `items` contains `subsequence` in order (not necessarily adjacent). */
export function isSubsequence(items: readonly string[], subsequence: readonly string[]): boolean {
  let i = 0;
  for (const item of items) if (item === subsequence[i]) i++;
  return i === subsequence.length;
}

/** `juju deploy` of a metadata-only charm (its hooks run and do nothing). */
export function deployMeta(run: Run, app: string, metadataYaml: string, units: number): TraceRecord[] {
  const out: TraceRecord[] = [];
  run.timeline.apply(
    { type: 'deploy', charm: { kind: 'files', path: `./${app}`, files: { 'metadata.yaml': metadataYaml } }, app, units },
    {},
    (r) => out.push(r),
  );
  return out;
}

export const PROVIDER = 'name: prov\nprovides:\n  db:\n    interface: thing\n';
export const REQUIRER = 'name: req\nrequires:\n  db:\n    interface: thing\n';
export const PEERED = 'name: peered\npeers:\n  cluster:\n    interface: gossip\n';

/** Script prefix for scenarios that show "blocked until resolved": Juju's automatic retry is on by default (§4). */
export const NO_RETRY = 'juju model-config automatically-retry-hooks=false\n';

/** A Map-backed Storage that refuses values past `quota` characters in total, as browsers do. */
export class FakeStorage implements Store {
  readonly items = new Map<string, string>();
  constructor(private readonly quota = Number.POSITIVE_INFINITY) {}
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    let used = v.length + k.length;
    for (const [key, value] of this.items) if (key !== k) used += key.length + value.length;
    if (used > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}
