import { DEFERRAL, FAILED, FLAG, FUTURE, LEGEND, TONES } from './tones.ts';
import { SwimlaneLabel } from './labels.ts';

const chip = 'inline-flex h-5 items-center rounded border px-1.5 font-mono text-xs leading-none whitespace-nowrap';

/** What the colours, the dashed blocks, the arrows and the orange line mean (for a real history: the hooks ruled out, no arrows). */
export function SwimlaneLegend({ imported = false, deferrals = false }: { imported?: boolean; deferrals?: boolean }) {
  return (
    <ul aria-label={SwimlaneLabel.legend} className="flex flex-wrap items-center gap-x-1.5 gap-y-1 border-b border-slate-200 bg-slate-50 px-2 py-1 text-xs text-slate-700">
      {LEGEND.map((e) => (
        <li key={e.tone} title={e.title} className={`${chip} ${TONES[e.tone].past}`}>
          {e.label}
        </li>
      ))}
      <li className={`${chip} ${FAILED}`} title="the hook raised an error; the unit waits for juju resolve">
        ✗ failed
      </li>
      <li className={`${chip} ${FUTURE} ${TONES.changed.future}`} title="hooks after the cursor (the future, when rewound)">
        later
      </li>
      {imported ? (
        <li className="inline-flex items-center gap-1 pl-1" title="a hook Juju's guarantees rule out: the inspector says which rule and what Juju would allow instead">
          <span aria-hidden="true" className={FLAG}>
            !
          </span>
          ruled out
        </li>
      ) : (
        <li className="inline-flex items-center gap-1 pl-1" title="a commit (hook or juju exec) and the relation-changed hooks that report it">
          <svg width="26" height="10" aria-hidden="true">
            <path d="M1 5 H19" stroke="#0369a1" strokeWidth="2" />
            <path d="M18 1 L25 5 L18 9 z" fill="#0369a1" />
          </svg>
          write → changed
        </li>
      )}
      {deferrals && (
        <li className="inline-flex items-center gap-1 pl-1" title="ops event deferred (⏸: re-emitted before the unit's next event) or re-emitted (↻)">
          <span aria-hidden="true" className={DEFERRAL}>↻⏸</span>
          deferred
        </li>
      )}
      <li className="inline-flex items-center gap-1 pl-1" title="the cursor: everything to its left has happened">
        <span aria-hidden="true" className="inline-block h-3.5 w-[3px] rounded bg-orange-500" />
        {SwimlaneLabel.now}
      </li>
    </ul>
  );
}
