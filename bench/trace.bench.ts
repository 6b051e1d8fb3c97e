/**
 * Reading and checking real histories at scale (src/io/trace/): relviz's own history of
 * masterworker N × N `juju relate`, written as a DEBUG debug-log (three lines a hook:
 * the uniter's operation, ops's event, the uniter's result), then read and checked as
 * `npm run check-trace` would. Prints MB/s and hooks/s.
 * Usage: npm run --silent bench:trace [-- --quick]
 */
import { installReaders } from '../src/engine/readersImpl.ts';
import { Timeline } from '../src/engine/timeline.ts';
import type { HookRecord } from '../src/engine/trace.ts';
import { checkHistory } from '../src/io/trace/check.ts';
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
}
