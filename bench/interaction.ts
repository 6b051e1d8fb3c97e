/**
 * What a user feels in the browser, for bench/app.bench.ts: the frame rate while a
 * model plays, and how soon a move of the timeline's scrubber shows on screen.
 *
 * Both drive the page as a user would (the Speed slider, a mouse dragging the
 * scrubber) and read times inside the page, where they happen.
 */
import { installReaders } from '../src/engine/readersImpl.ts';
import type { Browser, Page } from '@playwright/test';
import type { Command } from '../src/engine/commands.ts';
import { Timeline } from '../src/engine/timeline.ts';

// The engine runs here in Node, as in the CLI: with its YAML readers (src/engine/readers.ts).
installReaders();

/** One frame at 60 Hz. */
export const FRAME_MS = 1000 / 60;

export interface SessionInput {
  readonly command: Command;
  readonly text: string;
  readonly run: 'idle';
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** `apps` chain-related applications of `units` units each: app i relates to i+1, then i+2, … until `relations` relations exist. */
export function meshModel(apps: number, units: number, relations: number): SessionInput[] {
  const meta = (i: number) => `name: app${i}\nprovides:\n  down:\n    interface: mesh\nrequires:\n  up:\n    interface: mesh\n`;
  const inputs: SessionInput[] = Array.from({ length: apps }, (_, i) => ({
    command: { type: 'deploy', charm: { kind: 'files', path: `./app${i}`, files: { 'metadata.yaml': meta(i) } }, app: `app${i}`, units } as Command,
    text: `juju deploy ./app${i} -n ${units}`,
    run: 'idle',
  }));
  let made = 0;
  for (let gap = 1; gap < apps && made < relations; gap++) {
    for (let i = 0; i + gap < apps && made < relations; i++, made++) {
      inputs.push({
        command: { type: 'integrate', a: { app: `app${i}`, endpoint: 'up' }, b: { app: `app${i + gap}`, endpoint: 'down' } } as Command,
        text: `juju integrate app${i}:up app${i + gap}:down`,
        run: 'idle',
      });
    }
  }
  return inputs;
}

/** A page with `inputs` loaded as a saved session, the cursor at the first command that is not a deploy. */
export async function openSession(browser: Browser, url: string, inputs: readonly SessionInput[]): Promise<{ page: Page; ticks: number; loadMs: number }> {
  const probe = new Timeline({ seed: 1 });
  for (const i of inputs) {
    const result = probe.apply(i.command, { text: i.text, run: 'idle' });
    if (result.exitCode !== 0) throw new Error(`bench model: "${i.text}" failed: ${result.stderr}`);
  }
  const firstRelate = inputs.findIndex((i) => i.command.type !== 'deploy');
  const session = { kind: 'relviz-session', version: 1, seed: 1, juju: '3.6', inputs, cursor: probe.entryStartTick(Math.max(0, firstRelate)), positions: {} };
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.addInitScript(`localStorage.setItem('relviz.session', ${JSON.stringify(JSON.stringify(session))})`);
  const start = Date.now();
  await page.goto(url);
  const last = inputs.filter((i) => i.command.type === 'deploy').at(-1);
  const app = last && last.command.type === 'deploy' ? last.command.app : null;
  if (app) await page.locator(`[data-app-node="${app}"]`).waitFor();
  // The saved history is rebuilt in tasks: wait until it is whole and the cursor is back where the session left it.
  await page.waitForFunction(
    `(() => { const s = document.querySelector('input[aria-label="Timeline"]'); return s !== null && s.value === '${session.cursor}' && !document.body.innerText.includes('Computing hooks'); })()`,
    undefined,
    { timeout: 120_000 },
  );
  const loadMs = Date.now() - start;
  return { page, ticks: Number(await page.getByRole('slider', { name: 'Timeline' }).getAttribute('max')), loadMs };
}

export interface Smoothness {
  readonly seconds: number;
  readonly hooksPerSecond: number;
  readonly ticksPlayed: number;
  readonly frames: number;
  readonly frameMs: { readonly p50: number; readonly p95: number; readonly p99: number; readonly max: number };
  /** Intervals over 1.5 frames: at least one frame was dropped. */
  readonly droppedFrames: number;
  readonly longTasks: { readonly count: number; readonly maxMs: number };
}

/** Plays from the cursor at the Speed slider's `step` (hooks/s = 2^(step-1)) for `seconds`, timing every frame. */
export async function playAndTimeFrames(page: Page, step: number, seconds: number): Promise<Smoothness> {
  const from = Number(await page.getByRole('slider', { name: 'Timeline' }).inputValue());
  await page.getByRole('slider', { name: 'Speed' }).fill(String(step));
  // Page scripts are passed as strings: tsx would otherwise inject its helpers into them.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const loop = (now) => { window.__frames.push(now - last); last = now; requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(seconds * 1000);
  const { frames, long, cursor } = (await page.evaluate(
    `({ frames: window.__frames.slice(5), long: window.__long, cursor: Number(document.querySelector('input[aria-label="Timeline"]').value) })`,
  )) as { frames: number[]; long: number[]; cursor: number };
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  frames.sort((a, b) => a - b);
  return {
    seconds,
    hooksPerSecond: 2 ** (step - 1),
    ticksPlayed: cursor - from,
    frames: frames.length,
    frameMs: { p50: quantile(frames, 0.5), p95: quantile(frames, 0.95), p99: quantile(frames, 0.99), max: frames[frames.length - 1] ?? 0 },
    droppedFrames: frames.filter((f) => f > FRAME_MS * 1.5).length,
    longTasks: { count: long.length, maxMs: Math.max(0, ...long) },
  };
}

export interface ScrubLatency {
  readonly moves: number;
  /** From the input event to the end of the first frame painted after it (ms). */
  readonly jumpsMs: { readonly median: number; readonly p90: number; readonly max: number };
  /** The same for small moves (a slow drag: a few dozen ticks each). */
  readonly dragMs: { readonly median: number; readonly p90: number; readonly max: number };
}

/**
 * Drags the scrubber with the mouse: random jumps across the history, then a slow drag
 * of small steps. Each `input` event is timed from its timestamp to the end of the next
 * painted frame: a message posted from the frame's requestAnimationFrame callback is
 * delivered after that frame's style, layout and paint.
 */
export async function scrubLatency(page: Page, moves = 40): Promise<ScrubLatency> {
  const slider = page.getByRole('slider', { name: 'Timeline' });
  const box = await slider.boundingBox();
  if (!box) throw new Error('scrubber not on screen');
  const y = box.y + box.height / 2;
  await page.evaluate(`(() => {
    window.__scrub = [];
    document.querySelector('input[aria-label="Timeline"]').addEventListener('input', (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => window.__scrub.push(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    });
  })()`);
  const run = async (fractions: number[]): Promise<number[]> => {
    await page.evaluate('window.__scrub = []');
    await page.mouse.move(box.x + box.width * (fractions[0] ?? 0.5), y);
    await page.mouse.down();
    for (const f of fractions.slice(1)) {
      await page.mouse.move(box.x + box.width * f, y);
      // Let each move finish (panels included) before the next: this times one move, not a queue.
      await page.waitForTimeout(120);
    }
    await page.mouse.up();
    await page.waitForTimeout(200);
    return ((await page.evaluate('window.__scrub')) as number[]).sort((a, b) => a - b);
  };
  let x = 7;
  const random = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const jumps = await run(Array.from({ length: moves + 1 }, () => 0.02 + 0.96 * random()));
  const drag = await run(Array.from({ length: moves + 1 }, (_, i) => 0.3 + i * (0.2 / moves)));
  const stats = (s: number[]) => ({ median: quantile(s, 0.5), p90: quantile(s, 0.9), max: s[s.length - 1] ?? 0 });
  return { moves, jumpsMs: stats(jumps), dragMs: stats(drag) };
}
