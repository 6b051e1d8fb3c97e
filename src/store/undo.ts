/**
 * Undo and redo over whole sessions, as an editor keeps them: every change to the
 * session (a command, a fork, a new seed, a replaced model, a layout drag) pushes the
 * session it left; undo restores it and keeps the one it left for redo. A session is
 * a command log, so a snapshot is small, and consecutive snapshots share most of
 * their commands: stored, each one names the snapshot it extends and only adds what
 * differs, so a long history of a model with a pasted 3 MB value stays small.
 */
import { SessionError, restoreSession, sharedInputs, type SessionInput, type SessionV1 } from './session.ts';

export interface UndoEntry {
  readonly session: SessionV1;
  /** What moved away from this session (shown as "Undo <label>"). */
  readonly label: string;
}

export interface UndoHistory {
  /** Oldest first; the last one is what Undo restores. */
  readonly past: readonly UndoEntry[];
  /** Nearest first; the first one is what Redo restores. */
  readonly future: readonly UndoEntry[];
  /** The model the user had before opening a tutorial (leaving it brings that back). */
  readonly beforeTutorial?: SessionV1 | null;
}

/** Steps kept each way: plenty for a lesson, bounded for storage. */
export const MAX_UNDO = 100;

export const EMPTY_HISTORY: UndoHistory = { past: [], future: [] };

/** The history after a change away from `entry.session`: the future is dropped, as editors do. */
export function pushed(h: UndoHistory, entry: UndoEntry): UndoHistory {
  return { ...h, past: [...h.past, entry].slice(-MAX_UNDO), future: [] };
}

/** Undo: the session to restore, and the history with `current` kept for redo; null when there is nothing to undo. */
export function undone(h: UndoHistory, current: SessionV1): { history: UndoHistory; entry: UndoEntry } | null {
  const entry = h.past[h.past.length - 1];
  if (!entry) return null;
  return { entry, history: { ...h, past: h.past.slice(0, -1), future: [{ session: current, label: entry.label }, ...h.future].slice(0, MAX_UNDO) } };
}

/** Redo: the session to restore, and the history with `current` back in the past; null when there is nothing to redo. */
export function redone(h: UndoHistory, current: SessionV1): { history: UndoHistory; entry: UndoEntry } | null {
  const entry = h.future[0];
  if (!entry) return null;
  return { entry, history: { ...h, past: [...h.past, { session: current, label: entry.label }].slice(-MAX_UNDO), future: h.future.slice(1) } };
}

// ---- stored form ----

/** A stored snapshot: its session without inputs, and its inputs as "the first `keep` of snapshot `from`, then `add`". */
interface StoredEntry {
  readonly label: string;
  readonly session: Omit<SessionV1, 'inputs'>;
  readonly from: number;
  readonly keep: number;
  readonly add: readonly SessionInput[];
}

export interface StoredHistory {
  readonly kind: 'relviz-undo';
  readonly version: 1;
  readonly entries: readonly StoredEntry[];
  /** How many of `entries` are the past (the rest is the future, nearest first). */
  readonly past: number;
  readonly beforeTutorial?: SessionV1;
}

/** The history in its stored form (JSON-ready), each snapshot sharing commands with the one before. */
export function storeHistory(h: UndoHistory): StoredHistory {
  const all = [...h.past, ...h.future];
  const entries: StoredEntry[] = all.map((e, i) => {
    const { inputs, ...rest } = e.session;
    const prev = i > 0 ? (all[i - 1] as UndoEntry).session.inputs : [];
    const keep = sharedInputs(prev, inputs);
    return { label: e.label, session: rest, from: i - 1, keep, add: inputs.slice(keep) };
  });
  return { kind: 'relviz-undo', version: 1, entries, past: h.past.length, ...(h.beforeTutorial ? { beforeTutorial: h.beforeTutorial } : {}) };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Reads a stored history back, every snapshot through the session schema; throws SessionError. */
export function loadHistory(raw: unknown): UndoHistory {
  if (!isObject(raw) || raw['kind'] !== 'relviz-undo' || raw['version'] !== 1 || !Array.isArray(raw['entries'])) throw new SessionError('not a relviz undo history');
  const stored = raw['entries'] as unknown[];
  const past = raw['past'];
  if (typeof past !== 'number' || !Number.isInteger(past) || past < 0 || past > stored.length || stored.length > 2 * MAX_UNDO) throw new SessionError('bad undo history');
  const sessions: SessionV1[] = [];
  const labels: string[] = [];
  stored.forEach((e, i) => {
    if (!isObject(e) || typeof e['label'] !== 'string' || !isObject(e['session']) || e['from'] !== i - 1 || !Array.isArray(e['add'])) throw new SessionError(`bad undo step ${i + 1}`);
    const keep = e['keep'];
    const prev = i > 0 ? (sessions[i - 1] as SessionV1).inputs : [];
    if (typeof keep !== 'number' || !Number.isInteger(keep) || keep < 0 || keep > prev.length) throw new SessionError(`bad undo step ${i + 1}`);
    sessions.push(restoreSession({ ...e['session'], inputs: [...prev.slice(0, keep), ...(e['add'] as unknown[])] }));
    labels.push(e['label'].slice(0, 200));
  });
  const entries = sessions.map((session, i) => ({ session, label: labels[i] as string }));
  const before = raw['beforeTutorial'];
  return {
    past: entries.slice(0, past).slice(-MAX_UNDO),
    future: entries.slice(past).slice(0, MAX_UNDO),
    ...(before !== undefined ? { beforeTutorial: restoreSession(before) } : {}),
  };
}
