/**
 * The CLI contract (`npm run --silent sim -- <script> [--seed n] [--json] [--juju v]`),
 * exercised in-process through `main(argv, io)`: JSON records, exit codes,
 * determinism, Juju versions, local charms, background lines and the readable log.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim.ts';
import type { JsonActionRecord, JsonCommandRecord, JsonHookRecord, JsonRecord } from '../../src/io/report.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MASTERWORKER = join(ROOT, 'examples/masterworker.juju');

let dir: string;
let scriptCount = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'relviz-cli-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a file under the temp dir (creating folders); returns its absolute path. */
function write(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

interface CliRun {
  code: number;
  out: string;
  err: string;
}

function cli(...argv: string[]): CliRun {
  let out = '';
  let err = '';
  const code = syncExit(main(argv, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  }));
  return { code, out, err };
}

/** Writes `lines` as a script in the temp dir and runs it. */
function runLines(lines: readonly string[], ...flags: string[]): CliRun & { script: string } {
  const script = write(`script-${++scriptCount}.juju`, `${lines.join('\n')}\n`);
  return { ...cli(script, ...flags), script };
}

function parse(out: string): JsonRecord[] {
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as JsonRecord);
}

/** Runs a script with --json and returns its records (and the exit code). */
function json(lines: readonly string[], ...flags: string[]): { code: number; records: JsonRecord[]; err: string } {
  const r = runLines(lines, '--json', ...flags);
  return { code: r.code, records: parse(r.out), err: r.err };
}

const commands = (rs: readonly JsonRecord[]) => rs.filter((r): r is JsonCommandRecord => r.type === 'command');
const hooks = (rs: readonly JsonRecord[]) => rs.filter((r): r is JsonHookRecord => r.type === 'hook');
const hookNames = (rs: readonly JsonRecord[], unit: string) => hooks(rs).filter((h) => h.unit === unit).map((h) => h.hook);

/** The records a command caused: from its command record up to the next command record. */
function after(rs: readonly JsonRecord[], command: string): JsonRecord[] {
  const i = rs.findIndex((r) => r.type === 'command' && r.command === command);
  if (i < 0) throw new Error(`no command record "${command}"`);
  const next = rs.findIndex((r, j) => j > i && r.type === 'command');
  return rs.slice(i + 1, next < 0 ? undefined : next);
}

const MASTER_WORKER = ['juju deploy master', 'juju deploy worker -n 2', 'juju relate master worker'];

