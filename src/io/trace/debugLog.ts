/**
 * `juju debug-log` (and a unit's own log file) and `machine-lock.log`, read for hooks.
 *
 * debug-log says a hook ran in up to three lines, depending on the logging levels:
 * - the uniter, at INFO: `ran "db-relation-joined" hook`, `skipped "…" hook (missing)`,
 *   or at ERROR `hook "…" (…) failed: …`. It names the hook, not the relation or the
 *   remote unit;
 * - ops, at DEBUG (the charm's juju-log): `db:3: Emitting Juju event db_relation_joined.`
 *   adds the relation id;
 * - the uniter's operations, at DEBUG: `running operation run relation-joined (3; unit:
 *   pg/1) hook` adds the remote unit (or app) and the departing unit.
 * Lines about the same hook on one unit are merged into one record (the uniter's line
 * is where it is; the others are listed as `also`). On a unit whose uniter logs every
 * hook, an ops event with no uniter line was dispatched by hand (jhack fire, `juju exec
 * ./dispatch`), not by Juju: it is counted and said, not kept. Every other line is
 * counted, not kept.
 *
 * machine-lock.log has one line per hook, when the uniter released the lock:
 * `2026-08-25 09:21:53 unit-x-0: x/0 uniter (run relation-changed (45; app: y) hook), …`:
 * the kind, relation id and remote unit or app, but not the endpoint.
 */
import { DayRoller, clockMs, isoDateMs } from './clock.ts';
import { HOOK_NAME, UNIT_NAME, hookKind, hookRecord, unitFromTag, type ImportedHook, type ParsedFile, type Source, type TraceFormat } from './record.ts';

const LINE =
  /^(?:(?<entity>[a-z][a-z0-9-]*-[a-z0-9-]+):\s+)?(?:(?<date>\d{4}-\d\d-\d\d)[ T])?(?<clock>\d{1,2}:\d\d:\d\d(?:\.\d+)?)\s+(?<level>TRACE|DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+(?<module>\S+)\s+(?:\S+\.go:\d+\s+)?(?<rest>.*)$/;
const RAN = /^(ran|skipped) "(?<hook>[^"]+)" hook\b/;
const FAILED = /^hook "(?<hook>[^"]+)" (?:\(.*?\) )?(?:failed|was terminated)\b/;
const EMITTING = /^(?:(?<endpoint>[a-z][a-z0-9_-]*):(?<id>\d+): )?(?:[\w.]+:)?Emitting Juju event (?<event>[a-z0-9_]+)\.$/;
const OPERATION = /\brun (?<kind>[a-z][a-z-]*?)(?: \((?<id>\d+); (?:unit: (?<unit>[^,)]+)|app: (?<app>[^,)]+))(?:, departee: (?<departee>[^)]+))?\))? hook\b/;
const MACHINE_LOCK = /^(?<date>\d{4}-\d\d-\d\d) (?<clock>\d{1,2}:\d\d:\d\d) (?<entity>[a-z][a-z0-9-]*-[a-z0-9-]+): (?<holder>\S+) uniter \((?<op>run .*? hook)\)/;

/** What a DEBUG operation line or machine-lock line says of a hook. */
interface Operation {
  readonly kind: string;
  readonly relationId: number | undefined;
  readonly remoteUnit: string | null | undefined;
  readonly remoteApp: string | null | undefined;
  readonly departingUnit: string | null | undefined;
}

function operation(text: string): Operation | null {
  const m = OPERATION.exec(text);
  if (!m?.groups) return null;
  const g = m.groups;
  const relation = g['id'] !== undefined;
  const remoteUnit = g['unit']?.trim();
  return {
    kind: g['kind'] as string,
    relationId: relation ? Number(g['id']) : undefined,
    // A relation operation names the remote unit, or only the app for an app-level change.
    remoteUnit: relation ? (remoteUnit ?? null) : undefined,
    remoteApp: relation ? (g['app']?.trim() ?? (remoteUnit ? remoteUnit.slice(0, remoteUnit.lastIndexOf('/')) : undefined)) : undefined,
    departingUnit: relation ? (g['departee']?.trim() ?? null) : undefined,
  };
}

