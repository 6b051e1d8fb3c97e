/** Share links: a session round-trips through the URL, and a broken link is refused with a reason. */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/engine/clone.ts';
import type { Command } from '../../src/engine/commands.ts';
import { ShareError, decodeShare, encodeShare, shareParam, shareUrl } from '../../src/share/link.ts';
import { openShareHash } from '../../src/share/open.ts';
import { createRelvizStore, type RelvizStore } from '../../src/store/store.ts';
import { autoRetryCommand } from '../../src/ui/controls/autoRetry.ts';
import { failCommand } from '../../src/ui/controls/targetActions.ts';

const masterworker = readFileSync(new URL('../../examples/masterworker.juju', import.meta.url), 'utf8');
const PASTED = 'name: reporter\nprovides:\n  report:\n    interface: exchange\n';

/** The link value for raw compact JSON, as a crafted (or damaged) link would carry it. */
function linkOf(json: string, format = '1'): string {
  const bytes = deflateSync(new TextEncoder().encode(json));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `${format}.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

function reopen(store: RelvizStore): RelvizStore {
  return createRelvizStore({ session: decodeShare(encodeShare(store.getState().exportSession())).session });
}

const stateOf = (store: RelvizStore) => fingerprint(store.getState().timeline.state);

function reason(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ShareError) return e.reason;
    throw e;
  }
  throw new Error('expected a ShareError');
}

describe('share link round trip', () => {
  it('reopens the masterworker tutorial at the same cursor with the same model', () => {
    const store = createRelvizStore({ script: masterworker, seed: 5, juju: '4.0' });
    store.getState().seek(40);
    const again = reopen(store);
    expect(again.getState().cursor).toBe(40);
    expect(again.getState().seed).toBe(5);
    expect(again.getState().juju).toBe('4.0');
    expect(stateOf(again)).toBe(stateOf(store));
    again.getState().seek(again.getState().length);
    store.getState().seek(store.getState().length);
    expect(stateOf(again)).toBe(stateOf(store));
  });

  it('keeps forks, background commands, manual steps and inputs cut short', () => {
    const store = createRelvizStore({ script: 'juju deploy master\njuju deploy worker -n 2\n' });
    const s = () => store.getState();
    s().seek(3); // deploy master ran two of its hooks: forking cuts its run to 2
    s().runLine('juju deploy worker -n 2 &');
    s().runLine('juju relate master worker');
    s().setManual(true);
    s().runLine('juju add-unit worker');
    s().stepUnit('worker/2');
    s().seek(s().length - 1);
    const inputs = s().inputs;
    expect(inputs.map((i) => i.run)).toEqual([2, 'none', 'idle', 'none', 1]);
    const again = reopen(store);
    expect(again.getState().inputs).toEqual(inputs);
    expect(again.getState().cursor).toBe(s().cursor);
    expect(stateOf(again)).toBe(stateOf(store));
  });

  it('keeps automatic retry: the header switch, fail --always / --times from the form and the console, a unit still retrying', () => {
    const store = createRelvizStore({ script: 'juju deploy ubuntu -n 3 &\n' });
    const s = () => store.getState();
    s().seek(s().length);
    s().apply(failCommand('ubuntu/0', 'start', 'always')); // the fail form
    s().runLine('fail ubuntu/1 start --times 2');
    s().runLine('wait');
    expect(s().consoleLog.at(-1)?.note).toMatch(/ubuntu\/0 "start"/);
    s().apply(autoRetryCommand(false)); // the header switch
    s().seek(s().length);
    expect(s().view.units['ubuntu/0']).toMatchObject({ failedHook: 'start', retryInSeconds: null });
    s().apply(autoRetryCommand(true));
    s().seek(s().length - 1);
    const again = reopen(store);
    expect(again.getState().inputs).toEqual(s().inputs);
    expect(again.getState().cursor).toBe(s().cursor);
    expect(stateOf(again)).toBe(stateOf(store));
    expect(again.getState().view.units['ubuntu/0']).toEqual(s().view.units['ubuntu/0']);
    expect(again.getState().view.autoRetry).toBe(s().view.autoRetry);
  });

  it('carries the files of a charm deployed from pasted metadata', () => {
    const store = createRelvizStore();
    const deploy: Command = { type: 'deploy', charm: { kind: 'files', path: './pasted', files: { 'metadata.yaml': PASTED } }, app: 'rep', units: 2 };
    store.getState().apply(deploy);
    store.getState().runLine('juju deploy worker');
    store.getState().runLine('juju relate rep worker');
    const again = reopen(store);
    expect(again.getState().inputs[0]?.command).toEqual(deploy);
    expect(stateOf(again)).toBe(stateOf(store));
  });

  it('keeps the text shown for a command whose text is not its script line', () => {
    const store = createRelvizStore();
    store.getState().apply({ type: 'deploy', charm: { kind: 'catalog', name: 'ubuntu' }, app: null, units: 2 }, { text: 'deploy two machines' });
    const again = reopen(store);
    expect(again.getState().inputs).toEqual(store.getState().inputs);
  });

  it('rounds positions to whole pixels', () => {
    const store = createRelvizStore({ script: 'juju deploy ubuntu\n' });
    store.getState().setPosition('ubuntu', { x: 10.4, y: -3.6 });
    expect(reopen(store).getState().positions).toEqual({ ubuntu: { x: 10, y: -4 } });
  });

  it('carries the tutorial step it was made at', () => {
    const session = createRelvizStore({ script: masterworker }).getState().exportSession();
    expect(decodeShare(encodeShare(session, { tutorial: { id: 'masterworker', step: 3 } })).tutorial).toEqual({ id: 'masterworker', step: 3 });
    expect(decodeShare(encodeShare(session)).tutorial).toBeNull();
  });

  it('is a URL hash parameter, read back from the hash', () => {
    const value = encodeShare(createRelvizStore().getState().exportSession());
    const url = shareUrl({ origin: 'http://localhost:5173', pathname: '/', search: '?x=1' }, value);
    expect(url).toBe(`http://localhost:5173/?x=1#share=${value}`);
    expect(shareParam(new URL(url).hash)).toBe(value);
    expect(shareParam('#other=1')).toBeNull();
    expect(value).toMatch(/^1\.[A-Za-z0-9_-]+$/);
  });
});

