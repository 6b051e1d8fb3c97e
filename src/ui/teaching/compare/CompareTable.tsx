import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Branch, BranchHook } from '../../../teaching/compare.ts';
import { HookChip } from './HookChip.tsx';
import { CompareLabel, cellName } from './labels.ts';
import { firstHook, isNavKey, moveHook, type HookPlace } from './navigation.ts';
import { InlineNarration } from '../Narration.tsx';

const at = (p: HookPlace) => `[data-row="${p.unit}"][data-branch="${p.branch}"][data-hook="${p.hook}"]`;

/**
 * The alternatives as columns (title, command, what to see) and the units as rows,
 * so a row reads one unit across every alternative; each cell holds the unit's hooks
 * in that alternative, in its own order. One tab stop (roving tabindex); the arrow
 * keys move between hooks.
 */
export function CompareTable({ branches, onPoint }: { branches: readonly Branch[]; onPoint: (h: BranchHook, branch: Branch) => void }) {
  // Every branch has the same lanes, in the same order (compareBranches).
  const units = useMemo(() => branches[0]?.lanes.map((l) => l.unit) ?? [], [branches]);
  const counts = useMemo(() => units.map((_, u) => branches.map((b) => b.lanes[u]?.hooks.length ?? 0)), [branches, units]);
  const [current, setCurrent] = useState<HookPlace | null>(() => firstHook(counts));
  const table = useRef<HTMLTableElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const d = e.target instanceof HTMLElement ? e.target.dataset : null;
    if (!d?.['hook'] || !isNavKey(e.key) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    e.stopPropagation(); // not the transport's step forward / back
    const to = moveHook(counts, { unit: Number(d['row']), branch: Number(d['branch']), hook: Number(d['hook']) }, e.key);
    if (!to) return;
    setCurrent(to);
    table.current?.querySelector<HTMLElement>(at(to))?.focus();
  };

  return (
    <table ref={table} onKeyDown={onKeyDown} className="w-full border-separate border-spacing-x-1 border-spacing-y-1">
      <colgroup>
        <col className="w-0" />
        {branches.map((_, i) => (
          <col key={i} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <td />
          {branches.map(({ alternative: alt }, i) => (
            <th key={i} scope="col" className="rounded-t-md border-t-4 border-slate-700 bg-white px-2 pt-1 pb-1.5 text-left align-top font-normal">
              <span className="block text-[17px] leading-tight font-bold text-slate-900">{alt.title}</span>
              {alt.run.map((line) => (
                <code key={line} className="mt-1 block font-mono text-[13px] leading-snug present:text-[15px] break-words text-slate-700">
                  {line}
                </code>
              ))}
              <span className="mt-1 block text-[15px] leading-snug text-slate-900">
                <InlineNarration text={alt.say} />
              </span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {units.map((unit, u) => (
          <tr key={unit}>
            <th scope="row" className="px-1 text-left align-middle font-mono text-[15px] font-semibold text-slate-800">
              {unit}
            </th>
            {branches.map((b, i) => {
              const hooks = b.lanes[u]?.hooks ?? [];
              return (
                <td key={i} className="bg-white px-1 py-1 align-middle">
                  {hooks.length === 0 ? (
                    <span className="text-sm text-slate-600 italic">{CompareLabel.nothing}</span>
                  ) : (
                    <ol aria-label={cellName(unit, b.alternative.title)} className="flex flex-wrap gap-0.5">
                      {hooks.map((h, k) => (
                        <HookChip
                          key={h.seq}
                          hook={h}
                          place={{ unit: u, branch: i, hook: k }}
                          tabbable={current?.unit === u && current.branch === i && current.hook === k}
                          onPoint={(hook) => onPoint(hook, b)}
                        />
                      ))}
                    </ol>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
