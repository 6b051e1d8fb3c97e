/**
 * The engine's modules depend on each other as a tree a newcomer can draw: no import
 * cycle, type imports included (issue 11). Read from the source, as a reader would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** Every cycle found by a depth-first walk of the relative imports (and re-exports), type-only ones included. */
function cycles(root: string): string[] {
  const graph = new Map<string, string[]>();
  for (const f of files(root)) {
    const deps = [...readFileSync(f, 'utf8').matchAll(/^(?:import|export)\s+(?:type\s+)?[^;]*?from\s+'(\.[^']+)'/gm)].map((m) => normalize(join(dirname(f), m[1] as string)));
    graph.set(f, deps);
  }
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (u: string) => {
    state.set(u, 'open');
    stack.push(u);
    for (const v of graph.get(u) ?? []) {
      if (!graph.has(v)) continue;
      if (state.get(v) === 'open') found.push(stack.slice(stack.indexOf(v)).map((x) => relative(SRC, x)).join(' → '));
      else if (!state.has(v)) visit(v);
    }
    stack.pop();
    state.set(u, 'done');
  };
  for (const u of graph.keys()) if (!state.has(u)) visit(u);
  return found;
}

describe('module dependencies', () => {
  it('the engine has no import cycle', () => {
    expect(cycles(join(SRC, 'engine'))).toEqual([]);
  });

  it('nor has the rest of src', () => {
    expect(cycles(SRC)).toEqual([]);
  });
});
