/**
 * The recording in the page: one per browser (not per session), in its own storage
 * key, saved at every change and read back checked (recorder.ts readRecording) — a
 * saved recording that cannot be read is set aside under a key of its own, never
 * overwritten. It follows the store's session (syncRecording) while the bar is
 * mounted; a preview pauses that until the learner's view is closed and the
 * author's model is back.
 */
import { useSyncExternalStore } from 'react';
import { RECORDING_KEY, RecordingError, readRecording, serializeRecording, startRecording, syncRecording, type Recording } from '../../../teaching/recorder.ts';
import type { RelvizStore } from '../../../store/store.ts';

interface Held {
  readonly rec: Recording | null;
  /** What went wrong reading or saving, for the bar to say. */
  readonly note: string | null;
}

let held: Held = { rec: null, note: null };
const listeners = new Set<() => void>();
/** Each session input's step, by the very object (undo and redo hand the same ones back). */
const memory = new WeakMap<object, number>();

function publish(next: Held): void {
  held = next;
  for (const l of listeners) l();
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Saves the recording (or forgets it: null); a full storage is said, and the next change tries again. */
export function setRecording(rec: Recording | null): void {
  let note: string | null = null;
  try {
    if (rec) storage()?.setItem(RECORDING_KEY, serializeRecording(rec));
    else storage()?.removeItem(RECORDING_KEY);
  } catch (e) {
    note = `The recording could not be saved in this browser (${e instanceof Error ? e.message : String(e)}): export it to keep it.`;
  }
  publish({ rec, note });
}

/** The saved recording, or a new one from the session as it is now. */
function begin(store: RelvizStore): Held {
  const text = storage()?.getItem(RECORDING_KEY) ?? null;
  if (text !== null) {
    try {
      return { rec: readRecording(text), note: null };
    } catch (e) {
      if (!(e instanceof RecordingError)) throw e;
      const aside = `${RECORDING_KEY}.set-aside.${new Date().toISOString()}`;
      try {
        storage()?.setItem(aside, text);
      } catch {
        // (Kept in memory below only: the note says so.)
      }
      const s = store.getState();
      return { rec: startRecording(s), note: `The saved recording could not be read (${e.message}); it is kept under “${aside}” in this browser’s storage. A new recording starts from this model.` };
    }
  }
  // From the whole model: a command typed with the cursor in the past would drop the history after it.
  const s = store.getState();
  if (s.cursor < s.length) s.seek(s.length);
  return { rec: startRecording(s), note: null };
}

/** Starts following the session (and returns how to stop). Opens the saved recording or starts one. */
export function follow(store: RelvizStore): () => void {
  if (held.rec === null) {
    const start = begin(store);
    setRecording(start.rec);
    if (start.note) publish({ ...held, note: start.note });
  }
  const sync = () => {
    const rec = held.rec;
    if (!rec) return;
    const next = syncRecording(rec, store.getState(), memory);
    if (next !== rec) setRecording(next);
  };
  sync();
  const unsubscribe = store.subscribe((s, prev) => {
    const rec = held.rec;
    if (!rec) return;
    if (rec.previewing && prev.tutorial !== null && s.tutorial === null) {
      // The preview is closed: once the author's model is back (closing restores it), follow it again.
      setTimeout(() => {
        if (held.rec?.previewing && store.getState().tutorial === null) {
          setRecording({ ...held.rec, previewing: false });
          sync();
        }
      }, 0);
      return;
    }
    if (s.inputs !== prev.inputs || s.seed !== prev.seed || s.juju !== prev.juju) sync();
  });
  return unsubscribe;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

export function useRecording(): Held {
  return useSyncExternalStore(subscribe, () => held);
}

export function currentRecording(): Recording | null {
  return held.rec;
}
