/**
 * The one session schema (src/store/session.ts): what the hostile sessions
 * get back — a reason that says which command and what is wrong — and that every
 * session relviz itself makes passes it unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SessionError, restoreSession, type SessionV1 } from '../../src/store/session.ts';
import { createRelvizStore } from '../../src/store/store.ts';

const base = { kind: 'relviz-session', version: 1, seed: 1, juju: '3.6', cursor: 0, positions: {} } as const;
const withInputs = (inputs: unknown[]) => ({ ...base, inputs });
const deploy = { command: { type: 'deploy', charm: { kind: 'catalog', name: 'master' }, app: null, units: null }, text: 'juju deploy master', run: 'idle' };
const reason = (raw: unknown): string => {
  try {
    restoreSession(raw);
  } catch (e) {
    if (e instanceof SessionError) return e.message;
    throw e;
  }
  return 'accepted';
};

describe('the session schema', () => {
  it('refuses a command this relviz does not know, naming it and where it is', () => {
    expect(reason(withInputs([deploy, { command: { type: 'teleport', unit: 'a/0' }, text: 'juju teleport a/0', run: 'idle' }]))).toBe(
      'command 2 ("juju teleport a/0") is a "teleport" command, which this relviz does not know (a newer relviz\'s session?)',
    );
  });

  it('refuses a command missing a field or with a field of the wrong type', () => {
    expect(reason(withInputs([{ command: { type: 'deploy', app: null, units: null }, text: 'juju deploy', run: 'idle' }]))).toBe('command 1 ("juju deploy"): missing "charm", which a "deploy" command needs');
    expect(reason(withInputs([deploy, { command: { type: 'remove-unit', units: null }, text: 'juju remove-unit', run: 'idle' }]))).toBe(
      'command 2 ("juju remove-unit"): fields of the wrong type for a "remove-unit" command',
    );
    expect(reason(withInputs([{ ...deploy, command: { ...deploy.command, units: 'two' } }]))).toMatch(/^command 1 \("juju deploy master"\): -n expects a number/);
    expect(reason(withInputs([{ ...deploy, command: { ...deploy.command, extra: 1 } }]))).toBe('command 1 ("juju deploy master"): a bad "extra" for a "deploy" command');
    expect(reason(withInputs([{ ...deploy, run: -3 }]))).toMatch(/^command 1 has a bad run/);
  });

  it('refuses a command over relviz’s limits before anything is rebuilt', () => {
    const huge = { command: { type: 'add-unit', app: 'worker', units: 99999999999 }, text: 'juju add-unit worker -n 99999999999', run: 'idle' };
    expect(reason(withInputs([deploy, huge]))).toBe(
      'command 2 ("juju add-unit worker -n 99999999999"): ERROR cannot add 99,999,999,999 units to application "worker", over relviz\'s limit of 1,000 units per command',
    );
  });

  it('keeps a bundle deploy with its files, and refuses a bundle file with a bad path or over the size limit', () => {
    const files = { 'b.yaml': 'applications:\n  u:\n    charm: ubuntu\n    num_units: 1\n', 'overlays/o.yaml': 'applications: {}\n', 'charms/x/metadata.yaml': 'name: x\n' };
    const bundle = { command: { type: 'deploy-bundle', path: './b.yaml', overlays: ['overlays/o.yaml'], files }, text: 'juju deploy ./b.yaml --overlay overlays/o.yaml', run: 'idle' };
    expect(restoreSession(withInputs([bundle])).inputs[0]?.command).toEqual(bundle.command);
    const bad = (f: Record<string, unknown>) => reason(withInputs([{ ...bundle, command: { ...bundle.command, files: f } }]));
    expect(bad({ '../../etc/x.yaml': 'x' })).toBe('command 1 ("juju deploy ./b.yaml --overlay overlays/o.yaml") has a bad bundle file "../../etc/x.yaml"');
    expect(bad({ 'b.yaml': 3 })).toMatch(/has a bad bundle file "b\.yaml"$/);
    expect(bad({ 'b.yaml': 'x'.repeat(9 * 1024 * 1024) })).toMatch(/characters of files, more than the 8,388,608 a command may$/);
  });

  it('keeps a real charm deployed by its ch: name: the line parses back to the same command', () => {
    const session: SessionV1 = createRelvizStore({ script: 'juju deploy ch:postgresql db -n 2\njuju deploy postgresql' }).getState().exportSession();
    const json = JSON.parse(JSON.stringify(session));
    expect(json.inputs[0]).toMatchObject({ command: { type: 'deploy', charm: { kind: 'catalog', name: 'ch:postgresql' }, app: 'db', units: 2 }, text: 'juju deploy ch:postgresql db -n 2' });
    expect(restoreSession(json)).toEqual(json);
  });

  it('accepts every session relviz makes, unchanged (the example, and random command logs)', () => {
    const script = readFileSync('examples/masterworker.juju', 'utf8');
    const made = createRelvizStore({ script }).getState().exportSession();
    expect(restoreSession(JSON.parse(JSON.stringify(made)))).toEqual(made);
    const line = fc.constantFrom('juju deploy worker -n 2', 'juju add-unit worker', 'fail worker/0 install --times 3', 'juju model-config automatically-retry-hooks=false', 'step 3', 'wait', "juju exec --unit worker/0 -- relation-ids master");
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.nat(100), (lines, cursor) => {
        const session: SessionV1 = createRelvizStore({ script: ['juju deploy master', ...lines].join('\n') }).getState().exportSession();
        const json = JSON.parse(JSON.stringify({ ...session, cursor }));
        expect(restoreSession(json)).toEqual(json);
      }),
      { numRuns: 30 },
    );
  });
});
