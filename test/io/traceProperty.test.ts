/**
 * A relviz trace always passes relviz's own conformance check: random command
 * sequences (the engine property tests' generators), their hooks written out as
 * relviz JSON lines, as a DEBUG debug-log (ops and uniter operation lines, one second
 * apart) and as each unit's show-status-log, read back and checked: nothing is ruled
 * out. The same hooks, read back, are the ones relviz ran (the readers lose nothing a
 * format carries).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HookRecord } from '../../src/engine/trace.ts';
import { checkHistory } from '../../src/io/trace/check.ts';
import { readHistory, type TraceFile } from '../../src/io/trace/read.ts';
import { hookJsonLine } from '../../src/io/report.ts';
import { RUNS, deployArb, opArb, runOps } from '../engine/generators.ts';
import { asDebugLog, asStatusLogs } from './traceForms.ts';

const runs = Math.max(20, Math.floor(RUNS / 5));

const scenario = fc.record({
  seed: fc.nat(),
  ops: fc.tuple(fc.array(deployArb, { minLength: 2, maxLength: 4 }), fc.array(opArb, { minLength: 2, maxLength: 24 })).map(([d, o]) => [...d, ...o]),
  juju: fc.constantFrom('3.6' as const, '4.0' as const),
});

describe('a relviz trace passes its own checker', () => {
  it(`in relviz JSON, debug-log and show-status-log form, for ${runs} random sequences`, () => {
    fc.assert(
      fc.property(scenario, ({ seed, ops, juju }) => {
        const t = runOps(seed, ops, juju);
        const hooks = [...t.fullTrace].filter((r): r is HookRecord => r.type === 'hook' && r.kind !== 'action');
        if (hooks.length === 0) return;
        const forms: [string, TraceFile[]][] = [
          ['relviz JSON', [{ name: 'relviz.jsonl', text: hooks.map(hookJsonLine).join('\n') }]],
          ['debug-log', [{ name: 'debug.log', text: asDebugLog(hooks) }]],
          ['show-status-log', asStatusLogs(hooks)],
        ];
        for (const [form, files] of forms) {
          const history = readHistory(files);
          expect(history.hooks.map((h) => `${h.unit} ${h.hook}`), form).toEqual(hooks.map((h) => `${h.unit} ${h.hook}`));
          const report = checkHistory(history.hooks);
          expect(report.findings.map((f) => `${f.rule} ${f.message}`), form).toEqual([]);
        }
      }),
      { numRuns: runs },
    );
  }, 120_000);
});
