/** Hook tools and permissions as a charm sees them (JUJU-SEMANTICS §6, §8, §9). */
import fc from 'fast-check';
import { relationListAfter, relationListBefore } from '../../src/engine/runner.ts';
import type { Timeline } from '../../src/engine/timeline.ts';
import type { HookRecord } from '../../src/engine/trace.ts';
import { describe, expect, it } from 'vitest';
import { shellSplit } from '../../src/engine/hooktools.ts';
import { parseScript, type ScriptLine } from '../../src/io/script.ts';
import { sim } from '../helpers.ts';
import { RUNS, opArb, runOps } from './generators.ts';

const model = 'juju deploy postgresql -n 2\njuju deploy webapp -n 2\njuju integrate webapp postgresql';
const exec = (unit: string, line: string) => `juju exec --unit ${unit} -- ${line}`;

describe('hook tool output', () => {
  it('prints relation-ids one per line, sorted by id', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker\njuju remove-relation master worker\njuju relate master worker');
    s.run(exec('worker/0', 'relation-ids master'));
    expect(s.lastOutput()).toBe('master:1\n');
  });

  it('prints a bag as a YAML map with sorted keys and numeric-looking strings quoted', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    s.run(exec('master/0', 'relation-set -r 0 zz=5914 aa=ADA1 t=true'));
    s.run(exec('worker/0', 'relation-get -r master:0 - master/0'));
    const out = s.lastOutput();
    expect(out).toMatch(/^aa: ADA1\negress-subnets: 10\.0\.0\.10\/32\n/);
    expect(out).toContain('t: "true"\n');
    expect(out).toContain('zz: "5914"\n');
  });

  it('exits 2 for what a tool refuses before it runs (Juju\'s Init errors), 1 for what fails as it runs', () => {
    const s = sim('juju deploy master\njuju deploy worker -n 2\njuju relate master worker');
    const code = (unit: string, line: string) => s.timeline.apply((parseScript(exec(unit, line))[0] as ScriptLine).command).exitCode;
    // relation-get_test.go: no relation id, no unit id, an unknown -r: code 2.
    expect(code('worker/0', 'relation-get key')).toBe(2);
    expect(code('worker/0', 'relation-get -r 0 key')).toBe(2);
    expect(code('worker/0', 'relation-get -r 9 key master/0')).toBe(2);
    expect(code('worker/0', 'relation-get --bogus')).toBe(2);
    // Refused when it runs (a follower and its own application's bag): code 1.
    const follower = s.timeline.state.apps.get('worker')?.leader === 'worker/0' ? 'worker/1' : 'worker/0';
    expect(code(follower, 'relation-get -r 0 --app - worker')).toBe(1);
    expect(code(follower, 'relation-set -r 0 --app k=v')).toBe(1);
  });

  it('a worker reads nothing, as charmhelpers does on exit 2, in an app-level relation-changed (no remote unit)', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    s.run(exec('master/0', 'relation-set -r 0 --app note=hi'));
    const appLevel = s.hooks().filter((h) => h.unit === 'worker/0' && h.hook === 'master-relation-changed' && h.remoteUnit === null);
    expect(appLevel).toHaveLength(1);
    expect(appLevel[0]?.result).toBe('ok');
    expect(appLevel[0]?.status).toEqual({ workload: 'waiting', message: 'worker-key not available for this unit.' });
  });

  it('prints {} for an empty app bag and nothing for an unset key', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    s.run(exec('worker/0', 'relation-get -r 0 --app - master'));
    expect(s.lastOutput()).toBe('{}\n');
    s.run(exec('worker/0', 'relation-get -r 0 nothing-here master/0'));
    expect(s.lastOutput()).toBe('');
  });

  it('lists remote units sorted, never the caller, and the remote app with --app', () => {
    const s = sim(model);
    s.run(exec('postgresql/1', 'relation-list -r database:1'));
    expect(s.lastOutput()).toBe('webapp/0\nwebapp/1\n');
    s.run(exec('postgresql/1', 'relation-list -r 0'));
    expect(s.lastOutput()).toBe('postgresql/0\n');
    s.run(exec('postgresql/1', 'relation-list -r 1 --app'));
    expect(s.lastOutput()).toBe('webapp\n');
  });

  it('accepts -r as endpoint:id or a bare id, and refuses an unknown relation', () => {
    const s = sim(model);
    s.run(exec('webapp/0', 'relation-get -r 1 credentials --app postgresql'));
    const bare = s.lastOutput();
    s.run(exec('webapp/0', 'relation-get -r db:1 credentials --app postgresql'));
    expect(s.lastOutput()).toBe(bare);
    expect(bare).toMatch(/^secret:/);
    s.run(exec('webapp/0', 'relation-get -r db:7 - postgresql/0'));
    expect(s.lastOutput()).toBe('ERROR invalid value "db:7" for option -r: relation not found\n');
  });

  it('prints True or False for is-leader', () => {
    const s = sim(model);
    s.run(exec('webapp/0', 'is-leader'));
    expect(s.lastOutput()).toBe('True\n');
    s.run(exec('webapp/1', 'is-leader'));
    expect(s.lastOutput()).toBe('False\n');
  });

  it('says command not found for something that is not a hook tool', () => {
    const s = sim('juju deploy ubuntu');
    s.run(exec('ubuntu/0', 'frobnicate'));
    expect(s.lastOutput()).toBe('bash: line 1: frobnicate: command not found\n');
  });

  it('splits command lines like a shell', () => {
    expect(shellSplit(`relation-set -r 0 "message=Hello there" 'a=b c' d=e\\ f`)).toEqual(['relation-set', '-r', '0', 'message=Hello there', 'a=b c', 'd=e f']);
  });
});