/** What came before the uniter's line about one hook: ops's event line and the operation line. */
interface Pending {
  ops?: { hook: string; relationId: number | undefined; timeText: string; time: number | undefined; source: Source };
  op?: Operation & { source: Source; timeText: string; time: number | undefined };
}

export function readDebugLog(text: string, file: string, opts: { unit?: string } = {}): ParsedFile {
  const hooks: ImportedHook[] = [];
  const problems: string[] = [];
  const pending = new Map<string, Pending>();
  const days = new DayRoller();
  let skipped = 0;
  let noUnit = 0;
  const lines = text.split(/\r?\n/);

  // Units whose uniter logs at INFO ("ran … hook"): an ops event without its uniter line
  // was dispatched outside Juju's hook queue (jhack fire, juju exec ./dispatch), not a hook.
  const uniterLogged = new Set<string>();
  for (const line of lines) {
    const m = LINE.exec(line.trim());
    if (m?.groups?.['entity'] && m.groups['module']?.startsWith('juju.worker.uniter') && RAN.test((m.groups['rest'] as string).trim())) {
      const unit = unitFromTag(m.groups['entity']);
      if (unit) uniterLogged.add(unit);
    }
  }
  let outside = 0;

  const flushOps = (unit: string) => {
    const p = pending.get(unit);
    if (!p?.ops) return;
    const { ops, op } = p;
    if (uniterLogged.has(unit)) {
      outside++;
      pending.delete(unit);
      return;
    }
    hooks.push({
      ...hookRecord({ unit, hook: ops.hook, relationId: ops.relationId, timeText: ops.timeText, time: ops.time, format: 'debug-log', source: ops.source }),
      ...(op && sameHook(op.kind, ops.hook) ? { remoteUnit: op.remoteUnit, remoteApp: op.remoteApp, departingUnit: op.departingUnit, also: [op.source] } : {}),
    });
    pending.delete(unit);
  };

  lines.forEach((line, i) => {
    const source = { file, line: i + 1 };
    const m = LINE.exec(line.trim());
    if (!m?.groups) {
      if (line.trim() !== '') skipped++;
      return;
    }
    const g = m.groups;
    const time = g['date'] ? isoDateMs(g['date'], g['clock'] as string) : days.next(clockMs(g['clock'] as string));
    const timeText = g['date'] ? `${g['date']} ${g['clock']}` : (g['clock'] as string);
    const module = g['module'] as string;
    const rest = (g['rest'] as string).trim();
    const fromModule = /^unit\.([a-z][a-z0-9-]*\/\d+)\.juju-log$/.exec(module)?.[1];
    const unit = (g['entity'] ? unitFromTag(g['entity']) : undefined) ?? fromModule ?? (g['entity'] ? undefined : opts.unit);

    const emitting = EMITTING.exec(rest);
    if (emitting?.groups && fromModule !== undefined) {
      const u = unit as string;
      flushOps(u);
      const hook = (emitting.groups['event'] as string).replaceAll('_', '-');
      if (hookKind(hook).kind === 'other' && /-action$/.test(hook)) {
        skipped++; // an action, not a hook
        return;
      }
      const p = pending.get(u) ?? {};
      p.ops = { hook, relationId: emitting.groups['id'] !== undefined ? Number(emitting.groups['id']) : undefined, timeText, time, source };
      pending.set(u, p);
      return;
    }
    if (!module.startsWith('juju.worker.uniter')) {
      skipped++;
      return;
    }
    const ran = RAN.exec(rest);
    const failed = ran ? null : FAILED.exec(rest);
    const hook = ran?.groups?.['hook'] ?? failed?.groups?.['hook'];
    if (hook === undefined) {
      const op = /^running operation /.test(rest) ? operation(rest) : null;
      if (op && unit) {
        const p = pending.get(unit) ?? {};
        p.op = { ...op, source, timeText, time };
        pending.set(unit, p);
      } else skipped++;
      return;
    }
    if (!unit) {
      noUnit++;
      return;
    }
    if (!HOOK_NAME.test(hook)) {
      problems.push(`${file}:${i + 1}: "${hook}" is not a hook name; line skipped`);
      return;
    }
    const p = pending.get(unit);
    const ops = p?.ops?.hook === hook ? p.ops : undefined;
    if (p?.ops && !ops) flushOps(unit); // ops said another hook: it is a record of its own
    const op = p?.op && sameHook(p.op.kind, hook) ? p.op : undefined;
    pending.delete(unit);
    hooks.push({
      ...hookRecord({
        unit,
        hook,
        relationId: ops?.relationId ?? op?.relationId,
        remoteUnit: op?.remoteUnit,
        remoteApp: op?.remoteApp,
        departingUnit: op?.departingUnit,
        outcome: ran ? (ran[1] === 'skipped' ? 'skipped' : 'ran') : 'failed',
        timeText,
        time,
        format: 'debug-log',
        source,
      }),
      also: [ops?.source, op?.source].filter((s): s is Source => s !== undefined).sort((a, b) => a.line - b.line),
    });
  });
  for (const unit of [...pending.keys()]) flushOps(unit);
  if (outside > 0) problems.push(`${file}: ${outside} ops event${outside === 1 ? '' : 's'} with no uniter line of ${outside === 1 ? 'its' : 'their'} own, on units whose uniter logs every hook: dispatched outside Juju's hook queue (jhack fire, juju exec ./dispatch), so not counted as hooks`);
  if (noUnit > 0) problems.push(`${file}: ${noUnit} hook line${noUnit === 1 ? '' : 's'} name no unit (a unit's own log file): give the unit with --unit, or name the file after it (postgresql-0.log)`);
  hooks.sort((a, b) => a.source.line - b.source.line);
  return { file, format: 'debug-log', hooks, lines: lines.length, skipped, problems };
}

