/**
 * Hook animation, outside React's render path: when the cursor moves forward by one
 * tick, the unit that ran the hook lights up with the hook's name, and for joined,
 * changed and departed a token travels along the relation edge from the remote
 * unit's side. A failing hook shakes its (now red) unit. Reduced motion: no travel
 * or shaking, just the label.
 */
import { selectFastPlayback, type RelvizStore } from '../../store/store.ts';
import type { HookRecord } from '../../engine/trace.ts';

const TRAVELLING = new Set(['relation-joined', 'relation-changed', 'relation-departed']);
/** Above this speed a token would cross an edge in a blink: only the labels animate. */
const TRAVEL_MAX_SPEED = 16;
/** Tokens in flight at once, at most. */
const MAX_TOKENS = 6;
let tokens = 0;

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** How long one hook's animation lasts at a given speed (hooks per second). */
export function animationMs(speed: number): number {
  return Math.max(150, Math.min(1100, (1000 / speed) * 0.85));
}

function chipOf(unit: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-unit="${CSS.escape(unit)}"]`);
}

/** Chips showing a hook label now. */
const lit = new Set<HTMLElement>();

function clearChip(chip: HTMLElement): void {
  chip.classList.remove('chip-firing', 'chip-failed');
  chip.querySelector<HTMLElement>('.hook-flash')?.classList.add('hidden');
  lit.delete(chip);
}

/**
 * Lights a chip with the hook's name. While playing the light fades with the
 * animation; when stepping it stays until the next step, so it can be discussed.
 */
function flashChip(r: HookRecord, ms: number, reduced: boolean, playing: boolean): void {
  const chip = chipOf(r.unit);
  if (!chip) return;
  lit.add(chip);
  const label = chip.querySelector<HTMLElement>('.hook-flash');
  if (label) {
    label.textContent = r.result === 'error' ? `✗ ${r.hook}` : r.hook;
    label.classList.remove('hidden');
    label.classList.toggle('!bg-red-700', r.result === 'error');
  }
  chip.classList.add('chip-firing');
  if (r.result === 'error' && !reduced) chip.classList.add('chip-failed');
  if (playing) window.setTimeout(() => clearChip(chip), Math.max(ms, reduced ? 600 : ms));
}

/** Sends a token along the relation's edge, from the remote unit's application towards the hook's unit. */
function travel(r: HookRecord, store: RelvizStore, ms: number): void {
  if (r.relationId === null || !r.remoteApp) return;
  const group = document.querySelector<SVGGElement>(`[data-relation-id="${r.relationId}"]`);
  const path = group?.querySelector<SVGPathElement>('path');
  if (!group || !path || tokens >= MAX_TOKENS) return;
  tokens++;
  const rel = store.getState().view.relations.find((x) => x.id === r.relationId);
  const requirer = rel?.endpoints[1]?.app;
  // The edge runs from the requirer to the provider.
  const forward = r.remoteApp === requirer;
  const length = path.getTotalLength();
  const token = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
  token.setAttribute('r', '7');
  token.setAttribute('class', r.kind === 'relation-departed' ? 'fill-amber-500 stroke-white' : 'fill-orange-600 stroke-white');
  token.setAttribute('stroke-width', '2');
  group.appendChild(token);
  const start = performance.now();
  const step = (now: number) => {
    const t = Math.min(1, (now - start) / ms);
    const eased = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
    const p = path.getPointAtLength(length * (forward ? eased : 1 - eased));
    token.setAttribute('cx', String(p.x));
    token.setAttribute('cy', String(p.y));
    if (t < 1) requestAnimationFrame(step);
    else {
      token.remove();
      tokens--;
    }
  };
  requestAnimationFrame(step);
}

/** Most hooks animated in one frame (at full speed several ticks pass per frame). */
const MAX_PER_FRAME = 8;

let commitTimer: number | undefined;

export function startAnimator(store: RelvizStore): () => void {
  return store.subscribe((s, prev) => {
    const moved = s.cursor - prev.cursor;
    if (moved === 0) return;
    if (moved < 0 || moved > MAX_PER_FRAME || s.timeline !== prev.timeline || s.generation !== prev.generation) {
      for (const chip of [...lit]) clearChip(chip);
      if (s.phase !== 'committed') s.setPhase('committed');
      return;
    }
    const reduced = reducedMotion();
    const ms = animationMs(s.speed);
    const t = s.timeline;
    clearTimeout(commitTimer);
    if (selectFastPlayback(s)) {
      // Several hooks a frame: the panels are paced (usePaced) and no one sees a write
      // pending for a few ms, so no running/committed flip — two store updates per hook
      // that every subscriber would answer.
      if (s.phase !== 'committed') s.setPhase('committed');
    } else {
      // The hook's writes show as pending for the first part of its animation, then commit.
      if (s.phase !== 'running') s.setPhase('running');
      const at = s.cursor;
      commitTimer = window.setTimeout(() => {
        if (store.getState().cursor === at) store.getState().setPhase('committed');
      }, Math.max(ms * 0.5, s.playing ? 0 : 450));
    }
    const records = t.fullTrace.slice(t.traceIndexAt(prev.cursor), t.traceIndexAt(s.cursor));
    // Let React paint the new tick first, so the chips exist and show the new status.
    requestAnimationFrame(() => {
      for (const chip of [...lit]) clearChip(chip);
      for (const r of records) {
        if (r.type !== 'hook') continue;
        flashChip(r, ms, reduced, s.playing);
        if (!reduced && s.speed <= TRAVEL_MAX_SPEED && TRAVELLING.has(r.kind) && r.remoteUnit) travel(r, store, ms);
      }
    });
  });
}
