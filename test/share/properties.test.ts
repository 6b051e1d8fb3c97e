/**
 * Property: any session a user can make — commands typed or clicked (the auto-retry
 * switch, the fail form), pasted charms, background commands, manual steps, rewinds
 * that fork, apps dragged — comes back
 * from its share link as the same command log, cursor and model (fast-check).
 * PROPERTY_RUNS (default 1000) scales the number of sessions, as in the engine's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/engine/clone.ts';
import { decodeShare, encodeShare } from '../../src/share/link.ts';
import { createRelvizStore, type RelvizStore } from '../../src/store/store.ts';
import { autoRetryCommand } from '../../src/ui/controls/autoRetry.ts';
import { failCommand } from '../../src/ui/controls/targetActions.ts';

const RUNS = Math.max(20, Math.floor(Number(process.env['PROPERTY_RUNS'] ?? 1000) / 10));
const PASTED = 'name: rep\nprovides:\n  report:\n    interface: exchange\nrequires:\n  db:\n    interface: postgresql\n';

type Op =
  | { k: 'line'; line: number; target: number; bg: boolean }
  | { k: 'pasted'; units: number }
  | { k: 'seek'; back: number }
  | { k: 'step-unit'; target: number }
  | { k: 'manual'; on: boolean }
  | { k: 'drag'; target: number; x: number; y: number }
  /** The header's auto-retry switch and the fail form (commands applied, not typed). */
  | { k: 'auto-retry'; on: boolean }
  | { k: 'fail-form'; target: number; times: number | 'always' };

const deploy = (t: Target) => `juju deploy ${['master', 'worker', 'postgresql', 'webapp', 'ubuntu'][t.n % 5]} app-${t.i} -n ${1 + (t.n % 3)}`;
const LINES = [
  deploy,
  deploy,
  deploy,
  (t: Target) => `juju add-unit ${t.app}`,
  (t: Target) => `juju remove-unit ${t.unit}`,
  (t: Target) => `juju integrate ${t.pair}`,
  (t: Target) => `juju integrate ${t.pair}`,
  (t: Target) => `juju remove-relation ${t.relation}`,
  (t: Target) => `juju exec --unit ${t.unit} -- relation-ids master; is-leader`,
  (t: Target) => `juju run ${t.unit} broadcast-message message='hi "class"'`,
  (t: Target) => `fail ${t.unit} stop`,
  (t: Target) => `fail ${t.unit} ${['start', 'stop', 'config-changed'][t.n % 3]} ${t.n % 2 ? '--always' : `--times ${2 + (t.n % 3)}`}`,
  (t: Target) => `juju model-config automatically-retry-hooks=${t.n % 2 === 0}`,
  (t: Target) => `juju resolve ${t.unit}`,
  (t: Target) => `step ${1 + (t.n % 4)}`,
  () => 'wait',
  (t: Target) => `juju remove-application ${t.app}`,
];

interface Target {
  /** The op's index (fresh application names). */
  readonly i: number;
  readonly n: number;
  readonly app: string;
  readonly unit: string;
  /** Two applications that can be integrated, if any. */
  readonly pair: string;
  readonly relation: string;
}

/** Integrations that work, by charm (`rep` is the pasted charm). */
const PAIRS = [
  ['master', 'worker'],
  ['postgresql', 'webapp:db'],
  ['rep', 'postgresql'],
  ['rep:report', 'worker'],
] as const;

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ k: fc.constant('line' as const), line: fc.nat(LINES.length - 1), target: fc.nat(1000), bg: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('pasted' as const), units: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('seek' as const), back: fc.nat(12) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('step-unit' as const), target: fc.nat(1000) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('manual' as const), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('auto-retry' as const), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('fail-form' as const), target: fc.nat(1000), times: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant('always' as const)) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('drag' as const), target: fc.nat(1000), x: fc.double({ min: -2000, max: 2000, noNaN: true }), y: fc.double({ min: -2000, max: 2000, noNaN: true }) }) },
);