describe('--json: the fixed record shapes', () => {
  it('prints one JSON object per line, each with exactly the contract fields in contract order', () => {
    const { code, out } = cli(MASTERWORKER, '--json');
    expect(code).toBe(0);
    expect(out.endsWith('\n')).toBe(true);
    const records = parse(out);
    const keys = new Set(records.map((r) => `${r.type}: ${Object.keys(r).join(',')}`));
    expect([...keys].sort()).toEqual([
      'action: type,seq,unit,action,result',
      'command: type,line,command,exit_code,stdout,stderr',
      'hook: type,seq,unit,hook,relation_id,remote_unit,remote_app,departing_unit,result',
    ]);
  });

  it('gives each command record the script line it came from, counting comments and blank lines', () => {
    const { records } = json(['# a comment', 'juju deploy master', '', 'juju deploy worker -n 2   # trailing', '', '', 'juju relate master worker']);
    expect(commands(records).map((c) => [c.line, c.command])).toEqual([
      [2, 'juju deploy master'],
      [4, 'juju deploy worker -n 2'],
      [7, 'juju relate master worker'],
    ]);
  });

  it('puts each command record before the hooks it causes (every juju line waits for its hooks)', () => {
    const { records } = json(MASTER_WORKER);
    expect(records[0]).toMatchObject({ type: 'command', command: 'juju deploy master' });
    // A lone leader with no relations: install, leader-elected, config-changed, start (JUJU-SEMANTICS §2).
    expect(after(records, 'juju deploy master').map((r) => (r.type === 'hook' ? `${r.unit} ${r.hook}` : r.type))).toEqual([
      'master/0 install',
      'master/0 leader-elected',
      'master/0 config-changed',
      'master/0 start',
    ]);
    const deployWorker = hooks(after(records, 'juju deploy worker -n 2'));
    expect(new Set(deployWorker.map((h) => h.unit))).toEqual(new Set(['worker/0', 'worker/1']));
    expect(deployWorker.filter((h) => h.hook === 'install')).toHaveLength(2);
    const relate = hooks(after(records, 'juju relate master worker'));
    expect(relate.length).toBeGreaterThan(0);
    expect(relate.every((h) => h.relation_id !== null)).toBe(true);
  });

  it('gives hooks strictly increasing seq numbers', () => {
    const { records } = json([...MASTER_WORKER, 'juju run master/0 broadcast-message message=hi', 'juju remove-unit worker/1']);
    const seqs = records.flatMap((r) => (r.type === 'command' ? [] : [r.seq]));
    expect(seqs.length).toBeGreaterThan(10);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1] as number);
  });

  it('uses null relation fields for non-relation hooks', () => {
    const { records } = json(['juju deploy master']);
    const install = hooks(records).find((h) => h.hook === 'install');
    expect(install).toEqual({
      type: 'hook',
      seq: 1,
      unit: 'master/0',
      hook: 'install',
      relation_id: null,
      remote_unit: null,
      remote_app: null,
      departing_unit: null,
      result: 'ok',
    });
    for (const h of hooks(records)) expect([h.relation_id, h.remote_unit, h.remote_app, h.departing_unit]).toEqual([null, null, null, null]);
  });

  it('names the relation from each side by that side’s own endpoint, with the same id', () => {
    const { records } = json(MASTER_WORKER);
    const rel = hooks(records).filter((h) => h.relation_id !== null);
    for (const h of rel) {
      if (h.unit.startsWith('master/')) {
        expect(h.relation_id).toBe('master-application:0');
        expect(h.hook.startsWith('master-application-relation-')).toBe(true);
        expect(h.remote_app).toBe('worker');
      } else {
        expect(h.relation_id).toBe('master:0');
        expect(h.hook.startsWith('master-relation-')).toBe(true);
        expect(h.remote_app).toBe('master');
      }
    }
  });

  it('reports relation-created with an empty remote unit, joined/changed with the remote unit', () => {
    const { records } = json(MASTER_WORKER);
    const created = hooks(records).filter((h) => h.hook.endsWith('-relation-created'));
    expect(created.map((h) => h.unit).sort()).toEqual(['master/0', 'worker/0', 'worker/1']);
    for (const h of created) expect([h.remote_unit, h.departing_unit]).toEqual([null, null]);
    const joinedByMaster = hooks(records).filter((h) => h.unit === 'master/0' && h.hook === 'master-application-relation-joined');
    expect(joinedByMaster.map((h) => h.remote_unit).sort()).toEqual(['worker/0', 'worker/1']);
    for (const w of ['worker/0', 'worker/1']) {
      expect(hooks(records).filter((h) => h.unit === w && h.hook === 'master-relation-joined').map((h) => h.remote_unit)).toEqual(['master/0']);
    }
  });

  it('moves the id on after remove-relation and relate again, on both sides', () => {
    const { records } = json([...MASTER_WORKER, 'juju remove-relation master worker', 'juju relate master worker']);
    const again = hooks(records.slice(records.findLastIndex((r) => r.type === 'command')));
    expect(commands(records).at(-1)?.command).toBe('juju relate master worker');
    expect(again.length).toBeGreaterThan(0);
    expect(new Set(again.map((h) => h.relation_id))).toEqual(new Set(['master-application:1', 'master:1']));
  });

  it('remove-unit worker/1: departed on master/0 and worker/1, both with departing_unit worker/1; then broken, stop, remove on worker/1', () => {
    const { records } = json([...MASTER_WORKER, 'juju remove-unit worker/1']);
    const caused = hooks(after(records, 'juju remove-unit worker/1'));

    const masterDeparted = caused.filter((h) => h.unit === 'master/0' && h.hook === 'master-application-relation-departed');
    expect(masterDeparted).toEqual([
      expect.objectContaining({ relation_id: 'master-application:0', remote_unit: 'worker/1', remote_app: 'worker', departing_unit: 'worker/1', result: 'ok' }),
    ]);
    // The master keeps the relation: no broken on its side.
    expect(caused.some((h) => h.unit === 'master/0' && h.hook.endsWith('-relation-broken'))).toBe(false);

    const own = caused.filter((h) => h.unit === 'worker/1');
    expect(own.map((h) => h.hook)).toEqual(['master-relation-departed', 'master-relation-broken', 'stop', 'remove']);
    expect(own[0]).toMatchObject({ relation_id: 'master:0', remote_unit: 'master/0', remote_app: 'master', departing_unit: 'worker/1' });
    expect(own[1]).toMatchObject({ relation_id: 'master:0', remote_unit: null, remote_app: 'master', departing_unit: null });
    expect(own[2]).toMatchObject({ relation_id: null, remote_unit: null, remote_app: null, departing_unit: null });

    // worker/0 shares no relation with worker/1 (no peers): it sees no departure.
    expect(caused.some((h) => h.unit === 'worker/0' && h.hook.endsWith('-relation-departed'))).toBe(false);
  });

  it('remove-relation: departing_unit is the remote unit on each side, then broken on both', () => {
    const { records } = json(['juju deploy master', 'juju deploy worker', 'juju relate master worker', 'juju remove-relation master worker']);
    const caused = hooks(after(records, 'juju remove-relation master worker'));
    expect(caused.filter((h) => h.unit === 'master/0').map((h) => [h.hook, h.remote_unit, h.departing_unit])).toEqual([
      ['master-application-relation-departed', 'worker/0', 'worker/0'],
      ['master-application-relation-broken', null, null],
    ]);
    expect(caused.filter((h) => h.unit === 'worker/0').map((h) => [h.hook, h.remote_unit, h.departing_unit])).toEqual([
      ['master-relation-departed', 'master/0', 'master/0'],
      ['master-relation-broken', null, null],
    ]);
  });

  it('shows actions as action records, followed by the relation-changed their writes cause', () => {
    const { records } = json([...MASTER_WORKER, 'juju run master/0 broadcast-message message="Hello there"']);
    const caused = after(records, 'juju run master/0 broadcast-message message="Hello there"');
    const actions = caused.filter((r): r is JsonActionRecord => r.type === 'action');
    expect(actions).toEqual([{ type: 'action', seq: expect.any(Number), unit: 'master/0', action: 'broadcast-message', result: 'ok' }]);
    // The action set `message` in the master's unit bag: each worker runs relation-changed for master/0.
    const changed = hooks(caused).filter((h) => h.hook === 'master-relation-changed');
    expect(changed.map((h) => h.unit).sort()).toEqual(['worker/0', 'worker/1']);
    for (const h of changed) expect(h.seq).toBeGreaterThan((actions[0] as JsonActionRecord).seq);
  });

  it('marks a failed hook result "error" without failing the command; resolve re-runs the same hook', () => {
    const { code, records } = json([
      'juju model-config automatically-retry-hooks=false',
      ...MASTER_WORKER,
      'fail worker/0 master-relation-changed',
      'juju run master/0 broadcast-message message=hi',
      'juju resolve worker/0',
    ]);
    expect(code).toBe(0);
    const failed = hooks(records).filter((h) => h.result === 'error');
    expect(failed).toEqual([expect.objectContaining({ unit: 'worker/0', hook: 'master-relation-changed', remote_unit: 'master/0' })]);
    const retried = hooks(after(records, 'juju resolve worker/0')).filter((h) => h.unit === 'worker/0');
    expect(retried[0]).toMatchObject({ hook: 'master-relation-changed', remote_unit: 'master/0', result: 'ok' });
  });
});

