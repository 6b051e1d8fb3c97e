/**
 * `npm run --silent sim -- <script> [--seed <n>] [--json] [--juju 3.6|4.0] [--export-test <unit> [<seq>]]`
 *
 * Runs a relviz script through the engine and prints every command with its output
 * and every hook that fires — or, with `--export-test`, a pytest module for
 * ops.testing made from one hook of that unit (or from all of them). Exit codes: 0 all
 * commands succeeded (or the module was written); 1 some command failed (the script
 * still runs to the end); 2 the script could not be read or has a syntax error
 * (nothing runs), or there is no such hook to export.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Runner } from '../engine/run.ts';
import { Timeline } from '../engine/timeline.ts';
import { ExportError } from '../io/exportState.ts';
import { hookTestModule, unitStoryModule } from '../io/exportTest.ts';
import type { HookRecord, TraceRecord } from '../engine/trace.ts';
import { commandToJson, formatCommandBlock, formatHookDetails, formatHookLine, hookJsonLine, narrowestColumns, widenColumns } from '../io/report.ts';
import { ScriptSyntaxError, isBundlePath, parseScript, runAfter, type ScriptLine } from '../io/script.ts';
import { formatCommand, type Command } from '../engine/commands.ts';
import { installReaders } from '../engine/readersImpl.ts';
import { carriesCode, pythonHost } from '../engine/python.ts';
import { loadNodePython } from './python.ts';
import { isStatusText } from '../engine/status.ts';
import { loadBundleFiles, loadCharmSource, loadFiles } from './charmFiles.ts';
import { Stdout } from './stdout.ts';

// The CLI reads bundles, status files and charm metadata: it needs the readers from the start.
installReaders();

const USAGE =
  'usage: npm run --silent sim -- <script | bundle.yaml [--overlay <overlay.yaml>]... | status.json [--show-unit <show-unit.json>]...> [--seed <n>] [--json] [--juju 3.6|4.0] [--verbose] [--export-test <unit> [<seq>]]';

export interface CliOptions {
  script: string;
  seed: number;
  json: boolean;
  juju: '3.6' | '4.0';
  /** Under each hook: its log lines, databag changes, files and status. */
  verbose: boolean;
  /** Overlays of a bundle given as the script (applied in order). */
  overlays: string[];
  /** `juju show-unit` outputs that go with a `juju status` given as the script. */
  showUnits: string[];
  /** Print an ops.testing module for this unit's hook `seq` (null: every hook it ran) instead of the log. */
  exportTest: { unit: string; seq: number | null } | null;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: Partial<CliOptions> & { overlays: string[]; showUnits: string[] } = { seed: 1, json: false, juju: '3.6', verbose: false, overlays: [], showUnits: [], exportTest: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--seed') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) throw new UsageError(`--seed expects a whole number from 0 to 4294967295, got "${v}"`);
      opts.seed = Number(v);
    } else if (flag === '--json') opts.json = true;
    else if (flag === '--verbose' || flag === '-v') opts.verbose = true;
    else if (flag === '--juju') {
      const v = value();
      if (v !== '3.6' && v !== '4.0') throw new UsageError(`--juju expects 3.6 or 4.0, got "${v}"`);
      opts.juju = v;
    } else if (flag === '--overlay') opts.overlays.push(value());
    else if (flag === '--show-unit') opts.showUnits.push(value());
    else if (flag === '--export-test') {
      const unit = value();
      if (!/^[a-z][a-z0-9-]*\/\d+$/.test(unit)) throw new UsageError(`--export-test expects a unit (worker/0), got "${unit}"`);
      // An optional seq right after the unit: the hook to export (without it, every hook of the unit).
      const next = inline === undefined ? argv[i + 1] : undefined;
      const seq = next !== undefined && /^\d+$/.test(next) ? Number(argv[++i]) : null;
      opts.exportTest = { unit, seq };
    }
    else if (flag === '--help' || flag === '-h') throw new UsageError('');
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (opts.script === undefined) opts.script = a;
    else throw new UsageError(`unexpected argument "${a}"`);
  }
  if (opts.script === undefined) throw new UsageError('no script given');
  if (opts.overlays.length > 0 && !isBundlePath(opts.script)) throw new UsageError('--overlay goes with a bundle (a .yaml file)');
  if (opts.exportTest && (opts.json || opts.verbose)) throw new UsageError('--export-test prints a Python module: it goes without --json and --verbose');
  return opts as CliOptions;
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Writes `${hookJsonLine(r)}\n` to the output (as bytes, for speed); without it, `out` is given the string. */
  hookJson?: (r: HookRecord) => void;
}

