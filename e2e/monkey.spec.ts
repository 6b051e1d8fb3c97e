/**
 * A monkey in CI (issue 9 §6): a seeded random user — clicks, keys, console lines
 * valid and invalid, drags, scrubs, selects, dialogs, presentation mode — over pinned
 * seeds plus a new seed every run, failing on any page error, console error, unhandled
 * rejection or action after which the page does not answer within 2 s. A failure
 * prints the seed, the action and the actions before it; replay one seed with
 *
 *   MONKEY_SEED=123 npx playwright test e2e/monkey.spec.ts -g "monkey: random"
 *
 * (MONKEY_ACTIONS=<n> for a longer soak, MONKEY_VERBOSE=1 to print every action).
 */
import { Label } from '../src/ui/labels.ts';
import { plan } from './monkey/actions.ts';
import { Prng, freshSeed } from './monkey/prng.ts';
import { ReplayLog, type LoggedAction } from './monkey/replayLog.ts';
import { UNRESPONSIVE_MS, Watchdog, within } from './monkey/watchdog.ts';
import { expect, test } from './fixtures.ts';

/** Seeds every run replays; a seed that once found a bug is pinned here. */
const PINNED_SEEDS = [1, 2, 3];
const ACTIONS = Number(process.env['MONKEY_ACTIONS'] ?? 80);
const REPLAY = process.env['MONKEY_SEED'];
/** MONKEY_VERBOSE=1 prints every action as it is done. */
const VERBOSE = process.env['MONKEY_VERBOSE'] === '1';
/** An action that has not returned by then hangs the page (the probe after it gets 2 s more). */
const ACTION_TIMEOUT_MS = 10_000;

/** The runs: one seed when replaying, else the pinned ones and a new one (drawn in the test: titles must not change between workers). */
const RUNS: ReadonlyArray<{ readonly title: string; readonly seed: () => number }> =
  REPLAY !== undefined
    ? [{ title: `seed ${REPLAY}`, seed: () => Number(REPLAY) >>> 0 }]
    : [...PINNED_SEEDS.map((s) => ({ title: `pinned seed ${s}`, seed: () => s })), { title: 'a new seed', seed: freshSeed }];

// A page that runs away with memory (today's hostile cases do) crashes early instead of
// eating the shared machine; nothing the monkey does needs more.
test.use({
  launchOptions: [
    async ({ launchOptions }, use) => use({ ...launchOptions, args: [...(launchOptions.args ?? []), '--js-flags=--max-old-space-size=1024'] }),
    { scope: 'worker' },
  ],
});

test.describe('monkey: random', () => {
  test.describe.configure({ timeout: Math.max(60_000, ACTIONS * 2_500) });

  for (const run of RUNS) {
    test(`random: ${run.title}, ${ACTIONS} actions`, async ({ relviz, page }, testInfo) => {
      const seed = run.seed();
      const log = new ReplayLog(seed, ACTIONS);
      console.log(`monkey: seed ${seed}, ${ACTIONS} actions — replay with ${log.replayCommand()}`);
      testInfo.annotations.push({ type: 'monkey seed', description: `${seed} (${ACTIONS} actions); replay: ${log.replayCommand()}` });

      const dog = await Watchdog.attach(page);
      await relviz.open();
      await dog.probe();
      const started = Date.now();
      let failedAt: number | null = null;
      for (let i = 0; i < ACTIONS && failedAt === null; i++) {
        const t0 = Date.now();
        dog.doing = `action #${i}`;
        let step = { kind: 'plan', detail: 'looking at the page' };
        const r = await within(
          (async () => {
            const p = await plan(page, Prng.forAction(seed, i));
            step = { kind: p.kind, detail: p.detail };
            dog.doing = `action #${i} (${p.kind})`;
            const note = await p.run?.();
            if (note) step.detail += ` — ${note}`;
          })(),
          ACTION_TIMEOUT_MS,
        );
        if (!r.finished) {
          // Frozen page, or Playwright stuck on an input event? Ask the page.
          const answer = await dog.answerWithin(UNRESPONSIVE_MS);
          dog.problems.push(`action #${i} did not return within ${ACTION_TIMEOUT_MS} ms; the page ${answer === null ? `does not answer either` : `answers in ${answer} ms`}`);
        }
        else if (r.error) dog.problems.push(`action #${i} threw: ${r.error.message.split('\n')[0] ?? ''}`);
        if (r.finished) await dog.probe();
        log.add({ index: i, kind: step.kind, detail: step.detail, ms: Date.now() - t0 });
        if (VERBOSE) console.log(ReplayLog.line(log.entries[log.entries.length - 1] as LoggedAction));
        if (dog.problems.length > 0) failedAt = i;
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const summary = `${log.entries.length} actions in ${seconds} s; longest task ${dog.worst.ms} ms (${dog.worst.during || 'none over 50 ms'})`;
      console.log(`monkey: seed ${seed}: ${summary}`);
      testInfo.annotations.push({ type: 'monkey', description: summary });
      await testInfo.attach(`monkey-seed-${seed}.log`, { body: log.toString(), contentType: 'text/plain' });
      if (failedAt !== null) {
        const report = log.failure(failedAt, dog.problems);
        console.log(report);
        throw new Error(report);
      }
      // The app is still there at the end of it all.
      await expect(relviz.region(Label.regionGraph)).toBeVisible();
    });
  }
});
