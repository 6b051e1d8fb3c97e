/**
 * Automatic retry as the UI shows it: the view's per-unit fields and the model
 * setting at the cursor, the line under a unit in error, the header switch's command
 * and the fail form's.
 */
import { describe, expect, it } from 'vitest';
import { formatCommand } from '../../src/engine/commands.ts';
import { parseLine } from '../../src/io/script.ts';
import { createRelvizStore } from '../../src/store/store.ts';
import { retryExplanation, retryText } from '../../src/ui/common/retryText.ts';
import { AUTO_RETRY_TITLE, autoRetryCommand } from '../../src/ui/controls/autoRetry.ts';
import { failCommand } from '../../src/ui/controls/targetActions.ts';

function storeAfter(script: string) {
  const store = createRelvizStore({ script });
  store.getState().seek(store.getState().length);
  return store;
}

const ALWAYS = 'juju deploy ubuntu &\nfail ubuntu/0 start --always\nwait\n';

describe('the view of a unit in error', () => {
  it('has no retry fields while the unit is fine, and the model setting (on by default)', () => {
    const view = storeAfter('juju deploy ubuntu\n').getState().view;
    expect(view.units['ubuntu/0']).toMatchObject({ failedHook: null, retryInSeconds: null, failures: 0 });
    expect(view.autoRetry).toBe(true);
  });

  it('counts the failures and the seconds to the automatic retry, at the cursor', () => {
    const store = storeAfter(ALWAYS);
    // Failed on start, retried 5 s later, failed again: the next retry is 10 s away.
    expect(store.getState().view.units['ubuntu/0']).toMatchObject({ failedHook: 'start', retryInSeconds: 10, failures: 2 });
    // At the first failure (one tick after the first start record), the retry was 5 s away.
    const t = store.getState().timeline;
    const first = [...t.fullTrace].findIndex((r) => r.type === 'hook' && r.kind === 'start');
    store.getState().seek(t.tickOfRecord(first) + 1);
    expect(store.getState().view.units['ubuntu/0']).toMatchObject({ failedHook: 'start', retryInSeconds: 5, failures: 1 });
  });

  it('has no retry scheduled with automatically-retry-hooks=false, and the setting follows the cursor', () => {
    const store = storeAfter(ALWAYS);
    store.getState().runLine('juju model-config automatically-retry-hooks=false');
    store.getState().seek(store.getState().length);
    const view = store.getState().view;
    expect(view.autoRetry).toBe(false);
    expect(view.units['ubuntu/0']).toMatchObject({ failedHook: 'start', retryInSeconds: null, failures: 2 });
    // Back before the command: on again, the retry scheduled again.
    store.getState().seek(store.getState().length - 1);
    expect(store.getState().view.autoRetry).toBe(true);
    expect(store.getState().view.units['ubuntu/0']?.retryInSeconds).toBe(10);
  });

  it('forgets the failure once the hook succeeds (resolve --no-retry here)', () => {
    const store = storeAfter(`${ALWAYS}juju resolve --no-retry ubuntu/0\n`);
    expect(store.getState().view.units['ubuntu/0']).toMatchObject({ failedHook: null, retryInSeconds: null, failures: 0 });
  });
});

describe('retryText', () => {
  const unit = (retryInSeconds: number | null, failures: number, failedHook: string | null = 'start') => ({ failedHook, retryInSeconds, failures });

  it('says when the unit retries by itself, or that it needs juju resolve', () => {
    expect(retryText(unit(10, 2))).toBe('retrying in 10 s (failed 2×)');
    expect(retryText(unit(0, 3))).toBe('retrying now (failed 3×)');
    expect(retryText(unit(null, 1))).toBe('needs juju resolve (failed 1×)');
    expect(retryText(unit(null, 0, null))).toBeNull();
  });

  it('explains it in a sentence for the tooltip', () => {
    expect(retryExplanation(unit(10, 2))).toBe('start failed 2 times; the unit re-runs it by itself in 10 s of simulated time (automatically-retry-hooks: back-off 5 s, doubling, at most 5 min); juju resolve retries at once.');
    expect(retryExplanation(unit(null, 1))).toBe('start failed once; automatic retry is off, so the unit runs nothing else until juju resolve.');
    expect(retryExplanation(unit(null, 0, null))).toBeNull();
  });

  it('reads the store\'s view as the chip does', () => {
    expect(retryText(storeAfter(ALWAYS).getState().view.units['ubuntu/0'] ?? unit(null, 0, null))).toBe('retrying in 10 s (failed 2×)');
  });
});

describe('the commands the controls apply', () => {
  it('the header switch runs juju model-config, a line the console parses back to the same command', () => {
    for (const on of [true, false]) {
      const cmd = autoRetryCommand(on);
      expect(formatCommand(cmd)).toBe(`juju model-config automatically-retry-hooks=${on}`);
      expect(parseLine(formatCommand(cmd))?.command).toEqual(cmd);
    }
    // One sentence.
    expect(AUTO_RETRY_TITLE.replace(/\.$/, '')).not.toMatch(/\. /);
  });

  it('the fail form writes once, N times and always as the script does', () => {
    expect(formatCommand(failCommand('ubuntu/0', 'start'))).toBe('fail ubuntu/0 start');
    expect(formatCommand(failCommand('ubuntu/0', 'start', 1))).toBe('fail ubuntu/0 start');
    expect(formatCommand(failCommand('ubuntu/0', 'start', 3))).toBe('fail ubuntu/0 start --times 3');
    expect(formatCommand(failCommand('ubuntu/0', 'start', 'always'))).toBe('fail ubuntu/0 start --always');
    for (const times of [1, 3, 'always'] as const) {
      const cmd = failCommand('ubuntu/0', 'start', times);
      expect(parseLine(formatCommand(cmd))?.command).toEqual(cmd);
    }
  });

  it('the switch toggles the model at the cursor through the store, as a command in the log', () => {
    const store = storeAfter('juju deploy ubuntu\n');
    expect(store.getState().apply(autoRetryCommand(false)).exitCode).toBe(0);
    store.getState().seek(store.getState().length);
    expect(store.getState().view.autoRetry).toBe(false);
    expect(store.getState().inputs.at(-1)?.text).toBe('juju model-config automatically-retry-hooks=false');
  });
});
