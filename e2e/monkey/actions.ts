/**
 * The monkey's action catalogue: what a restless user does. Each entry draws its
 * choices from the action's own PRNG stream, looks at the page (scan.ts) and returns
 * a plan — what it will do, concretely, for the replay log, and the doing — so that an
 * action that hangs is named. Controls are found by role and accessible name (labels
 * shared with the components); canvas items by their data attributes. A control that
 * is missing or not actionable is a skip, not a failure: the monkey carries on.
 */
import type { Locator, Page } from '@playwright/test';
import { Label } from '../../src/ui/labels.ts';
import { consoleLine } from './consoleLines.ts';
import type { Prng } from './prng.ts';
import { FIELDS, scan, type Scan, type Target, type TargetKind } from './scan.ts';

interface Ctx {
  readonly page: Page;
  readonly rng: Prng;
  readonly seen: Scan;
}

/** An action decided: what it does, and the doing (none: nothing to do it to). The doing may say it was skipped. */
export interface Plan {
  readonly detail: string;
  readonly run?: () => Promise<string | void>;
}

/** Playwright's own waits stay short: a control that is not there is skipped. */
const QUICK = { timeout: 1000 } as const;

const KEYS = [
  'Space', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Delete', 'Backspace', 'Escape', 'Tab', 'Shift+Tab', 'Enter',
  'Control+z', 'Control+Shift+z', 'Control+y', 'Shift+F10', 'ContextMenu', 'Home', 'End', 'PageUp', 'PageDown', 'p', 'n', 'b', 'x',
] as const;

/** Header things that open or close something (dialogs, menus, modes), and Undo / Redo when present. */
const TOGGLES = [Label.deploy, Label.misconceptions, 'Share', Label.presentation, Label.newSession, 'Undo', 'Redo', Label.dismissError] as const;

const SELECTS = [Label.examples, Label.tutorials, Label.jujuVersion] as const;

const at = (t: { x: number; y: number }) => `at (${Math.round(t.x)}, ${Math.round(t.y)})`;

/** Does a Playwright call; a control that is missing or inert is a skip (said), a closed page is a failure. */
async function attempt(act: () => Promise<unknown>): Promise<string | void> {
  try {
    await act();
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0] ?? '';
    if (/Target (page, context or browser )?closed|has been closed/.test(msg)) throw e;
    return `skipped (${msg.slice(0, 80)})`;
  }
}

function pickTarget(ctx: Ctx, kinds: readonly TargetKind[]): Target | null {
  const popup = ctx.seen.targets.filter((t) => t.kind === 'popup');
  // With a dialog or menu open, most clicks go to it (as a user's would).
  if (popup.length > 0 && ctx.rng.chance(0.7)) return ctx.rng.pick(popup);
  const pool = ctx.seen.targets.filter((t) => kinds.includes(t.kind));
  return pool.length > 0 ? ctx.rng.pick(pool) : null;
}

function click(ctx: Ctx): Plan {
  const kinds: TargetKind[] = ctx.rng.chance(0.55) ? ['control', 'popup'] : ['unit', 'app', 'relation'];
  const t = pickTarget(ctx, kinds);
  if (!t) return { detail: `click — nothing to click among ${kinds.join('/')}` };
  const button = ctx.rng.chance(0.08) ? 'right' : 'left';
  const clickCount = ctx.rng.chance(0.06) ? 2 : 1;
  return {
    detail: `${button === 'right' ? 'right-' : ''}${clickCount === 2 ? 'double-' : ''}click ${t.desc} ${at(t)}`,
    run: () => ctx.page.mouse.click(t.x, t.y, { button, clickCount }),
  };
}

function key(ctx: Ctx): Plan {
  const k = ctx.rng.pick(KEYS);
  const times = ctx.rng.chance(0.15) ? ctx.rng.int(2, 6) : 1;
  const focus = ctx.seen.focus;
  // A link's Enter opens another tab (relviz's links leave the page): not the monkey's business.
  if (focus.startsWith('a') && (k === 'Enter' || k === 'Space')) return { detail: `press ${k} — skipped, focus on a link (${focus})` };
  return {
    detail: `press ${k}${times > 1 ? ` ×${times}` : ''} (focus: ${focus})`,
    run: async () => {
      for (let i = 0; i < times; i++) await ctx.page.keyboard.press(k);
    },
  };
}

function commandField(page: Page): Locator {
  return page.getByRole('textbox', { name: Label.command });
}

function typeLine(ctx: Ctx): Plan {
  const line = consoleLine(ctx.rng, ctx.seen.onScreen);
  if (!ctx.seen.consoleUsable) return { detail: `console — hidden or behind a dialog, not typed: ${JSON.stringify([...line].slice(0, 60).join(''))}` };
  // Sometimes Tab-complete first, or clear with Escape instead of running.
  const r = ctx.rng.next();
  const chars = [...line];
  const shown = JSON.stringify(chars.length > 120 ? `${chars.slice(0, 100).join('')}…(${line.length} chars)` : line);
  const field = commandField(ctx.page);
  return {
    detail: `console ${shown}${r < 0.1 ? ' Tab' : ''}${r > 0.95 ? ' Escape' : ' Enter'}`,
    run: () =>
      attempt(async () => {
        await field.fill(line, QUICK);
        if (r < 0.1) await field.press('Tab', QUICK);
        await field.press(r > 0.95 ? 'Escape' : 'Enter', QUICK);
      }),
  };
}