describe('exit codes', () => {
  it('is 0 when every command succeeded', () => {
    const { code, records } = json(MASTER_WORKER);
    expect(code).toBe(0);
    expect(commands(records).every((c) => c.exit_code === 0)).toBe(true);
  });

  it('is 1 when integrate would exceed a limit; the ERROR is in that command’s stderr and the script carries on', () => {
    const { code, records } = json([...MASTER_WORKER, 'juju deploy worker second', 'juju relate master second', 'juju add-unit worker']);
    expect(code).toBe(1);
    const refused = commands(records).find((c) => c.command === 'juju relate master second');
    expect(refused).toEqual({
      type: 'command',
      line: 5,
      command: 'juju relate master second',
      exit_code: 1,
      stdout: '',
      stderr:
        'ERROR cannot add relation "second:master master:master-application": establishing a new relation for master:master-application would exceed its maximum relation limit of 1 (quota limit exceeded)\n',
    });
    // A refused command changes nothing, so it causes no hooks...
    expect(after(records, 'juju relate master second')).toEqual([]);
    // ...and the next line still runs: the new unit installs and joins the existing relation.
    const added = hooks(after(records, 'juju add-unit worker'));
    expect(added[0]).toMatchObject({ unit: 'worker/2', hook: 'install' });
    expect(added.some((h) => h.unit === 'master/0' && h.hook === 'master-application-relation-joined' && h.remote_unit === 'worker/2')).toBe(true);
  });

  it('is 1 with "ERROR no relations found" when no endpoints match (two requirers)', () => {
    const { code, records } = json(['juju deploy worker', 'juju deploy worker other', 'juju integrate worker other', 'juju status']);
    expect(code).toBe(1);
    expect(commands(records).map((c) => [c.command, c.exit_code, c.stderr])).toEqual([
      ['juju deploy worker', 0, 'Deployed "worker" from charm "worker"\n'],
      ['juju deploy worker other', 0, 'Deployed "other" from charm "worker"\n'],
      ['juju integrate worker other', 1, 'ERROR no relations found\n'],
      ['juju status', 0, ''],
    ]);
  });

  it('is 1 for commands refused at run time (unknown application, unit, action)', () => {
    for (const line of ['juju relate master nosuch', 'juju remove-unit master/7', 'juju run master/0 no-such-action', 'juju deploy no-such-charm']) {
      const { code, records } = json(['juju deploy master', line]);
      expect(code, line).toBe(1);
      const last = commands(records).at(-1);
      expect(last?.exit_code, line).toBe(1);
      expect(last?.stderr, line).toMatch(/^ERROR \S/);
    }
  });

  it('is 2 when the script does not exist, and prints nothing on stdout', () => {
    const r = cli(join(dir, 'missing.juju'), '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`error: cannot read script "${join(dir, 'missing.juju')}": ENOENT\n`);
  });

  it('is 2 when the script is a directory', () => {
    const r = cli(dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^error: cannot read script ".*": EISDIR\n$/);
  });

  it('is 2 on a syntax error: <script>:<line>: syntax error: …, and nothing runs', () => {
    const r = runLines(['juju deploy master', '# fine so far', 'juju deploy worker -n 2', 'juju integrate master'], '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `${r.script}:4: syntax error: expected two applications, got 1 (usage: juju integrate <app>[:<endpoint>] <app>[:<endpoint>])\n`,
    );
  });

  it('is 2 on a syntax error in readable mode too, with nothing on stdout', () => {
    const r = runLines(['juju deploy master', 'step &']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`${r.script}:2: syntax error: only juju commands can run in the background with "&"\n`);
  });

  it.each([
    [['--seed', 'abc'], '--seed expects a whole number from 0 to 4294967295, got "abc"'],
    [['--seed', '-1'], '--seed expects a whole number from 0 to 4294967295, got "-1"'],
    [['--seed', '4294967296'], '--seed expects a whole number from 0 to 4294967295, got "4294967296"'],
    [['--seed'], '--seed needs a value'],
    [['--juju', '3.5'], '--juju expects 3.6 or 4.0, got "3.5"'],
    [['--juju=2.9'], '--juju expects 3.6 or 4.0, got "2.9"'],
    [['--frobnicate'], 'unknown option --frobnicate'],
  ])('is 2 on bad options %j', (flags, message) => {
    const r = cli(MASTERWORKER, ...flags);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const [first, usage] = r.err.split('\n');
    expect(first).toBe(`error: ${message}`);
    expect(usage).toMatch(/^usage: npm run --silent sim -- <script \| bundle\.yaml \[--overlay <overlay\.yaml>\]\.\.\. \| status\.json \[--show-unit <show-unit\.json>\]\.\.\.> \[--seed <n>\] \[--json\] \[--juju 3\.6\|4\.0\]/);
  });

  it('is 2 without a script, or with two', () => {
    expect(cli('--json')).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^error: no script given\n/) });
    expect(cli(MASTERWORKER, MASTERWORKER)).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^error: unexpected argument/) });
  });
});

