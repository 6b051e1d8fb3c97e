import type { BranchHook } from '../../../teaching/compare.ts';
import { toneOf } from '../../swimlanes/layout.ts';
import { FAILED, TONES } from '../../swimlanes/tones.ts';
import { hookName } from './labels.ts';
import type { HookPlace } from './navigation.ts';

/** The chip's text: relation hooks without their endpoint (`departed`), others as named. */
export function chipLabel(h: BranchHook): string {
  if (h.hookKind === 'leader-settings-changed') return 'leader-settings';
  return h.hookKind.startsWith('relation-') ? h.hookKind.slice('relation-'.length) : h.hook;
}

/**
 * One hook of a branch, in the main swimlanes' colours, with the remote unit it is
 * about underneath. A button: pointing at it, focusing or pressing it shows why it
 * ran (the detail line of the comparison).
 */
export function HookChip({ hook: h, place, tabbable, onPoint }: { hook: BranchHook; place: HookPlace; tabbable: boolean; onPoint: (h: BranchHook) => void }) {
  const colours = h.failed ? FAILED : TONES[toneOf(h.hookKind)].past;
  return (
    <li>
      <button
        type="button"
        aria-label={`${hookName(h.unit, h.hook)}${h.failed ? ', failed' : ''}`}
        title={hookName(h.unit, h.hook)}
        tabIndex={tabbable ? 0 : -1}
        data-row={place.unit}
        data-branch={place.branch}
        data-hook={place.hook}
        onFocus={() => onPoint(h)}
        onMouseEnter={() => onPoint(h)}
        onClick={() => onPoint(h)}
        className={`flex h-10 flex-col items-center justify-center rounded-md border px-1 font-mono leading-tight whitespace-nowrap shadow-xs hover:brightness-95 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${colours}`}
      >
        <span className="text-[15px] leading-none">
          {h.failed ? '✗ ' : ''}
          {chipLabel(h)}
        </span>
        {h.remoteUnit && <span className="mt-0.5 text-xs leading-none font-normal">{h.remoteUnit}</span>}
      </button>
    </li>
  );
}
