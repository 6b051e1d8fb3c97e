/**
 * "View as unit" on one bag: what the unit may do (a badge whose words carry the
 * meaning, colour only repeats it) and, for each refused attempt, the command a charm
 * would type, the hook tool's `ERROR …` (or that there is no syntax for it) and the
 * ops exception.
 */
import type { Access, BagAccess, Refusal } from './access.ts';

const BADGE: Record<Access, { readonly text: string; readonly cls: string }> = {
  'read-write': { text: 'read / write', cls: 'border-emerald-700 bg-emerald-50 text-emerald-900' },
  read: { text: 'read only', cls: 'border-sky-700 bg-sky-50 text-sky-900' },
  none: { text: 'no access', cls: 'border-red-700 bg-red-50 text-red-900' },
};

function AccessBadge({ unit, access }: { unit: string; access: BagAccess }) {
  const b = BADGE[access.access];
  return (
    <span className={`inline-flex shrink-0 items-center rounded border px-1.5 text-xs leading-5 font-semibold ${b.cls}`} title={access.reason}>
      {access.access === 'none' && <span aria-hidden="true">✗&nbsp;</span>}
      {unit}: {b.text}
    </span>
  );
}

function RefusalLine({ what, refusal }: { what: 'read' | 'write'; refusal: Refusal }) {
  return (
    <>
      <dt className="font-semibold whitespace-nowrap text-red-800">✗ {what}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">
        {refusal.error === null ? <span className="text-slate-700">{refusal.tool}</span> : <code className="text-slate-800">{refusal.tool}</code>}
        {refusal.error !== null && <code className="block font-semibold text-red-800">{refusal.error}</code>}
        {refusal.ops !== null && (
          <span className="block text-slate-600">
            ops: <code>{refusal.ops}</code>
          </span>
        )}
      </dd>
    </>
  );
}

/** The badge, then (unless it may read and write) the refused attempts and, when it cannot even read, why. */
export function AccessDetails({ unit, access }: { unit: string; access: BagAccess }) {
  return (
    <div className="flex flex-col gap-0.5 border-b border-slate-200 px-2 py-1 text-xs leading-snug" data-access={access.access}>
      <div className="flex flex-wrap items-baseline gap-x-2">
        <AccessBadge unit={unit} access={access} />
        {access.access === 'none' && <strong className="text-red-900">{unit} cannot see these values.</strong>}
      </div>
      {access.access === 'none' && <p className="text-slate-800">{access.reason[0]?.toUpperCase()}{access.reason.slice(1)}.</p>}
      {access.access !== 'read-write' && (
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5">
          {access.read && <RefusalLine what="read" refusal={access.read} />}
          {access.write && <RefusalLine what="write" refusal={access.write} />}
        </dl>
      )}
    </div>
  );
}