describe('permissions', () => {
  it('lets only the leader write its app bag', () => {
    const s = sim(model);
    s.run(exec('webapp/1', 'relation-set -r 1 --app k=v'));
    expect(s.lastOutput()).toBe('ERROR cannot write relation settings\n');
    s.run(exec('webapp/0', 'relation-set -r 1 --app k=v'));
    expect(s.lastOutput()).toBe('');
  });

  it('denies a non-leader its own app bag in a regular relation, but not the remote app bag', () => {
    const s = sim(model);
    s.run(exec('webapp/1', 'relation-get -r 1 --app - webapp'));
    expect(s.lastOutput()).toBe('ERROR permission denied\n');
    s.run(exec('webapp/1', 'relation-get -r 1 --app - postgresql'));
    expect(s.lastOutput()).toMatch(/^credentials: secret:/);
  });

  it('lets a non-leader read (not write) its own app bag in a peer relation', () => {
    const s = sim(model);
    s.run(exec('postgresql/1', 'relation-get -r 0 --app primary postgresql'));
    expect(s.lastOutput()).toBe('postgresql/0\n');
    s.run(exec('postgresql/1', 'relation-set -r 0 --app primary=me'));
    expect(s.lastOutput()).toBe('ERROR cannot write relation settings\n');
  });

  it('denies reading a unit of an application that is not in the relation', () => {
    const s = sim(model + '\njuju deploy ubuntu');
    s.run(exec('webapp/0', 'relation-get -r 1 - ubuntu/0'));
    expect(s.lastOutput()).toBe('ERROR permission denied\n');
  });

  it('shows the writer its own uncommitted writes within the same context', () => {
    const s = sim(model);
    s.run(exec('webapp/0', 'relation-set -r 1 k=v && relation-get -r 1 k webapp/0'));
    expect(s.lastOutput()).toBe('v\n');
  });
});

describe('command lines in juju exec', () => {
  it('runs commands after ; even when one fails, and skips the rest of an && chain', () => {
    const s = sim('juju deploy master\njuju deploy worker\njuju relate master worker');
    s.run("juju exec --unit worker/0 -- relation-get -r 9 - master/0 ; relation-ids master");
    expect(s.lastOutput()).toBe('master:0\nERROR invalid value "9" for option -r: relation not found\n');
    s.run("juju exec --unit worker/0 -- relation-get -r 9 - master/0 && relation-ids master");
    expect(s.lastOutput()).toBe('ERROR invalid value "9" for option -r: relation not found\n');
  });
});

describe('trace records for the inspector', () => {
  it('derives what relation-list returned inside a relation hook from the state just before it', () => {
    const s = sim('juju deploy master\njuju deploy worker -n 2\njuju relate master worker');
    const from = s.timeline.trace.length;
    s.run('juju remove-unit worker/1');
    const t = s.timeline;
    const listed = (match: (r: HookRecord) => boolean) => {
      const index = [...t.fullTrace].findIndex((r, i) => i >= from && r.type === 'hook' && match(r));
      return relationListBefore(t.stateAt(t.tickOfRecord(index)), t.fullTrace.at(index) as HookRecord);
    };
    expect(listed((r) => r.unit === 'master/0' && r.kind === 'relation-departed')).toEqual(['worker/0']);
    expect(listed((r) => r.kind === 'relation-broken')).toEqual([]);
    expect(listed((r) => r.kind === 'stop')).toBeNull();
    // The cursor did not move.
    expect(t.cursor).toBe(t.length);
  });

  it('reads the same relation-list from the state just after the hook, whenever that state can say', () => {
    let derived = 0;
    let relationHooks = 0;
    const check = (t: Timeline) => {
      for (let index = 0; index < t.fullTrace.length; index++) {
        const r = t.fullTrace.at(index);
        if (r?.type !== 'hook' || r.relationId === null) continue;
        relationHooks++;
        const tick = t.tickOfRecord(index);
        const after = relationListAfter(t.stateAt(tick + 1), r);
        if (after === null) continue;
        derived++;
        expect(after).toEqual(relationListBefore(t.stateAt(tick), r));
      }
    };
    check(sim('juju deploy master -n 2\njuju deploy worker -n 3\njuju relate master worker\njuju remove-unit worker/1\njuju add-unit master\njuju remove-unit master/0\njuju remove-relation master worker').timeline);
    fc.assert(
      fc.property(fc.nat(), fc.array(opArb, { minLength: 3, maxLength: 12 }), (seed, ops) => check(runOps(seed, ops, '3.6'))),
      { numRuns: Math.max(20, Math.floor(RUNS / 20)) },
    );
    // Most relation hooks are answered this way (else the test would prove little).
    expect(relationHooks).toBeGreaterThan(50);
    expect(derived).toBeGreaterThan(relationHooks / 2);
  });

  it('rebuilds the hook environment from a record', async () => {
    const { recordEnv } = await import('../../src/engine/context.ts');
    const s = sim('juju deploy master\njuju deploy worker -n 2\njuju relate master worker\njuju remove-unit worker/1');
    const departed = s.hooks().find((r) => r.unit === 'worker/1' && r.kind === 'relation-departed');
    expect(departed && recordEnv(departed)).toEqual({
      JUJU_UNIT_NAME: 'worker/1',
      JUJU_MODEL_NAME: 'relviz',
      JUJU_HOOK_NAME: 'master-relation-departed',
      JUJU_RELATION: 'master',
      JUJU_RELATION_ID: 'master:0',
      JUJU_REMOTE_UNIT: 'master/0',
      JUJU_REMOTE_APP: 'master',
      JUJU_DEPARTING_UNIT: 'worker/1',
    });
  });
});
