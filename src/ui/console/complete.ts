/**
 * Tab completion for the console (pure: the line, the cursor and the model view in,
 * candidates out). It knows the console language (src/io/script.ts): the command
 * word, `juju` subcommands and their options, application and unit names at the
 * cursor, `app:endpoint`, catalog charms after `juju deploy`, hook tools after
 * `juju exec … --` (or inside `juju run --unit <u> '…'`), relation ids after `-r`
 * (as the chosen unit names them: `<endpoint>:<id>`), action names and parameters,
 * hook names and `--times` / `--always` for `fail`, and the settings of
 * `juju model-config` (`automatically-retry-hooks`, `=true`, `=false`).
 *
 * `pressTab` is the shell-like key behaviour on top: one match completes (with a
 * space), several extend to their common prefix and are listed, and pressing Tab
 * again cycles through them.
 */
import { ALL_CHARMS, REAL_CHARMS } from '../../engine/catalog/all.ts';
import { REAL_PREFIX } from '../../engine/catalog/index.ts';
import { HOOK_TOOLS } from '../../engine/hooktools.ts';
import type { ModelView, RelationView } from '../../store/view.ts';
import { plausibleHooks } from '../controls/plausibleHooks.ts';

/** The first word of a console line. */
export const COMMAND_WORDS = ['juju', 'fail', 'load-status', 'step', 'wait'] as const;

/** The `juju` subcommands the console understands (as src/io/script.ts parses them). */
export const JUJU_SUBCOMMANDS = [
  'add-relation',
  'add-unit',
  'deploy',
  'exec',
  'export-bundle',
  'integrate',
  'model-config',
  'relate',
  'remove-application',
  'remove-relation',
  'remove-unit',
  'resolve',
  'resolved',
  'run',
  'run-action',
  'show-unit',
  'status',
] as const;

const STATUS_VALUES = ['active', 'blocked', 'maintenance', 'waiting'];

/** The model settings relviz simulates (`juju model-config`), all booleans. */
export const MODEL_CONFIG_KEYS = ['automatically-retry-hooks'] as const;

/** Options of `fail <unit> <hook>`: how many runs fail. */
export const FAIL_OPTIONS = ['--always', '--times'] as const;

export interface Completion {
  /** Where the word being completed starts in the line. */
  readonly start: number;
  /** Where it ends: the cursor. */
  readonly end: number;
  /** Full replacements for line[start, end), sorted; empty when nothing fits. */
  readonly candidates: readonly string[];
}

interface Word {
  readonly value: string;
  readonly start: number;
}

interface Tokens {
  /** Complete words before the one being completed. */
  readonly words: readonly Word[];
  /** The word under the cursor (possibly empty). */
  readonly current: Word;
  /** An unterminated quote: where it opened. */
  readonly openQuote: number | null;
}

/** Splits text like a shell does (quotes, backslashes), keeping where each word starts. */
function tokenize(text: string): Tokens {
  const words: Word[] = [];
  let value = '';
  let start = -1;
  let quote: string | null = null;
  let quoteAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = null;
      else value += c;
    } else if (c === '"' || c === "'") {
      if (start < 0) start = i;
      quote = c;
      quoteAt = i;
    } else if (c === '\\' && i + 1 < text.length) {
      if (start < 0) start = i;
      value += text[++i];
    } else if (/\s/.test(c)) {
      if (start >= 0) words.push({ value, start });
      value = '';
      start = -1;
    } else {
      if (start < 0) start = i;
      value += c;
    }
  }
  const current = start >= 0 ? { value, start } : { value: '', start: text.length };
  return { words, current, openQuote: quote ? quoteAt : null };
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function finish(candidates: Iterable<string>, current: Word, end: number): Completion {
  const matching = [...new Set(candidates)].filter((c) => c.startsWith(current.value)).sort(byName);
  return { start: current.start, end, candidates: matching };
}

/** Positional words of `args`, skipping options and the values of `valued` options. */
function positional(args: readonly string[], valued: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as string;
    if (valued.includes(w)) i++;
    else if (!(w.startsWith('-') && w.length > 1)) out.push(w);
  }
  return out;
}

/** The value given to option `name` (`--unit X` or `--unit=X`), if any. */
function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as string;
    if (names.includes(w)) return args[i + 1];
    for (const n of names) if (w.startsWith(`${n}=`)) return w.slice(n.length + 1);
  }
  return undefined;
}

const unitNames = (view: ModelView) => Object.keys(view.units);
const principalUnits = (view: ModelView) => Object.values(view.units).filter((u) => u.principal === null).map((u) => u.name);
const appNames = (view: ModelView) => view.apps.map((a) => a.name);
const appOf = (view: ModelView, unit: string | undefined) => (unit === undefined ? undefined : view.apps.find((a) => a.name === view.units[unit]?.app));

