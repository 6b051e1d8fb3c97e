/**
 * How trace records are reported outside the engine: the CLI's fixed JSON-lines
 * contract (snake_case fields) and the readable, aligned log (like `jhack tail`).
 */
import type { CommandRecord, HookRecord, TraceRecord, TraceList } from '../engine/trace.ts';

export interface JsonCommandRecord {
  type: 'command';
  line: number;
  command: string;
  exit_code: number;
  stdout: string;
  stderr: string;
}

export interface JsonHookRecord {
  type: 'hook';
  seq: number;
  unit: string;
  hook: string;
  relation_id: string | null;
  remote_unit: string | null;
  remote_app: string | null;
  departing_unit: string | null;
  result: 'ok' | 'error';
}

export interface JsonActionRecord {
  type: 'action';
  seq: number;
  unit: string;
  action: string;
  result: 'ok' | 'error';
}

export type JsonRecord = JsonCommandRecord | JsonHookRecord | JsonActionRecord;

export function commandToJson(r: CommandRecord, line: number): JsonCommandRecord {
  return { type: 'command', line, command: r.command, exit_code: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

export function hookToJson(r: HookRecord): JsonHookRecord | JsonActionRecord {
  if (r.kind === 'action') return { type: 'action', seq: r.seq, unit: r.unit, action: r.hook, result: r.result };
  return {
    type: 'hook',
    seq: r.seq,
    unit: r.unit,
    hook: r.hook,
    relation_id: r.relation,
    remote_unit: r.remoteUnit,
    remote_app: r.remoteApp,
    departing_unit: r.departingUnit,
    result: r.result,
  };
}

/** A JSON string, or null. */
const str = (s: string | null): string => (s === null ? 'null' : JSON.stringify(s));

/**
 * `JSON.stringify(hookToJson(r))`, written directly: the CLI prints one per hook, and
 * millions of intermediate objects are most of its garbage. (A test holds the two equal.)
 */
export function hookJsonLine(r: HookRecord): string {
  if (r.kind === 'action') return `{"type":"action","seq":${r.seq},"unit":${str(r.unit)},"action":${str(r.hook)},"result":"${r.result}"}`;
  return `{"type":"hook","seq":${r.seq},"unit":${str(r.unit)},"hook":${str(r.hook)},"relation_id":${str(r.relation)},"remote_unit":${str(r.remoteUnit)},"remote_app":${str(r.remoteApp)},"departing_unit":${str(r.departingUnit)},"result":"${r.result}"}`;
}

/** Column widths that fit the hooks to print, so lines align. */
export interface HookColumns {
  seq: number;
  unit: number;
  hook: number;
  remote: number;
  relation: number;
}

export function measureHooks(records: TraceList): HookColumns {
  const w = narrowestColumns();
  for (const r of records) widenColumns(w, r);
  return w;
}

/** The columns before any hook is measured. */
export function narrowestColumns(): HookColumns {
  return { seq: 3, unit: 4, hook: 4, remote: 1, relation: 1 };
}

/** Widens `w` (in place) to fit the record, if it is a hook: measuring a stream, one record at a time. */
export function widenColumns(w: HookColumns, r: TraceRecord): void {
  if (r.type !== 'hook') return;
  w.seq = Math.max(w.seq, String(r.seq).length);
  w.unit = Math.max(w.unit, r.unit.length);
  w.hook = Math.max(w.hook, hookLabel(r).length);
  w.remote = Math.max(w.remote, (r.remoteUnit ?? '').length);
  w.relation = Math.max(w.relation, (r.relation ?? '').length);
}

function hookLabel(r: HookRecord): string {
  return r.kind === 'action' ? `${r.hook} (action)` : r.hook;
}

/** One aligned line: seq, unit, hook, remote unit, relation id, then departing unit and failures. */
export function formatHookLine(r: HookRecord, w: HookColumns): string {
  const cols = [
    String(r.seq).padStart(w.seq),
    r.unit.padEnd(w.unit),
    hookLabel(r).padEnd(w.hook),
    (r.remoteUnit ?? '').padEnd(w.remote),
    (r.relation ?? '').padEnd(w.relation),
    r.departingUnit ? `departing=${r.departingUnit}` : '',
  ];
  let line = cols.join('  ').trimEnd();
  // Why a hook ran again (§4): Juju's automatic retry, or juju resolve.
  if (r.rule === 'auto-retry') line += '  ↻ automatic retry';
  else if (r.rule === 'retry') line += '  ↻ juju resolve';
  if (r.result === 'error') line += `  ✗ ${failureLine(r.error)}`;
  return line;
}

/** `$ <command>` followed by its output, as a terminal would show it. */
export function formatCommandBlock(r: CommandRecord): string {
  return `$ ${r.command}\n${r.stdout}${r.stderr}`;
}

/** What a failure says in one line: the exception of a traceback (its last line), or the error as it is. */
export function failureLine(error: string | null): string {
  if (error === null) return 'failed';
  const lines = error.trimEnd().split('\n');
  return lines.length > 1 ? (lines.at(-1) as string).trim() : error;
}

/**
 * The details under a hook line in verbose output: the ops events its code deferred
 * or re-emitted, what the charm logged, the databag changes it committed (+ added,
 * ~ updated old → new, - removed), files and the status it set.
 */
export function formatHookDetails(r: HookRecord, indent: string): string[] {
  const out: string[] = [];
  for (const e of r.charm?.events ?? []) {
    if (e.reemitted || e.deferred) out.push(`${indent}${e.reemitted ? '↻ re-emitted' : '•'} ${e.event}${e.deferred ? ' (deferred)' : ''}`);
  }
  for (const l of r.logs) out.push(`${indent}│ ${l}`);
  // A traceback's last line is on the hook's line; the whole of it comes here.
  if (r.error?.includes('\n')) for (const l of r.error.split('\n')) out.push(`${indent}! ${l}`);
  for (const c of r.changes) {
    const bag = `${c.scope === 'app' ? 'app ' : ''}${c.owner} @ ${c.relationId}`;
    for (const [k, v] of Object.entries(c.diff.added)) out.push(`${indent}+ ${bag}: ${k}=${v}`);
    for (const [k, [from, to]] of Object.entries(c.diff.updated)) out.push(`${indent}~ ${bag}: ${k}: ${from} → ${to}`);
    for (const k of Object.keys(c.diff.removed)) out.push(`${indent}- ${bag}: ${k}`);
  }
  for (const f of r.files) out.push(`${indent}${f.content === null ? '- file' : '+ file'} ${f.path}`);
  if (r.status) out.push(`${indent}status ${r.status.workload}${r.status.message ? ` "${r.status.message}"` : ''}`);
  return out;
}
