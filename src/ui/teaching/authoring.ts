/**
 * Which authoring tool is open — the tutorial recorder's bar, or the text editor of a
 * tutorial — outside the store (it is not part of any session). The page opens on
 * the recorder when a recording is saved: a reload never loses the author's work.
 * The tools themselves load on demand (author/).
 */
import { useSyncExternalStore } from 'react';
import { RECORDING_KEY } from '../../teaching/recordingKey.ts';

export type Authoring = { readonly kind: 'record' } | { readonly kind: 'edit'; readonly id: string | null } | null;

function saved(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(RECORDING_KEY) !== null;
  } catch {
    return false;
  }
}

let current: Authoring = saved() ? { kind: 'record' } : null;
const listeners = new Set<() => void>();

export function setAuthoring(next: Authoring): void {
  current = next;
  for (const l of listeners) l();
}

/** Closes a tool: back to the recorder while a recording is kept, else nothing open. */
export function closeAuthoring(): void {
  setAuthoring(saved() ? { kind: 'record' } : null);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

export function useAuthoring(): Authoring {
  return useSyncExternalStore(subscribe, () => current);
}
