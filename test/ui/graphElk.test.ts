/**
 * The graph elk lays out for a big model (elkGraph.ts) and the positions it gives
 * (layout.ts): blocks of a principal and its subordinates, ports and edges, and on the
 * example bundles no overlap, subordinates beside a principal, the same answer twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/engine/timeline.ts';
import { parseScript } from '../../src/io/script.ts';
import { deriveView, type ModelView } from '../../src/store/view.ts';
import { blockGeometry, blocksOf, elkGraph } from '../../src/ui/graph/elkGraph.ts';
import { NODE_WIDTH, appHeights, autoLayout, awaitsElk, cardSizes, layoutWithElk, usesElk } from '../../src/ui/graph/layout.ts';

const ROOT = join(import.meta.dirname, '../..');

function bundleView(dir: string, overlays: readonly string[] = []): ModelView {
  const path = `examples/bundles/${dir}/bundle.yaml`;
  const files: Record<string, string> = {};
  for (const f of [path, ...overlays]) files[f] = readFileSync(join(ROOT, f), 'utf8');
  const t = new Timeline({ seed: 1 });
  const result = t.apply({ type: 'deploy-bundle', path, overlays: [...overlays], files }, { run: 'idle' });
  expect(result.exitCode, result.stderr).toBe(0);
  return deriveView(t.state);
}

function viewOf(script: string) {
  const t = new Timeline({ seed: 1 });
  for (const line of parseScript(script)) t.apply(line.command, { text: line.text });
  return deriveView(t.state);
}

const COS = () => bundleView('cos-lite', ['examples/bundles/cos-lite/overlays/tls-overlay.yaml']);
const CK = () => bundleView('charmed-kubernetes');

type Box = { name: string; x0: number; y0: number; x1: number; y1: number };

function boxes(view: ModelView, pos: Record<string, { x: number; y: number }>): Box[] {
  const heights = appHeights(view);
  return view.apps.map((a) => {
    const p = pos[a.name] ?? { x: 0, y: 0 };
    return { name: a.name, x0: p.x, y0: p.y, x1: p.x + NODE_WIDTH, y1: p.y + (heights.get(a.name) ?? 0) };
  });
}

/** The gap between two boxes (0 when they touch or overlap). */
const gap = (a: Box, b: Box) => Math.hypot(Math.max(0, a.x0 - b.x1, b.x0 - a.x1), Math.max(0, a.y0 - b.y1, b.y0 - a.y1));

describe('blocksOf', () => {
  it('puts each Charmed Kubernetes subordinate beside one principal, spreading them over the principals', () => {
    const blocks = blocksOf(CK());
    const withSubs = blocks.filter((b) => b.left.length + b.right.length > 0);
    expect(withSubs.map((b) => [b.principal, [...b.left, ...b.right]])).toEqual([
      ['kubernetes-control-plane', ['calico']],
      ['kubernetes-worker', ['containerd']],
    ]);
    // calico and containerd require (their handle faces the principal's provides handle, on its left).
    expect(withSubs.every((b) => b.right.length === 0)).toBe(true);
    expect(blocks.map((b) => b.id)).not.toContain('calico');
  });

  it('leaves a subordinate related to no principal alone', () => {
    const blocks = blocksOf(viewOf('juju deploy ubuntu\njuju deploy telegraf\n'));
    expect(blocks.map((b) => [b.principal, b.left.length + b.right.length])).toEqual([
      ['ubuntu', 0],
      ['telegraf', 0],
    ]);
  });

  it('sets a subordinate that requires to the left of its principal, tops aligned', () => {
    const view = viewOf('juju deploy ubuntu -n 2\njuju deploy telegraf\njuju integrate telegraf ubuntu\n');
    const [block] = blocksOf(view);
    expect(block).toEqual({ id: 'ubuntu', principal: 'ubuntu', left: ['telegraf'], right: [] });
    if (!block) return;
    const sizes = cardSizes(view);
    const g = blockGeometry(block, sizes);
    expect(g.at.get('telegraf')).toEqual({ x: 0, y: 0 });
    expect(g.at.get('ubuntu')).toEqual({ x: NODE_WIDTH + sizes.besideGap, y: 0 });
    expect(g.width).toBe(2 * NODE_WIDTH + sizes.besideGap);
  });
});