function recall(ctx: Ctx): Plan {
  if (!ctx.seen.consoleUsable) return { detail: 'console history — console hidden or behind a dialog' };
  const field = commandField(ctx.page);
  const ups = ctx.rng.int(1, 4);
  const then = ctx.rng.chance(0.8) ? 'Enter' : 'ArrowDown';
  return {
    detail: `console history ↑×${ups} then ${then}`,
    run: () =>
      attempt(async () => {
        await field.focus(QUICK);
        for (let i = 0; i < ups; i++) await field.press('ArrowUp', QUICK);
        await field.press(then, QUICK);
      }),
  };
}

function randomPoint(ctx: Ctx): { x: number; y: number } {
  const g = ctx.seen.graph ?? { x: 0, y: 0, w: 1600, h: 1000 };
  return { x: g.x + ctx.rng.int(5, Math.max(6, Math.floor(g.w) - 5)), y: g.y + ctx.rng.int(5, Math.max(6, Math.floor(g.h) - 5)) };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

function dragNode(ctx: Ctx): Plan {
  if (ctx.seen.nodes.length === 0) return { detail: 'drag node — no application on the graph' };
  const n = ctx.rng.pick(ctx.seen.nodes);
  // The node's lower edge: padding, not a unit chip (chips are nodrag buttons).
  const from = { x: n.x + n.w / 2, y: n.y + n.h - 3 };
  const to = randomPoint(ctx);
  const steps = ctx.rng.int(3, 12);
  return { detail: `drag node ${n.name} from ${at(from)} to ${at(to)}`, run: () => drag(ctx.page, from, to, steps) };
}

function dragHandle(ctx: Ctx): Plan {
  if (ctx.seen.handles.length === 0) return { detail: 'drag handle — no endpoint on the graph' };
  const h = ctx.rng.pick(ctx.seen.handles);
  const r = ctx.rng.next();
  const node = ctx.seen.nodes.length > 0 ? ctx.rng.pick(ctx.seen.nodes) : null;
  let to: { x: number; y: number };
  let onto: string;
  if (r < 0.5) {
    const other = ctx.rng.pick(ctx.seen.handles);
    [to, onto] = [other, other.desc];
  } else if (r < 0.8 && node) {
    [to, onto] = [{ x: node.x + node.w / 2, y: node.y + node.h / 2 }, `node ${node.name}`];
  } else {
    [to, onto] = [randomPoint(ctx), 'the pane'];
  }
  const steps = ctx.rng.int(5, 15);
  return { detail: `drag ${h.desc} ${at(h)} onto ${onto} ${at(to)}`, run: () => drag(ctx.page, h, to, steps) };
}

function scrub(ctx: Ctx): Plan {
  const max = ctx.seen.timelineMax;
  if (max === null) return { detail: 'scrub — no timeline' };
  const to = ctx.rng.pick([0, max, ctx.rng.int(0, max), ctx.rng.int(0, max)]);
  const slider = ctx.page.getByRole('slider', { name: Label.timeline }).first();
  return { detail: `scrub timeline to ${to} of ${max}`, run: () => attempt(() => slider.fill(String(to), QUICK)) };
}

function speed(ctx: Ctx): Plan {
  const v = ctx.rng.int(0, 8);
  if (!ctx.seen.inputs.includes(Label.speed)) return { detail: 'speed — no speed slider (presenting, or behind a dialog)' };
  return { detail: `speed slider to ${v}`, run: () => attempt(() => ctx.page.getByRole('slider', { name: Label.speed }).fill(String(v), QUICK)) };
}

function select(ctx: Ctx): Plan {
  // The header's selects by name (Examples, Tutorials, Juju) half the time, else any select on screen (a dialog's, a toolbar form's).
  const byName = ctx.rng.chance(0.5);
  const name = ctx.rng.pick(SELECTS);
  const named = ctx.seen.selects[name];
  if (byName && named) {
    const index = ctx.rng.int(0, named.length - 1);
    const box = ctx.page.getByRole('combobox', { name, exact: true });
    return { detail: `select ${name}: ${JSON.stringify(named[index])}`, run: () => attempt(() => box.selectOption({ index }, QUICK)) };
  }
  if (ctx.seen.selectBoxes.length === 0) return { detail: 'select — none on screen' };
  const f = ctx.rng.pick(ctx.seen.selectBoxes);
  if (f.options.length === 0) return { detail: `${f.desc} — no options` };
  const index = ctx.rng.int(0, f.options.length - 1);
  return { detail: `${f.desc}: ${JSON.stringify(f.options[index])}`, run: () => attempt(() => ctx.page.locator('select').nth(f.nth).selectOption({ index }, QUICK)) };
}

/** What goes into a form field: charm metadata good and bad, names, numbers, payloads. */
const FIELD_VALUES = [
  'name: monkey\nrequires:\n  db:\n    interface: pgsql\n',
  'name: monkey\nprovides:\n  website:\n    interface: http\npeers:\n  ring:\n    interface: ring\n',
  'name: monkey\nsubordinate: true\nrequires:\n  juju-info:\n    interface: juju-info\n    scope: container\n',
  'name: [unclosed',
  'requires:\n  db: {}\n',
  'name: monkey\nrequires:\n  db:\n    interface: pgsql\n    limit: -1\n',
  '\t\u0000: :',
  'my-app', 'Bad Name', 'worker', '', ' ', '0', '1', '3', '20', '21', '-1', '1e9', '99999999999', 'NaN', 'abc',
  '<script>window.__pwned=1</script>', '🐒'.repeat(50), 'x'.repeat(5_000),
] as const;

function field(ctx: Ctx): Plan {
  if (ctx.seen.fields.length === 0) return { detail: 'field — none on screen' };
  const f = ctx.rng.pick(ctx.seen.fields);
  const value = ctx.rng.pick(FIELD_VALUES);
  const enter = ctx.rng.chance(0.3);
  const shown = JSON.stringify(value.length > 60 ? `${[...value].slice(0, 40).join('')}…(${value.length} chars)` : value);
  const el = ctx.page.locator(FIELDS).nth(f.nth);
  return {
    detail: `fill ${f.desc} with ${shown}${enter ? ' Enter' : ''}`,
    run: () =>
      attempt(async () => {
        await el.fill(value, QUICK);
        if (enter) await el.press('Enter', QUICK);
      }),
  };
}

function seed(ctx: Ctx): Plan {
  const value = ctx.rng.pick(['0', '1', '2', '42', String(ctx.rng.int(0, 0xffffffff)), '-1', '4294967296', '1e3', '']);
  if (!ctx.seen.inputs.includes(Label.seed)) return { detail: 'seed — no seed field (presenting, or behind a dialog)' };
  return { detail: `seed field to ${JSON.stringify(value)}`, run: () => attempt(() => ctx.page.getByRole('spinbutton', { name: Label.seed }).fill(value, QUICK)) };
}

function toggle(ctx: Ctx): Plan {
  const name = ctx.rng.pick(TOGGLES);
  if (!ctx.seen.buttons.includes(name)) return { detail: `button "${name}" — not there` };
  return { detail: `button "${name}"`, run: () => attempt(() => ctx.page.getByRole('button', { name, exact: true }).first().click(QUICK)) };
}

function pause(ctx: Ctx): Plan {
  const ms = ctx.rng.int(100, 1200);
  return { detail: `wait ${ms} ms`, run: () => ctx.page.waitForTimeout(ms) };
}

function wheel(ctx: Ctx): Plan {
  const p = randomPoint(ctx);
  const dy = ctx.rng.pick([-600, -120, 120, 600]);
  return {
    detail: `wheel ${dy} over the graph ${at(p)}`,
    run: async () => {
      await ctx.page.mouse.move(p.x, p.y);
      await ctx.page.mouse.wheel(0, dy);
    },
  };
}

/** The catalogue: weight, and the planning. */
const CATALOGUE = {
  click: { weight: 30, plan: click },
  key: { weight: 16, plan: key },
  console: { weight: 16, plan: typeLine },
  recall: { weight: 2, plan: recall },
  dragNode: { weight: 5, plan: dragNode },
  dragHandle: { weight: 6, plan: dragHandle },
  scrub: { weight: 8, plan: scrub },
  speed: { weight: 2, plan: speed },
  select: { weight: 3, plan: select },
  field: { weight: 4, plan: field },
  seed: { weight: 2, plan: seed },
  toggle: { weight: 6, plan: toggle },
  wait: { weight: 2, plan: pause },
  wheel: { weight: 2, plan: wheel },
} as const;

export type ActionKind = keyof typeof CATALOGUE;

const WEIGHTS = Object.fromEntries(Object.entries(CATALOGUE).map(([k, v]) => [k, v.weight])) as Record<ActionKind, number>;

/**
 * Draws one action from `rng` and plans it against the page as it is now. One with
 * nothing to act on (no graph to drag on an empty model) is drawn again, twice at
 * most, as a user would do something else.
 */
export async function plan(page: Page, rng: Prng): Promise<{ kind: ActionKind } & Plan> {
  const seen = await scan(page);
  let drawn: { kind: ActionKind } & Plan = { kind: 'wait', detail: '' };
  for (let tries = 0; tries < 3; tries++) {
    const kind = rng.weighted(WEIGHTS);
    drawn = { kind, ...CATALOGUE[kind].plan({ page, rng, seen }) };
    if (drawn.run) break;
  }
  return drawn;
}
