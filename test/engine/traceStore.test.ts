/** The compact trace: every record reads back as it was written, whichever way it came in. */
import { describe, expect, it } from 'vitest';
import { TraceStore, TraceWriter } from '../../src/engine/traceStore.ts';
import type { TraceRecord } from '../../src/engine/trace.ts';

const hook = (seq: number, over: Partial<Extract<TraceRecord, { type: 'hook' }>> = {}): TraceRecord => ({
  type: 'hook',
  seq,
  unit: 'worker/10',
  hook: 'master-relation-changed',
  kind: 'relation-changed',
  relationId: 0,
  relation: 'master:0',
  remoteUnit: 'master/0',
  remoteApp: 'master',
  departingUnit: null,
  result: 'ok',
  rule: 'changed',
  cause: 300_000_000_123,
  changes: [],
  files: [],
  logs: [],
  status: null,
  error: null,
  ...over,
});

const records: TraceRecord[] = [
  { type: 'command', command: 'juju deploy worker -n 2', exitCode: 0, stdout: 'Deployed "worker"\n', stderr: '' },
  { type: 'command', command: 'juju resolve x/0', exitCode: -2, stdout: '', stderr: 'ERROR ünïcode ✗\n' },
  { type: 'event', event: 'leader-changed', unit: 'worker/0', app: 'worker', relationId: null, detail: '' },
  { type: 'event', event: 'scope-left', unit: null, app: null, relationId: 12, detail: 'gone' },
  hook(1),
  hook(2, {
    relationId: null,
    relation: null,
    remoteUnit: null,
    remoteApp: null,
    kind: 'install',
    hook: 'install',
    rule: 'install',
    cause: 0,
    result: 'error',
    error: 'Traceback …',
    logs: ['one', 'two', 'one'],
    status: { workload: 'active', message: 'ready' },
    files: [
      { path: '/etc/x', content: 'a=1' },
      { path: '/etc/y', content: null },
    ],
  }),
  hook(3, {
    departingUnit: 'master/0',
    changes: [
      { relationId: 0, owner: 'worker/10', scope: 'unit', diff: { added: { k: 'v', '2': 'n' }, updated: { u: ['a', 'b'] }, removed: { r: 'gone' } }, version: 7 },
      { relationId: 4, owner: 'master', scope: 'app', diff: { added: {}, updated: {}, removed: {} }, version: 1 },
    ],
  }),
  { type: 'exec', seq: 4, unit: 'master/0', commandLine: 'relation-set -r 0 k=v', changes: [], files: [{ path: '/f', content: '' }] },
];

describe('TraceStore', () => {
  it('reads back every kind of record as written, by index, slice and iteration', () => {
    const store = new TraceStore();
    for (const r of records) store.push(r);
    expect(store.length).toBe(records.length);
    records.forEach((r, i) => expect(store.at(i)).toEqual(r));
    expect(store.at(-1)).toBeUndefined();
    expect(store.at(records.length)).toBeUndefined();
    expect(store.slice(2, 5)).toEqual(records.slice(2, 5));
    expect([...store]).toEqual(records);
    // Same keys in the same order as the engine writes them (JSON output, golden traces).
    expect(JSON.stringify(store)).toBe(JSON.stringify(records));
  });

  it('appends chunks written elsewhere against a copy of its strings, and cuts back on a fork', () => {
    const store = new TraceStore();
    for (const r of records.slice(0, 4)) store.push(r);
    const writer = new TraceWriter(store.stringTable());
    for (const r of records.slice(4, 6)) writer.push(r);
    store.append(structuredClone(writer.take()));
    for (const r of records.slice(6)) writer.push(r);
    store.append(structuredClone(writer.take()));
    expect([...store]).toEqual(records);
    store.truncate(5);
    expect([...store]).toEqual(records.slice(0, 5));
    store.push(records[7] as TraceRecord);
    expect(store.at(5)).toEqual(records[7]);
  });

  it('refuses a chunk whose strings do not continue its table (something was recorded in between)', () => {
    const store = new TraceStore();
    const writer = new TraceWriter(store.stringTable());
    writer.push(records[0] as TraceRecord);
    store.push(records[1] as TraceRecord);
    expect(() => store.append(writer.take())).toThrow(/strings from id 0/);
  });
});
