/**
 * Tutorials as plain-text documents (`relviz-tutorial: 1`): Markdown with a small front
 * matter, one `##` section per step, `###` sections for its stops and alternatives,
 * fenced ```juju blocks of script lines, and `key: value` settings at the head of a
 * section. docs/tutorial-format.md is the reference; this is its parser and writer.
 *
 * The parser reads untrusted text: it is linear in the document (no regex that can
 * backtrack beyond one line, each line looked at a bounded number of times), bounded
 * in size, and collects every problem it can, each with its line, as ScriptSyntaxError
 * does for scripts. The writer gives the canonical form: parse(write(t)) deep-equals t
 * for every tutorial it accepts, and write(parse(d)) is d for a document in that form.
 */
import type { JujuVersion } from '../engine/model.ts';
import { ScriptSyntaxError, parseLine } from '../io/script.ts';
import type { Alternative, HookMatch, Step, Stop, Target, Tutorial } from './tutorial.ts';

export const FORMAT_VERSION = 1;
/** Bounds on an untrusted document. */
export const LIMITS = { bytes: 512 * 1024, steps: 200, scriptLines: 5000, stops: 100, alternatives: 20, targets: 50, files: 100 } as const;

export interface DocumentProblem {
  /** 1-based line in the document. */
  readonly line: number;
  readonly message: string;
}

export class TutorialDocumentError extends Error {
  override name = 'TutorialDocumentError';
  constructor(
    readonly problems: readonly DocumentProblem[],
    readonly file?: string,
  ) {
    super(problems.map((p) => `${file ? `${file}:` : 'line '}${p.line}: ${p.message}`).join('\n'));
  }
}

/** Where each part of a parsed tutorial came from (1-based document lines), for checkTutorial's reports. */
export interface DocumentLines {
  readonly setup: readonly number[];
  readonly steps: readonly StepLines[];
}
export interface StepLines {
  readonly heading: number;
  readonly run: readonly number[];
  readonly select?: number;
  readonly viewAs?: number;
  /** The line of each of the step's highlights. */
  readonly highlight: readonly number[];
  readonly stops: readonly { readonly heading: number; readonly highlight: readonly number[] }[];
  readonly compare: readonly { readonly heading: number; readonly run: readonly number[] }[];
}

const JUJU: readonly JujuVersion[] = ['3.6', '4.0'];
const FRONT_KEYS = ['relviz-tutorial', 'id', 'title', 'summary', 'seed', 'juju'] as const;
type FrontKey = (typeof FRONT_KEYS)[number];
const STEP_SETTINGS = ['select', 'view-as', 'panel', 'quiz', 'highlight'] as const;
const ALL_SETTINGS: readonly string[] = STEP_SETTINGS;
const ID = /^[a-z0-9][a-z0-9-]*$/;
/** A name in a setting: a unit, application, hook or key — no spaces, no commas. */
const NAME = /^[^\s,]+$/;
const TARGET_USAGE = 'unit <unit>, app <app>, relation <app> <app>, bag-key <unit|app> <key>, block <unit> <hook> or console';

// ---------------------------------------------------------------------------
// Parsing

interface Fence {
  readonly marker: string;
  readonly info: string;
}

/** An opening fence: three or more backticks (or tildes), then an info string. */
function fenceOpen(line: string): Fence | null {
  const c = line[0];
  if (c !== '`' && c !== '~') return null;
  let n = 0;
  while (line[n] === c) n++;
  if (n < 3) return null;
  const info = line.slice(n).trim();
  if (c === '`' && info.includes('`')) return null;
  return { marker: line.slice(0, n), info };
}

function fenceCloses(line: string, open: Fence): boolean {
  const t = line.trimEnd();
  return t.length >= open.marker.length && t === (open.marker[0] as string).repeat(t.length);
}

interface Section {
  kind: 'preamble' | 'step' | 'stop' | 'compare';
  heading: number;
  title: string;
  /** Lines of the section (after its heading), with their numbers. */
  body: { n: number; text: string }[];
  /** Its heading was already reported. */
  bad?: boolean;
}

