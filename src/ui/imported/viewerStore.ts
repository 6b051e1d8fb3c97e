/**
 * The history viewer's own state: a real history (read-only) and where the user is in
 * it. Apart from the app's store on purpose: looking at a real history never touches
 * the user's model, its undo history or what is saved.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CheckReport, Finding } from '../../io/trace/check.ts';
import { ModelHistory } from '../../io/trace/model.ts';
import type { ImportedHook } from '../../io/trace/record.ts';
import type { FileSummary } from '../../worker/traceCheck.ts';

/** What the Check dialog hands the viewer. */
export interface ImportedHistory {
  readonly files: readonly FileSummary[];
  readonly notes: readonly string[];
  readonly report: CheckReport;
  readonly hooks: readonly ImportedHook[];
}

export type ViewerTab = 'swimlanes' | 'log';

/** Hooks per second the viewer plays at. */
export const VIEWER_SPEEDS = [1, 2, 4, 8, 16, 32, 64, 256] as const;

export interface ViewerState {
  readonly history: ImportedHistory;
  readonly models: ModelHistory;
  /** Findings by hook index. */
  readonly findings: ReadonlyMap<number, readonly Finding[]>;
  /** Indexes of the hooks ruled out, ascending. */
  readonly flagged: readonly number[];
  /** Hooks that have happened: the one at the cursor is `cursor - 1`. */
  readonly cursor: number;
  readonly playing: boolean;
  readonly speed: number;
  readonly tab: ViewerTab;
  seek(cursor: number): void;
  step(by: 1 | -1): void;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  /** Goes to a hook: the cursor just after it, the inspector on it. */
  goTo(index: number): void;
  /** The next (or previous) hook ruled out from the cursor; false when there is none. */
  goToFlag(direction: 1 | -1): boolean;
  setTab(tab: ViewerTab): void;
}

export type ViewerStore = StoreApi<ViewerState>;

export function createViewerStore(history: ImportedHistory): ViewerStore {
  const findings = new Map<number, Finding[]>();
  for (const f of history.report.findings) findings.set(f.index, [...(findings.get(f.index) ?? []), f]);
  const flagged = [...findings.keys()].sort((a, b) => a - b);
  const n = history.hooks.length;
  const clamp = (c: number) => Math.max(0, Math.min(n, Math.round(c)));
  return createStore<ViewerState>((set, get) => ({
    history,
    models: new ModelHistory(history.hooks),
    findings,
    flagged,
    // Opened at the first hook ruled out, or at the end: what the user came to see.
    cursor: flagged.length > 0 ? (flagged[0] as number) + 1 : n,
    playing: false,
    speed: 4,
    tab: 'swimlanes',
    seek: (cursor) => set({ cursor: clamp(cursor) }),
    step: (by) => set((s) => ({ cursor: clamp(s.cursor + by), playing: false })),
    play: () => set((s) => ({ playing: true, cursor: s.cursor >= n ? 0 : s.cursor })),
    pause: () => set({ playing: false }),
    setSpeed: (speed) => set({ speed }),
    goTo: (index) => set({ cursor: clamp(index + 1), playing: false }),
    goToFlag: (direction) => {
      const at = get().cursor - 1;
      const to = direction > 0 ? flagged.find((i) => i > at) : flagged.findLast((i) => i < at);
      if (to === undefined) return false;
      get().goTo(to);
      return true;
    },
    setTab: (tab) => set({ tab }),
  }));
}
