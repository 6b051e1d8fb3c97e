/** The CLI's JSON lines: written directly, they are exactly the JSON of the contract's objects. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HookRecord } from '../../src/engine/trace.ts';
import { hookJsonLine, hookToJson } from '../../src/io/report.ts';
import { sim } from '../helpers.ts';

describe('hookJsonLine', () => {
  it('is JSON.stringify(hookToJson(r)) for every hook of the examples: relations, departures, actions, failures and retries', () => {
    let seen = 0;
    for (const example of ['masterworker', 'failures', 'peers-leader', 'subordinates', 'ops-guide']) {
      const run = sim(readFileSync(`examples/${example}.juju`, 'utf8'));
      for (const r of run.timeline.fullTrace) {
        if (r.type !== 'hook') continue;
        expect(hookJsonLine(r)).toBe(JSON.stringify(hookToJson(r)));
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(300);
  });

  it('escapes what JSON must escape', () => {
    const r = { kind: 'action', seq: 1, unit: 'a/0', hook: 'say "hi"\\\n', result: 'error' } as unknown as HookRecord;
    expect(JSON.parse(hookJsonLine(r))).toEqual(hookToJson(r));
  });
});
