/**
 * A session — what the user did, enough to rebuild everything else — and the one
 * schema every way in is checked with: the saved session, a share link, an embed's
 * `relviz:load`, a tutorial link and the undo history all end in `restoreSession`.
 * A versioned envelope `{kind, version, …}`, as Excalidraw's restore and zustand's
 * persist do. Input that does not fit is refused whole with a reason that says
 * where (`command 3 ("juju deploy"): missing "charm"`), never half-loaded.
 *
 * A command is valid when it is what its own script line parses to: the script
 * parser is the grammar, so the schema cannot drift from what the console accepts.
 * It must also be within relviz's limits (src/engine/limits.ts), so that no session
 * can freeze the page that opens it.
 */
import { formatCommand, type Command, type CommandType } from '../engine/commands.ts';
import { commandLimitError, LIMITS } from '../engine/limits.ts';
import type { JujuVersion } from '../engine/model.ts';
import { ScriptSyntaxError, parseLine, parseScript, runAfter } from '../io/script.ts';
import { isTutorialUrl, type TutorialSource } from '../teaching/tutorials/registry.ts';
import { isCodePath } from '../engine/python.ts';

/** One thing the user did: a command and how many hooks ran after it. */
export interface SessionInput {
  readonly command: Command;
  readonly text: string;
  readonly run: 'idle' | 'none' | number;
}

export interface SessionV1 {
  readonly kind: 'relviz-session';
  readonly version: 1;
  readonly seed: number;
  readonly juju: JujuVersion;
  readonly inputs: readonly SessionInput[];
  readonly cursor: number;
  readonly positions: Readonly<Record<string, { x: number; y: number }>>;
  /**
   * The tutorial step the session is at, if one is being followed; a tutorial opened
   * from a document (`doc:<id>`) carries the document, read and checked again when
   * the session is opened (the tutorial slice's attach).
   */
  readonly tutorial?: { readonly id: string; readonly step: number; readonly document?: TutorialSource } | null;
}

export const SESSION_KEY = 'relviz.session';

/** Most commands a session may hold: far beyond a lesson (the longest tutorial has 30), bounded for the page. */
export const MAX_INPUTS = 10_000;
/** Longest text of one input (a pasted `relation-set` of a few MB is allowed; more is not a session). */
export const MAX_TEXT_CHARS = 4 * 1024 * 1024;
/** Most positions: one per application, and no model has this many. */
const MAX_POSITIONS = 1000;
/** Far beyond any layout on screen; keeps numbers sane. */
const MAX_COORD = 1_000_000;
const APP = /^[a-z][a-z0-9-]{0,63}$/;
export const TUTORIAL_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A tutorial opened from a document: `doc:` and the document's id (teaching/tutorials/registry.ts). */
const DOCUMENT_TUTORIAL_ID = /^doc:[a-z0-9][a-z0-9-]{0,63}$/;
/** Longest tutorial document a session carries: the format's own bound (teaching/document.ts LIMITS.bytes; a test keeps them equal). */
export const MAX_DOCUMENT_CHARS = 512 * 1024;
export const FILE_NAME = /^[\w.-]{1,64}\.yaml$/;
/** A bundle's or status's file: a normalised path (bundleFiles.ts) to a YAML, JSON or text file. */
export const FILE_PATH = /^\/?(?:[\w.+@-]{1,128}\/){0,16}[\w.+@-]{1,128}\.(?:ya?ml|json|txt)$/;
/** A charm folder's code (python.ts `isCodePath`): `src/charm.py`, `lib/x/y.py`, `hooks/<hook>`, `dispatch`. */
const CODE_PATH = /^(?:[\w.+@-]{1,128}\/){0,16}[\w.+@-]{1,128}$/;

function goodPath(name: string): boolean {
  if (name.split('/').includes('..')) return false;
  return FILE_PATH.test(name) || (CODE_PATH.test(name) && isCodePath(name));
}