/** Reads a document into a Tutorial and where each part came from; throws TutorialDocumentError naming every problem found. */
export function parseTutorialDocumentWithLines(text: string, file?: string): { tutorial: Tutorial; lines: DocumentLines } {
  const problems: DocumentProblem[] = [];
  const fail = (line: number, message: string): void => {
    if (problems.length < 50) problems.push({ line, message });
  };
  if (text.length > LIMITS.bytes) throw new TutorialDocumentError([{ line: 1, message: `the document is ${Math.round(text.length / 1024)} KB: at most ${LIMITS.bytes / 1024} KB` }], file);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);

  // Front matter: `---`, `key: value` lines and `# notes`, `---`.
  const front = new Map<FrontKey, { value: string; line: number }>();
  const notes: string[] = [];
  let i: number;
  if (lines[0]?.trimEnd() !== '---') {
    throw new TutorialDocumentError([{ line: 1, message: 'expected "---": a tutorial document starts with its front matter (---, relviz-tutorial: 1, id, title, summary, seed, juju, ---)' }], file);
  }
  for (i = 1; i < lines.length && lines[i]?.trimEnd() !== '---'; i++) {
    const raw = lines[i] as string;
    const n = i + 1;
    if (raw.trim() === '') continue;
    if (raw.startsWith('#')) {
      notes.push(raw.slice(1).trim());
      continue;
    }
    const colon = raw.indexOf(':');
    const key = colon < 0 ? '' : raw.slice(0, colon).trim();
    if (!(FRONT_KEYS as readonly string[]).includes(key)) {
      fail(n, colon < 0 ? `expected "key: value" in the front matter (${FRONT_KEYS.join(', ')})` : `unknown front matter key "${key}"; expected one of: ${FRONT_KEYS.join(', ')}`);
      continue;
    }
    const value = raw.slice(colon + 1).trim();
    if (front.has(key as FrontKey)) fail(n, `"${key}" is given twice (first on line ${front.get(key as FrontKey)?.line})`);
    else if (value === '') fail(n, `"${key}" has no value`);
    else front.set(key as FrontKey, { value, line: n });
  }
  if (i >= lines.length) throw new TutorialDocumentError([...problems, { line: lines.length, message: 'the front matter never ends: expected a line "---"' }], file);
  const frontEnd = i + 1;
  const version = front.get('relviz-tutorial');
  if (!version) fail(1, 'the front matter has no "relviz-tutorial: 1": is this a relviz tutorial?');
  else if (version.value !== String(FORMAT_VERSION)) fail(version.line, `relviz-tutorial ${version.value} is not a version this relviz reads (expected ${FORMAT_VERSION})`);
  const need = (key: FrontKey): string => {
    const v = front.get(key);
    if (!v) fail(frontEnd, `the front matter has no "${key}:"`);
    return v?.value ?? '';
  };
  const id = need('id');
  if (id && !ID.test(id)) fail(front.get('id')?.line ?? 1, `id "${id}": expected lowercase letters, digits and dashes`);
  const title = need('title');
  const summary = need('summary');
  const seedText = need('seed');
  let seed = 0;
  if (seedText) {
    if (/^\d{1,10}$/.test(seedText) && Number(seedText) <= 0xffffffff) seed = Number(seedText);
    else fail(front.get('seed')?.line ?? 1, `seed "${seedText}": expected a whole number from 0 to 4294967295`);
  }
  const jujuText = need('juju');
  let juju: JujuVersion = '3.6';
  if (jujuText) {
    if ((JUJU as readonly string[]).includes(jujuText)) juju = jujuText as JujuVersion;
    else fail(front.get('juju')?.line ?? 1, `juju "${jujuText}": expected ${JUJU.join(' or ')}`);
  }

  // Sections: the preamble, then `##` steps with their `###` stops and alternatives.
  const sections: Section[] = [{ kind: 'preamble', heading: frontEnd, title: '', body: [] }];
  let stepCount = 0;
  let fence: Fence | null = null;
  for (i = frontEnd; i < lines.length; i++) {
    const raw = lines[i] as string;
    const n = i + 1;
    const current = sections[sections.length - 1] as Section;
    if (fence) {
      if (fenceCloses(raw, fence)) fence = null;
      current.body.push({ n, text: raw });
      continue;
    }
    fence = fenceOpen(raw);
    if (fence || !raw.startsWith('#')) {
      current.body.push({ n, text: raw });
      continue;
    }
    const hashes = raw.length - raw.replace(/^#+/, '').length;
    const heading = raw.slice(hashes).trim();
    if (hashes === 1 && current.kind === 'preamble') continue; // the document's title, for whoever reads the file
    if (hashes === 2) {
      if (++stepCount > LIMITS.steps) {
        fail(n, `more than ${LIMITS.steps} steps`);
        break;
      }
      if (heading === '') fail(n, 'a step needs a title: "## <title>"');
      sections.push({ kind: 'step', heading: n, title: heading, body: [] });
    } else if (hashes === 3 && current.kind !== 'preamble') {
      const after = /^after:\s*/.exec(heading);
      const compare = /^compare:\s*/.exec(heading);
      if (after) sections.push({ kind: 'stop', heading: n, title: heading.slice(after[0].length), body: [] });
      else if (compare) sections.push({ kind: 'compare', heading: n, title: heading.slice(compare[0].length), body: [] });
      else {
        fail(n, 'expected "### after: [<unit>] <hook> [<nth>]" (a stop) or "### compare: <title>" (an alternative)');
        sections.push({ kind: 'stop', heading: n, title: '', body: [], bad: true });
      }
    } else fail(n, current.kind === 'preamble' ? 'expected "## <title>": the first step' : 'expected "## <title>" (a step) or "### after: …" / "### compare: …"');
  }
  if (fence) fail(lines.length, `a fenced block is never closed: expected ${fence.marker}`);

  const setup: string[] = [];
  const setupLines: number[] = [];
  // A Map, not an object: a path such as __proto__ is a file like any other.
  const files = new Map<string, string>();
  let scriptLines = 0;
  const built: { step: Step; stops: Stop[]; compare: Alternative[]; lines: StepLines; stopLines: StepLines['stops'][number][]; compareLines: StepLines['compare'][number][] }[] = [];
  for (const section of sections) {
    const read = readSection(section, fail);
    scriptLines += read.run.length;
    if (scriptLines > LIMITS.scriptLines) {
      fail(section.heading, `more than ${LIMITS.scriptLines} script lines`);
      break;
    }
    if (section.kind === 'preamble') {
      setup.push(...read.run);
      setupLines.push(...read.runLines);
      for (const f of read.files) {
        if (files.size >= LIMITS.files) fail(f.line, `more than ${LIMITS.files} files`);
        else if (files.has(f.path)) fail(f.line, `file ${f.path} is given twice`);
        else files.set(f.path, f.text);
      }
      if (read.say !== '') fail(read.sayLine, 'expected "## <title>" (the first step) before any narration: only a "# title", ```juju lines (the starting model) and ```<lang> file=<path> blocks go before it');
      continue;
    }
    for (const f of read.files) fail(f.line, 'file blocks go before the first step');
    if (section.kind === 'step') {
      built.push({ step: read.step(section.title), stops: [], compare: [], lines: read.lines, stopLines: [], compareLines: [] });
      continue;
    }
    const step = built[built.length - 1] as (typeof built)[number];
    if (section.kind === 'stop') {
      if (read.run.length > 0) fail(read.runLines[0] as number, 'a stop has no script lines: put them in its step');
      const after = parseAfter(section.title);
      if (typeof after === 'string' && !section.bad) fail(section.heading, after);
      if (step.stops.length >= LIMITS.stops) fail(section.heading, `more than ${LIMITS.stops} stops in a step`);
      step.stops.push({ after: typeof after === 'string' ? { hook: '' } : after, say: read.say, ...(read.highlight.length > 0 ? { highlight: read.highlight } : {}) });
      step.stopLines.push({ heading: section.heading, highlight: read.lines.highlight });
    } else {
      if (section.title === '') fail(section.heading, 'an alternative needs a title: "### compare: <title>"');
      if (step.compare.length >= LIMITS.alternatives) fail(section.heading, `more than ${LIMITS.alternatives} alternatives in a step`);
      step.compare.push({ title: section.title, run: read.run, say: read.say });
      step.compareLines.push({ heading: section.heading, run: read.runLines });
    }
  }
  if (built.length === 0 && problems.length === 0) fail(lines.length, 'expected at least one step: "## <title>"');
  if (problems.length > 0) throw new TutorialDocumentError(problems, file);
  const steps = built.map(({ step, stops, compare }) => ({ ...step, ...(stops.length > 0 ? { stops } : {}), ...(compare.length > 0 ? { compare } : {}) }));
  const stepLines = built.map(({ lines: l, stopLines, compareLines }) => ({ ...l, stops: stopLines, compare: compareLines }));
  const tutorial: Tutorial = {
    id,
    title,
    summary,
    ...(notes.length > 0 ? { notes: notes.join('\n') } : {}),
    seed,
    juju,
    ...(setup.length > 0 ? { setup } : {}),
    ...(files.size > 0 ? { files: Object.fromEntries(files) } : {}),
    steps,
  };
  return { tutorial, lines: { setup: setupLines, steps: stepLines } };
}