/** Relations the unit's application takes part in. */
function relationsOfUnit(view: ModelView, unit: string): RelationView[] {
  const app = view.units[unit]?.app;
  return app === undefined ? [] : view.relations.filter((r) => r.endpoints.some((e) => e.app === app));
}

/** Relation ids as `unit` names them: `<its endpoint>:<id>`. */
export function relationIdsFor(view: ModelView, unit: string): string[] {
  const app = view.units[unit]?.app;
  return relationsOfUnit(view, unit).map((r) => `${r.endpoints.find((e) => e.app === app)?.endpoint ?? ''}:${r.id}`);
}

/** The relation a `-r` value names (`master:0` or `0`), among the unit's relations. */
function relationById(view: ModelView, unit: string, ref: string | undefined): RelationView | undefined {
  if (ref === undefined) return undefined;
  const id = Number(ref.slice(ref.indexOf(':') + 1));
  return relationsOfUnit(view, unit).find((r) => r.id === id);
}

/** `app` and `app:endpoint` references, for integrate / remove-relation. */
function endpointRefs(view: ModelView, cur: string, apps: readonly string[], related: (app: string, endpoint: string) => boolean): string[] {
  const colon = cur.indexOf(':');
  if (colon < 0) return [...apps];
  const name = cur.slice(0, colon);
  const app = view.apps.find((a) => a.name === name);
  if (!app || !apps.includes(name)) return [];
  return app.endpoints.filter((e) => e.role !== 'peers' && related(name, e.name)).map((e) => `${name}:${e.name}`);
}

/** Candidates for a hook-tool command line run as `unit` (`juju exec --unit u -- …`). */
function toolCandidates(view: ModelView, unit: string | undefined, words: readonly string[], cur: string): string[] {
  let from = 0;
  words.forEach((w, i) => {
    if (w === ';' || w === '&&') from = i + 1;
  });
  const seg = words.slice(from);
  const [tool, ...args] = seg;
  if (tool === undefined) return [...HOOK_TOOLS];
  const u = unit !== undefined && view.units[unit] ? unit : undefined;
  const last = args[args.length - 1];
  if (last === '-r' || last === '--relation') return u ? relationIdsFor(view, u) : [];
  const rel = u ? relationById(view, u, optionValue(args, ['-r', '--relation'])) : undefined;
  const pos = positional(args, ['-r', '--relation']);
  const app = appOf(view, u);
  switch (tool) {
    case 'relation-ids':
      if (cur.startsWith('-')) return [];
      return pos.length === 0 && app ? app.endpoints.map((e) => e.name) : [];
    case 'relation-list':
      return cur.startsWith('-') ? ['-r', '--app'] : [];
    case 'relation-get': {
      const options = cur.startsWith('-') ? ['-r', '--app'] : [];
      const rels = rel ? [rel] : u ? relationsOfUnit(view, u) : [];
      if (pos.length === 0) {
        const keys = rels.flatMap((r) => [...r.unitBags, ...r.appBags]).flatMap((b) => b.data.map(([k]) => k));
        return [...options, '-', ...keys];
      }
      if (pos.length === 1) {
        if (args.includes('--app')) return [...options, ...rels.flatMap((r) => r.endpoints.map((e) => e.app))];
        return [...options, ...rels.flatMap((r) => r.scope.map((s) => s.unit))];
      }
      return options;
    }
    case 'relation-set': {
      if (cur.startsWith('-')) return ['-r', '--app'];
      const rels = rel ? [rel] : u ? relationsOfUnit(view, u) : [];
      const owner = args.includes('--app') ? app?.name : u;
      return rels.flatMap((r) => [...r.unitBags, ...r.appBags]).filter((b) => b.owner === owner).flatMap((b) => b.data.map(([k]) => `${k}=`));
    }
    case 'status-set':
      return pos.length === 0 && !cur.startsWith('-') ? STATUS_VALUES : [];
    case 'unit-get':
      return pos.length === 0 ? ['private-address', 'public-address'] : [];
    default:
      return [];
  }
}