describe('elkGraph', () => {
  it('has one node per block, one edge per relation between blocks (requirer to provider), and a port per related endpoint', () => {
    const view = COS();
    const { graph } = elkGraph(view, cardSizes(view), 110);
    expect(graph.children?.map((c) => c.id)).toEqual(view.apps.map((a) => a.name));
    const relations = view.relations.filter((r) => !r.peer);
    expect(graph.edges).toHaveLength(relations.length);
    const edge = graph.edges?.find((e) => e.id === 'relation-7');
    expect(edge).toMatchObject({ sources: ['prometheus:ingress'], targets: ['traefik:ingress-per-unit'] });
    const prometheus = graph.children?.find((c) => c.id === 'prometheus');
    const side = (id: string) => prometheus?.ports?.find((p) => p.id === id)?.layoutOptions?.['elk.port.side'];
    expect(side('prometheus:ingress')).toBe('EAST');
    expect(side('prometheus:grafana-source')).toBe('WEST');
  });

  it('lays out a relation inside a block with the block, not as an edge', () => {
    const view = CK();
    const { graph } = elkGraph(view, cardSizes(view), 110);
    expect(graph.children).toHaveLength(5);
    const ids = graph.edges?.map((e) => e.id) ?? [];
    // calico ⇄ control plane (13) and containerd ⇄ worker (15) are inside blocks; calico ⇄ worker (14) is not.
    expect(ids).not.toContain('relation-13');
    expect(ids).not.toContain('relation-15');
    expect(ids).toContain('relation-14');
  });
});

describe('the example bundles laid out by elk', () => {
  it.each([
    ['COS Lite', COS],
    ['Charmed Kubernetes', CK],
  ])('%s: no two cards overlap, and laying it out again gives the same positions', async (_name, make) => {
    const view = make();
    expect(usesElk(view)).toBe(true);
    await layoutWithElk(view);
    expect(awaitsElk(view)).toBe(false);
    const pos = autoLayout(view, {});
    const all = boxes(view, pos);
    for (const a of all) for (const b of all) if (a.name < b.name) expect(gap(a, b), `${a.name} and ${b.name}`).toBeGreaterThan(0);
    // A fresh view of the same model: the same answer.
    const again = make();
    await layoutWithElk(again);
    expect(autoLayout(again, {})).toEqual(pos);
  });

  it('Charmed Kubernetes: each subordinate has a principal as its nearest card', async () => {
    const view = CK();
    await layoutWithElk(view);
    const all = boxes(view, autoLayout(view, {}));
    for (const [sub, principals] of [['containerd', ['kubernetes-worker', 'kubernetes-control-plane']], ['calico', ['kubernetes-worker', 'kubernetes-control-plane']]] as const) {
      const me = all.find((b) => b.name === sub);
      if (!me) throw new Error(sub);
      const nearest = all.filter((b) => b !== me).sort((a, b) => gap(me, a) - gap(me, b))[0];
      expect(principals, `${sub}'s nearest card is ${nearest?.name}`).toContain(nearest?.name);
    }
  });

  it('keeps dragged positions', async () => {
    const view = CK();
    await layoutWithElk(view);
    expect(autoLayout(view, { etcd: { x: -500, y: 7 } })['etcd']).toEqual({ x: -500, y: 7 });
  });

  it('lays small models out without elk (elk is not loaded for them)', () => {
    const view = viewOf('juju deploy master\njuju deploy worker -n 2\njuju relate master worker\n');
    expect(usesElk(view)).toBe(false);
    expect(awaitsElk(view)).toBe(false);
  });
});