/** Reads a document into a Tutorial; throws TutorialDocumentError naming every problem found, with its line. */
export function parseTutorialDocument(text: string, file?: string): Tutorial {
  return parseTutorialDocumentWithLines(text, file).tutorial;
}

/** `[<unit>] <hook> [<nth>]`: a unit has a `/`, nth is a number. */
export function parseAfter(text: string): HookMatch | string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const usage = 'expected "### after: [<unit>] <hook> [<nth>]", as in "### after: master/0 master-relation-joined 2"';
  if (words.length === 0 || words.length > 3 || words.some((w) => w.includes(','))) return usage;
  const unit = words[0]?.includes('/') ? words.shift() : undefined;
  const hook = words.shift();
  const nthText = words.shift();
  if (hook === undefined || hook.includes('/') || /^\d+$/.test(hook) || words.length > 0) return usage;
  if (nthText !== undefined && !/^[1-9]\d{0,5}$/.test(nthText)) return `"${nthText}": the nth hook is a number from 1 (${usage})`;
  return { ...(unit !== undefined ? { unit } : {}), hook, ...(nthText !== undefined ? { nth: Number(nthText) } : {}) };
}

interface ReadSection {
  readonly say: string;
  readonly sayLine: number;
  readonly run: string[];
  readonly runLines: number[];
  readonly highlight: Target[];
  readonly files: { path: string; text: string; line: number }[];
  readonly lines: StepLines;
  step(title: string): Step;
}

