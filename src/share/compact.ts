/**
 * A session in a share link's compact form, and back. Each input is kept as the
 * script line that rebuilds it (`juju deploy worker -n 2`, `juju relate a b &`), so
 * the link is the command log a teacher would type; only what a line cannot say is
 * carried beside it (a run cut short, pasted charm files, a display text that differs
 * from the command). On the way in everything is untrusted: lines go through the
 * script parser, every other field is checked, and any fault is a ShareError with a
 * reason — never a half-built session.
 */
import { ScriptSyntaxError, formatCommand, parseLine, runAfter, type ScriptLine } from '../io/script.ts';
import { SessionError, checkFiles, deepEqual, pastedFiles, restoreRun, restoreSession, restoreTutorialPlace, withFiles, type SessionInput, type SessionV1 } from '../store/session.ts';
import type { TutorialSource } from '../teaching/tutorials/registry.ts';

/**
 * Where a tutorial was when the link was made: a shipped one carries its own id and
 * steps; one opened from a document (`doc:<id>`) comes with its document.
 */
export interface ShareTutorial {
  readonly id: string;
  readonly step: number;
  readonly document?: TutorialSource;
}

/** What a share link opens: a session, and the tutorial step it was made at, if any. */
export interface SharedSession {
  readonly session: SessionV1;
  readonly tutorial: ShareTutorial | null;
}

/** A share link that cannot be opened; `reason` says why, in a user's words. */
export class ShareError extends Error {
  override name = 'ShareError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

type Run = SessionInput['run'];
type Files = Readonly<Record<string, string>>;

/**
 * An input: its script line when that says everything, else `t` the text shown,
 * `r` its run when not the line's own, `c` the line that rebuilds the command when
 * `t` does not, `f` the files of a pasted charm (a line names only its path).
 */
export type CompactInput = string | { readonly t: string; readonly r?: Run; readonly c?: string; readonly f?: Files };

/** The compact session: short keys, because every byte ends up in a URL. */
export interface CompactSession {
  /** seed */
  readonly s: number;
  /** Juju version */
  readonly j: SessionV1['juju'];
  /** cursor */
  readonly c: number;
  readonly i: readonly CompactInput[];
  /** positions, rounded: app → [x, y] */
  readonly p?: Readonly<Record<string, readonly [number, number]>>;
  /** tutorial: [id, step] */
  readonly t?: readonly [string, number];
  /** the tutorial's document, when it is not a shipped one (`t`'s id is `doc:<id>`) */
  readonly d?: string;
  /** the URL that document was fetched from, if any */
  readonly u?: string;
}

const APP = /^[a-z][a-z0-9-]*$/;
/** Far beyond any layout on screen; keeps decoded numbers sane. */
const MAX_COORD = 1_000_000;

/** Parses a line, or null when it is blank or not valid. */
function tryParse(line: string): ScriptLine | null {
  try {
    return parseLine(line);
  } catch (e) {
    if (e instanceof ScriptSyntaxError) return null;
    throw e;
  }
}

function compactInput(input: SessionInput, index: number): CompactInput {
  const { command, text, run } = input;
  const files = pastedFiles(command);
  const rebuilds = (line: ScriptLine | null) => line !== null && deepEqual(withFiles(line.command, files), command);
  const own = tryParse(text);
  const ownOk = own !== null && own.text === text && rebuilds(own);
  if (ownOk && files === null) {
    if (run === runAfter(own)) return text;
    // A juju command that did not wait for its hooks is the script's `&` line.
    const bg = run === 'none' ? tryParse(`${text} &`) : null;
    if (bg !== null && bg.text === text && runAfter(bg) === 'none') return `${text} &`;
  }
  let line = ownOk ? own : null;
  let c: string | null = null;
  if (line === null) {
    c = formatCommand(command);
    line = tryParse(c);
    // Every command relviz makes can be written as a line; one that cannot is a bug to fix, not a link to make.
    if (!rebuilds(line)) throw new Error(`cannot share input ${index + 1} ("${text}"): its command cannot be written as a script line`);
  }
  return {
    t: text,
    ...(line !== null && run !== runAfter(line) ? { r: run } : {}),
    ...(c !== null ? { c } : {}),
    ...(files !== null ? { f: files } : {}),
  };
}

/** The session in compact form; positions are rounded to whole pixels. */
export function compactSession(session: SessionV1, tutorial: ShareTutorial | null = null): CompactSession {
  const positions = Object.entries(session.positions).map(([app, p]) => [app, [Math.round(p.x), Math.round(p.y)] as const] as const);
  return {
    s: session.seed,
    j: session.juju,
    c: session.cursor,
    i: session.inputs.map(compactInput),
    ...(positions.length > 0 ? { p: Object.fromEntries(positions) } : {}),
    ...(tutorial !== null ? { t: [tutorial.id, tutorial.step] as const } : {}),
    ...(tutorial?.document ? { d: tutorial.document.text, ...(tutorial.document.url !== undefined ? { u: tutorial.document.url } : {}) } : {}),
  };
}

// ---- the way in: untrusted ----

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function onlyKeys(o: Record<string, unknown>, allowed: readonly string[], what: string): void {
  const extra = Object.keys(o).find((k) => !allowed.includes(k));
  if (extra !== undefined) throw new ShareError(`${what} has an unknown field "${extra}"`);
}

function isCount(x: unknown, max: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;
}

/** The schema's own checks (session.ts), their reasons as a share link's. */
function schema<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof SessionError) throw new ShareError(e.message);
    throw e;
  }
}

