/**
 * Golden exports: hooks of the catalog examples written as ops.testing tests through
 * the CLI (`--export-test <unit> <seq>`, seed 1), kept as Python files beside this
 * test — a worker's joined, the master's changed after a worker wrote, a departed, a
 * broken, an action, a peer relation, a subordinate, a failed hook and one unit's whole
 * story. A change to what a unit is shown to see, or to how it is written, shows up as
 * a diff to review. Regenerate with `npm run golden:update`. python3 (when there is one)
 * compiles each file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim.ts';
import type { JsonActionRecord, JsonHookRecord, JsonRecord } from '../../src/io/report.ts';
import { NO_PYTHON, pyCompile } from '../io/python.ts';

const DIR = 'test/golden/export';
const update = process.env['UPDATE_GOLDEN'] === '1';

type Hook = JsonHookRecord | JsonActionRecord;

interface Case {
  readonly file: string;
  readonly script: string;
  readonly unit: string;
  /** Which of the unit's hooks (the first that matches, or the last with `last`); none: the unit's story. */
  readonly pick?: (h: Hook) => boolean;
  readonly last?: boolean;
}

const hookNamed = (hook: string, remote?: string) => (h: Hook) => h.type === 'hook' && h.hook === hook && (remote === undefined || h.remote_unit === remote);

const CASES: readonly Case[] = [
  { file: 'masterworker-worker-joined.py', script: 'examples/masterworker.juju', unit: 'worker/1', pick: hookNamed('master-relation-joined') },
  { file: 'master-changed-after-worker-wrote.py', script: `${DIR}/worker-writes.juju`, unit: 'master/0', pick: hookNamed('master-application-relation-changed', 'worker/1'), last: true },
  { file: 'masterworker-master-departed.py', script: 'examples/masterworker.juju', unit: 'master/0', pick: hookNamed('master-application-relation-departed', 'worker/1') },
  { file: 'masterworker-master-broken.py', script: 'examples/masterworker.juju', unit: 'master/0', pick: hookNamed('master-application-relation-broken') },
  { file: 'masterworker-action.py', script: 'examples/masterworker.juju', unit: 'master/0', pick: (h) => h.type === 'action' },
  { file: 'peers-leader-peer-changed.py', script: 'examples/peers-leader.juju', unit: 'postgresql/1', pick: hookNamed('replicas-relation-changed', 'postgresql/0') },
  { file: 'subordinates-telegraf-joined.py', script: 'examples/subordinates.juju', unit: 'telegraf/0', pick: hookNamed('juju-info-relation-joined') },
  { file: 'failures-failed-hook.py', script: 'examples/failures.juju', unit: 'worker/0', pick: (h) => h.result === 'error' },
  { file: 'subordinates-telegraf-0-story.py', script: 'examples/subordinates.juju', unit: 'telegraf/0' },
];

function cli(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = syncExit(main(argv, { out: (t) => (out += t), err: (t) => (err += t) }));
  return { code, out, err };
}

function seqOf(c: Case): number {
  const records = cli([c.script, '--seed', '1', '--json'])
    .out.split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as JsonRecord);
  const mine = records.filter((r): r is Hook => (r.type === 'hook' || r.type === 'action') && r.unit === c.unit && (c.pick as (h: Hook) => boolean)(r));
  const hit = c.last ? mine[mine.length - 1] : mine[0];
  if (!hit) throw new Error(`${c.file}: no such hook of ${c.unit} in ${c.script}`);
  return hit.seq;
}

function exported(c: Case): string {
  const argv = [c.script, '--seed', '1', '--export-test', c.unit, ...(c.pick ? [String(seqOf(c))] : [])];
  const run = cli(argv);
  expect(run.err, c.file).toBe('');
  expect(run.code, c.file).toBe(0);
  return run.out;
}

describe('golden ops.testing exports (seed 1)', () => {
  for (const c of CASES) {
    it(c.file, () => {
      const text = exported(c);
      const file = join(DIR, c.file);
      if (update || !existsSync(file)) writeFileSync(file, text);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }

  it.skipIf(NO_PYTHON)('are valid Python (python3 compiles them)', () => {
    pyCompile(Object.fromEntries(CASES.map((c) => [c.file, readFileSync(join(DIR, c.file), 'utf8')])));
  });
});

/** The CLI's exit code for a script with no charm code (which runs synchronously). */
function syncExit(code: number | Promise<number>): number {
  if (typeof code !== 'number') throw new Error('this script loads Python: await main() instead');
  return code;
}