function readSection(section: Section, fail: (line: number, message: string) => void): ReadSection {
  const body = section.body;
  let k = 0;
  while (k < body.length && (body[k]?.text.trim() ?? '') === '') k++;
  // Settings: the first paragraph, when it starts with a setting's name.
  const settings: { key: string; value: string; n: number }[] = [];
  const first = body[k];
  const allowed: readonly string[] = section.kind === 'step' ? STEP_SETTINGS : section.kind === 'stop' ? ['highlight'] : [];
  if (first && settingKey(first.text) !== null && section.kind !== 'preamble') {
    for (; k < body.length && (body[k]?.text.trim() ?? '') !== ''; k++) {
      const { n, text } = body[k] as { n: number; text: string };
      const key = settingKey(text);
      if (key === null || !allowed.includes(key)) {
        fail(n, allowed.length === 0 ? `an alternative has no settings: its narration and a \`\`\`juju block` : key === null ? `expected "<setting>: <value>" (${allowed.join(', ')}), or a blank line before the narration` : `"${key}" is not a setting of a ${section.kind}; expected ${allowed.join(', ')}`);
        continue;
      }
      settings.push({ key, value: text.slice(text.indexOf(':') + 1).trim(), n });
    }
  }
  // The rest: narration, ```juju blocks and ```<lang> file=<path> blocks.
  const say: string[] = [];
  let sayLine = 0;
  const run: string[] = [];
  const runLines: number[] = [];
  let hasRun = false;
  const files: ReadSection['files'] = [];
  for (; k < body.length; k++) {
    const { n, text } = body[k] as { n: number; text: string };
    const open = fenceOpen(text);
    if (!open) {
      if (text.trim() !== '' && sayLine === 0) sayLine = n;
      say.push(text.trimEnd());
      continue;
    }
    const content: { n: number; text: string }[] = [];
    for (k++; k < body.length && !fenceCloses((body[k] as { text: string }).text, open); k++) content.push(body[k] as { n: number; text: string });
    const fileMatch = /^\S+\s+file=(\S+)$/.exec(open.info);
    if (open.info === 'juju') {
      hasRun = true;
      for (const c of content) {
        const t = c.text.trim();
        if (t === '' || t.startsWith('#')) continue;
        const problem = scriptProblem(t);
        if (problem) fail(c.n, `"${t}": ${problem}`);
        run.push(t);
        runLines.push(c.n);
      }
    } else if (fileMatch) {
      files.push({ path: fileMatch[1] as string, text: content.map((c) => c.text).join('\n') + '\n', line: n });
    } else fail(n, `expected \`\`\`juju (script lines) or \`\`\`<lang> file=<path> (a file the tutorial carries), not "${open.marker}${open.info}"`);
    if (say.length > 0 && say[say.length - 1] !== '') say.push('');
  }
  const highlight: Target[] = [];
  const highlightLines: number[] = [];
  let select: Step['select'];
  let selectLine: number | undefined;
  let viewAs: string | undefined;
  let viewAsLine: number | undefined;
  let panel: Step['panel'];
  let quiz: boolean | undefined;
  const seen = new Map<string, number>();
  for (const { key, value, n } of settings) {
    if (key !== 'highlight' && seen.has(key)) fail(n, `"${key}" is given twice (first on line ${seen.get(key)})`);
    seen.set(key, n);
    switch (key) {
      case 'highlight':
        for (const part of value.split(',')) {
          const target = parseTarget(part.trim());
          if (typeof target === 'string') fail(n, target);
          else if (highlight.length >= LIMITS.targets) fail(n, `more than ${LIMITS.targets} highlights`);
          else {
            highlight.push(target);
            highlightLines.push(n);
          }
        }
        break;
      case 'select': {
        const w = value.split(/\s+/);
        if (w[0] === 'relation' && w.length === 3 && w.every((x) => NAME.test(x))) select = { relation: [w[1] as string, w[2] as string] };
        else if (w[0] === 'unit' && w.length === 2 && NAME.test(w[1] as string)) select = { unit: w[1] as string };
        else fail(n, `select: expected "relation <app> <app>" or "unit <unit>", not "${value}"`);
        selectLine = n;
        break;
      }
      case 'view-as':
        if (NAME.test(value)) viewAs = value;
        else fail(n, `view-as: expected a unit, as in "view-as: webapp/1"`);
        viewAsLine = n;
        break;
      case 'panel':
        if (value === 'swimlanes' || value === 'log') panel = value;
        else fail(n, `panel: expected swimlanes or log, not "${value}"`);
        break;
      case 'quiz':
        if (value === 'on' || value === 'off') quiz = value === 'on';
        else fail(n, `quiz: expected on or off, not "${value}"`);
        break;
    }
  }
  const sayText = say.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  const lines: StepLines = {
    heading: section.heading,
    run: runLines,
    ...(selectLine !== undefined ? { select: selectLine } : {}),
    ...(viewAsLine !== undefined ? { viewAs: viewAsLine } : {}),
    highlight: highlightLines,
    stops: [],
    compare: [],
  };
  return {
    say: sayText,
    sayLine,
    run,
    runLines,
    highlight,
    files,
    lines,
    step: (title) => ({
      title,
      say: sayText,
      ...(hasRun ? { run } : {}),
      ...(highlight.length > 0 ? { highlight } : {}),
      ...(select ? { select } : {}),
      ...(viewAs !== undefined ? { viewAs } : {}),
      ...(panel ? { panel } : {}),
      ...(quiz !== undefined ? { quiz } : {}),
    }),
  };
}

