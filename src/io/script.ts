/**
 * The relviz script language: one command per line, the Juju CLI's own syntax
 * plus `fail`, `step` and `wait`; `#` comments; a trailing ` &` applies the next line
 * while hooks are still pending. Shared by the CLI, the console and tutorials.
 */
import { formatCommand, type Command } from '../engine/commands.ts';
import { shellSplit } from '../engine/hooktools.ts';
import { parseRef } from '../engine/integrate.ts';
import { filesFor } from '../engine/paths.ts';

export interface ScriptLine {
  /** 1-based line number in the script. */
  readonly line: number;
  /** The command as written (comment and ` &` removed). */
  readonly text: string;
  readonly command: Command;
  /** Ends with ` &`: do not wait for hooks before the next line. */
  readonly background: boolean;
}

export class ScriptSyntaxError extends Error {
  override name = 'ScriptSyntaxError';
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

const JUJU_COMMANDS = [
  'deploy',
  'add-unit',
  'remove-unit',
  'integrate',
  'relate',
  'add-relation',
  'remove-relation',
  'remove-application',
  'run',
  'run-action',
  'exec',
  'resolve',
  'resolved',
  'status',
  'show-unit',
  'model-config',
  'export-bundle',
] as const;

const UNIT = /^[a-z][a-z0-9-]*\/\d+$/;
const APP = /^[a-z][a-z0-9-]*$/;

/**
 * Whether `juju deploy <path>` names a bundle: a `.yaml` file that is not a charm's own
 * metadata (`metadata.yaml`, `charmcraft.yaml`, `actions.yaml`), as Juju reads a local
 * YAML file as a bundle.
 */
export function isBundlePath(path: string): boolean {
  return /\.ya?ml$/i.test(path) && !/(^|\/)(metadata|charmcraft|actions)\.yaml$/.test(path);
}

/** Removes a `#` comment (outside quotes, at line start or after whitespace). */
export function stripComment(line: string): string {
  let quote: string | null = null;
  // Only quotes, backslashes and # matter: jump from one to the next (a pasted value can be megabytes long).
  const special = /["'\\#]/g;
  for (let m = special.exec(line); m !== null; m = special.exec(line)) {
    const i = m.index;
    const c = m[0];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') special.lastIndex = i + 2; // POSIX: no escapes inside single quotes
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '\\') special.lastIndex = i + 2;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) return line.slice(0, i);
  }
  return line;
}

class LineParser {
  constructor(
    private readonly words: string[],
    private readonly line: number,
    private readonly usage: string,
  ) {}
  private i = 0;

  fail(problem: string): never {
    throw new ScriptSyntaxError(this.line, `${problem} (usage: ${this.usage})`);
  }

  /** Splits out `-n N` / `--num-units N` style options; returns positional words. */
  take(valued: readonly string[], flags: readonly string[] = []): { positional: string[]; options: Map<string, string | true> } {
    const positional: string[] = [];
    const options = new Map<string, string | true>();
    for (; this.i < this.words.length; this.i++) {
      const w = this.words[this.i] as string;
      const eq = w.indexOf('=');
      const name = w.startsWith('-') && eq > 0 ? w.slice(0, eq) : w;
      if (valued.includes(name)) {
        const value = eq > 0 && w.startsWith('-') ? w.slice(eq + 1) : this.words[++this.i];
        if (value === undefined) this.fail(`option ${name} needs a value`);
        options.set(name, value);
      } else if (flags.includes(w)) {
        options.set(w, true);
      } else if (w.startsWith('-') && w.length > 1 && !/^-\d/.test(w)) {
        this.fail(`unknown option ${w}`);
      } else positional.push(w);
    }
    return { positional, options };
  }

  count(options: Map<string, string | true>, names: readonly string[]): number | null {
    for (const n of names) {
      const v = options.get(n);
      if (typeof v === 'string') {
        if (!/^\d+$/.test(v)) this.fail(`${n} expects a number, got "${v}"`);
        return Number(v);
      }
    }
    return null;
  }

  unit(w: string | undefined, what = 'a unit name like worker/0'): string {
    if (w === undefined) this.fail(`expected ${what}`);
    if (!UNIT.test(w)) this.fail(`expected ${what}, got "${w}"`);
    return w;
  }

  app(w: string | undefined): string {
    if (w === undefined) this.fail('expected an application name');
    if (!APP.test(w)) this.fail(`expected an application name, got "${w}"`);
    return w;
  }