describe('determinism', () => {
  it('the same seed and script give identical output, JSON and readable', () => {
    expect(cli(MASTERWORKER, '--json', '--seed', '42').out).toBe(cli(MASTERWORKER, '--json', '--seed=42').out);
    expect(cli(MASTERWORKER, '--seed', '42').out).toBe(cli(MASTERWORKER, '--seed', '42').out);
  });

  it('the default seed is 1', () => {
    expect(cli(MASTERWORKER, '--json').out).toBe(cli(MASTERWORKER, '--json', '--seed', '1').out);
  });

  it('different seeds give a different run of the masterworker example', () => {
    const one = cli(MASTERWORKER, '--json', '--seed', '1');
    const two = cli(MASTERWORKER, '--json', '--seed', '2');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.out).not.toBe(one.out);
    // Same commands in the same order: only the scheduling and random data differ.
    expect(commands(parse(two.out)).map((c) => c.command)).toEqual(commands(parse(one.out)).map((c) => c.command));
  });
});

describe('--juju 3.6 and 4.0', () => {
  const lines = ['juju deploy worker -n 3'];

  it('3.6: non-leaders run leader-settings-changed at startup; the leader runs leader-elected', () => {
    const { records } = json(lines, '--juju', '3.6');
    const elected = hooks(records).filter((h) => h.hook === 'leader-elected');
    expect(elected).toHaveLength(1);
    const leader = elected[0]?.unit;
    const settings = hooks(records).filter((h) => h.hook === 'leader-settings-changed');
    expect(settings.map((h) => h.unit).sort()).toEqual(['worker/0', 'worker/1', 'worker/2'].filter((u) => u !== leader));
  });

  it('4.0: no leader-settings-changed at all, leader-elected still once', () => {
    const { code, records } = json(lines, '--juju', '4.0');
    expect(code).toBe(0);
    expect(hooks(records).filter((h) => h.hook === 'leader-settings-changed')).toEqual([]);
    expect(hooks(records).filter((h) => h.hook === 'leader-elected')).toHaveLength(1);
  });

  it('the masterworker example has leader-settings-changed under 3.6 only', () => {
    const count = (v: string) => hooks(parse(cli(MASTERWORKER, '--json', '--juju', v).out)).filter((h) => h.hook === 'leader-settings-changed').length;
    expect(count('3.6')).toBeGreaterThan(0);
    expect(count('4.0')).toBe(0);
  });

  it('the version shows in juju status', () => {
    const status = (v: string) => commands(json(['juju status'], '--juju', v).records)[0]?.stdout ?? '';
    expect(status('4.0')).toMatch(/\b4\.0\b/);
    expect(status('3.6')).toMatch(/\b3\.6\b/);
  });
});