function parseShared(line: string, what: string): ScriptLine {
  let parsed: ScriptLine | null;
  try {
    parsed = parseLine(line);
  } catch (e) {
    if (e instanceof ScriptSyntaxError) throw new ShareError(`${what}: ${e.problem}`);
    throw e;
  }
  if (parsed === null) throw new ShareError(`${what} is blank`);
  return parsed;
}

function expandInput(x: unknown, index: number): SessionInput {
  const what = `command ${index + 1}`;
  if (typeof x === 'string') {
    const line = parseShared(x, what);
    return { command: line.command, text: line.text, run: runAfter(line) };
  }
  if (!isObject(x)) throw new ShareError(`${what} is neither a line nor an object`);
  onlyKeys(x, ['t', 'r', 'c', 'f'], what);
  const { t, r, c, f } = x;
  if (typeof t !== 'string' || t.trim() === '') throw new ShareError(`${what} has no text`);
  if (c !== undefined && typeof c !== 'string') throw new ShareError(`${what} has a bad command line`);
  const line = parseShared(c ?? t, what);
  let command = line.command;
  if (f !== undefined) {
    const bundle = command.type === 'deploy-bundle' || command.type === 'load-status';
    if (!bundle && (command.type !== 'deploy' || command.charm.kind !== 'files')) throw new ShareError(`${what} carries charm files but does not deploy a ./path or a bundle`);
    // A link carries files only for a pasted charm (at least its metadata) or a bundle (at least the bundle).
    if (!isObject(f) || Object.keys(f).length === 0) throw new ShareError(`${what} has bad charm files`);
    command = withFiles(command, schema(() => checkFiles(f, what, bundle)));
  }
  return { command, text: t, run: r === undefined ? runAfter(line) : schema(() => restoreRun(r, what)) };
}

function expandPositions(x: unknown): SessionV1['positions'] {
  if (x === undefined) return {};
  if (!isObject(x)) throw new ShareError('bad positions');
  const out: Array<[string, { x: number; y: number }]> = [];
  for (const [app, p] of Object.entries(x)) {
    const coord = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && Math.abs(n) <= MAX_COORD;
    if (!APP.test(app) || !Array.isArray(p) || p.length !== 2 || !coord(p[0]) || !coord(p[1])) throw new ShareError(`bad position for "${app.slice(0, 64)}"`);
    out.push([app, { x: p[0] as number, y: p[1] as number }]);
  }
  return Object.fromEntries(out);
}

/** The tutorial place `t` (with its document `d` and the URL `u` it came from), checked by the session schema's own rule. */
function expandTutorial(t: unknown, d: unknown, u: unknown): ShareTutorial | null {
  if (t === undefined && d === undefined && u === undefined) return null;
  if (!Array.isArray(t) || t.length !== 2) throw new ShareError('bad tutorial step');
  return schema(() => restoreTutorialPlace({ id: t[0] as unknown, step: t[1] as unknown, document: d === undefined && u === undefined ? undefined : { text: d, url: u } })) ?? null;
}

/** Validates an untrusted compact session and rebuilds it; throws ShareError. */
export function expandSession(raw: unknown): SharedSession {
  if (!isObject(raw)) throw new ShareError('not a relviz session');
  onlyKeys(raw, ['s', 'j', 'c', 'i', 'p', 't', 'd', 'u'], 'the session');
  const { s: seed, j: juju, c: cursor, i: inputs } = raw;
  if (!isCount(seed, 0xffffffff)) throw new ShareError('bad seed');
  if (juju !== '3.6' && juju !== '4.0') throw new ShareError('bad Juju version');
  if (!isCount(cursor, Number.MAX_SAFE_INTEGER)) throw new ShareError('bad cursor');
  if (!Array.isArray(inputs)) throw new ShareError('bad command log');
  // The link's own form checked, the session it makes goes through the one schema every door uses.
  const session = schema(() =>
    restoreSession({ kind: 'relviz-session', version: 1, seed, juju, inputs: inputs.map(expandInput), cursor, positions: expandPositions(raw['p']) } satisfies SessionV1),
  );
  return { session, tutorial: expandTutorial(raw['t'], raw['d'], raw['u']) };
}