/** Whether an operation's kind (`relation-joined`, `install`) is the named hook's. */
function sameHook(kind: string, hook: string): boolean {
  return kind === hook || hookKind(hook).kind === kind;
}

export function readMachineLock(text: string, file: string): ParsedFile {
  const hooks: ImportedHook[] = [];
  const problems: string[] = [];
  let skipped = 0;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const m = MACHINE_LOCK.exec(line.trim());
    const op = m?.groups ? operation(m.groups['op'] as string) : null;
    const unit = m?.groups ? (unitFromTag(m.groups['entity'] as string) ?? (UNIT_NAME.test(m.groups['holder'] as string) ? m.groups['holder'] : undefined)) : undefined;
    if (!m?.groups || !op || !unit) {
      if (line.trim() !== '') skipped++;
      return;
    }
    const format: TraceFormat = 'machine-lock';
    hooks.push(
      hookRecord({
        unit,
        hook: op.kind,
        relationId: op.relationId,
        remoteUnit: op.remoteUnit,
        remoteApp: op.remoteApp,
        departingUnit: op.departingUnit,
        timeText: `${m.groups['date']} ${m.groups['clock']}`,
        time: isoDateMs(m.groups['date'] as string, m.groups['clock'] as string),
        format,
        source: { file, line: i + 1 },
      }),
    );
  });
  return { file, format: 'machine-lock', hooks, lines: lines.length, skipped, problems };
}

/** Whether a text looks like debug-log or machine-lock.log (for format detection). */
export function looksLikeDebugLog(lines: readonly string[]): number {
  return lines.filter((l) => LINE.test(l.trim())).length;
}

export function looksLikeMachineLock(lines: readonly string[]): number {
  return lines.filter((l) => MACHINE_LOCK.test(l.trim())).length;
}