describe('juju deploy ./path (local charms)', () => {
  it('deploys a charm directory with metadata.yaml; its hooks run and do nothing', () => {
    write(
      'local/thing/metadata.yaml',
      ['name: thing', 'provides:', '  db:', '    interface: mysql', 'peers:', '  cluster:', '    interface: thing-peers', ''].join('\n'),
    );
    const { code, records } = json(['juju deploy ./local/thing -n 2']);
    expect(code).toBe(0);
    expect(commands(records)).toEqual([
      { type: 'command', line: 1, command: 'juju deploy ./local/thing -n 2', exit_code: 0, stdout: '', stderr: 'Deployed "thing" from local charm "thing"\n' },
    ]);
    for (const [unit, other] of [
      ['thing/0', 'thing/1'],
      ['thing/1', 'thing/0'],
    ] as const) {
      const own = hooks(records).filter((h) => h.unit === unit);
      expect(own.every((h) => h.result === 'ok')).toBe(true);
      expect(own[0]?.hook).toBe('install');
      // The peer relation exists from deploy (id 0): created, then joined + changed for the other unit — and,
      // since the charm writes nothing, no further relation-changed and no app-level changed.
      const peer = own.filter((h) => h.relation_id !== null);
      expect(new Set(peer.map((h) => h.relation_id))).toEqual(new Set(['cluster:0']));
      expect(peer.map((h) => [h.hook, h.remote_unit])).toEqual([
        ['cluster-relation-created', null],
        ['cluster-relation-joined', other],
        ['cluster-relation-changed', other],
      ]);
      expect(own.map((h) => h.hook)).toEqual(expect.arrayContaining(['config-changed', 'start']));
    }
  });

  it('a local charm relates to a catalog charm by interface', () => {
    write('local/helper/metadata.yaml', ['name: helper', 'requires:', '  boss:', '    interface: exchange', ''].join('\n'));
    const { code, records } = json(['juju deploy master', 'juju deploy ./local/helper', 'juju relate master helper']);
    expect(code).toBe(0);
    const rel = hooks(after(records, 'juju relate master helper'));
    expect(rel.filter((h) => h.unit === 'helper/0').map((h) => h.hook)).toEqual(
      expect.arrayContaining(['boss-relation-created', 'boss-relation-joined', 'boss-relation-changed']),
    );
    expect(new Set(rel.filter((h) => h.unit === 'helper/0').map((h) => h.relation_id))).toEqual(new Set(['boss:0']));
  });

  it('deploys a single charmcraft.yaml file, whose actions can then be run', () => {
    write('local/cc/charmcraft.yaml', ['name: crafted', 'type: charm', 'actions:', '  go:', '    params:', '      speed: {type: integer}', ''].join('\n'));
    const { code, records } = json(['juju deploy ./local/cc/charmcraft.yaml', 'juju run crafted/0 go speed=3', 'juju run crafted/0 go colour=red']);
    expect(code).toBe(1);
    expect(after(records, 'juju run crafted/0 go speed=3')).toEqual([{ type: 'action', seq: expect.any(Number), unit: 'crafted/0', action: 'go', result: 'ok' }]);
    expect(commands(records).at(-1)).toMatchObject({ exit_code: 1, stderr: expect.stringMatching(/^ERROR .*"colour"/) });
  });

  it('resolves the path against the script’s directory, not the working directory', () => {
    write('nested/charms/near/metadata.yaml', 'name: near\n');
    const script = write('nested/deploy.juju', 'juju deploy ./charms/near\n');
    expect(dirname(script)).not.toBe(process.cwd());
    const r = cli(script, '--json');
    expect(r.code).toBe(0);
    expect(hooks(parse(r.out)).map((h) => h.unit)).toContain('near/0');
  });

  it('a bad metadata file fails the deploy with exit 1 and the file:line of the problem; the script carries on', () => {
    write('local/bad/metadata.yaml', ['name: bad', 'summary: broken', 'provides:', '  db:', '    limit: 1', ''].join('\n'));
    const { code, records } = json(['juju deploy ./local/bad', 'juju deploy master']);
    expect(code).toBe(1);
    expect(commands(records)[0]).toEqual({
      type: 'command',
      line: 1,
      command: 'juju deploy ./local/bad',
      exit_code: 1,
      stdout: '',
      stderr: 'ERROR cannot deploy ./local/bad: metadata.yaml:4: endpoint "db" has no interface\n',
    });
    expect(after(records, 'juju deploy ./local/bad')).toEqual([]);
    expect(hookNames(records, 'master/0')[0]).toBe('install');
  });

  it('invalid YAML is reported with its line too', () => {
    write('local/yamlbad/metadata.yaml', ['name: x', 'summary: ok', 'provides: a: b', ''].join('\n'));
    const { code, records } = json(['juju deploy ./local/yamlbad']);
    expect(code).toBe(1);
    expect(commands(records)[0]?.stderr).toMatch(/^ERROR cannot deploy \.\/local\/yamlbad: metadata\.yaml:3: \S/);
  });

  it('a path with no charm, or an empty directory, fails the deploy', () => {
    mkdirSync(join(dir, 'local/empty'), { recursive: true });
    const { code, records } = json(['juju deploy ./local/nothing-here', 'juju deploy ./local/empty']);
    expect(code).toBe(1);
    expect(commands(records).map((c) => c.stderr)).toEqual([
      'ERROR cannot deploy ./local/nothing-here: no charm found at "./local/nothing-here"\n',
      'ERROR cannot deploy ./local/empty: charm: no metadata.yaml or charmcraft.yaml found\n',
    ]);
  });

  it('an unreadable charm file is a failed deploy, not a crash', () => {
    mkdirSync(join(dir, 'local/weird/metadata.yaml'), { recursive: true });
    const { code, records } = json(['juju deploy ./local/weird', 'juju deploy master']);
    expect(code).toBe(1);
    expect(commands(records)[0]).toMatchObject({ exit_code: 1, stderr: expect.stringMatching(/^ERROR cannot deploy \.\/local\/weird: .*EISDIR/) });
    expect(commands(records)[1]).toMatchObject({ exit_code: 0 });
  });
});

