/**
 * Reading and checking real histories at scale (src/io/trace/): relviz's own history of
 * masterworker N × N `juju relate`, written as a DEBUG debug-log (three lines a hook:
 * the uniter's operation, ops's event, the uniter's result), then read and checked as
 * `npm run check-trace` would. Prints MB/s and hooks/s; then what the app's history
 * viewer does with it: build the model history (checkpoints) and the swimlanes, and
 * the model at 200 random cursors (a scrub).
 * Usage: npm run --silent bench:trace [-- --quick]
 */
import { installReaders } from '../src/engine/readersImpl.ts';
import { Timeline } from '../src/engine/timeline.ts';
import type { HookRecord } from '../src/engine/trace.ts';
import { checkHistory, type Finding } from '../src/io/trace/check.ts';
import { ModelHistory } from '../src/io/trace/model.ts';
import { layoutImported } from '../src/ui/imported/layout.ts';
import { MAX_TRACE_CHARS, readHistory } from '../src/io/trace/read.ts';
import { parseScript, runAfter } from '../src/io/script.ts';
import { asDebugLog } from '../test/io/traceForms.ts';

installReaders();

const quick = process.argv.includes('--quick');

function history(n: number): HookRecord[] {
  const t = new Timeline({ seed: 1 });
  for (const line of parseScript(`juju deploy master -n ${n}\njuju deploy worker -n ${n}\njuju relate master worker\n`)) t.apply(line.command, { text: line.text, run: runAfter(line) });
  return [...t.fullTrace].filter((r): r is HookRecord => r.type === 'hook' && r.kind !== 'action');
}

const viewerRows: string[] = [];

console.log(`relviz trace bench${quick ? ' (quick)' : ''} — node ${process.version}; the readers accept at most ${MAX_TRACE_CHARS / 1048576} MB at once`);
console.log('N × N      hooks     MB   read ms   check ms      MB/s     hooks/s   ruled out');
for (const n of quick ? [30] : [30, 100, 150]) {
  const hooks = history(n);
  const text = asDebugLog(hooks, 20);
  const mb = text.length / 1048576;
  if (text.length > MAX_TRACE_CHARS) {
    console.log(`${`${n} × ${n}`.padEnd(8)} ${String(hooks.length).padStart(8)} ${mb.toFixed(1).padStart(6)}   over the bound: refused`);
    continue;
  }
  const t0 = performance.now();
  const read = readHistory([{ name: 'debug.log', text }]);
  const t1 = performance.now();
  const report = checkHistory(read.hooks);
  const t2 = performance.now();
  const total = (t2 - t0) / 1000;
  console.log(
    `${`${n} × ${n}`.padEnd(8)} ${String(read.hooks.length).padStart(8)} ${mb.toFixed(1).padStart(6)} ${(t1 - t0).toFixed(0).padStart(9)} ${(t2 - t1).toFixed(0).padStart(10)} ${(mb / total).toFixed(1).padStart(9)} ${Math.round(read.hooks.length / total).toLocaleString('en').padStart(11)} ${String(report.findings.length).padStart(11)}`,
  );
  const v0 = performance.now();
  const models = new ModelHistory(read.hooks);
  const v1 = performance.now();
  const findings = new Map<number, Finding[]>();
  for (const f of report.findings) findings.set(f.index, [...(findings.get(f.index) ?? []), f]);
  layoutImported(read.hooks, findings);
  const v2 = performance.now();
  const seeks: number[] = [];
  let seed = 7;
  for (let k = 0; k < 200; k++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const at = seed % (read.hooks.length + 1);
    const s0 = performance.now();
    models.after(at);
    seeks.push(performance.now() - s0);
  }
  seeks.sort((a, b) => a - b);
  viewerRows.push(
    `${`${n} × ${n}`.padEnd(8)} ${String(read.hooks.length).padStart(8)} ${(v1 - v0).toFixed(0).padStart(12)} ${(v2 - v1).toFixed(0).padStart(11)} ${(seeks[100] as number).toFixed(2).padStart(12)} ${(seeks[199] as number).toFixed(2).padStart(10)}`,
  );
}

console.log('\nThe history viewer (the app): building its model history and swimlanes, then the model at 200 random cursors');
console.log('N × N      hooks   models ms   lanes ms   seek med ms   max ms');
for (const row of viewerRows) console.log(row);
