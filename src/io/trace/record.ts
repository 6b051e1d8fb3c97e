/**
 * A hook read from a real Juju history (debug-log, show-status-log, jhack tail,
 * machine-lock.log) or from relviz's own JSON lines: what the input says, and
 * nothing more. A field the input cannot tell is `undefined`; `null` means the input
 * says there is none (an app-level relation-changed has no remote unit).
 */

export type TraceFormat = 'debug-log' | 'show-status-log' | 'jhack-tail' | 'machine-lock' | 'relviz-json';

export const FORMATS: readonly TraceFormat[] = ['debug-log', 'show-status-log', 'jhack-tail', 'machine-lock', 'relviz-json'];

/** Where a record came from: the file and its 1-based line. */
export interface Source {
  readonly file: string;
  readonly line: number;
}

export type RelationHookKind = 'relation-created' | 'relation-joined' | 'relation-changed' | 'relation-departed' | 'relation-broken';

/** What a hook is, from its name: the rules care about these kinds. */
export type ImportedKind =
  | 'install'
  | 'config-changed'
  | 'start'
  | 'stop'
  | 'remove'
  | 'upgrade-charm'
  | 'update-status'
  | 'leader-elected'
  | 'leader-settings-changed'
  | RelationHookKind
  | 'storage-attached'
  | 'storage-detaching'
  /** pebble, secrets, metrics, series upgrades…: hooks no guarantee here is about. */
  | 'other';

export interface ImportedHook {
  readonly unit: string;
  /** The hook's name as Juju names it (`db-relation-joined`); `relation-joined` where the input names only the kind (machine-lock.log). */
  readonly hook: string;
  readonly kind: ImportedKind;
  /** The endpoint of a relation hook, when the input names it. */
  readonly endpoint: string | undefined;
  readonly relationId: number | undefined;
  readonly remoteUnit: string | null | undefined;
  readonly remoteApp: string | null | undefined;
  readonly departingUnit: string | null | undefined;
  /** ran; failed (Juju retries it); skipped (no hook script: it still counts, Juju moved on). */
  readonly outcome: 'ran' | 'failed' | 'skipped';
  /** The time the input gives, as written. */
  readonly timeText: string;
  /** Milliseconds for ordering across files: since 1970 with a date, since midnight without one. */
  readonly time: number | undefined;
  readonly format: TraceFormat;
  /** The line the hook is read from; `also` lists other lines that told more about it. */
  readonly source: Source;
  readonly also: readonly Source[];
}

const RELATION = /^(.+)-relation-(created|joined|changed|departed|broken)$/;
const STORAGE = /^(.+)-storage-(attached|detaching)$/;
const PLAIN: ReadonlySet<string> = new Set(['install', 'config-changed', 'start', 'stop', 'remove', 'upgrade-charm', 'update-status', 'leader-elected', 'leader-settings-changed']);

/** The kind of a hook and its endpoint, from its name (`db-relation-joined` → relation-joined on `db`). */
export function hookKind(hook: string): { kind: ImportedKind; endpoint: string | undefined } {
  if (PLAIN.has(hook)) return { kind: hook as ImportedKind, endpoint: undefined };
  const rel = RELATION.exec(hook);
  if (rel) return { kind: `relation-${rel[2]}` as RelationHookKind, endpoint: rel[1] };
  const bare = /^relation-(created|joined|changed|departed|broken)$/.exec(hook);
  if (bare) return { kind: `relation-${bare[1]}` as RelationHookKind, endpoint: undefined };
  const storage = STORAGE.exec(hook);
  if (storage) return { kind: `storage-${storage[2]}` as ImportedKind, endpoint: undefined };
  return { kind: 'other', endpoint: undefined };
}

export function isRelationKind(kind: ImportedKind): kind is RelationHookKind {
  return kind.startsWith('relation-');
}

/** A Juju hook name is lower-case words joined by hyphens; ops writes them with underscores. */
export const HOOK_NAME = /^[a-z][a-z0-9-]*$/;

/** `unit-postgresql-0` (a log's entity) → `postgresql/0`. */
export function unitFromTag(tag: string): string | undefined {
  const m = /^unit-([a-z][a-z0-9-]*)-(\d+)$/.exec(tag);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

export function appOf(unit: string): string {
  const i = unit.lastIndexOf('/');
  return i < 0 ? unit : unit.slice(0, i);
}

export const UNIT_NAME = /^[a-z][a-z0-9-]*\/\d+$/;

/** What one file gave: its hooks, and the lines that were not hooks (counted, not kept). */
export interface ParsedFile {
  readonly file: string;
  readonly format: TraceFormat;
  readonly hooks: readonly ImportedHook[];
  readonly lines: number;
  /** Lines that were not about a hook (other log lines, headers, blanks). */
  readonly skipped: number;
  /** Problems worth saying (a line that looked like a hook but could not be read, a unit the input does not name). */
  readonly problems: readonly string[];
}

/** The record, with the fields the input gave. */
export function hookRecord(fields: {
  unit: string;
  hook: string;
  relationId?: number | undefined;
  remoteUnit?: string | null | undefined;
  remoteApp?: string | null | undefined;
  departingUnit?: string | null | undefined;
  outcome?: ImportedHook['outcome'];
  timeText: string;
  time: number | undefined;
  format: TraceFormat;
  source: Source;
}): ImportedHook {
  const { kind, endpoint } = hookKind(fields.hook);
  return {
    unit: fields.unit,
    hook: fields.hook,
    kind,
    endpoint,
    relationId: fields.relationId,
    remoteUnit: fields.remoteUnit,
    remoteApp: fields.remoteApp,
    departingUnit: fields.departingUnit,
    outcome: fields.outcome ?? 'ran',
    timeText: fields.timeText,
    time: fields.time,
    format: fields.format,
    source: fields.source,
    also: [],
  };
}
