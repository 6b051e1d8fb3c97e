/**
 * Hook tools as command lines, for `juju exec` / `juju run --unit` and the console:
 * parses `relation-get -r master:0 - master/0` and friends, runs them against a
 * HookContext and prints what Juju prints (JUJU-SEMANTICS §9).
 */
import type { HookContext } from './context.ts';
import { HookToolError } from './errors.ts';
import type { WorkloadStatus } from './model.ts';
import { formatStringMap } from './yamlMap.ts';

export interface ToolOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Splits a command line like a POSIX shell: quotes, backslashes, whitespace. */
export function shellSplit(line: string): string[] {
  // Runs of plain characters are taken whole (a pasted value can be megabytes long).
  const plain = /[^\s"'\\]+/y;
  const inDouble = /[^"\\]+/y;
  const space = /\s/;
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === "'") {
      // POSIX: nothing is special inside single quotes.
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new SyntaxError('unterminated single quote');
      cur += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      for (;;) {
        inDouble.lastIndex = i;
        const run = inDouble.exec(line);
        if (run) {
          cur += run[0];
          i += run[0].length;
        }
        if (i >= line.length) throw new SyntaxError('unterminated double quote');
        if (line[i] === '"') {
          i++;
          break;
        }
        // A backslash escapes only " \ $ ` inside double quotes.
        if (i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) {
          cur += line[i + 1];
          i += 2;
        } else {
          cur += '\\';
          i++;
        }
      }
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[i + 1];
      inWord = true;
      i += 2;
    } else if (space.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      i++;
    } else {
      plain.lastIndex = i;
      const run = plain.exec(line);
      const text = run ? run[0] : c;
      cur += text;
      inWord = true;
      i += text.length;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

interface Parsed {
  flags: Map<string, string | true>;
  args: string[];
}

/** Parses flags: `-r X`, `-r=X`, `--relation X`, `--app`; `valued` lists flags that take a value. */
function parseFlags(words: string[], valued: Record<string, string>, bool: Record<string, string>): Parsed {
  const flags = new Map<string, string | true>();
  const args: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === '-' || !w.startsWith('-') || /^-\d/.test(w)) {
      args.push(w);
      continue;
    }
    const eq = w.indexOf('=');
    const name = eq >= 0 ? w.slice(0, eq) : w;
    if (valued[name] !== undefined) {
      const canonical = valued[name];
      const value = eq >= 0 ? w.slice(eq + 1) : words[++i];
      if (value === undefined) throw new HookToolError(`option needs an argument: ${name}`, 2);
      flags.set(canonical, value);
    } else if (bool[name] !== undefined) {
      flags.set(bool[name], true);
    } else {
      throw new HookToolError(`option provided but not defined: ${name}`, 2);
    }
  }
  return { flags, args };
}

const FORMAT = { '--format': 'format' };
const RELATION = { '-r': 'relation', '--relation': 'relation' };
const APP = { '--app': 'app' };

function str(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function lines(items: readonly string[]): string {
  return items.map((s) => `${s}\n`).join('');
}

function render(value: string[] | Map<string, string> | string | boolean, format: string | undefined, kind: 'list' | 'map' | 'value' | 'bool'): string {
  if (format === 'json') {
    const json = value instanceof Map ? Object.fromEntries(value) : value;
    return `${JSON.stringify(json)}\n`;
  }
  if (format !== undefined && format !== 'yaml' && format !== 'smart') throw new HookToolError(`invalid value "${format}" for option --format: unknown format "${format}"`, 2);
  if (kind === 'bool') return value ? 'True\n' : 'False\n';
  if (kind === 'list') return lines(value as string[]);
  if (kind === 'map') return formatStringMap(value as Map<string, string>);
  return value === '' ? '' : `${value as string}\n`;
}

function noMoreArgs(args: string[], allowed: number): void {
  if (args.length > allowed) throw new HookToolError(`unrecognized args: ["${args.slice(allowed).join('" "')}"]`, 2);
}

const STATUSES: readonly WorkloadStatus[] = ['maintenance', 'waiting', 'active', 'blocked'];

function runTool(ctx: HookContext, words: string[]): string {
  const [tool, ...rest] = words;
  switch (tool) {
    case 'relation-ids': {
      const p = parseFlags(rest, FORMAT, {});
      noMoreArgs(p.args, 1);
      return render(ctx.relationIds(p.args[0]), str(p, 'format'), 'list');
    }
    case 'relation-list': {
      const p = parseFlags(rest, { ...RELATION, ...FORMAT }, APP);
      noMoreArgs(p.args, 0);
      if (p.flags.get('app')) return `${ctx.relationListApp(str(p, 'relation'))}\n`;
      return render(ctx.relationList(str(p, 'relation')), str(p, 'format'), 'list');
    }
    case 'relation-get': {
      const p = parseFlags(rest, { ...RELATION, ...FORMAT }, APP);
      noMoreArgs(p.args, 2);
      const [key = '-', target] = p.args;
      const args = { app: p.flags.get('app') === true, ...(target !== undefined ? { target } : {}) };
      const relation = str(p, 'relation');
      const data = ctx.relationGet(relation === undefined ? args : { ...args, relation });
      if (key === '-') return render(data, str(p, 'format'), 'map');
      return render(data.get(key) ?? '', str(p, 'format'), 'value');
    }
    case 'relation-set': {
      const p = parseFlags(rest, RELATION, APP);
      if (p.args.length === 0) throw new HookToolError('no settings specified', 2);
      const settings: Record<string, string> = {};
      for (const kv of p.args) {
        const eq = kv.indexOf('=');
        if (eq <= 0) throw new HookToolError(`expected "key=value", got "${kv}"`, 2);
        settings[kv.slice(0, eq)] = kv.slice(eq + 1);
      }
      const relation = str(p, 'relation');
      ctx.relationSet({ settings, app: p.flags.get('app') === true, ...(relation !== undefined ? { relation } : {}) });
      return '';
    }
    case 'is-leader': {
      const p = parseFlags(rest, FORMAT, {});
      noMoreArgs(p.args, 0);
      return render(ctx.isLeader(), str(p, 'format'), 'bool');
    }
    case 'status-set': {
      const p = parseFlags(rest, {}, { '--application': 'application' });
      const [status, ...message] = p.args;
      if (!status) throw new HookToolError('invalid args, require <status> [message] [data]', 2);
      if (!STATUSES.includes(status as WorkloadStatus)) throw new HookToolError(`invalid status "${status}", expected one of [${STATUSES.join(' ')}]`, 2);
      ctx.statusSet(status as WorkloadStatus, message.join(' '));
      return '';
    }
    case 'juju-log': {
      const p = parseFlags(rest, { '-l': 'level', '--log-level': 'level' }, { '--debug': 'debug' });
      if (p.args.length === 0) throw new HookToolError('no message specified', 2);
      ctx.jujuLog(p.args.join(' '), str(p, 'level') ?? 'INFO');
      return '';
    }
    case 'action-get': {
      const p = parseFlags(rest, FORMAT, {});
      noMoreArgs(p.args, 1);
      const key = p.args[0];
      if (key === undefined) return render(ctx.actionGet(), str(p, 'format'), 'map');
      return render(ctx.actionGet(key), str(p, 'format'), 'value');
    }
    case 'unit-get': {
      const p = parseFlags(rest, FORMAT, {});
      noMoreArgs(p.args, 1);
      const what = p.args[0];
      if (what !== 'private-address' && what !== 'public-address') throw new HookToolError(`unknown setting "${what ?? ''}"`, 2);
      return render(ctx.unit.address, str(p, 'format'), 'value');
    }
    default:
      throw new CommandNotFound(tool ?? '');
  }
}

class CommandNotFound extends Error {}

/** Known hook tools, for completion in the console. */
export const HOOK_TOOLS = ['action-get', 'is-leader', 'juju-log', 'relation-get', 'relation-ids', 'relation-list', 'relation-set', 'status-set', 'unit-get'] as const;

/**
 * Runs one hook-tool command line in `ctx`. Commands may be chained with `;` or
 * `&&` as in a shell; output is what the tools print.
 */
export function runToolLine(ctx: HookContext, line: string): ToolOutput {
  let stdout = '';
  let words: string[];
  try {
    words = shellSplit(line);
  } catch (e) {
    return { stdout: '', stderr: `bash: -c: line 1: ${(e as Error).message}\n`, exitCode: 2 };
  }
  // Split on ; and && tokens (written with spaces around them).
  const commands: Array<{ words: string[]; and: boolean }> = [{ words: [], and: false }];
  for (const w of words) {
    if (w === ';' || w === '&&') commands.push({ words: [], and: w === '&&' });
    else (commands[commands.length - 1] as { words: string[] }).words.push(w);
  }
  let stderr = '';
  let exitCode = 0;
  for (const cmd of commands) {
    if (cmd.words.length === 0) continue;
    if (cmd.and && exitCode !== 0) continue;
    try {
      stdout += runTool(ctx, cmd.words);
      exitCode = 0;
    } catch (e) {
      if (e instanceof HookToolError) {
        stderr += `ERROR ${e.message}\n`;
        exitCode = e.exitCode;
      } else if (e instanceof CommandNotFound) {
        stderr += `bash: line 1: ${e.message}: command not found\n`;
        exitCode = 127;
      } else throw e;
    }
  }
  return { stdout, stderr, exitCode };
}