describe('background lines (" &")', () => {
  it('a backgrounded command does not wait: the next commands run first and the hooks interleave', () => {
    const { code, records } = json(['juju deploy master &', 'juju deploy worker -n 2 &', 'juju relate master worker']);
    expect(code).toBe(0);
    // No hook ran before the third line: the first three records are the three commands.
    expect(records.slice(0, 3).map((r) => (r.type === 'command' ? r.line : r.type))).toEqual([1, 2, 3]);
    const second = records.findIndex((r) => r.type === 'command' && r.line === 2);
    const workerInstall = records.findIndex((r) => r.type === 'hook' && r.unit === 'worker/0' && r.hook === 'install');
    const masterInstall = records.findIndex((r) => r.type === 'hook' && r.unit === 'master/0' && r.hook === 'install');
    expect(workerInstall).toBeGreaterThan(second);
    expect(masterInstall).toBeGreaterThan(second);
    // The relation was added before anyone installed; each unit still installs before its relation-created (§2).
    for (const unit of ['master/0', 'worker/0', 'worker/1']) {
      const names = hookNames(records, unit);
      expect(names[0], unit).toBe('install');
      expect(names.filter((n) => n.endsWith('-relation-created')), unit).toHaveLength(1);
    }
    expect(commands(records).map((c) => c.command)).toEqual(MASTER_WORKER);
  });

  it('hooks of a backgrounded deploy run during the next line’s wait, after its command record', () => {
    const { records } = json(['juju deploy master &', 'juju deploy worker']);
    const caused = after(records, 'juju deploy worker');
    expect(hookNames(caused, 'master/0')).toEqual(['install', 'leader-elected', 'config-changed', 'start']);
    expect(hookNames(caused, 'worker/0')[0]).toBe('install');
  });

  it('a later wait line runs the pending hooks', () => {
    const { records } = json(['juju deploy master &', 'wait']);
    expect(after(records, 'juju deploy master')).toEqual([]);
    expect(hookNames(after(records, 'wait'), 'master/0')).toEqual(['install', 'leader-elected', 'config-changed', 'start']);
  });

  it('step n runs exactly n hooks', () => {
    const { records } = json(['juju deploy worker -n 2 &', 'step 3', 'step']);
    expect(hooks(after(records, 'step 3'))).toHaveLength(3);
    expect(hooks(after(records, 'step'))).toHaveLength(1);
  });
});

describe('readable output (without --json)', () => {
  const script = [
    'juju deploy master',
    'juju deploy worker -n 2',
    'juju relate master worker',
    'juju run --unit master/0 "relation-ids master-application"',
    'juju run-action master/0 broadcast-message message=hi',
    'juju remove-unit worker/1',
    'juju relate master nosuch',
  ];

  it('shows each command as "$ <command>" followed by its output, in script order', () => {
    const r = runLines(script);
    expect(r.code).toBe(1);
    const text = r.out;
    expect(text.startsWith('$ juju deploy master\nDeployed "master" from charm "master"\n')).toBe(true);
    expect(text).toContain('$ juju run --unit master/0 "relation-ids master-application"\nmaster-application:0\n');
    expect(text).toContain('$ juju run-action master/0 broadcast-message message=hi\nAction queued with id: ');
    expect(text.endsWith('$ juju relate master nosuch\nERROR application "nosuch" not found\n')).toBe(true);
    const commandLines = text.split('\n').filter((l) => l.startsWith('$ '));
    expect(commandLines).toEqual(script.map((l) => `$ ${l}`));
  });

  it('prints one aligned line per hook: seq, unit, hook, remote unit, relation id, departing unit', () => {
    const { out } = runLines(script, '--seed', '3');
    const records = json(script, '--seed', '3').records.filter((r): r is JsonHookRecord | JsonActionRecord => r.type !== 'command');
    const lines = out.split('\n').filter((l) => /^\s*\d+ {2}/.test(l));
    expect(lines).toHaveLength(records.length);

    const seqWidth = Math.max(3, ...records.map((r) => String(r.seq).length));
    const unitCol = new Set<number>();
    const hookCol = new Set<number>();
    const relCol = new Set<number>();
    records.forEach((r, i) => {
      const line = lines[i] as string;
      expect(line.slice(0, seqWidth), line).toBe(String(r.seq).padStart(seqWidth));
      const unitAt = line.indexOf(r.unit, seqWidth);
      unitCol.add(unitAt);
      const name = r.type === 'hook' ? r.hook : `${r.action} (action)`;
      const at = line.indexOf(name, unitAt + r.unit.length);
      expect(at, line).toBeGreaterThan(0);
      hookCol.add(at);
      if (r.type === 'hook' && r.relation_id !== null) {
        relCol.add(line.indexOf(r.relation_id, at + name.length));
        if (r.remote_unit !== null) expect(line).toContain(` ${r.remote_unit} `);
      }
      if (r.type === 'hook' && r.departing_unit !== null) expect(line.endsWith(`departing=${r.departing_unit}`), line).toBe(true);
      if (r.type === 'hook' && r.departing_unit === null) expect(line).not.toContain('departing=');
    });
    expect(unitCol.size).toBe(1);
    expect(hookCol.size).toBe(1);
    expect(relCol.size).toBe(1);
  });

  it('--verbose adds, under each hook, what the charm logged and the data it committed', () => {
    const lines = ['juju deploy master', 'juju deploy worker', 'juju relate master worker'];
    const verbose = runLines(lines, '--verbose').out;
    const plain = runLines(lines).out;
    const isDetail = (l: string) => /^\s+[^\s\d]/.test(l);
    expect(plain.split('\n').filter(isDetail)).toEqual([]);
    // The tutorial master logs the worker's address in joined and writes "<remote unit>-worker-key" to its own bag.
    const joined = verbose.slice(verbose.search(/master-application-relation-joined/));
    const details = joined.split('\n').slice(1);
    const block = details.slice(0, details.findIndex((l) => !isDetail(l)));
    expect(block).toContainEqual(expect.stringMatching(/│ Joined with WORKER at private-address: \d+\.\d+\.\d+\.\d+$/));
    expect(block).toContainEqual(expect.stringMatching(/master\/0\b.*worker\/0-worker-key.*[0-9A-F]{4}$/));
    // Without the details it is the plain output.
    expect(
      verbose
        .split('\n')
        .filter((l) => !isDetail(l))
        .join('\n'),
    ).toBe(plain);
  });
});

