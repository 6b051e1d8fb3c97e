/**
 * What the monkey watches in the page: long tasks (a PerformanceObserver on
 * `longtask`, installed before the app's scripts run), unhandled promise rejections,
 * page errors and console errors; and, after each action, whether the page still
 * answers (a requestAnimationFrame round trip within the limit).
 */
import type { Page } from '@playwright/test';

/** No task may take longer, and the page must answer within this after every action. */
export const UNRESPONSIVE_MS = 2000;

/** What the init script keeps on `window.__monkey`. */
interface InPage {
  /** The longest task since the last probe, and ever (ms). */
  recent: number;
  longest: number;
  longTasks: number;
  rejections: string[];
}

/** Runs in every frame before the app: records long tasks and unhandled rejections. */
function install(): void {
  const w: InPage = { recent: 0, longest: 0, longTasks: 0, rejections: [] };
  Object.defineProperty(window, '__monkey', { value: w });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.longTasks++;
        w.recent = Math.max(w.recent, e.duration);
        w.longest = Math.max(w.longest, e.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the round trip still catches a page that does not answer.
  }
  addEventListener('unhandledrejection', (e) => {
    const r: unknown = e.reason;
    w.rejections.push(r instanceof Error ? `${r.name}: ${r.message}` : String(r));
  });
}

export interface Health {
  /** Null when the page did not answer within the limit. */
  readonly roundTripMs: number | null;
  /** The longest task since the previous probe (ms), and the longest of the page's life. */
  readonly recentLongTaskMs: number;
  readonly longestTaskMs: number;
  readonly rejections: readonly string[];
}

/**
 * Watches a page: every problem (page error, console error, unhandled rejection)
 * lands in `problems`, tagged with what was being done at the time (`doing`).
 */
export class Watchdog {
  readonly problems: string[] = [];
  doing = 'opening the page';
  /** The longest task seen on this page and during which action. */
  worst = { ms: 0, during: '' };

  private constructor(readonly page: Page) {}

  /** Installs the watch; call before the page's first navigation. */
  static async attach(page: Page): Promise<Watchdog> {
    const dog = new Watchdog(page);
    await page.addInitScript(install);
    page.on('pageerror', (e) => dog.problems.push(`page error during ${dog.doing}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') dog.problems.push(`console error during ${dog.doing}: ${m.text()}`);
    });
    page.on('crash', () => dog.problems.push(`page crashed during ${dog.doing}`));
    // A tab opened (a link's target=_blank): closed at once, the monkey stays on its page.
    page.context().on('page', (p) => void p.close().catch(() => undefined));
    // The app asks nothing through alert/confirm: one opening means a payload ran.
    page.on('dialog', (d) => {
      dog.problems.push(`a ${d.type()} dialog opened during ${dog.doing}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
    return dog;
  }

  /**
   * Whether the page answers (a frame, then a task) within `limit` ms, with the long
   * tasks and rejections since the last probe. Also records them as problems.
   */
  async probe(limit = UNRESPONSIVE_MS): Promise<Health> {
    const started = Date.now();
    const answer = this.page.evaluate(
      () =>
        new Promise<{ recent: number; longest: number; rejections: string[] }>((resolve) => {
          requestAnimationFrame(() =>
            // A task after the frame: long-task entries of the frame are delivered by then.
            setTimeout(() => {
              const w = (window as unknown as { __monkey?: InPage }).__monkey;
              if (!w) return resolve({ recent: 0, longest: 0, rejections: [] });
              const r = { recent: w.recent, longest: w.longest, rejections: w.rejections.splice(0) };
              // The console's HTML payloads set this if they ever run.
              if ('__pwned' in window) r.rejections.push('an HTML/script payload ran (window.__pwned is set)');
              w.recent = 0;
              resolve(r);
            }, 0),
          );
        }),
    );
    answer.catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), limit)));
    const r = await Promise.race([answer, timeout]).catch((e: Error) => {
      this.problems.push(`page gone during ${this.doing}: ${e.message.split('\n')[0] ?? ''}`);
      return null;
    });
    clearTimeout(timer);
    if (r === null) {
      if (!this.page.isClosed()) this.problems.push(`page unresponsive for over ${limit} ms after ${this.doing}`);
      return { roundTripMs: null, recentLongTaskMs: 0, longestTaskMs: this.worst.ms, rejections: [] };
    }
    for (const rej of r.rejections) this.problems.push(rej.startsWith('an HTML') ? `${rej} during ${this.doing}` : `unhandled rejection during ${this.doing}: ${rej}`);
    if (r.recent > this.worst.ms) this.worst = { ms: Math.round(r.recent), during: this.doing };
    if (r.recent > limit) this.problems.push(`a ${Math.round(r.recent)} ms task (over ${limit} ms) during ${this.doing}`);
    return { roundTripMs: Date.now() - started, recentLongTaskMs: r.recent, longestTaskMs: r.longest, rejections: r.rejections };
  }

  /**
   * How long until the page answers a round trip again (ms), waiting at most `max`;
   * null if it never does. Records nothing: for measuring a freeze already reported.
   */
  async answerWithin(max: number): Promise<number | null> {
    const started = Date.now();
    const answer = this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    const r = await within(answer, max);
    return r.finished && r.error === null ? Date.now() - started : null;
  }
}

/** Runs `work`, giving up after `ms` (the page may be frozen in it): whether it finished, and how. */
export async function within(work: Promise<unknown>, ms: number): Promise<{ finished: boolean; error: Error | null }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const out = await Promise.race([
    work.then(
      () => ({ finished: true, error: null }),
      (e: unknown) => ({ finished: true, error: e instanceof Error ? e : new Error(String(e)) }),
    ),
    new Promise<{ finished: false; error: null }>((resolve) => (timer = setTimeout(() => resolve({ finished: false, error: null }), ms))),
  ]);
  clearTimeout(timer);
  return out;
}