/** What is wrong with a script line's syntax ('' when nothing): the console's and the CLI's own parser says. */
function scriptProblem(line: string): string {
  try {
    parseLine(line, 1);
    return '';
  } catch (e) {
    if (e instanceof ScriptSyntaxError) return e.problem;
    throw e;
  }
}

/** The setting a line starts with (`<name>:`), or null. */
function settingKey(line: string): string | null {
  const colon = line.indexOf(':');
  if (colon < 0) return null;
  const key = line.slice(0, colon);
  return ALL_SETTINGS.includes(key) ? key : null;
}

export function parseTarget(text: string): Target | string {
  const w = text.split(/\s+/);
  const bad = `highlight: expected ${TARGET_USAGE}; not "${text}"`;
  if (!w.every((x) => NAME.test(x))) return bad;
  const [kind, a, b] = w as [string, string | undefined, string | undefined];
  const arity: Record<string, number> = { unit: 2, app: 2, relation: 3, 'bag-key': 3, block: 3, console: 1 };
  if (arity[kind] !== w.length) return bad;
  switch (kind) {
    case 'unit':
      return { kind, unit: a as string };
    case 'app':
      return { kind, app: a as string };
    case 'relation':
      return { kind, apps: [a as string, b as string] };
    case 'bag-key':
      return { kind, owner: a as string, key: b as string };
    case 'block':
      return { kind, unit: a as string, hook: b as string };
    default:
      return { kind: 'console' };
  }
}