export class SessionError extends Error {
  override name = 'SessionError';
}

type Files = Readonly<Record<string, string>>;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isCount(x: unknown, max: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** How many first inputs two command logs share (the same objects, or equal ones): what undo and a rebuild can keep. */
export function sharedInputs(a: readonly SessionInput[], b: readonly SessionInput[]): number {
  let k = 0;
  while (k < a.length && k < b.length && (a[k] === b[k] || JSON.stringify(a[k]) === JSON.stringify(b[k]))) k++;
  return k;
}

/** The files a command carries: a pasted charm's, or a bundle's (bundle, overlays, charms beside it). */
export function pastedFiles(command: Command): Files | null {
  const files =
    command.type === 'deploy' && command.charm.kind === 'files'
      ? command.charm.files
      : command.type === 'deploy-bundle' || command.type === 'load-status' || command.type === 'set-code'
        ? command.files
        : null;
  return files !== null && Object.keys(files).length > 0 ? files : null;
}

/** The command a line rebuilds, with its files put back in. */
export function withFiles(command: Command, files: Files | null): Command {
  if (files === null) return command;
  if (command.type === 'deploy-bundle' || command.type === 'load-status' || command.type === 'set-code') return { ...command, files };
  if (command.type !== 'deploy' || command.charm.kind !== 'files') return command;
  return { ...command, charm: { ...command.charm, files } };
}

/** Most files a command may carry, and their text in all: a bundle with its charms is far below. */
const MAX_FILES = LIMITS.filesPerCommand;
const MAX_FILES_CHARS = LIMITS.fileCharsPerCommand;

/**
 * Checks a command's files: a pasted charm's names like `metadata.yaml`, a bundle's
 * paths like `overlays/tls.yaml` or `charms/master/metadata.yaml`; text values, bounded.
 * Throws with `what` in the message.
 */
export function checkFiles(x: unknown, what: string, paths = false): Files {
  if (!isObject(x)) throw new SessionError(`${what} has bad charm files`);
  const entries = Object.entries(x);
  if (entries.length > MAX_FILES) throw new SessionError(`${what} carries ${entries.length} files, more than the ${MAX_FILES} a command may`);
  let chars = 0;
  for (const [name, text] of entries) {
    if (!(paths ? goodPath(name) : FILE_NAME.test(name)) || typeof text !== 'string') throw new SessionError(`${what} has a bad ${paths ? 'bundle' : 'charm'} file "${name.slice(0, 64)}"`);
    chars += text.length;
  }
  if (chars > MAX_FILES_CHARS) throw new SessionError(`${what} carries ${chars.toLocaleString('en')} characters of files, more than the ${MAX_FILES_CHARS.toLocaleString('en')} a command may`);
  return Object.fromEntries(entries) as Files;
}

/**
 * The smallest line of each command: its parsed command has the fields every command
 * of the type must have (a Record, so a new command type cannot be forgotten here).
 */
const SHAPES: Readonly<Record<CommandType, string>> = {
  deploy: 'juju deploy ubuntu',
  'deploy-bundle': 'juju deploy ./bundle.yaml',
  'load-status': 'load-status ./status.json',
  'add-unit': 'juju add-unit a',
  'remove-unit': 'juju remove-unit a/0',
  integrate: 'juju integrate a b',
  'remove-relation': 'juju remove-relation a b',
  'remove-application': 'juju remove-application a',
  'run-action': 'juju run a/0 go',
  exec: 'juju exec --unit a/0 -- true',
  fail: 'fail a/0 install',
  'set-code': 'set-code a ./a',
  'model-config': 'juju model-config',
  resolve: 'juju resolve a/0',
  status: 'juju status',
  'show-unit': 'juju show-unit a/0',
  'export-bundle': 'juju export-bundle',
  step: 'step',
  wait: 'wait',
};

const requiredFields = new Map<string, readonly string[]>(
  Object.entries(SHAPES).map(([type, line]) => [type, Object.keys((parseLine(line) as { command: Command }).command)]),
);

/** A command from outside, checked against the script grammar and the limits; throws SessionError. */
export function restoreCommand(raw: unknown, what: string): Command {
  if (!isObject(raw)) throw new SessionError(`${what} has no command`);
  const type = raw['type'];
  const fields = typeof type === 'string' ? requiredFields.get(type) : undefined;
  if (fields === undefined) {
    throw new SessionError(`${what} is a ${JSON.stringify(String(type).slice(0, 40))} command, which this relviz does not know (a newer relviz's session?)`);
  }
  const missing = fields.find((f) => !Object.hasOwn(raw, f));
  if (missing !== undefined) throw new SessionError(`${what}: missing "${missing}", which a "${type}" command needs`);
  let files: Files | null = null;
  const charm = raw['charm'];
  if (type === 'deploy' && isObject(charm) && charm['kind'] === 'files') files = checkFiles(charm['files'], what, true);
  if (type === 'deploy-bundle' || type === 'load-status' || type === 'set-code') files = checkFiles(raw['files'], what, true);
  let line: string;
  try {
    line = formatCommand(raw as unknown as Command);
  } catch {
    throw new SessionError(`${what}: fields of the wrong type for a "${type}" command`);
  }
  let rebuilt: Command;
  try {
    const parsed = parseLine(line);
    if (parsed === null) throw new SessionError(`${what}: a blank "${type}" command`);
    rebuilt = withFiles(parsed.command, files !== null && Object.keys(files).length > 0 ? files : null);
  } catch (e) {
    if (e instanceof ScriptSyntaxError) throw new SessionError(`${what}: ${e.problem}`);
    throw e;
  }
  if (!deepEqual(rebuilt, raw)) {
    const all = new Set([...Object.keys(rebuilt), ...Object.keys(raw)]);
    const bad = [...all].find((k) => !deepEqual((rebuilt as unknown as Record<string, unknown>)[k], raw[k]));
    throw new SessionError(`${what}: a bad "${bad ?? '?'}" for a "${type}" command`);
  }
  const limit = commandLimitError(rebuilt);
  if (limit !== null) throw new SessionError(`${what}: ERROR ${limit}`);
  return rebuilt;
}

/** How many hooks an input ran after its command: 'idle', 'none' or a count within the limit. */
export function restoreRun(x: unknown, what: string): SessionInput['run'] {
  if (x === 'idle' || x === 'none' || isCount(x, LIMITS.hooksPerCommand)) return x;
  throw new SessionError(`${what} has a bad run (expected "idle", "none" or a number of hooks up to ${LIMITS.hooksPerCommand.toLocaleString('en')})`);
}

/** Commands already checked in this session, by their JSON: a long session repeats a few commands many times. */
type Checked = Map<string, Command>;

function restoreInput(raw: unknown, index: number, checked: Checked): SessionInput {
  const what = `command ${index + 1}`;
  if (!isObject(raw)) throw new SessionError(`${what} is not an object`);
  const text = raw['text'];
  if (typeof text !== 'string' || text.length > MAX_TEXT_CHARS) throw new SessionError(`${what} has no text`);
  const key = JSON.stringify(raw['command']) ?? '';
  let command = key.length < 1000 ? checked.get(key) : undefined;
  if (command === undefined) {
    command = restoreCommand(raw['command'], `${what}${text.trim() ? ` ("${text.slice(0, 60)}")` : ''}`);
    if (key.length < 1000) checked.set(key, command);
  }
  return { command, text, run: restoreRun(raw['run'], what) };
}

/**
 * The tutorial place of a session or link: a shipped tutorial's id like "masterworker",
 * or `doc:<id>` with the document it was opened from (its text within the format's
 * bound, the http(s) URL it came from if any), and a step ≥ 0. The document's content
 * is read and checked when the tutorial is attached (teaching/read.ts), not here.
 */
export function restoreTutorialPlace(x: unknown): SessionV1['tutorial'] {
  if (x === undefined || x === null) return null;
  const id = isObject(x) ? x['id'] : null;
  const fromDocument = typeof id === 'string' && DOCUMENT_TUTORIAL_ID.test(id);
  const doc = isObject(x) ? x['document'] : undefined;
  if (typeof id !== 'string' || !(fromDocument || TUTORIAL_ID.test(id)) || !isCount((x as Record<string, unknown>)['step'], 10_000) || fromDocument !== (doc !== undefined)) {
    throw new SessionError('bad tutorial step');
  }
  const step = (x as Record<string, number>)['step'] as number;
  if (!fromDocument) return { id, step };
  const { text, url } = isObject(doc) ? doc : {};
  if (typeof text !== 'string' || text.length > MAX_DOCUMENT_CHARS || (url !== undefined && !isTutorialUrl(url))) throw new SessionError('bad tutorial document');
  return { id, step, document: { text, ...(url !== undefined ? { url } : {}) } };
}

/**
 * Validates unknown JSON as a session (migrating older versions when there are any);
 * returns a fresh, checked copy or throws SessionError saying what is wrong.
 */
export function restoreSession(raw: unknown): SessionV1 {
  if (!isObject(raw) || raw['kind'] !== 'relviz-session') throw new SessionError('not a relviz session');
  const version = raw['version'];
  if (version !== 1) {
    throw new SessionError(typeof version === 'number' && version > 1 ? `made by a newer relviz (session version ${version})` : `unsupported session version ${String(version).slice(0, 20)}`);
  }
  const seed = raw['seed'];
  if (!isCount(seed, 0xffffffff)) throw new SessionError('bad seed');
  const juju = raw['juju'];
  if (juju !== '3.6' && juju !== '4.0') throw new SessionError('bad Juju version');
  const inputs = raw['inputs'];
  if (!Array.isArray(inputs)) throw new SessionError('bad command log');
  if (inputs.length > MAX_INPUTS) throw new SessionError(`${inputs.length.toLocaleString('en')} commands, more than the ${MAX_INPUTS.toLocaleString('en')} a session may hold`);
  const cursor = raw['cursor'];
  if (!isCount(cursor, Number.MAX_SAFE_INTEGER)) throw new SessionError('bad cursor');
  const positions = raw['positions'] ?? {};
  if (!isObject(positions) || Object.keys(positions).length > MAX_POSITIONS) throw new SessionError('bad positions');
  const coord = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= MAX_COORD;
  const places: Array<[string, { x: number; y: number }]> = [];
  for (const [app, p] of Object.entries(positions)) {
    if (!APP.test(app) || !isObject(p) || !coord(p['x']) || !coord(p['y'])) throw new SessionError(`bad position for "${app.slice(0, 64)}"`);
    places.push([app, { x: p['x'] as number, y: p['y'] as number }]);
  }
  const tutorial = restoreTutorialPlace(raw['tutorial']);
  const checked: Checked = new Map();
  return {
    kind: 'relviz-session',
    version: 1,
    seed,
    juju,
    inputs: inputs.map((input, i) => restoreInput(input, i, checked)),
    cursor,
    positions: Object.fromEntries(places),
    ...(tutorial ? { tutorial } : {}),
  };
}

/**
 * The session a script makes (an embed's `relviz:load` or `&script=`), checked by the
 * same schema as every other door: a line that does not parse throws ScriptSyntaxError
 * (with its line), a command over a limit throws SessionError.
 */
export function scriptSession(text: string): SessionV1 {
  const inputs = parseScript(text).map((line) => ({ command: line.command, text: line.text, run: runAfter(line) }));
  return restoreSession({ kind: 'relviz-session', version: 1, seed: 1, juju: '3.6', inputs, cursor: 0, positions: {} } satisfies SessionV1);
}
