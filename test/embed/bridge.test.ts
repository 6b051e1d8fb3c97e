/** The embed bridge over a real store: messages in, hook events and throttled state out. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../src/embed/bridge.ts';
import type { HookEvent, OutboundMessage } from '../../src/embed/protocol.ts';
import type { HookRecord } from '../../src/engine/trace.ts';
import { createRelvizStore, type RelvizStore } from '../../src/store/store.ts';
import { TUTORIAL_DOCUMENTS } from '../../src/teaching/tutorials/index.ts';

const script = 'juju deploy master\njuju deploy worker -n 2\njuju relate master worker\n';

function setup(text = script) {
  const store = createRelvizStore({ script: text });
  const sent: OutboundMessage[] = [];
  const bridge = createBridge(store, (m) => sent.push(m), { stateEveryMs: 100 });
  const of = <T extends OutboundMessage['type']>(type: T) => sent.filter((m): m is Extract<OutboundMessage, { type: T }> => m.type === type);
  return { store, bridge, sent, of };
}

/** The hooks of the store's history between two ticks, as events, straight from the trace. */
function expectedHooks(store: RelvizStore, from: number, to: number): HookEvent[] {
  const t = store.getState().timeline;
  const out: HookEvent[] = [];
  [...t.fullTrace].forEach((r, i) => {
    const tick = t.tickOfRecord(i) + 1;
    if (r.type !== 'hook' || tick <= from || tick > to) return;
    const h = r as HookRecord;
    out.push({ type: 'relviz:hook', seq: h.seq, unit: h.unit, hook: h.hook, relation: h.relation, remoteUnit: h.remoteUnit, result: h.result, tick });
  });
  return out;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('embed bridge', () => {
  it('announces ready with the length of the history, then where the cursor is', () => {
    const { store, bridge, sent } = setup();
    store.getState().seek(12);
    vi.advanceTimersByTime(1000);
    sent.length = 0;
    bridge.ready();
    const { length } = store.getState();
    expect(sent).toEqual([
      { type: 'relviz:ready', length },
      { type: 'relviz:state', cursor: 12, length, playing: false },
    ]);
  });

  it('answers a bad message with an error and leaves the store alone', () => {
    const { store, bridge, sent } = setup();
    const before = store.getState();
    bridge.receive({ type: 'relviz:seek', tick: -3 });
    bridge.receive('play');
    expect(sent).toEqual([
      { type: 'relviz:error', message: 'relviz:seek needs "tick", a whole number ≥ 0' },
      { type: 'relviz:error', message: expect.stringMatching(/must be an object with a "type"/) },
    ]);
    expect(store.getState()).toBe(before);
  });

  it('emits one hook event per step forward, for the hook the cursor now shows', () => {
    const { store, bridge, of } = setup();
    store.getState().seek(20);
    for (let i = 0; i < 5; i++) bridge.receive({ type: 'relviz:step' });
    expect(store.getState().cursor).toBe(25);
    const hooks = of('relviz:hook');
    expect(hooks).toEqual(expectedHooks(store, 20, 25));
    expect(hooks.length).toBeGreaterThan(0);
    expect(hooks.map((h) => h.tick)).toEqual(hooks.map((h) => h.tick).sort((a, b) => a - b));
  });

  it('emits every hook the cursor passes while playing, many ticks at a time', () => {
    const { store, of } = setup();
    store.getState().play();
    // The playback clock moves up to 8 ticks per frame.
    while (store.getState().advance(8) > 0);
    expect(of('relviz:hook')).toEqual(expectedHooks(store, 0, store.getState().length));
    expect(new Set(of('relviz:hook').map((h) => h.seq)).size).toBe(of('relviz:hook').length);
  });

  it('emits no hook events for a seek, a step back, or a reloaded model', () => {
    const { store, bridge, of } = setup();
    bridge.receive({ type: 'relviz:seek', tick: 40 });
    bridge.receive({ type: 'relviz:back' });
    bridge.receive({ type: 'relviz:load', script: 'juju deploy ubuntu -n 2\n' });
    expect(store.getState().cursor).toBe(0);
    expect(of('relviz:hook')).toEqual([]);
  });

  it('seeks to a tick, clamped to the history, and pauses', () => {
    const { store, bridge } = setup();
    store.getState().play();
    bridge.receive({ type: 'relviz:seek', tick: 1_000_000 });
    expect(store.getState().cursor).toBe(store.getState().length);
    expect(store.getState().playing).toBe(false);
  });

  it('plays and pauses', () => {
    const { store, bridge } = setup();
    bridge.receive({ type: 'relviz:play' });
    expect(store.getState().playing).toBe(true);
    bridge.receive({ type: 'relviz:pause' });
    expect(store.getState().playing).toBe(false);
  });

  it('loads a script at its start and announces the new length', () => {
    const { store, bridge, sent, of } = setup();
    bridge.receive({ type: 'relviz:load', script: 'juju deploy postgresql\njuju deploy webapp\njuju integrate webapp:db postgresql\n' });
    const s = store.getState();
    expect(s.inputs.map((i) => i.text)).toEqual(['juju deploy postgresql', 'juju deploy webapp', 'juju integrate webapp:db postgresql']);
    expect(s.cursor).toBe(0);
    expect(of('relviz:ready')).toEqual([{ type: 'relviz:ready', length: s.length }]);
    expect(sent.at(-1)).toEqual({ type: 'relviz:state', cursor: 0, length: s.length, playing: false });
  });

  it('refuses a script that does not parse, naming the line, and keeps the model', () => {
    const { store, bridge, of } = setup();
    const inputs = store.getState().inputs;
    bridge.receive({ type: 'relviz:load', script: 'juju deploy master\njuju frobnicate worker\n' });
    expect(of('relviz:error')).toEqual([{ type: 'relviz:error', message: expect.stringMatching(/^relviz:load: line 2: /) }]);
    expect(store.getState().inputs).toBe(inputs);
    expect(of('relviz:ready')).toEqual([]);
  });

  it('opens a tutorial at a step counted from 1, and refuses steps it does not have', () => {
    const { store, bridge, of } = setup();
    bridge.receive({ type: 'relviz:tutorial', id: 'masterworker', step: 2 });
    expect(store.getState().tutorial).toEqual({ id: 'masterworker', step: 1 });
    expect(of('relviz:ready')).toEqual([{ type: 'relviz:ready', length: store.getState().length }]);
    bridge.receive({ type: 'relviz:tutorial', id: 'masterworker', step: 999 });
    bridge.receive({ type: 'relviz:tutorial', id: 'no-such-thing' });
    expect(of('relviz:error').map((e) => e.message)).toEqual([expect.stringMatching(/"masterworker" has \d+ steps, not 999/), 'relviz:tutorial: no tutorial "no-such-thing"']);
    expect(store.getState().tutorial).toEqual({ id: 'masterworker', step: 1 });
  });

  it('reports state at once, then at most once per interval, and always the last state', () => {
    const { store, bridge, of } = setup();
    const length = store.getState().length;
    bridge.receive({ type: 'relviz:step' });
    expect(of('relviz:state')).toEqual([{ type: 'relviz:state', cursor: 1, length, playing: false }]);
    for (let i = 0; i < 10; i++) bridge.receive({ type: 'relviz:step' });
    expect(of('relviz:state')).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(of('relviz:state')).toEqual([
      { type: 'relviz:state', cursor: 1, length, playing: false },
      { type: 'relviz:state', cursor: 11, length, playing: false },
    ]);
    // Nothing changed since: nothing more is sent.
    vi.advanceTimersByTime(1000);
    expect(of('relviz:state')).toHaveLength(2);
  });

  it('stops reporting once disposed', () => {
    const { store, bridge, sent } = setup();
    bridge.receive({ type: 'relviz:step' });
    bridge.receive({ type: 'relviz:step' });
    const count = sent.length;
    bridge.dispose();
    vi.advanceTimersByTime(1000);
    store.getState().stepForward();
    expect(sent).toHaveLength(count);
  });

  it('opens a tutorial sent as a document, and refuses one with problems, naming their lines', () => {
    const { store, bridge, of } = setup();
    const doc = TUTORIAL_DOCUMENTS.get('peers-leadership') as string;
    bridge.receive({ type: 'relviz:tutorial', text: doc, step: 2 });
    expect(store.getState().tutorial).toEqual({ id: 'doc:peers-leadership', step: 1, document: { text: doc } });
    expect(of('relviz:error')).toEqual([]);
    const before = store.getState().exportSession();
    bridge.receive({ type: 'relviz:tutorial', text: doc.replace(/^id: .*$/m, 'id: Bad Id') });
    expect(of('relviz:error').map((e) => e.message)).toEqual([expect.stringMatching(/^relviz:tutorial: the tutorial cannot be played: line \d+: id "Bad Id"/)]);
    expect(store.getState().error).toMatch(/^ERROR relviz:tutorial: the tutorial cannot be played/);
    expect(store.getState().exportSession()).toEqual(before);
    bridge.receive({ type: 'relviz:tutorial', text: doc, step: 99 });
    expect(of('relviz:error').at(-1)?.message).toMatch(/has \d+ steps, not 99/);
  });
});
