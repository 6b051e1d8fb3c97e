/**
 * The session in the browser's storage: read once at start-up, written as it changes.
 *
 * Reading never bricks the page: a saved session that does not fit the schema (an
 * older relviz reading a newer one's, a hand edit, a bug) is moved aside under a key
 * of its own — never overwritten — and the page starts normally with a note saying
 * what was wrong and offering the file.
 *
 * Writing never stops: saves are throttled, not debounced (a debounce restarted by
 * every tick saved nothing while playing fast); when storage is full
 * (QuotaExceededError) the undo history gives way first, then the session is saved
 * in its compact form (script lines: the command log and nothing that can be
 * rebuilt); only if even that does not fit does the note say so, with the file to
 * download, and the next change tries again.
 */
import { ShareError, compactSession, expandSession } from '../share/compact.ts';
import { SESSION_KEY, SessionError, restoreSession, type SessionV1 } from './session.ts';
import type { RelvizStore, SavingNote } from './store.ts';
import { loadHistory, storeHistory, type UndoHistory } from './undo.ts';

export const UNDO_KEY = 'relviz.undo';
/** Sessions that could not be opened are kept under this prefix and the time they were set aside. */
export const SET_ASIDE_PREFIX = 'relviz.session.set-aside.';
/** A session saved in its compact form (when the full one did not fit). */
const COMPACT_KIND = 'relviz-session-compact';
/** Saves at most this often while things change; the last change is always saved. */
export const SAVE_EVERY_MS = 250;

/** The part of the Web Storage API used here (tests pass a Map-backed one). */
export type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface Saved {
  readonly session: SessionV1 | null;
  readonly history: UndoHistory | null;
  /** Why the saved session could not be opened, where it was set aside, and its text. */
  readonly problem: SavingNote | null;
}

function isQuota(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22);
}

function size(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(chars / 1024))} KB`;
}

/** The session in a saved text: the full form, or the compact one; throws SessionError / ShareError. */
function parseSaved(text: string): SessionV1 {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SessionError('not JSON');
  }
  if (typeof raw === 'object' && raw !== null && (raw as Record<string, unknown>)['kind'] === COMPACT_KIND) {
    const { session, tutorial } = expandSession((raw as Record<string, unknown>)['session']);
    return tutorial ? { ...session, tutorial } : session;
  }
  return restoreSession(raw);
}

/** Reads the saved session and undo history; a session that cannot be opened is set aside, not lost. */
export function readSaved(storage: Store, now: Date = new Date()): Saved {
  let text: string | null = null;
  try {
    text = storage.getItem(SESSION_KEY);
  } catch {
    // Storage may be disabled (a privacy setting): start afresh, nothing to lose.
  }
  if (text === null) return { session: null, history: null, problem: null };
  let session: SessionV1;
  try {
    session = parseSaved(text);
  } catch (e) {
    if (!(e instanceof SessionError) && !(e instanceof ShareError)) throw e;
    return { session: null, history: null, problem: setAside(storage, text, e.message, now) };
  }
  let history: UndoHistory | null = null;
  try {
    const h = storage.getItem(UNDO_KEY);
    if (h !== null) history = loadHistory(JSON.parse(h));
  } catch (e) {
    // The undo history is a convenience: one that cannot be read is dropped, with a word to the console.
    console.warn(`relviz: ignoring the saved undo history (${(e as Error).message})`);
  }
  return { session, history, problem: null };
}

/** Moves a session that cannot be opened to a key of its own; says so, with the file to download. */
function setAside(storage: Store, text: string, reason: string, now: Date): SavingNote {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const key = `${SET_ASIDE_PREFIX}${stamp}`;
  const download = { name: `relviz-session-set-aside-${stamp}.json`, text };
  try {
    storage.setItem(key, text);
    storage.removeItem(SESSION_KEY);
    storage.removeItem(UNDO_KEY);
  } catch {
    // No room to move it: leave it where it is and save nothing over it.
    return {
      text: `Your saved session could not be opened (${reason}). There is no room to set it aside, so relviz will not save over it: download it to keep it.`,
      download,
      holdSaving: true,
    };
  }
  return {
    text: `Your saved session could not be opened (${reason}). It was set aside — kept in this browser as “${key}” — and relviz started afresh.`,
    download,
    holdSaving: false,
  };
}

/**
 * Saves the store's session (and undo history) as it changes: at most every
 * SAVE_EVERY_MS, and at once when the page is hidden. Returns a function that saves
 * now (for pagehide and tests).
 */
export function persist(store: RelvizStore, storage: Store, schedule: (fn: () => void, ms: number) => unknown = setTimeout): () => void {
  let pending = false;
  let savedHistory: UndoHistory | null = null;
  const save = () => {
    pending = false;
    const s = store.getState();
    if (s.saving?.holdSaving) return;
    const session = s.exportSession();
    const full = JSON.stringify(session);
    const fits = (text: string): boolean => {
      try {
        storage.setItem(SESSION_KEY, text);
        return true;
      } catch (e) {
        if (!isQuota(e)) throw e;
        return false;
      }
    };
    let ok = fits(full);
    let compact = false;
    if (!ok) {
      // What can be rebuilt goes first: the undo history, then the session's long form.
      storage.removeItem(UNDO_KEY);
      savedHistory = null;
      ok = fits(full);
      if (!ok) ok = compact = fits(JSON.stringify({ kind: COMPACT_KIND, session: compactSession(session, session.tutorial ?? null) }));
      if (ok) {
        // Saved, with less: said, so no one is surprised by an undo history gone after a reload.
        store.getState().setSaving({
          text: `The browser's storage is full: this session (${size(full.length)}) is saved${compact ? ' in its compact form' : ''}, but its undo history is not (Undo works until the page is closed). Download it to keep everything.`,
          download: { name: 'relviz-session.json', text: full },
          holdSaving: false,
          full: true,
        });
        return;
      }
    }
    if (!ok) {
      store.getState().setSaving({
        text: `The browser's storage is full: this session (${size(full.length)}) is not saved, so a reload would lose it. Download it to keep it; relviz keeps trying as you go on.`,
        download: { name: 'relviz-session.json', text: full },
        holdSaving: false,
        full: true,
      });
      return;
    }
    if (s.saving?.full) store.getState().setSaving(null);
    saveHistory(s.exportHistory());
  };
  const saveHistory = (h: UndoHistory) => {
    if (h === savedHistory) return;
    let keep = h;
    for (;;) {
      try {
        storage.setItem(UNDO_KEY, JSON.stringify(storeHistory(keep)));
        savedHistory = h;
        return;
      } catch (e) {
        if (!isQuota(e)) throw e;
        if (keep.past.length + keep.future.length === 0) {
          storage.removeItem(UNDO_KEY);
          return;
        }
        // The oldest steps give way first.
        keep = { ...keep, past: keep.past.slice(Math.ceil(keep.past.length / 2)), future: keep.past.length > 0 ? keep.future : keep.future.slice(0, Math.floor(keep.future.length / 2)) };
      }
    }
  };
  store.subscribe((s, prev) => {
    if (s.inputs === prev.inputs && s.cursor === prev.cursor && s.positions === prev.positions && s.seed === prev.seed && s.juju === prev.juju && s.tutorial === prev.tutorial && s.undoLabel === prev.undoLabel && s.redoLabel === prev.redoLabel) return;
    if (pending) return;
    pending = true;
    schedule(save, SAVE_EVERY_MS);
  });
  return save;
}
