/**
 * The compact session in a share link: inputs are script lines with only what a line
 * cannot say beside them, and every field of an untrusted one is checked.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/engine/commands.ts';
import { ShareError, compactSession, expandSession } from '../../src/share/compact.ts';
import type { SessionInput, SessionV1 } from '../../src/store/session.ts';

function session(inputs: SessionInput[], more: Partial<SessionV1> = {}): SessionV1 {
  return { kind: 'relviz-session', version: 1, seed: 1, juju: '3.6', inputs, cursor: 0, positions: {}, ...more };
}

const ubuntu: Command = { type: 'deploy', charm: { kind: 'catalog', name: 'ubuntu' }, app: null, units: null };
const pasted: Command = { type: 'deploy', charm: { kind: 'files', path: './pasted', files: { 'metadata.yaml': 'name: rep\n' } }, app: 'rep', units: null };

function reason(raw: unknown): string {
  try {
    expandSession(raw);
  } catch (e) {
    if (e instanceof ShareError) return e.reason;
    throw e;
  }
  throw new Error('expected a ShareError');
}

const base = { s: 1, j: '3.6', c: 0, i: [] as unknown[] };
const withInput = (input: unknown) => ({ ...base, i: ['juju deploy ubuntu', input] });

describe('compact form', () => {
  it('writes an input as its script line when the line says everything', () => {
    const c = compactSession(
      session([
        { command: ubuntu, text: 'juju deploy ubuntu', run: 'idle' },
        { command: { type: 'add-unit', app: 'ubuntu', units: 1 }, text: 'juju add-unit ubuntu', run: 'none' },
        { command: { type: 'step', count: 3, unit: null, pick: null }, text: 'step 3', run: 3 },
        { command: { type: 'fail', unit: 'ubuntu/0', hook: 'stop' }, text: 'fail ubuntu/0 stop', run: 'none' },
      ]),
    );
    expect(c.i).toEqual(['juju deploy ubuntu', 'juju add-unit ubuntu &', 'step 3', 'fail ubuntu/0 stop']);
  });

  it('adds a run, a command line or files only where the line cannot say them', () => {
    const c = compactSession(
      session([
        { command: ubuntu, text: 'juju deploy ubuntu', run: 7 },
        { command: ubuntu, text: 'two machines', run: 'idle' },
        { command: pasted, text: 'juju deploy ./pasted rep', run: 'idle' },
        { command: { type: 'fail', unit: 'rep/0', hook: 'stop' }, text: 'fail rep/0 stop', run: 'idle' },
      ]),
    );
    expect(c.i).toEqual([
      { t: 'juju deploy ubuntu', r: 7 },
      { t: 'two machines', c: 'juju deploy ubuntu' },
      { t: 'juju deploy ./pasted rep', f: { 'metadata.yaml': 'name: rep\n' } },
      { t: 'fail rep/0 stop', r: 'idle' },
    ]);
    expect(expandSession(JSON.parse(JSON.stringify(c))).session.inputs).toEqual(session([]).inputs.concat([
      { command: ubuntu, text: 'juju deploy ubuntu', run: 7 },
      { command: ubuntu, text: 'two machines', run: 'idle' },
      { command: pasted, text: 'juju deploy ./pasted rep', run: 'idle' },
      { command: { type: 'fail', unit: 'rep/0', hook: 'stop' }, text: 'fail rep/0 stop', run: 'idle' },
    ]));
  });

  it('carries a bundle deploy and a status load with their files, and reads them back as the same commands', () => {
    const bundle: Command = { type: 'deploy-bundle', path: './b.yaml', overlays: ['./o/t.yaml'], files: { 'b.yaml': 'applications:\n  u:\n    charm: ubuntu\n', 'o/t.yaml': 'applications: {}\n' } };
    const status: Command = { type: 'load-status', path: './s.json', showUnits: [], files: { 's.json': '{"model": {}, "applications": {}}' } };
    const inputs: SessionInput[] = [
      { command: bundle, text: 'juju deploy ./b.yaml --overlay ./o/t.yaml', run: 'idle' },
      { command: status, text: 'load-status ./s.json', run: 'idle' },
    ];
    const c = compactSession(session(inputs));
    expect(c.i).toEqual([
      { t: 'juju deploy ./b.yaml --overlay ./o/t.yaml', f: bundle.files },
      { t: 'load-status ./s.json', f: status.files },
    ]);
    expect(expandSession(JSON.parse(JSON.stringify(c))).session.inputs).toEqual(inputs);
    expect(reason({ ...base, i: [{ t: 'juju deploy ./b.yaml', f: { '../x.yaml': 'a' } }] })).toMatch(/has a bad bundle file "\.\.\/x\.yaml"/);
  });

  it('writes model-config and fail --times / --always as their lines, and reads them back as the same commands', () => {
    const off: Command = { type: 'model-config', get: null, settings: [['automatically-retry-hooks', 'false']] };
    const read: Command = { type: 'model-config', get: 'automatically-retry-hooks', settings: [] };
    const twice: Command = { type: 'fail', unit: 'ubuntu/0', hook: 'start', times: 2 };
    const always: Command = { type: 'fail', unit: 'ubuntu/0', hook: 'start', times: 'always' };
    const inputs: SessionInput[] = [
      // The header switch (store.apply: the command's own text, waiting until idle).
      { command: off, text: 'juju model-config automatically-retry-hooks=false', run: 'idle' },
      // The same in manual mode (nothing runs by itself).
      { command: off, text: 'juju model-config automatically-retry-hooks=false', run: 'none' },
      { command: read, text: 'juju model-config automatically-retry-hooks', run: 'idle' },
      // Typed in the console (fail waits for nothing)…
      { command: twice, text: 'fail ubuntu/0 start --times 2', run: 'none' },
      { command: always, text: 'fail ubuntu/0 start --always', run: 'none' },
      // …and from the fail form (store.apply waits until idle).
      { command: always, text: 'fail ubuntu/0 start --always', run: 'idle' },
      // A command the console would have printed differently: the line beside the text.
      { command: twice, text: 'fail twice', run: 'none' },
    ];
    const c = compactSession(session(inputs));
    expect(c.i).toEqual([
      'juju model-config automatically-retry-hooks=false',
      'juju model-config automatically-retry-hooks=false &',
      'juju model-config automatically-retry-hooks',
      'fail ubuntu/0 start --times 2',
      'fail ubuntu/0 start --always',
      { t: 'fail ubuntu/0 start --always', r: 'idle' },
      { t: 'fail twice', c: 'fail ubuntu/0 start --times 2' },
    ]);
    expect(expandSession(JSON.parse(JSON.stringify(c))).session.inputs).toEqual(inputs);
  });

  it('refuses a fail line whose count is not a positive number', () => {
    expect(reason(withInput('fail ubuntu/0 start --times 0'))).toMatch(/^command 2: /);
    expect(reason(withInput('fail ubuntu/0 start --times 2 --always'))).toMatch(/^command 2: .*not both/);
  });

  it('leaves out empty positions and a missing tutorial', () => {
    expect(Object.keys(compactSession(session([])))).toEqual(['s', 'j', 'c', 'i']);
  });
});

describe('validation of an untrusted compact session', () => {
  it('checks the envelope fields', () => {
    expect(reason(null)).toBe('not a relviz session');
    expect(reason([1])).toBe('not a relviz session');
    expect(reason({ ...base, x: 1 })).toBe('the session has an unknown field "x"');
    expect(reason({ ...base, s: -1 })).toBe('bad seed');
    expect(reason({ ...base, s: 1.5 })).toBe('bad seed');
    expect(reason({ ...base, s: 2 ** 32 })).toBe('bad seed');
    expect(reason({ ...base, j: '2.9' })).toBe('bad Juju version');
    expect(reason({ ...base, c: -3 })).toBe('bad cursor');
    expect(reason({ ...base, c: '4' })).toBe('bad cursor');
    expect(reason({ ...base, i: 'juju deploy ubuntu' })).toBe('bad command log');
  });

  it('parses every line with the script parser', () => {
    expect(reason(withInput('juju frobnicate'))).toMatch(/^command 2: unknown juju command "frobnicate"/);
    expect(reason(withInput('step 0'))).toMatch(/^command 2: expected a positive number of hooks/);
    expect(reason(withInput('   # only a comment'))).toBe('command 2 is blank');
    expect(reason(withInput(42))).toBe('command 2 is neither a line nor an object');
  });

  it('checks every field of an input written as an object', () => {
    expect(reason(withInput({ t: 'juju deploy ubuntu', z: 1 }))).toBe('command 2 has an unknown field "z"');
    expect(reason(withInput({ t: '' }))).toBe('command 2 has no text');
    expect(reason(withInput({ t: 5 }))).toBe('command 2 has no text');
    expect(reason(withInput({ t: 'x', c: 5 }))).toBe('command 2 has a bad command line');
    expect(reason(withInput({ t: 'x', c: 'juju nope' }))).toMatch(/^command 2: unknown juju command/);
    expect(reason(withInput({ t: 'juju deploy ubuntu', r: -1 }))).toBe('command 2 has a bad run (expected "idle", "none" or a number of hooks up to 5,000,000)');
    expect(reason(withInput({ t: 'juju deploy ubuntu', r: 'later' }))).toBe('command 2 has a bad run (expected "idle", "none" or a number of hooks up to 5,000,000)');
    expect(reason(withInput({ t: 'juju deploy ubuntu', r: 1e12 }))).toBe('command 2 has a bad run (expected "idle", "none" or a number of hooks up to 5,000,000)');
  });

  it('accepts charm files only for a deploy of a ./path, as text under a .yaml name', () => {
    expect(reason(withInput({ t: 'juju deploy ubuntu', f: { 'metadata.yaml': 'name: u\n' } }))).toBe('command 2 carries charm files but does not deploy a ./path or a bundle');
    expect(reason(withInput({ t: 'juju deploy ./pasted', f: {} }))).toBe('command 2 has bad charm files');
    expect(reason(withInput({ t: 'juju deploy ./pasted', f: ['name: u'] }))).toBe('command 2 has bad charm files');
    expect(reason(withInput({ t: 'juju deploy ./pasted', f: { 'metadata.yaml': 7 } }))).toBe('command 2 has a bad charm file "metadata.yaml"');
    expect(reason(withInput({ t: 'juju deploy ./pasted', f: { '../etc/passwd': 'x' } }))).toBe('command 2 has a bad charm file "../etc/passwd"');
    expect(reason(withInput({ t: 'juju deploy ./pasted', f: JSON.parse('{"__proto__": "x"}') }))).toBe('command 2 has a bad charm file "__proto__"');
  });

  it('checks positions: application names and whole-pixel coordinates', () => {
    expect(reason({ ...base, p: [1, 2] })).toBe('bad positions');
    expect(reason({ ...base, p: { Master: [1, 2] } })).toBe('bad position for "Master"');
    expect(reason({ ...base, p: JSON.parse('{"__proto__": [1, 2]}') })).toBe('bad position for "__proto__"');
    expect(reason({ ...base, p: { master: [1] } })).toBe('bad position for "master"');
    expect(reason({ ...base, p: { master: [1, 2.5] } })).toBe('bad position for "master"');
    expect(reason({ ...base, p: { master: [1, 1e9] } })).toBe('bad position for "master"');
    expect(reason({ ...base, p: { master: { x: 1, y: 2 } } })).toBe('bad position for "master"');
    expect(expandSession({ ...base, p: { master: [1, -2] } }).session.positions).toEqual({ master: { x: 1, y: -2 } });
  });

  it('checks the tutorial step', () => {
    expect(reason({ ...base, t: 'masterworker' })).toBe('bad tutorial step');
    expect(reason({ ...base, t: ['masterworker', -1] })).toBe('bad tutorial step');
    expect(reason({ ...base, t: ['Master Worker', 1] })).toBe('bad tutorial step');
    expect(reason({ ...base, t: ['masterworker', 1, 2] })).toBe('bad tutorial step');
    expect(expandSession({ ...base, t: ['masterworker', 2] }).tutorial).toEqual({ id: 'masterworker', step: 2 });
  });

  it('builds nothing from a session with one bad input', () => {
    expect(() => expandSession({ ...base, i: ['juju deploy ubuntu', 'juju add-unit ubuntu', 'juju nope'] })).toThrow(ShareError);
  });
});
