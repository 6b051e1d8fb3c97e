/**
 * relviz's own hooks written as real Juju histories would show them: a DEBUG debug-log
 * (the uniter's operation line, ops's event, the uniter's result) and each unit's
 * show-status-log. For the readers' property test and bench/trace.bench.ts.
 */
import type { HookRecord } from '../../src/engine/trace.ts';
import type { TraceFile } from '../../src/io/trace/read.ts';

/** The time of hook `seq`, from 10:00:00, `perSecond` hooks a second. */
const clock = (seq: number, perSecond: number) => {
  const s = 10 * 3600 + Math.floor(seq / perSecond);
  return `${String(Math.floor(s / 3600) % 24).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};
const tag = (unit: string) => `unit-${unit.replace('/', '-')}`;

/** The hooks as `juju debug-log --level DEBUG` would show them. */
export function asDebugLog(hooks: readonly HookRecord[], perSecond = 1): string {
  return hooks
    .flatMap((h) => {
      const at = `${tag(h.unit)}: 2026-01-01 ${clock(h.seq, perSecond)}`;
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
export function asStatusLogs(hooks: readonly HookRecord[]): TraceFile[] {
  const units = [...new Set(hooks.map((h) => h.unit))];
  return units.map((unit) => ({
    name: `${unit.replace('/', '-')}.log`,
    text: [
      'Time                   Type       Status     Message',
      ...hooks
        .filter((h) => h.unit === unit)
        .flatMap((h) => {
          const time = `01 Jan 2026 ${clock(h.seq, 1)}Z`;
          const row = `${time}  juju-unit  executing  running ${h.hook} hook${h.remoteUnit ? ` for ${h.remoteUnit}` : ''}`;
          return h.result === 'ok' ? [row] : [row, `${time}  juju-unit  error      hook failed: "${h.hook}"`];
        }),
    ].join('\n'),
  }));
}
