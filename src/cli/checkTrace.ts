/**
 * `npm run --silent check-trace -- <file>... [--format F] [--unit u/N] [--json]`:
 * is this real hook history possible? Reads Juju's own histories (src/io/trace/),
 * replays them against the guarantees, and prints every hook they rule out with its
 * file and line, the rule, and what Juju would have allowed instead.
 * Exit 0: nothing ruled out; 1: something is; 2: unreadable input or bad usage.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES, checkHistory, type CheckReport } from '../io/trace/check.ts';
import { plural } from '../io/plural.ts';
import { describeModel, modelAfter } from '../io/trace/model.ts';
import { FORMAT_LIMITS, TraceReadError, readHistory, type History, type TraceFile } from '../io/trace/read.ts';
import { FORMATS, UNIT_NAME, type TraceFormat } from '../io/trace/record.ts';

const USAGE = `usage: npm run --silent check-trace -- <file>... [--format ${FORMATS.join('|')}] [--unit <unit>] [--json]
  Checks a real Juju hook history against Juju's ordering guarantees.
  <file>    juju debug-log output (or a unit's log file), juju show-status-log <unit> --type juju-unit,
            jhack tail output, machine-lock.log, or relviz's own --json lines; - reads stdin.
            Several files (one per unit, say) are merged by time.
  --format  the format of every file (found from each file's lines when not given)
  --unit    the unit a file without unit names is about (show-status-log, a unit's own log)
  --json    one JSON object: the findings, what could not be told, the files read
  exit 0: nothing ruled out · 1: some hook is ruled out · 2: unreadable input`;

export interface CheckIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readText: (path: string) => string;
}

export function main(argv: readonly string[], io: CheckIo): number {
  const files: string[] = [];
  let format: TraceFormat | undefined;
  let unit: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') json = true;
    else if (a === '--format' || a === '--unit') {
      const v = argv[++i];
      if (v === undefined) return usage(io, `${a} needs a value`);
      if (a === '--format') {
        if (!(FORMATS as readonly string[]).includes(v)) return usage(io, `unknown format "${v}"`);
        format = v as TraceFormat;
      } else {
        if (!UNIT_NAME.test(v)) return usage(io, `"${v}" is not a unit name (like grafana/0)`);
        unit = v;
      }
    } else if (a === '--help' || a === '-h') {
      io.out(`${USAGE}\n`);
      return 0;
    } else if (a.startsWith('--')) return usage(io, `unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) return usage(io, 'no file given');
  const inputs: TraceFile[] = [];
  for (const path of files) {
    try {
      inputs.push({ name: path === '-' ? 'stdin' : path, text: io.readText(path) });
    } catch (e) {
      io.err(`ERROR cannot read ${path}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  let history: History;
  try {
    history = readHistory(inputs, { ...(format ? { format } : {}), ...(unit ? { unit } : {}) });
  } catch (e) {
    if (!(e instanceof TraceReadError)) throw e;
    io.err(`ERROR ${e.message}\n`);
    return 2;
  }
  const problems = history.files.flatMap((f) => f.problems);
  if (history.hooks.length === 0) {
    for (const p of problems) io.err(`${p}\n`);
    io.err(`ERROR no hooks found in ${files.join(', ')}\n`);
    return 2;
  }
  const report = checkHistory(history.hooks);
  if (json) io.out(`${JSON.stringify(toJson(history, report))}\n`);
  else io.out(readable(history, report));
  for (const p of problems) io.err(`${p}\n`);
  return report.findings.length > 0 ? 1 : 0;
}

function usage(io: CheckIo, problem: string): number {
  io.err(`ERROR ${problem}\n${USAGE}\n`);
  return 2;
}


function readable(history: History, report: CheckReport): string {
  const lines: string[] = [];
  lines.push(`relviz check-trace: ${plural(report.hooks, 'hook')} of ${plural(report.units, 'unit')}, from ${plural(history.files.length, 'file')}`);
  for (const f of history.files) lines.push(`  ${f.file}: ${f.format}, ${plural(f.lines, 'line')}, ${plural(f.hooks.length, 'hook')} (${plural(f.skipped, 'other line')} skipped)`);
  for (const n of history.notes) lines.push(`  note: ${n}`);
  const seen = describeModel(modelAfter(history.hooks, history.hooks.length));
  if (seen.length > 0) lines.push('', 'What the history shows at its end (* leader):', ...seen.map((l) => `  ${l}`));
  lines.push('', 'What the input cannot tell:');
  for (const format of new Set(history.files.map((f) => f.format))) lines.push(`  - ${FORMAT_LIMITS[format]}`);
  if (report.partialUnits.length > 0) lines.push(`  - ${report.partialUnits.join(', ')}: the history starts after ${report.partialUnits.length === 1 ? 'its' : 'their'} install, so ${report.partialUnits.length === 1 ? 'its' : 'their'} earlier life is not judged`);
  lines.push('');
  for (const f of report.findings) {
    lines.push(`✗ ${f.rule} ${f.hook.source.file}:${f.hook.source.line}  ${f.message}`);
    lines.push(`    rule: ${RULES[f.rule]}`);
    lines.push(`    allowed instead: ${f.allowed}`);
  }
  if (report.cannotTell.length > 0) {
    lines.push('Cannot tell (the input lacks what would decide):');
    for (const c of report.cannotTell) lines.push(`  ${c.rule.padEnd(4)} ${c.count > 0 && c.first ? `${plural(c.count, 'hook')}, first ${c.first.file}:${c.first.line}: ` : ''}${c.why}`);
    lines.push('');
  }
  lines.push(report.findings.length === 0 ? `Result: no hook is ruled out by Juju's guarantees (${plural(report.hooks, 'hook')} checked).` : `Result: ${plural(report.findings.length, 'hook')} ruled out by Juju's guarantees.`);
  return `${lines.join('\n')}\n`;
}

function toJson(history: History, report: CheckReport) {
  return {
    hooks: report.hooks,
    units: report.units,
    ruled_out: report.findings.length,
    findings: report.findings.map((f) => ({ rule: f.rule, rule_text: RULES[f.rule], file: f.hook.source.file, line: f.hook.source.line, unit: f.hook.unit, hook: f.hook.hook, message: f.message, allowed: f.allowed })),
    cannot_tell: report.cannotTell.map((c) => ({ rule: c.rule, why: c.why, hooks: c.count, first: c.first ? `${c.first.file}:${c.first.line}` : null })),
    partial_units: report.partialUnits,
    files: history.files.map((f) => ({ file: f.file, format: f.format, lines: f.lines, hooks: f.hooks.length, skipped: f.skipped, problems: f.problems })),
    limits: [...new Set(history.files.map((f) => f.format))].map((f) => FORMAT_LIMITS[f]),
    notes: history.notes,
  };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  const code = main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readText: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  });
  process.exitCode = code;
}