describe('share link refusals', () => {
  const good = JSON.stringify({ s: 1, j: '3.6', c: 0, i: ['juju deploy ubuntu'] });

  it('refuses what is not a relviz link', () => {
    expect(reason(() => decodeShare(''))).toBe('not a relviz share link');
    expect(reason(() => decodeShare('hello'))).toBe('not a relviz share link');
    expect(reason(() => decodeShare('1.'))).toBe('no session in it');
  });

  it('names the link format it does not know', () => {
    expect(reason(() => decodeShare(linkOf(good, '2')))).toBe('made by a newer relviz (link format 2)');
    expect(reason(() => decodeShare(linkOf(good, '0')))).toBe('unknown link format 0');
  });

  it('refuses damaged data', () => {
    expect(reason(() => decodeShare('1.abc$'))).toBe('damaged data (not base64url)');
    expect(reason(() => decodeShare('1.a'))).toBe('damaged data (not base64url)');
    expect(reason(() => decodeShare('1.AAAA'))).toBe('damaged data (cannot decompress)');
    expect(reason(() => decodeShare(linkOf('{"s":1,')))).toBe('damaged data (not JSON)');
    const cut = linkOf(good);
    expect(() => decodeShare(cut.slice(0, cut.length - 6))).toThrow(ShareError);
  });

  it('refuses a link that unpacks to more than it may (a deflate bomb)', () => {
    expect(reason(() => decodeShare(linkOf(' '.repeat(3 * 1024 * 1024))))).toBe('more than 2 MB of session');
  });

  it('refuses a link too long to be one relviz made', () => {
    expect(reason(() => decodeShare(`1.${'A'.repeat(1024 * 1024 + 4)}`))).toBe('too long');
  });

  it('opens a good hash, and turns a broken one into the banner text', () => {
    expect(openShareHash('')).toBeNull();
    expect(openShareHash(`#share=${linkOf(good)}`)).toMatchObject({ kind: 'shared', shared: { session: { inputs: [{ text: 'juju deploy ubuntu' }] } } });
    expect(openShareHash('#share=1.AAAA')).toEqual({ kind: 'broken', error: 'ERROR this share link cannot be opened: damaged data (cannot decompress)' });
  });

  it('shows the broken link in the store from the start', () => {
    const store = createRelvizStore({ script: 'juju deploy ubuntu\n', error: 'ERROR this share link cannot be opened: bad seed' });
    expect(store.getState().error).toBe('ERROR this share link cannot be opened: bad seed');
    expect(store.getState().inputs).toHaveLength(1);
  });
});