  exact(positional: string[], n: number): void {
    if (positional.length > n) this.fail(`unexpected argument "${positional[n]}"`);
  }
}

/** Takes out every `--name value` / `--name=value` (an option that may repeat), in order; the other words stay. */
function takeRepeated(p: LineParser, words: readonly string[], name: string): { values: string[]; rest: string[] } {
  const values: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === name) {
      const v = words[++i];
      if (v === undefined || v.startsWith('-')) p.fail(`option ${name} needs a value`);
      values.push(v);
    } else if (w.startsWith(`${name}=`)) values.push(w.slice(name.length + 1));
    else rest.push(w);
  }
  return { values, rest };
}

function params(p: LineParser, words: string[]): Array<[string, string]> {
  return words.map((kv) => {
    const eq = kv.indexOf('=');
    if (eq <= 0) p.fail(`expected key=value, got "${kv}"`);
    return [kv.slice(0, eq), kv.slice(eq + 1)];
  });
}

function parseJuju(sub: string, rest: string[], raw: string, line: number): Command {
  const usage = (u: string) => new LineParser(rest, line, u);
  switch (sub) {
    case 'deploy': {
      const p: LineParser = usage('juju deploy <charm> [<application>] [-n <units>] | juju deploy <bundle.yaml> [--overlay <overlay.yaml>]...');
      // --overlay may repeat: taken out first, in order.
      const { values: overlays, rest: words } = takeRepeated(p, rest, '--overlay');
      const q: LineParser = new LineParser(words, line, 'juju deploy <charm> [<application>] [-n <units>] | juju deploy <bundle.yaml> [--overlay <overlay.yaml>]...');
      const { positional, options } = q.take(['-n', '--num-units']);
      const [charm, app] = positional;
      if (charm === undefined) q.fail('expected a charm name, ./path or bundle.yaml');
      // A .yaml alone is a bundle, as Juju reads it; with an application name or -n it is a charm's metadata file.
      if ((isBundlePath(charm) && positional.length === 1 && options.size === 0) || overlays.length > 0) {
        if (!isBundlePath(charm)) q.fail(`--overlay goes with a bundle (a .yaml file), not "${charm}"`);
        q.exact(positional, 1);
        if (options.size > 0) q.fail('a bundle gives its own unit counts: no -n');
        return { type: 'deploy-bundle', path: charm, overlays, files: {} };
      }
      q.exact(positional, 2);
      const isPath = charm.startsWith('.') || charm.startsWith('/') || charm.includes('/');
      return {
        type: 'deploy',
        charm: isPath ? { kind: 'files', path: charm, files: {} } : { kind: 'catalog', name: charm },
        app: app === undefined ? null : q.app(app),
        units: q.count(options, ['-n', '--num-units']),
      };
    }
    case 'add-unit': {
      const p: LineParser = usage('juju add-unit <application> [-n <units>]');
      const { positional, options } = p.take(['-n', '--num-units']);
      p.exact(positional, 1);
      const units = p.count(options, ['-n', '--num-units']) ?? 1;
      if (units < 1) p.fail('-n must be at least 1');
      return { type: 'add-unit', app: p.app(positional[0]), units };
    }
    case 'remove-unit': {
      const p: LineParser = usage('juju remove-unit <unit> [<unit> ...]');
      const { positional } = p.take([], ['--force', '--no-wait']);
      if (positional.length === 0) p.fail('expected at least one unit');
      return { type: 'remove-unit', units: positional.map((u) => p.unit(u)) };
    }
    case 'integrate':
    case 'relate':
    case 'add-relation':
    case 'remove-relation': {
      const p: LineParser = usage(`juju ${sub} <app>[:<endpoint>] <app>[:<endpoint>]`);
      const { positional } = p.take([]);
      if (positional.length !== 2) p.fail(`expected two applications, got ${positional.length}`);
      const [a, b] = positional.map((w) => {
        const ref = parseRef(w);
        p.app(ref.app);
        if (ref.endpoint !== null && !APP.test(ref.endpoint)) p.fail(`"${w}" is not <app>[:<endpoint>]`);
        return ref;
      }) as [ReturnType<typeof parseRef>, ReturnType<typeof parseRef>];
      return sub === 'remove-relation' ? { type: 'remove-relation', a, b } : { type: 'integrate', a, b };
    }
    case 'remove-application': {
      const p: LineParser = usage('juju remove-application <application>');
      const { positional } = p.take([], ['--force', '--no-wait', '--destroy-storage']);
      p.exact(positional, 1);
      return { type: 'remove-application', app: p.app(positional[0]) };
    }
    case 'run': {
      if (rest.includes('--unit') || rest.some((w) => w.startsWith('--unit='))) {
        const p: LineParser = usage(`juju run --unit <unit> '<hook tool command line>'`);
        const { positional, options } = p.take(['--unit']);
        const unit = p.unit(options.get('--unit') as string | undefined);
        if (positional.length === 0) p.fail('expected a command line to run');
        return { type: 'exec', unit, commandLine: positional.join(' '), syntax: '2.9' };
      }
      const p: LineParser = usage('juju run <unit> <action> [key=value ...]');
      const { positional } = p.take([], ['--wait', '--background']);
      const [unit, action, ...kv] = positional;
      if (action === undefined) p.fail('expected a unit and an action');
      return { type: 'run-action', unit: p.unit(unit), action, params: params(p, kv), syntax: '3' };
    }
    case 'run-action': {
      const p: LineParser = usage('juju run-action <unit> <action> [key=value ...]');
      const { positional } = p.take([], ['--wait']);
      const [unit, action, ...kv] = positional;
      if (action === undefined) p.fail('expected a unit and an action');
      return { type: 'run-action', unit: p.unit(unit), action, params: params(p, kv), syntax: '2.9' };
    }
    case 'exec': {
      const p: LineParser = usage('juju exec --unit <unit> -- <hook tool command line>');
      // A trailing space lets a bare final `--` be found, so it reports the missing command line.
      const padded = `${raw} `;
      const dd = padded.indexOf(' -- ');
      if (dd < 0) p.fail('expected " -- " before the command line');
      const head = shellSplit(padded.slice(0, dd)).slice(2);
      const hp: LineParser = new LineParser(head, line, 'juju exec --unit <unit> -- <hook tool command line>');
      const { positional, options } = hp.take(['--unit', '-u']);
      hp.exact(positional, 0);
      const unit = hp.unit((options.get('--unit') ?? options.get('-u')) as string | undefined);
      const commandLine = padded.slice(dd + 4).trim();
      if (commandLine === '') p.fail('expected a command line after --');
      return { type: 'exec', unit, commandLine, syntax: '3' };
    }
    case 'resolve':
    case 'resolved': {
      const p: LineParser = usage('juju resolve [--no-retry] <unit>');
      const { positional, options } = p.take([], ['--no-retry']);
      p.exact(positional, 1);
      return { type: 'resolve', unit: p.unit(positional[0]), noRetry: options.has('--no-retry') };
    }
    case 'status': {
      const p: LineParser = usage('juju status [--relations]');
      const { positional, options } = p.take([], ['--relations']);
      p.exact(positional, 0);
      return { type: 'status', relations: options.has('--relations') };
    }
    case 'show-unit': {
      const p: LineParser = usage('juju show-unit <unit>');
      const { positional } = p.take([]);
      p.exact(positional, 1);
      return { type: 'show-unit', unit: p.unit(positional[0]) };
    }
    case 'export-bundle': {
      const p: LineParser = usage('juju export-bundle');
      const { positional } = p.take([]);
      p.exact(positional, 0);
      return { type: 'export-bundle' };
    }
    case 'model-config': {
      const p: LineParser = usage('juju model-config [<key> | <key>=<value> ...]');
      const { positional } = p.take([]);
      const settings = positional.filter((w) => w.includes('='));
      if (settings.length === 0) {
        p.exact(positional, 1);
        return { type: 'model-config', get: positional[0] ?? null, settings: [] };
      }
      if (settings.length !== positional.length) p.fail('give either one key to read or key=value settings, not both');
      return { type: 'model-config', get: null, settings: params(p, settings) };
    }
    default:
      throw new ScriptSyntaxError(line, `unknown juju command "${sub}"; expected one of: ${JUJU_COMMANDS.join(', ')}`);
  }
}

