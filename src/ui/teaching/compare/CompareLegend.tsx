import { TONES } from '../../swimlanes/tones.ts';
import { CompareLabel } from './labels.ts';

const chip = 'inline-flex h-6 items-center rounded border px-1.5 font-mono text-sm leading-none whitespace-nowrap';

const ENTRIES = [
  { tone: TONES.departed.past, label: 'departed', title: 'relation-departed: a remote unit left' },
  { tone: TONES.broken.past, label: 'broken', title: 'relation-broken: the relation is gone for this unit' },
  { tone: TONES.ending.past, label: 'stop · remove', title: 'stop, remove: the unit itself is going away' },
  { tone: TONES.changed.past, label: 'other', title: 'any other hook (here: relation-changed after a bag write)' },
] as const;

/** The four kinds the comparison is about, in the main swimlanes' colours (left out when narrow: every chip says its name). */
export function CompareLegend() {
  return (
    <ul aria-label={CompareLabel.legend} className="hidden shrink-0 flex-wrap items-center gap-1 @min-[60rem]:flex">
      {ENTRIES.map((e) => (
        <li key={e.label} title={e.title} className={`${chip} ${e.tone}`}>
          {e.label}
        </li>
      ))}
    </ul>
  );
}
