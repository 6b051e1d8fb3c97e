/**
 * The hook at the cursor of a real history: what the input says about it (environment,
 * outcome, time, the lines it was read from — "unknown" where the input does not say),
 * every guarantee it breaks with what Juju would have allowed instead, and its
 * databags, which no log carries. Below, every hook ruled out in the history, to jump to.
 */
import type { Finding } from '../../io/trace/check.ts';
import { hookFacts } from '../../io/trace/facts.ts';
import type { ImportedHook } from '../../io/trace/record.ts';
import { FindingCard } from '../trace/FindingCard.tsx';
import { ViewerLabel } from './labels.ts';

export function ImportedInspector({ hook, index, findings }: { hook: ImportedHook | undefined; index: number; findings: readonly Finding[] }) {
  if (!hook) return <p className="p-3 text-sm text-slate-600">Before the first hook of the history: step forward or press Play.</p>;
  return (
    <div className="flex flex-col gap-2 p-3">
      <p className="font-mono text-base font-bold text-slate-900">
        <span className="mr-2 text-sm font-normal text-slate-500">#{index + 1}</span>
        {hook.unit} {hook.hook}
      </p>
      {findings.length > 0 ? (
        <ul aria-label={ViewerLabel.ruledOut} className="flex flex-col gap-2">
          {findings.map((f) => (
            <FindingCard key={f.rule} f={f} tint="bg-red-50" />
          ))}
        </ul>
      ) : (
        <p className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-1.5 text-sm text-emerald-900">✓ Juju’s guarantees allow this hook here.</p>
      )}
      <table className="text-left text-sm">
        <tbody>
          {hookFacts(hook).map((f) => (
            <tr key={f.label} className="border-t border-slate-100 align-top">
              <th scope="row" className="w-32 py-0.5 pr-2 font-semibold text-slate-600">
                {f.label}
              </th>
              <td className={`py-0.5 font-mono text-xs break-all ${f.unknown ? 'text-slate-500 italic' : 'text-slate-900'}`}>{f.value}</td>
            </tr>
          ))}
          <tr className="border-t border-slate-100 align-top">
            <th scope="row" className="py-0.5 pr-2 font-semibold text-slate-600">
              databags
            </th>
            <td className="py-0.5 text-xs text-slate-500 italic">unknown: no log relviz reads carries relation data</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
