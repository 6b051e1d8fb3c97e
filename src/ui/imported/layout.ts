/**
 * A real history's hooks on the swimlanes, laid out as the simulated ones are
 * (src/ui/swimlanes/layout.ts): a lane per unit, a block per hook in the order the
 * history gives, `seq` its 1-based place in it. A log says nothing of causes, so no
 * arrows; hooks Juju's guarantees rule out are flagged.
 */
import type { HookKind } from '../../engine/ops.ts';
import type { Finding } from '../../io/trace/check.ts';
import { hookFacts } from '../../io/trace/facts.ts';
import type { ImportedHook, ImportedKind } from '../../io/trace/record.ts';
import { blockName } from '../swimlanes/labels.ts';
import { Geometry, LaneOrder, kindLabel, labelWidth, toneOf, type Block, type Lane, type SwimlaneLayout } from '../swimlanes/layout.ts';

/** A real history's hook kind as the lanes colour it: the kinds the engine has, else `other`. */
function laneKind(kind: ImportedKind): HookKind | 'other' {
  switch (kind) {
    case 'upgrade-charm':
    case 'update-status':
    case 'storage-attached':
    case 'storage-detaching':
    case 'other':
      return 'other';
    default:
      return kind;
  }
}

/** A block's tooltip: its name, what the input says of it, and every rule it breaks. */
function importedTitle(b: Block): string {
  const lines = [blockName(b.unit, b.hook, b.seq)];
  if (b.record.type !== 'imported') return lines[0] as string;
  for (const f of hookFacts(b.record.hook).slice(2)) lines.push(`${f.label}: ${f.value}`);
  for (const f of b.record.findings) lines.push(`✗ ruled out (${f.rule}): ${f.message}`);
  return lines.join('\n');
}

const NO_FINDINGS: readonly Finding[] = [];

/** Lays out a real history; `findings` by hook index. */
export function layoutImported(hooks: readonly ImportedHook[], findings: ReadonlyMap<number, readonly Finding[]>): SwimlaneLayout {
  const order = new LaneOrder();
  const laneOf = new Map<string, { -readonly [K in keyof Lane]: Lane[K] }>();
  const blocks: Array<{ -readonly [K in keyof Block]: Block[K] }> = [];
  let x = 0;
  hooks.forEach((h, index) => {
    let l = laneOf.get(h.unit);
    if (l === undefined) {
      l = { unit: h.unit, first: index, last: index, removedAt: null };
      laneOf.set(h.unit, l);
      order.place(h.unit);
    }
    l.last = index;
    const kind = laneKind(h.kind);
    if (kind === 'remove') l.removedAt = index;
    const label = kindLabel(kind === 'other' ? h.hook : h.kind, h.hook);
    const failed = h.outcome === 'failed';
    const found = findings.get(index) ?? NO_FINDINGS;
    const w = labelWidth(failed ? `✗ ${label}` : label);
    blocks.push({ lane: -1, x, w, seq: index + 1, index, unit: h.unit, hook: h.hook, kind, tone: toneOf(kind), label, failed, flagged: found.length > 0, record: { type: 'imported', hook: h, findings: found, title: importedTitle } });
    x += w + Geometry.gap;
  });
  const { units, row } = order.rows();
  for (const block of blocks) block.lane = row.get(block.unit) as number;
  const end = blocks[blocks.length - 1];
  return { lanes: units.map((u) => laneOf.get(u) as Lane), blocks, arrows: [], width: end ? end.x + end.w : 0, height: units.length * Geometry.laneHeight, scanned: hooks.length };
}