/**
 * Runs a parsed script; returns the exit code. Records stream out as they happen and
 * nothing is kept (the engine's Runner: no history, no checkpoints), so memory does not
 * grow with the number of hooks. The readable output's columns fit every hook of the
 * whole run, so it runs twice — once to measure, once to print (the engine is
 * deterministic: the second run is the first, record for record).
 */
export function runScript(lines: readonly ScriptLine[], opts: Omit<CliOptions, 'script'> & { script?: string }, io: CliIo): number {
  if (opts.json) {
    const hookJson = io.hookJson ?? ((r: HookRecord) => io.out(`${hookJsonLine(r)}\n`));
    return play(lines, opts, {
      record: (r, line) => {
        if (r.type === 'command') io.out(`${JSON.stringify(commandToJson(r, line))}\n`);
        else if (r.type === 'hook') hookJson(r);
      },
      note: (text, line) => io.err(`${opts.script ?? 'script'}:${line}: ${text}`),
    });
  }
  const widths = narrowestColumns();
  play(lines, opts, { record: (r) => widenColumns(widths, r), note: () => {} });
  const indent = ' '.repeat(widths.seq + 2);
  return play(lines, opts, {
    record: (r) => {
      if (r.type === 'command') io.out(formatCommandBlock(r));
      else if (r.type === 'hook') {
        let out = `${formatHookLine(r, widths)}\n`;
        if (opts.verbose) for (const l of formatHookDetails(r, indent)) out += `${l}\n`;
        io.out(out);
      }
    },
    // A wait that stopped with only the retries of hooks that keep failing says so.
    note: (text) => io.out(`  (${text.trimEnd()})\n`),
  });
}

/** Runs the script once, handing each record and note (with its script line) to `to`; returns the exit code. */
function play(lines: readonly ScriptLine[], opts: Pick<CliOptions, 'seed' | 'juju'>, to: { record: (r: TraceRecord, line: number) => void; note: (text: string, line: number) => void }): number {
  const runner = new Runner({ seed: opts.seed, juju: opts.juju });
  let failed = false;
  for (const line of lines) {
    const run = runAfter(line);
    const result = runner.apply(line.command, { text: line.text, run }, (r) => to.record(r, line.line));
    if (result.exitCode !== 0) failed = true;
    const note = run === 'idle' ? runner.endNote : '';
    if (note !== '') to.note(note, line.line);
  }
  return failed ? 1 : 0;
}

/**
 * With `--export-test`: runs the script into a Timeline (the export reads the state
 * before a hook from the history) and prints the module instead of the log; without it,
 * runs the script as usual. An export of a hook there is not is exit 2.
 */
function runOrExport(lines: readonly ScriptLine[], opts: CliOptions, argv: readonly string[], io: CliIo): number {
  if (!opts.exportTest) return runScript(lines, opts, io);
  const { unit, seq } = opts.exportTest;
  const timeline = new Timeline({ seed: opts.seed, juju: opts.juju });
  for (const line of lines) timeline.apply(line.command, { text: line.text, run: runAfter(line) });
  const source = { from: opts.script, regenerate: `npm run --silent sim -- ${argv.map(shellWord).join(' ')}` };
  try {
    io.out(seq === null ? unitStoryModule(timeline, unit, source) : hookTestModule(timeline, unit, seq, source));
  } catch (e) {
    if (!(e instanceof ExportError)) throw e;
    io.err(`error: ${e.message}\n`);
    return 2;
  }
  return 0;
}

/** A word as a POSIX shell reads it back: bare when it is plain, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** A deploy-bundle or load-status line with its files read from disk, relative to `base`. */
function withBundleFiles(line: ScriptLine, base: string): ScriptLine {
  const c = line.command;
  if (c.type === 'deploy-bundle') return { ...line, command: { ...c, files: loadBundleFiles(c.path, c.overlays, base) } };
  if (c.type === 'load-status') return { ...line, command: { ...c, files: loadFiles([c.path, ...c.showUnits], base) } };
  return line;
}