// ---------------------------------------------------------------------------
// Writing

function targetNames(t: Target): string[] {
  switch (t.kind) {
    case 'unit':
      return [t.unit];
    case 'app':
      return [t.app];
    case 'relation':
      return [...t.apps];
    case 'bag-key':
      return [t.owner, t.key];
    case 'block':
      return [t.unit, t.hook];
    case 'console':
      return [];
  }
}

export function targetText(t: Target): string {
  switch (t.kind) {
    case 'unit':
      return `unit ${t.unit}`;
    case 'app':
      return `app ${t.app}`;
    case 'relation':
      return `relation ${t.apps[0]} ${t.apps[1]}`;
    case 'bag-key':
      return `bag-key ${t.owner} ${t.key}`;
    case 'block':
      return `block ${t.unit} ${t.hook}`;
    case 'console':
      return 'console';
  }
}

/** Throws when a string cannot be written so that it reads back the same. */
function check(ok: boolean, what: string): void {
  if (!ok) throw new TypeError(`cannot write ${what} in a tutorial document`);
}

function oneLine(text: string, what: string): string {
  check(text === text.trim() && text !== '' && !/[\r\n]/.test(text), `${what} "${text}" (one line, no surrounding spaces)`);
  return text;
}

function name(text: string, what: string): string {
  check(NAME.test(text), `${what} "${text}" (no spaces or commas)`);
  return text;
}

/** Narration as it reads back: no heading or fence lines, no surrounding blank lines, paragraphs one blank line apart, not starting like a setting. */
function narration(text: string, what: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  check(
    text === text.trim() && !text.includes('\n\n\n') && !text.includes('\r') && lines.every((l) => l === l.trimEnd() && !l.startsWith('#') && !fenceOpen(l)) && settingKey(lines[0] as string) === null,
    `${what} (narration: no "#" or fence lines, no blank-line runs, not starting with a setting)`,
  );
  return [...lines, ''];
}

function scriptBlock(lines: readonly string[], what: string): string[] {
  for (const l of lines) check(l === l.trim() && l !== '' && !l.startsWith('#') && !/[\r\n]/.test(l) && !fenceOpen(l), `${what} line "${l}"`);
  return ['```juju', ...lines, '```', ''];
}