function target(store: RelvizStore, n: number, i: number): Target {
  const s = store.getState().timeline.state;
  const at = <T>(xs: readonly T[]): T | undefined => xs[n % Math.max(1, xs.length)];
  const apps = [...s.apps.values()];
  const ofCharm = (ref: string) => {
    const [charm, endpoint] = ref.split(':');
    const app = at(apps.filter((a) => a.meta.name === charm));
    return app && (endpoint ? `${app.name}:${endpoint}` : app.name);
  };
  const pairs = PAIRS.map(([a, b]) => [ofCharm(a), ofCharm(b)]).filter(([a, b]) => a && b);
  const [x, y] = at([...s.relations.values()].filter((r) => !r.peer))?.endpoints ?? [];
  return {
    i,
    n,
    app: at(apps)?.name ?? 'none',
    unit: at([...s.units.keys()]) ?? 'none/0',
    pair: at(pairs)?.join(' ') ?? 'none other',
    relation: x && y ? `${x.app}:${x.endpoint} ${y.app}:${y.endpoint}` : 'none other',
  };
}

function perform(store: RelvizStore, op: Op, i: number): void {
  const s = store.getState();
  switch (op.k) {
    case 'line': {
      const line = (LINES[op.line] as (t: Target) => string)(target(store, op.target, i));
      s.runLine(op.bg && line.startsWith('juju') ? `${line} &` : line);
      return;
    }
    case 'pasted':
      s.apply({ type: 'deploy', charm: { kind: 'files', path: './pasted', files: { 'metadata.yaml': PASTED } }, app: `rep-${i}`, units: op.units });
      return;
    case 'seek':
      s.seek(Math.max(0, s.cursor - op.back));
      return;
    case 'step-unit': {
      const ready = s.timeline.state.ready;
      const unit = ready[op.target % Math.max(1, ready.length)];
      if (unit !== undefined) s.stepUnit(unit);
      return;
    }
    case 'manual':
      s.setManual(op.on);
      return;
    case 'auto-retry':
      s.apply(autoRetryCommand(op.on));
      return;
    case 'fail-form': {
      const { unit } = target(store, op.target, i);
      if (unit !== 'none/0') s.apply(failCommand(unit, 'start', op.times));
      return;
    }
    case 'drag': {
      const { app } = target(store, op.target, i);
      if (app !== 'none') s.setPosition(app, { x: op.x, y: op.y });
      return;
    }
  }
}

describe('share link property', () => {
  it('reopens any session with the same command log, cursor and model', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.constantFrom('3.6' as const, '4.0' as const), fc.array(opArb, { minLength: 5, maxLength: 40 }), (seed, juju, ops) => {
        const store = createRelvizStore({ seed, juju });
        ops.forEach((op, i) => perform(store, op, i));
        const session = store.getState().exportSession();
        const { session: opened } = decodeShare(encodeShare(session));
        const again = createRelvizStore({ session: opened });
        expect(opened.inputs).toEqual(session.inputs);
        expect(again.getState().cursor).toBe(store.getState().cursor);
        expect(again.getState().length).toBe(store.getState().length);
        // The model at the cursor (what the sender saw), and at the end of the history.
        const model = (st: RelvizStore, tick: number) => (st.getState().seek(tick), fingerprint(st.getState().timeline.state));
        const { cursor, length } = store.getState();
        expect(model(again, cursor)).toBe(model(store, cursor));
        expect(model(again, length)).toBe(model(store, length));
        // Whole pixels (and JSON has no -0).
        const whole = (n: number) => Math.round(n) || 0;
        for (const [app, p] of Object.entries(session.positions)) expect(opened.positions[app]).toEqual({ x: whole(p.x), y: whole(p.y) });
      }),
      { numRuns: RUNS },
    );
  });
});