/** Whether the file given as the script is `juju status` output (JSON or YAML) rather than a script or a bundle. */
function isStatusFile(path: string): boolean {
  if (!/\.(json|ya?ml)$/i.test(path)) return false;
  try {
    return isStatusText(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
}

export function main(argv: readonly string[], io: CliIo): number | Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(e.message ? `error: ${e.message}\n${USAGE}\n` : `${USAGE}\n`);
    return 2;
  }
  if (isStatusFile(opts.script)) {
    // A model's `juju status` given as the script is the one line that builds it.
    const command: Command = { type: 'load-status', path: opts.script, showUnits: opts.showUnits, files: {} };
    return runOrExport([withBundleFiles({ line: 1, text: formatCommand(command), command, background: false }, '.')], opts, argv, io);
  }
  if (opts.showUnits.length > 0) {
    io.err(`error: --show-unit goes with a juju status file\n${USAGE}\n`);
    return 2;
  }
  if (isBundlePath(opts.script)) {
    // A bundle given as the script is the one line that deploys it.
    const command: Command = { type: 'deploy-bundle', path: opts.script, overlays: opts.overlays, files: {} };
    if (!existsSync(opts.script)) {
      io.err(`error: cannot read bundle "${opts.script}": ENOENT\n`);
      return 2;
    }
    return runOrExport([withBundleFiles({ line: 1, text: formatCommand(command), command, background: false }, '.')], opts, argv, io);
  }
  let text: string;
  try {
    text = readFileSync(opts.script, 'utf8');
  } catch (e) {
    io.err(`error: cannot read script "${opts.script}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  let lines: ScriptLine[];
  try {
    lines = parseScript(text);
  } catch (e) {
    if (!(e instanceof ScriptSyntaxError)) throw e;
    io.err(`${opts.script}:${e.line}: syntax error: ${e.problem}\n`);
    return 2;
  }
  const base = dirname(opts.script);
  const resolved = lines.map((l): ScriptLine => {
    const c = l.command;
    if (c.type === 'deploy' && c.charm.kind === 'files') return { ...l, command: { ...c, charm: loadCharmSource(c.charm.path, base) } };
    if (c.type === 'set-code') {
      const source = loadCharmSource(c.path, base);
      return { ...l, command: { ...c, files: source.kind === 'files' ? source.files : {} } };
    }
    return withBundleFiles(l, base);
  });
  // Charms with code of their own need Python: loaded once, before the script runs (it takes a few seconds).
  if (pythonHost() === null && resolved.some((l) => carriesCode(l.command))) {
    return loadNodePython().then(
      () => runOrExport(resolved, opts, argv, io),
      (e: Error) => {
        io.err(`error: Python (Pyodide) could not be loaded, so the charms' code cannot run: ${e.message}\n`);
        return 2;
      },
    );
  }
  return runOrExport(resolved, opts, argv, io);
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  // V8 moves an allocation site's objects straight to the old space once most of them
  // survive a young collection. On a big integrate every unit's next hook is computed at
  // once and waits a while, so a site of per-hook objects gets tenured, and from then on
  // millions of short-lived objects land in the old space until a full
  // collection: two thirds of the CLI's peak memory at N=1000 (264 → 168 MB), and CPU.
  // Young collections keep up with the CLI's garbage on their own.
  setFlagsFromString('--no-allocation-site-pretenuring');
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const stdout = new Stdout();
  const code = await main(process.argv.slice(2), {
    out: (t) => stdout.text(t),
    err: (t) => process.stderr.write(t),
    hookJson: (r) => stdout.hookJson(r),
  });
  stdout.flush();
  process.exitCode = code;
  // For bench/cli.bench.ts: the run's own time (process start excluded), the CPU time it
  // got (on a busy machine the first is the larger), and peak memory.
  if (process.env['RELVIZ_CLI_STATS']) {
    const cpu = process.cpuUsage(startedCpu);
    const stats = { ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 };
    process.stderr.write(`relviz-cli-stats ${JSON.stringify(stats)}\n`);
  }
}
