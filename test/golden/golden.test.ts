/**
 * Golden traces: every example script's readable CLI output at seed 1, kept as a
 * file beside this test. A change to the engine that changes any hook order shows
 * up here as a diff to review. Regenerate with `npm run golden:update`.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/sim.ts';

const EXAMPLES = 'examples';
const GOLDEN = 'test/golden';
const update = process.env['UPDATE_GOLDEN'] === '1';

function run(script: string): { out: string; code: number } {
  let out = '';
  const code = syncExit(main([script, '--seed', '1', '--verbose'], { out: (t) => (out += t), err: (t) => (out += t) }));
  return { out, code };
}

describe('golden traces of the examples (seed 1)', () => {
  const scripts = readdirSync(EXAMPLES).filter((f) => f.endsWith('.juju')).sort();

  it('covers every example', () => {
    expect(scripts).toEqual(expect.arrayContaining(['masterworker.juju', 'ops-guide.juju', 'peers-leader.juju', 'subordinates.juju']));
  });

  for (const script of scripts) {
    it(script, () => {
      const { out, code } = run(join(EXAMPLES, script));
      const file = join(GOLDEN, script.replace(/\.juju$/, '.trace.txt'));
      const expected = `# npm run --silent sim -- ${EXAMPLES}/${script} --seed 1 --verbose   (exit ${code})\n${out}`;
      if (update || !existsSync(file)) writeFileSync(file, expected);
      expect(expected).toBe(readFileSync(file, 'utf8'));
    });
  }
});

/** The CLI's exit code for a script with no charm code (which runs synchronously). */
function syncExit(code: number | Promise<number>): number {
  if (typeof code !== 'number') throw new Error('this script loads Python: await main() instead');
  return code;
}
