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

const runs = Math.max(20, Math.floor(RUNS / 5));

const scenario = fc.record({
  seed: fc.nat(),
  ops: fc.tuple(fc.array(deployArb, { minLength: 2, maxLength: 4 }), fc.array(opArb, { minLength: 2, maxLength: 24 })).map(([d, o]) => [...d, ...o]),
  juju: fc.constantFrom('3.6' as const, '4.0' as const),
});

const clock = (seq: number) => {
  const s = 10 * 3600 + seq;
  return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};
const tag = (unit: string) => `unit-${unit.replace('/', '-')}`;

/** The hooks as `juju debug-log --level DEBUG` would show them. */
function asDebugLog(hooks: readonly HookRecord[]): string {
  return hooks
    .flatMap((h) => {
      const at = `${tag(h.unit)}: 2026-01-01 ${clock(h.seq)}`;
      const endpoint = h.relation?.slice(0, h.relation.lastIndexOf(':'));
      const who = h.remoteUnit ? `unit: ${h.remoteUnit}` : `app: ${h.remoteApp}`;
      const op = h.relationId !== null ? `run ${h.kind} (${h.relationId}; ${who}${h.departingUnit ? `, departee: ${h.departingUnit}` : ''}) hook` : `run ${h.hook} hook`;
      return [
        `${at} DEBUG juju.worker.uniter.operation running operation ${op}`,
        `${at} DEBUG unit.${h.unit}.juju-log ${endpoint ? `${endpoint}:${h.relationId}: ` : ''}Emitting Juju event ${h.hook.replaceAll('-', '_')}.`,
        h.result === 'ok' ? `${at} INFO juju.worker.uniter.operation ran "${h.hook}" hook (via hook dispatching script: dispatch)` : `${at} ERROR juju.worker.uniter.operation hook "${h.hook}" (via hook dispatching script: dispatch) failed: exit status 1`,
      ];
    })
    .join('\n');
}

/** Each unit's `juju show-status-log <unit> --type juju-unit`, as one file per unit. */
function asStatusLogs(hooks: readonly HookRecord[]): TraceFile[] {
  const units = [...new Set(hooks.map((h) => h.unit))];
  return units.map((unit) => ({
    name: `${unit.replace('/', '-')}.log`,
    text: [
      'Time                   Type       Status     Message',
      ...hooks
        .filter((h) => h.unit === unit)
        .flatMap((h) => {
          const time = `01 Jan 2026 ${clock(h.seq)}Z`;
          const row = `${time}  juju-unit  executing  running ${h.hook} hook${h.remoteUnit ? ` for ${h.remoteUnit}` : ''}`;
          return h.result === 'ok' ? [row] : [row, `${time}  juju-unit  error      hook failed: "${h.hook}"`];
        }),
    ].join('\n'),
  }));
}

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
