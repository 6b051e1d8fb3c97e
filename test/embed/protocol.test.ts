/** The embed protocol: what a parent page may send, checked before it reaches the store. */
import { describe, expect, it } from 'vitest';
import { MAX_SCRIPT_CHARS, hookEvent, parseInbound } from '../../src/embed/protocol.ts';
import type { HookRecord } from '../../src/engine/trace.ts';

const error = (data: unknown) => {
  const parsed = parseInbound(data);
  return parsed.ok ? null : parsed.error;
};

describe('parseInbound', () => {
  it('accepts every message of the protocol', () => {
    for (const type of ['relviz:play', 'relviz:pause', 'relviz:step', 'relviz:back'] as const) expect(parseInbound({ type })).toEqual({ ok: true, message: { type } });
    expect(parseInbound({ type: 'relviz:load', script: 'juju deploy master\n' })).toEqual({ ok: true, message: { type: 'relviz:load', script: 'juju deploy master\n' } });
    expect(parseInbound({ type: 'relviz:seek', tick: 12 })).toEqual({ ok: true, message: { type: 'relviz:seek', tick: 12 } });
    expect(parseInbound({ type: 'relviz:tutorial', id: 'masterworker', step: 3 })).toEqual({ ok: true, message: { type: 'relviz:tutorial', id: 'masterworker', step: 3 } });
  });

  it('opens a tutorial at its first step when no step is given', () => {
    expect(parseInbound({ type: 'relviz:tutorial', id: 'masterworker' })).toEqual({ ok: true, message: { type: 'relviz:tutorial', id: 'masterworker', step: 1 } });
  });

  it('ignores fields it does not know, so a newer page can talk to an older relviz', () => {
    expect(parseInbound({ type: 'relviz:play', from: 'lesson 3' })).toEqual({ ok: true, message: { type: 'relviz:play' } });
  });

  it('refuses what is not a plain object with a type', () => {
    for (const data of [null, undefined, 'relviz:play', 42, ['relviz:play'], { kind: 'relviz:play' }, { type: 7 }, new Date(0), new Map([['type', 'relviz:play']])]) {
      expect(error(data)).toMatch(/must be an object with a "type"/);
    }
  });

  it('names an unknown type, cut short', () => {
    expect(error({ type: 'relviz:rewind' })).toBe('unknown message type "relviz:rewind" (expected one of relviz:load, relviz:play, relviz:pause, relviz:step, relviz:back, relviz:seek, relviz:tutorial)');
    expect(error({ type: 'x'.repeat(10_000) })).toMatch(/^unknown message type "x{40}" /);
  });

  it('refuses a seek to anything but a whole tick ≥ 0', () => {
    for (const tick of [-1, 1.5, '3', NaN, Infinity, 2e9, null, undefined]) expect(error({ type: 'relviz:seek', tick })).toMatch(/relviz:seek needs "tick"/);
  });

  it('refuses a load without a script, or with one too long', () => {
    expect(error({ type: 'relviz:load' })).toMatch(/needs "script"/);
    expect(error({ type: 'relviz:load', script: ['juju deploy master'] })).toMatch(/needs "script"/);
    expect(error({ type: 'relviz:load', script: 'x'.repeat(MAX_SCRIPT_CHARS + 1) })).toMatch(/at most 100000 are accepted/);
    expect(error({ type: 'relviz:load', script: 'x'.repeat(MAX_SCRIPT_CHARS) })).toBeNull();
  });

  it('refuses a tutorial without a slug id or with a step that is not a positive whole number', () => {
    for (const id of [undefined, 3, '', 'Master Worker', '../x', 'a'.repeat(65)]) expect(error({ type: 'relviz:tutorial', id })).toMatch(/needs "id"/);
    for (const step of [0, -1, 1.5, '2', 10_001]) expect(error({ type: 'relviz:tutorial', id: 'masterworker', step })).toMatch(/counting from 1/);
  });
});

describe('hookEvent', () => {
  it('carries what a page needs to narrate the hook, and the tick that shows it', () => {
    const record = {
      type: 'hook',
      seq: 42,
      unit: 'worker/1',
      hook: 'master-relation-departed',
      relation: 'master:0',
      remoteUnit: 'master/0',
      result: 'ok',
    } as HookRecord;
    expect(hookEvent(record, 50)).toEqual({ type: 'relviz:hook', seq: 42, unit: 'worker/1', hook: 'master-relation-departed', relation: 'master:0', remoteUnit: 'master/0', result: 'ok', tick: 50 });
  });
});

describe('relviz:tutorial with a document', () => {
  it('takes the text of a tutorial document, bounded, with a step counted from 1', () => {
    expect(parseInbound({ type: 'relviz:tutorial', text: '---\n', step: 2 })).toEqual({ ok: true, message: { type: 'relviz:tutorial', text: '---\n', step: 2 } });
    expect(parseInbound({ type: 'relviz:tutorial', text: '---\n' })).toEqual({ ok: true, message: { type: 'relviz:tutorial', text: '---\n', step: 1 } });
    expect(error({ type: 'relviz:tutorial', text: 'x'.repeat(512 * 1024 + 1) })).toMatch(/at most 524288 are accepted/);
    expect(error({ type: 'relviz:tutorial', text: 42 })).toMatch(/"text" is the tutorial document/);
    expect(error({ type: 'relviz:tutorial', text: '---\n', id: 'masterworker' })).toMatch(/not both/);
    expect(error({ type: 'relviz:tutorial', text: '---\n', step: 0 })).toMatch(/counting from 1/);
  });
});