/** Parses one line (without comment); null for a blank line. */
export function parseLine(raw: string, line = 1): ScriptLine | null {
  let text = stripComment(raw).trim();
  if (text === '') return null;
  let background = false;
  if (/\s&$/.test(text) || text === '&') {
    background = true;
    text = text.slice(0, -1).trimEnd();
  }
  let words: string[];
  try {
    words = shellSplit(text);
  } catch (e) {
    throw new ScriptSyntaxError(line, (e as Error).message);
  }
  const [head, sub, ...rest] = words;
  let command: Command;
  if (head === 'juju') {
    if (sub === undefined) throw new ScriptSyntaxError(line, `expected a juju command: ${JUJU_COMMANDS.join(', ')}`);
    command = parseJuju(sub, rest, text, line);
  } else {
    if (background) throw new ScriptSyntaxError(line, `only juju commands can run in the background with "&"`);
    command = parseSimCommand(head as string, words.slice(1), line);
  }
  return { line, text, command, background };
}

function parseSimCommand(head: string, rest: string[], line: number): Command {
  switch (head) {
    case 'fail': {
      const p: LineParser = new LineParser(rest, line, 'fail <unit> <hook-name> [--times <n> | --always]');
      const { positional, options } = p.take(['--times'], ['--always']);
      const [unit, hook] = positional;
      if (hook === undefined) p.fail('expected a unit and a hook name');
      p.exact(positional, 2);
      const times = p.count(options, ['--times']);
      if (times !== null && options.has('--always')) p.fail('give --times or --always, not both');
      if (times !== null && times < 1) p.fail('--times must be at least 1');
      const command = { type: 'fail' as const, unit: p.unit(unit), hook };
      if (options.has('--always')) return { ...command, times: 'always' };
      return times === null || times === 1 ? command : { ...command, times };
    }
    case 'step': {
      const p: LineParser = new LineParser(rest, line, 'step [<n>] | step --unit <unit> [--pick <i>]');
      const { positional, options } = p.take(['--unit', '--pick']);
      p.exact(positional, 1);
      const n = positional[0];
      if (n !== undefined && !/^[1-9]\d*$/.test(n)) p.fail(`expected a positive number of hooks, got "${n}"`);
      const unitOpt = options.get('--unit');
      const pick = p.count(options, ['--pick']);
      if (pick !== null && typeof unitOpt !== 'string') p.fail('--pick needs --unit');
      return { type: 'step', count: n === undefined ? 1 : Number(n), unit: typeof unitOpt === 'string' ? p.unit(unitOpt) : null, pick };
    }
    case 'load-status': {
      const usage = 'load-status <status.json|status.yaml> [--show-unit <show-unit.json>]...';
      const p: LineParser = new LineParser(rest, line, usage);
      const { values: showUnits, rest: words } = takeRepeated(p, rest, '--show-unit');
      const { positional } = new LineParser(words, line, usage).take([]);
      if (positional.length !== 1) p.fail(positional.length === 0 ? 'expected the file juju status wrote' : `unexpected argument "${positional[1]}"`);
      return { type: 'load-status', path: positional[0] as string, showUnits, files: {} };
    }
    case 'set-code': {
      const p: LineParser = new LineParser(rest, line, 'set-code <application> <charm-folder>');
      const { positional } = p.take([]);
      const [app, path] = positional;
      if (path === undefined) p.fail('expected an application and the folder of its new code');
      p.exact(positional, 2);
      return { type: 'set-code', app: app as string, path, files: {} };
    }
    case 'wait': {
      if (rest.length > 0) throw new ScriptSyntaxError(line, `unexpected argument "${rest[0]}" (usage: wait)`);
      return { type: 'wait' };
    }
    default:
      throw new ScriptSyntaxError(line, `unknown command "${head}"; expected "juju …", "fail", "step", "wait", "load-status" or "set-code"`);
  }
}

/** Parses a whole script; throws ScriptSyntaxError at the first bad line (nothing runs). */
export function parseScript(text: string): ScriptLine[] {
  const out: ScriptLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const parsed = parseLine(raw, i + 1);
    if (parsed) out.push(parsed);
  });
  return out;
}

/** How many hooks run after a script line: juju commands wait (unless `&`), steps step, fail doesn't. */
export function runAfter(line: Pick<ScriptLine, 'command' | 'background'>): 'idle' | 'none' | number {
  const c = line.command;
  switch (c.type) {
    case 'step':
      return c.count;
    case 'wait':
      return 'idle';
    case 'fail':
    case 'set-code':
      return 'none';
    default:
      return line.background ? 'none' : 'idle';
  }
}

/** A typed or scripted bundle deploy (or status load) with no files of its own takes them from the files at hand. */
export function withFilesAtHand(command: Command, files: Readonly<Record<string, string>>): Command {
  if (command.type === 'deploy-bundle' && Object.keys(command.files).length === 0) return { ...command, files: filesFor(command, files) };
  if (command.type === 'load-status' && Object.keys(command.files).length === 0) return { ...command, files: filesFor({ path: command.path, overlays: command.showUnits }, files) };
  return command;
}

export { formatCommand };