describe('the npm script', () => {
  it('npm run --silent sim -- examples/masterworker.juju --json exits 0 and prints JSON lines (same as main)', () => {
    const r = spawnSync('npm', ['run', '--silent', 'sim', '--', 'examples/masterworker.juju', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(20);
    for (const l of lines) expect(() => JSON.parse(l), l).not.toThrow();
    expect(JSON.parse(lines[0] as string)).toMatchObject({ type: 'command', line: 5, command: 'juju deploy master', exit_code: 0 });
    expect(r.stdout).toBe(cli(MASTERWORKER, '--json').out);
  });
});

describe('bundles', () => {
  const BUNDLES = join(ROOT, '../shared/fixtures/bundles');

  it('deploys a bundle with its overlay as one command: charms found beside it, every application related, JSON records streamed', () => {
    const run = cli(join(BUNDLES, 'cos-lite/bundle.yaml'), '--overlay', join(BUNDLES, 'cos-lite/overlays/tls-overlay.yaml'), '--json');
    expect(run.code).toBe(0);
    const records = run.out.trim().split('\n').map((l) => JSON.parse(l) as JsonRecord);
    const commands = records.filter((r): r is JsonCommandRecord => r.type === 'command');
    expect(commands).toHaveLength(1);
    expect(commands[0]?.stderr).toMatch(/^- add relation ca:certificates traefik:certificates$/m);
    expect(commands[0]?.stderr.match(/^- deploy application /gm)).toHaveLength(7);
    expect(records.filter((r) => r.type === 'hook').length).toBeGreaterThan(100);
    expect(run.err).toBe('');
  });

  it('says which charms it inferred, and refuses a broken bundle whole, naming file and line (nothing deployed)', () => {
    // The overlay's charms (vault, mysql-innodb-cluster, mysql-router) come from the real charms catalog.
    const known = cli(join(BUNDLES, 'charmed-kubernetes/bundle.yaml'), '--overlay', join(BUNDLES, 'charmed-kubernetes/overlays/vault-pki-overlay.yaml'));
    expect(known.code).toBe(0);
    expect(known.err).toBe('');
    const inferred = cli(write('fork/bundle.yaml', 'applications:\n  a:\n    charm: ubuntu\n    num_units: 1\n  b:\n    charm: some-fork\n    num_units: 1\nrelations:\n- [a:juju-info, b:host]\n'));
    expect(inferred.code).toBe(0);
    expect(inferred.out).toContain("relviz: charms not found, endpoints inferred from the bundle's relations: b\n");
    const bad = write('bad/bundle.yaml', 'applications:\n  a:\n    charm: ubuntu\nrelations:\n- [a:x, b:y]\n');
    const run = cli(bad);
    expect(run.code).toBe(1);
    expect(run.out).toBe(`$ juju deploy ${bad}\nERROR cannot deploy bundle: ${bad}:5: relation "a:x b:y": no application "b" in the bundle\n`);
    expect(cli(join(BUNDLES, 'nope.yaml')).code).toBe(2);
  });

  it('deploys a bundle named in a script, its files found relative to the script', () => {
    const script = write('bundled/s.juju', `juju deploy ${join(BUNDLES, 'masterworker/bundle.yaml')}\njuju add-unit worker\n`);
    const run = cli(script);
    expect(run.code).toBe(0);
    expect(run.out).toContain('- add relation master:master-application worker:master');
    expect(run.out).toMatch(/worker\/2 +install/);
  });

  it('builds the model a juju status shows, with show-unit for what status lacks', () => {
    const dir = join(ROOT, '../shared/fixtures/show-unit');
    const run = cli(join(dir, 'machine-full_status_None.json'), '--show-unit', join(dir, 'machine-kafka0_None_show.json'), '--json');
    expect(run.code).toBe(0);
    const records = run.out.trim().split('\n').map((l) => JSON.parse(l) as JsonRecord);
    const first = records[0] as JsonCommandRecord;
    expect(first.command).toBe(`load-status ${join(dir, 'machine-full_status_None.json')} --show-unit ${join(dir, 'machine-kafka0_None_show.json')}`);
    expect(first.stderr).toMatch(/^- add unit kafka\/0 to machine 0$/m);
    expect(cli(MASTERWORKER, '--show-unit', 'x.json').err).toContain('--show-unit goes with a juju status file');
  });

  it('takes --overlay only with a bundle', () => {
    const run = cli(MASTERWORKER, '--overlay', 'x.yaml');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--overlay goes with a bundle');
  });
});

describe('--export-test <unit> [<seq>]: a hook (or a unit’s every hook) as an ops.testing test', () => {
  /** The seq of a unit's first hook of a kind, from the JSON records. */
  function seqOf(unit: string, hook: string): number {
    const h = hooks(parse(cli(MASTERWORKER, '--json').out)).find((r) => r.unit === unit && r.hook === hook);
    if (!h) throw new Error(`no ${hook} on ${unit}`);
    return h.seq;
  }

  it('prints the module for one hook, its test named for the unit, seq and hook, and says how to make it again', () => {
    const seq = seqOf('worker/1', 'master-relation-joined');
    const run = cli(MASTERWORKER, '--export-test', 'worker/1', String(seq));
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    expect(run.out).toMatch(/^# Generated by relviz \d+\.\d+\.\d+ from .*masterworker\.juju \(seed 1, Juju 3\.6\)\.\n/);
    expect(run.out).toContain(`# Regenerate: npm run --silent sim -- ${MASTERWORKER} --export-test worker/1 ${seq}\n`);
    expect(run.out.match(/^def test_\w+\(\):$/gm)).toEqual([`def test_worker_1_${seq}_master_relation_joined():`]);
    expect(run.out).toContain('event = ctx.on.relation_joined(master_0, remote_unit=0)');
  });

  it('without a seq, prints the unit’s story: a test for every hook it ran', () => {
    const run = cli(MASTERWORKER, '--export-test', 'worker/1', '--seed', '1');
    expect(run.code).toBe(0);
    const ran = hooks(parse(cli(MASTERWORKER, '--json').out)).filter((h) => h.unit === 'worker/1');
    expect(run.out.match(/^def test_/gm)).toHaveLength(ran.length);
    const withoutRegenerate = (text: string) => text.replace(/^# Regenerate: .*\n/m, '');
    expect(withoutRegenerate(cli(MASTERWORKER, '--export-test=worker/1').out)).toBe(withoutRegenerate(run.out));
  });

  it('honours --seed and --juju (a 4.0 history has no leader-settings-changed to skip)', () => {
    const out = cli(MASTERWORKER, '--juju', '4.0', '--seed', '7', '--export-test', 'worker/1').out;
    expect(out).toContain('(seed 7, Juju 4.0)');
    expect(out).not.toContain('leader_settings_changed');
  });

  it('is 2, with what there is, for a unit that ran no hook, a seq of another unit or none at all', () => {
    const unknown = cli(MASTERWORKER, '--export-test', 'worker/9');
    expect(unknown).toMatchObject({ code: 2, out: '' });
    expect(unknown.err).toBe('error: no hook of unit "worker/9" in this history (units that ran hooks: master/0, worker/0, worker/1)\n');
    const install = seqOf('master/0', 'install');
    expect(cli(MASTERWORKER, '--export-test', 'worker/0', String(install)).err).toBe(`error: seq ${install} is master/0's install, not a hook of worker/0\n`);
    const none = cli(MASTERWORKER, '--export-test', 'worker/0', '99999');
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^error: no seq 99999 in this history; worker\/0's hooks are seq \d+, \d+/);
  });

  it('is a usage error (2) with --json or --verbose, or without a unit name', () => {
    for (const argv of [['--export-test', 'worker/0', '--json'], ['--verbose', '--export-test', 'worker/0'], ['--export-test', 'worker'], ['--export-test']]) {
      const run = cli(MASTERWORKER, ...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.err, argv.join(' ')).toMatch(/^error: .*\nusage: npm run --silent sim -- .*\[--export-test <unit> \[<seq>\]\]\n$/);
    }
  });

  it('exports from a bundle given as the script too', () => {
    const run = cli(join(ROOT, 'examples/bundles/cos-lite/bundle.yaml'), '--export-test', 'grafana/0');
    expect(run.code).toBe(0);
    expect(run.out).toContain("app_name='grafana', unit_id=0");
  });
});

/** The CLI's exit code for a script with no charm code (which runs synchronously). */
function syncExit(code: number | Promise<number>): number {
  if (typeof code !== 'number') throw new Error('this script loads Python: await main() instead');
  return code;
}