/** Candidates for the word after `words` (cur is its beginning), outside quotes. */
function candidates(view: ModelView, charms: readonly string[], words: readonly string[], cur: string, files: readonly string[]): string[] {
  const [head, sub, ...args] = words;
  if (head === undefined) return [...COMMAND_WORDS];
  const last = words[words.length - 1];
  const dash = cur.startsWith('-');
  // Files the user opened (and the example bundles), as the console reads them.
  const paths = files.map((f) => `./${f}`);
  if (head === 'load-status') {
    if (last === '--show-unit') return paths.filter((p) => p.endsWith('.json') || p.endsWith('.yaml'));
    if (dash) return ['--show-unit'];
    return positional(words.slice(1), ['--show-unit']).length === 0 ? paths : [];
  }
  if (head === 'fail') {
    const rest = words.slice(1);
    // `--times N`: a count, nothing to offer.
    if (last === '--times') return [];
    const pos = positional(rest, ['--times']);
    if (!dash && pos.length === 0) return unitNames(view);
    if (!dash && pos.length === 1) return plausibleHooks(view, pos[0] as string);
    // One of the two options, once.
    const given = rest.some((w) => (FAIL_OPTIONS as readonly string[]).includes(w) || w.startsWith('--times='));
    return given ? [] : [...FAIL_OPTIONS];
  }
  if (head === 'step') {
    if (last === '--unit') return view.next.map((n) => n.unit);
    if (last === '--pick') {
      const n = view.next.find((q) => q.unit === optionValue(words, ['--unit']));
      return n ? n.hooks.map((_, i) => String(i)) : [];
    }
    if (dash) return words.includes('--unit') ? ['--pick'] : ['--unit'];
    return [];
  }
  if (head !== 'juju') return [];
  if (sub === undefined) return [...JUJU_SUBCOMMANDS];
  switch (sub) {
    case 'deploy': {
      if (last === '-n' || last === '--num-units') return [];
      if (last === '--overlay') return paths;
      if (args.some((w) => /\.ya?ml$/.test(w))) return dash ? ['--overlay'] : [];
      if (cur.startsWith('.') || cur.includes('/')) return paths;
      if (dash) return ['-n'];
      if (positional(args, ['-n', '--num-units']).length > 0) return [];
      // ch:<name> is every real charm, teaching names or not.
      return cur.startsWith(REAL_PREFIX) ? REAL_NAMES : [...charms];
    }
    case 'add-unit': {
      if (last === '-n' || last === '--num-units') return [];
      if (dash) return ['-n'];
      const apps = view.apps.filter((a) => !a.subordinate && a.life === 'alive').map((a) => a.name);
      return positional(args, ['-n', '--num-units']).length === 0 ? apps : [];
    }
    case 'remove-unit':
      if (dash) return ['--force', '--no-wait'];
      return principalUnits(view).filter((u) => !args.includes(u));
    case 'integrate':
    case 'relate':
    case 'add-relation': {
      const pos = positional(args, []);
      if (dash || pos.length >= 2) return [];
      const first = pos[0]?.split(':')[0];
      const apps = view.apps.filter((a) => a.life === 'alive' && a.name !== first).map((a) => a.name);
      return endpointRefs(view, cur, apps, () => true);
    }
    case 'remove-relation': {
      const pos = positional(args, []);
      if (dash || pos.length >= 2) return [];
      const rels = view.relations.filter((r) => !r.peer);
      const first = pos[0]?.split(':')[0];
      const apps = first === undefined ? rels.flatMap((r) => r.endpoints.map((e) => e.app)) : rels.filter((r) => r.endpoints.some((e) => e.app === first)).flatMap((r) => r.endpoints.map((e) => e.app)).filter((a) => a !== first);
      const related = (app: string, ep: string) => rels.some((r) => r.endpoints.some((e) => e.app === app && e.endpoint === ep));
      return endpointRefs(view, cur, apps, related);
    }
    case 'remove-application':
      if (dash) return ['--force', '--no-wait', '--destroy-storage'];
      return positional(args, []).length === 0 ? appNames(view) : [];
    case 'run':
    case 'run-action': {
      if (sub === 'run' && (args.includes('--unit') || args.some((w) => w.startsWith('--unit=')))) {
        if (last === '--unit') return unitNames(view);
        // `juju run --unit u relation-ids x` (unquoted) is a hook-tool line too.
        return toolCandidates(view, optionValue(args, ['--unit']), positional(args, ['--unit']), cur);
      }
      if (dash) return sub === 'run' && args.length === 0 ? ['--unit'] : [];
      const [unit, action, ...params] = positional(args, []);
      if (unit === undefined) return unitNames(view);
      const app = appOf(view, unit);
      if (action === undefined) return app ? app.actions.map((a) => a.name) : [];
      const given = new Set(params.map((p) => p.split('=')[0]));
      return (app?.actions.find((a) => a.name === action)?.params ?? []).filter((p) => !given.has(p)).map((p) => `${p}=`);
    }
    case 'exec': {
      const dd = args.indexOf('--');
      if (dd >= 0) return toolCandidates(view, optionValue(args.slice(0, dd), ['--unit', '-u']), args.slice(dd + 1), cur);
      if (last === '--unit' || last === '-u') return unitNames(view);
      const unit = optionValue(args, ['--unit', '-u']);
      if (unit === undefined) return ['--unit'];
      return ['--'];
    }
    case 'resolve':
    case 'resolved': {
      if (dash) return ['--no-retry'];
      if (positional(args, []).length > 0) return [];
      const failed = Object.values(view.units).filter((u) => u.failedHook !== null).map((u) => u.name);
      return failed.length > 0 ? failed : unitNames(view);
    }
    case 'status':
      return args.length === 0 ? ['--relations'] : [];
    case 'show-unit':
      return positional(args, []).length === 0 ? unitNames(view) : [];
    case 'model-config':
      // One key to read, or key=value settings (booleans); each key once.
      if (dash || args.some((w) => !w.includes('='))) return [];
      return MODEL_CONFIG_KEYS.filter((k) => !args.some((w) => w.startsWith(`${k}=`))).flatMap((k) => (args.length === 0 ? [k, `${k}=true`, `${k}=false`] : [`${k}=true`, `${k}=false`]));
    default:
      return [];
  }
}

