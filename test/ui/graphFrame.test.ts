/** What the graph frames: the whole model, or — when that is too small to read — what the tutorial step is about. */
import type { Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/engine/timeline.ts';
import { parseScript } from '../../src/io/script.ts';
import { deriveView } from '../../src/store/view.ts';
import { LEGIBLE_ZOOM, frameOptions } from '../../src/ui/graph/frame.ts';
import { stepFocus } from '../../src/ui/teaching/focus.ts';
import { shippedTutorial } from '../../src/teaching/tutorials/index.ts';

const integrationGuide = shippedTutorial('integration-guide');
const subordinates = shippedTutorial('subordinates');

function viewOf(script: string) {
  const t = new Timeline({ seed: 1 });
  for (const line of parseScript(script)) t.apply(line.command, { text: line.text });
  return deriveView(t.state);
}

const node = (id: string, x: number, width = 320, height = 200): Node => ({ id, position: { x, y: 0 }, data: {}, measured: { width, height } });
const FIT = { padding: { x: '48px', y: '12px' }, maxZoom: 1.3 } as const;

describe('stepFocus', () => {
  it('names the applications a step selects and points at, a subordinate unit by its principal', () => {
    const step = subordinates.steps.find((s) => s.title === 'A new principal brings its own subordinate');
    if (!step) throw new Error('no such step');
    const view = viewOf('juju deploy ubuntu -n 2\njuju deploy telegraf\njuju integrate telegraf ubuntu\njuju deploy webapp\n');
    expect(stepFocus(step, view).sort()).toEqual(['telegraf', 'ubuntu']);
  });

  it('follows the relation a step selects, not the whole model', () => {
    const step = integrationGuide.steps.find((s) => s.title === 'relation-joined: one mail user per unit');
    if (!step) throw new Error('no such step');
    const view = viewOf('juju deploy postgresql -n 2\njuju deploy webapp -n 2\njuju deploy smtp-server\njuju integrate webapp postgresql\n');
    expect(stepFocus(step, view).sort()).toEqual(['smtp-server', 'webapp']);
  });
});

describe('frameOptions', () => {
  it('frames the whole model when it is legible', () => {
    const nodes = [node('a', 0), node('b', 560)];
    expect(frameOptions(nodes, 1000, 400, FIT, ['a'])).toEqual(FIT);
  });

  it('frames the focus when the whole model would be drawn below the legible zoom, zooming in no further than needed', () => {
    const nodes = [node('a', 0), node('b', 560), node('c', 1200), node('d', 1800)];
    const options = frameOptions(nodes, 870, 300, FIT, ['b', 'c']);
    expect(options.nodes).toEqual([{ id: 'b' }, { id: 'c' }]);
    expect(options.maxZoom).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
    expect(options.maxZoom).toBeLessThan(FIT.maxZoom);
  });

  it('frames everything when nothing is in focus, or everything is', () => {
    const nodes = [node('a', 0), node('b', 1200), node('c', 2400)];
    expect(frameOptions(nodes, 870, 300, FIT, [''])).toEqual(FIT);
    expect(frameOptions(nodes, 870, 300, FIT, ['a', 'b', 'c'])).toEqual(FIT);
  });
});