function fileBlock(path: string, text: string): string[] {
  check(NAME.test(path) && text.endsWith('\n') && !text.includes('\r'), `file "${path}" (a path without spaces; text ending in a newline)`);
  const body = text.slice(0, -1).split('\n');
  let longest = 2;
  for (const l of body) if (l.startsWith('`')) longest = Math.max(longest, l.length - l.replace(/^`+/, '').length);
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1] ?? 'text';
  const marker = '`'.repeat(longest + 1);
  return [`${marker}${ext} file=${path}`, ...body, marker, ''];
}

/** The tutorial as a document, in canonical form; throws TypeError for text the format cannot carry. */
export function writeTutorialDocument(t: Tutorial): string {
  check(ID.test(t.id), `id "${t.id}"`);
  check(Number.isInteger(t.seed) && t.seed >= 0 && t.seed <= 0xffffffff, `seed ${t.seed}`);
  check(JUJU.includes(t.juju), `juju ${t.juju}`);
  check(t.steps.length > 0, 'a tutorial with no steps');
  const out: string[] = ['---', `relviz-tutorial: ${FORMAT_VERSION}`, `id: ${t.id}`, `title: ${oneLine(t.title, 'title')}`, `summary: ${oneLine(t.summary, 'summary')}`];
  if (t.notes !== undefined) {
    for (const l of t.notes.split('\n')) check(l === l.trim() && !/\r/.test(l), `notes line "${l}"`);
    out.push(...t.notes.split('\n').map((l) => (l === '' ? '#' : `# ${l}`)));
  }
  out.push(`seed: ${t.seed}`, `juju: ${t.juju}`, '---', '', `# ${t.title}`, '');
  for (const [path, text] of Object.entries(t.files ?? {})) out.push(...fileBlock(path, text));
  if (t.setup && t.setup.length > 0) out.push(...scriptBlock(t.setup, 'starting model'));
  t.steps.forEach((step, k) => {
    const where = `step ${k + 1}`;
    out.push(`## ${oneLine(step.title, `${where} title`)}`, '');
    const settings: string[] = [];
    if (step.select) settings.push('relation' in step.select ? `select: relation ${name(step.select.relation[0], 'application')} ${name(step.select.relation[1], 'application')}` : `select: unit ${name(step.select.unit, 'unit')}`);
    if (step.viewAs !== undefined) settings.push(`view-as: ${name(step.viewAs, 'unit')}`);
    if (step.panel) settings.push(`panel: ${step.panel}`);
    if (step.quiz !== undefined) settings.push(`quiz: ${step.quiz ? 'on' : 'off'}`);
    settings.push(...highlightLine(step.highlight, where));
    if (settings.length > 0) out.push(...settings, '');
    out.push(...narration(step.say, `${where} narration`));
    if (step.run) out.push(...scriptBlock(step.run, where));
    (step.stops ?? []).forEach((stop, s) => {
      const m = stop.after;
      const after = [...(m.unit !== undefined ? [name(m.unit, 'unit')] : []), name(m.hook, 'hook'), ...(m.nth !== undefined ? [String(m.nth)] : [])];
      check(m.unit === undefined || m.unit.includes('/'), `stop unit "${m.unit}" (a unit has a "/")`);
      check(!m.hook.includes('/') && !/^\d+$/.test(m.hook), `stop hook "${m.hook}"`);
      check(m.nth === undefined || (Number.isInteger(m.nth) && m.nth >= 1 && m.nth < 1e6), `stop nth ${m.nth}`);
      out.push(`### after: ${after.join(' ')}`, '');
      const hl = highlightLine(stop.highlight, `${where} stop ${s + 1}`);
      if (hl.length > 0) out.push(...hl, '');
      out.push(...narration(stop.say, `${where} stop ${s + 1} narration`));
    });
    (step.compare ?? []).forEach((alt, a) => {
      out.push(`### compare: ${oneLine(alt.title, 'alternative title')}`, '');
      out.push(...narration(alt.say, `${where} alternative ${a + 1} narration`));
      out.push(...scriptBlock(alt.run, `${where} alternative ${a + 1}`));
    });
  });
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

function highlightLine(targets: readonly Target[] | undefined, where: string): string[] {
  if (!targets || targets.length === 0) return [];
  for (const t of targets) for (const part of targetNames(t)) name(part, `${where} highlight`);
  return [`highlight: ${targets.map(targetText).join(', ')}`];
}