/** What `juju deploy` takes by name: the teaching charms and the real charms (ch: where names collide). */
const CATALOG_NAMES = ALL_CHARMS.map((c) => c.name);
const REAL_NAMES = [...REAL_CHARMS.keys()].map((n) => `${REAL_PREFIX}${n}`);

/** What could replace the word under the cursor. */
export function complete(line: string, cursor: number, view: ModelView, charms: readonly string[] = CATALOG_NAMES, files: readonly string[] = []): Completion {
  const { words, current, openQuote } = tokenize(line.slice(0, cursor));
  const values = words.map((w) => w.value);
  if (openQuote !== null) {
    // Inside `juju run --unit u '…`: complete the quoted hook-tool line on its own.
    const [head, sub, ...args] = values;
    if (head !== 'juju' || sub !== 'run' || current.start !== openQuote) return { start: cursor, end: cursor, candidates: [] };
    const inner = tokenize(line.slice(openQuote + 1, cursor));
    const cands = toolCandidates(view, optionValue(args, ['--unit']), inner.words.map((w) => w.value), inner.current.value);
    return finish(cands, { value: inner.current.value, start: openQuote + 1 + inner.current.start }, cursor);
  }
  return finish(candidates(view, charms, values, current.value, files), current, cursor);
}

/** The longest prefix all strings share. */
export function commonPrefix(strings: readonly string[]): string {
  const [first, ...rest] = strings;
  if (first === undefined) return '';
  let n = first.length;
  for (const s of rest) {
    let i = 0;
    while (i < n && i < s.length && s[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n);
}

/** The list shown under the input while several candidates match. */
export interface CompletionMenu {
  readonly start: number;
  readonly candidates: readonly string[];
  /** The candidate currently in the line; -1 before the first cycle. */
  readonly index: number;
  /** The line and cursor this menu produced: another Tab on them cycles. */
  readonly line: string;
  readonly cursor: number;
}

export interface TabResult {
  readonly line: string;
  readonly cursor: number;
  readonly menu: CompletionMenu | null;
}

function replace(line: string, start: number, end: number, text: string): { line: string; cursor: number } {
  return { line: line.slice(0, start) + text + line.slice(end), cursor: start + text.length };
}

/** Tab in the console: complete, list, or cycle through the listed candidates. */
export function pressTab(line: string, cursor: number, menu: CompletionMenu | null, view: ModelView, charms?: readonly string[], files?: readonly string[]): TabResult {
  if (menu && menu.line === line && menu.cursor === cursor && menu.candidates.length > 0) {
    const index = (menu.index + 1) % menu.candidates.length;
    const next = replace(line, menu.start, cursor, menu.candidates[index] as string);
    return { ...next, menu: { ...menu, index, ...next } };
  }
  const c = complete(line, cursor, view, charms, files);
  const [only] = c.candidates;
  if (only === undefined) return { line, cursor, menu: null };
  if (c.candidates.length === 1) {
    const open = only.endsWith('=') || only.endsWith(':') || line[cursor] === ' ';
    return { ...replace(line, c.start, c.end, open ? only : `${only} `), menu: null };
  }
  const next = replace(line, c.start, c.end, commonPrefix(c.candidates));
  return { ...next, menu: { start: c.start, candidates: c.candidates, index: -1, ...next } };
}
