/** The CLI's byte-level stdout: the same bytes as the strings it replaces, across buffer boundaries. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Stdout } from '../../src/cli/stdout.ts';
import type { HookRecord } from '../../src/engine/trace.ts';
import { hookJsonLine } from '../../src/io/report.ts';
import { hookRecords, sim } from '../helpers.ts';

/** A Stdout whose writes are collected; returns it and a reader of everything written so far. */
function collected(): { out: Stdout; text: () => string; writes: () => number } {
  const chunks: Buffer[] = [];
  const out = new Stdout((b) => chunks.push(Buffer.from(b)));
  return { out, text: () => (out.flush(), Buffer.concat(chunks).toString('utf8')), writes: () => chunks.length };
}

describe('Stdout', () => {
  it('writes hookJsonLine(r) and a newline for every hook of the examples, many buffers long', () => {
    const hooks: HookRecord[] = [];
    for (const example of ['masterworker', 'failures', 'peers-leader', 'subordinates', 'ops-guide']) {
      hooks.push(...hookRecords([...sim(readFileSync(`examples/${example}.juju`, 'utf8')).timeline.fullTrace]));
    }
    const { out, text, writes } = collected();
    let expected = '';
    // Repeated with text between, so lines and texts straddle the buffer's end.
    for (let round = 0; round < 200; round++) {
      for (const r of hooks) {
        out.hookJson(r);
        expected += `${hookJsonLine(r)}\n`;
      }
      out.text(`$ round ${round} ✓\n`);
      expected += `$ round ${round} ✓\n`;
    }
    expect(text()).toBe(expected);
    expect(writes()).toBeGreaterThan(10);
  });

  it('escapes what JSON must escape, and writes non-ASCII names and big numbers as JSON does', () => {
    const records = [
      { kind: 'action', seq: 1, unit: 'a/0', hook: 'say "hi"\\\n\u0001', result: 'error' },
      { kind: 'relation-joined', seq: 2 ** 53 + 2, unit: 'ü/0', hook: 'db-relation-joined', relation: 'db:0', remoteUnit: '字/1', remoteApp: '字', departingUnit: null, result: 'ok' },
      { kind: 'install', seq: 0, unit: 'a/10', hook: 'install', relation: null, remoteUnit: null, remoteApp: null, departingUnit: null, result: 'ok' },
    ] as unknown as HookRecord[];
    const { out, text } = collected();
    for (const r of records) out.hookJson(r);
    expect(text()).toBe(records.map((r) => `${hookJsonLine(r)}\n`).join(''));
  });

  it('writes a text longer than its buffer whole and in order', () => {
    const { out, text } = collected();
    const long = 'é'.repeat(70_000);
    out.text('a');
    out.text(long);
    out.text('b');
    expect(text()).toBe(`a${long}b`);
  });
});
