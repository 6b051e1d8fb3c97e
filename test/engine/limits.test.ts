/** relviz's limits (src/engine/limits.ts): every refusal names the limit, and nothing changes. */
import { describe, expect, it } from 'vitest';
import { LIMITS, commandLimitError } from '../../src/engine/limits.ts';
import { parseLine } from '../../src/io/script.ts';
import { sim } from '../helpers.ts';

const command = (line: string) => {
  const parsed = parseLine(line);
  if (!parsed) throw new Error(`blank: ${line}`);
  return parsed.command;
};

describe('limits', () => {
  it('refuses more units per command than the limit, whatever the model', () => {
    const run = sim('juju deploy worker -n 2');
    const units = run.timeline.state.units.size;
    run.run('juju add-unit worker -n 99999999999');
    expect(run.lastOutput()).toBe(`ERROR cannot add 99,999,999,999 units to application "worker", over relviz's limit of 1,000 units per command\n`);
    expect(run.timeline.state.units.size).toBe(units);
    run.run('juju deploy master m -n 1001');
    expect(run.lastOutput()).toContain("over relviz's limit of 1,000 units per command");
    expect(run.timeline.state.apps.has('m')).toBe(false);
  });

  it('refuses an application beyond its limit of units, counting the ones it has', () => {
    const run = sim('juju deploy worker -n 2');
    run.run(`juju add-unit worker -n ${LIMITS.unitsPerApplication - 1}`);
    expect(run.lastOutput()).toBe(`ERROR cannot add 999 units to application "worker": it would have 1,001 units, over relviz's limit of 1,000 units per application\n`);
    expect(run.timeline.state.apps.get('worker')?.units).toHaveLength(2);
  });

  it('counts the subordinate units a new principal unit brings, and a container relation’s units', () => {
    const run = sim('juju deploy ubuntu -n 600\njuju deploy telegraf\njuju relate telegraf ubuntu');
    expect(run.timeline.state.apps.get('telegraf')?.units).toHaveLength(600);
    run.run('juju add-unit ubuntu -n 401');
    expect(run.lastOutput()).toContain('cannot add 401 units to application "ubuntu": it would have 1,001 units');
    run.run('juju add-unit ubuntu -n 400');
    expect(run.lastOutput()).toBe('');
    run.run('juju deploy ubuntu u2 -n 1000\njuju deploy ubuntu u3 -n 1000\njuju deploy ubuntu u4 -n 1000');
    expect(run.lastOutput()).toBe('Deployed "u4" from charm "ubuntu"\n');
    // 1,000 + 1,000 telegraf + 3,000 = 5,000 units: a fifth telegraf of 1,000 would make 6,000.
    run.run('juju deploy telegraf t2\njuju relate t2 u2');
    expect(run.lastOutput()).toContain("the model would have 6,000 units, over relviz's limit of 5,000 units per model");
    expect([...run.timeline.state.relations.values()].map((r) => r.key)).toEqual(['telegraf:juju-info ubuntu:juju-info']);
  });

  it('refuses a step of more hooks than one command may run', () => {
    const run = sim('juju deploy worker');
    run.run('step 999999999999');
    expect(run.lastOutput()).toBe(`ERROR cannot run 999,999,999,999 hooks, over relviz's limit of 5,000,000 hooks per command\n`);
  });

  it('judges the numbers of a command without a model (what the session schema checks)', () => {
    expect(commandLimitError(command('juju add-unit worker -n 1000'))).toBeNull();
    expect(commandLimitError(command('juju add-unit worker -n 1001'))).toContain('units per command');
    expect(commandLimitError(command(`juju deploy worker -n ${'9'.repeat(400)}`))).toContain('cannot deploy Infinity units');
    expect(commandLimitError(command('step 5000001'))).toContain('hooks per command');
    expect(commandLimitError(command('juju status'))).toBeNull();
  });
});
