import { RULES, type Finding } from '../../io/trace/check.ts';

/** A hook Juju's guarantees rule out: the rule, what is wrong, the rule in words, what Juju would allow instead (and, in a list of them, where it was read). */
export function FindingCard({ f, where = false, tint = 'bg-white' }: { f: Finding; where?: boolean; tint?: string }) {
  return (
    <li className={`rounded-md border border-red-300 px-3 py-2 text-sm ${tint}`} data-finding={f.rule}>
      <p className="text-red-950">
        <span className="mr-2 rounded bg-red-700 px-1.5 py-0.5 font-mono text-xs font-bold text-white" title={RULES[f.rule]}>
          {f.rule}
        </span>
        {where && (
          <>
            <span className="font-mono text-xs text-slate-600">
              {f.hook.source.file}:{f.hook.source.line}
            </span>{' '}
          </>
        )}
        {f.message}
      </p>
      <p className="mt-1 text-slate-800">
        <span className="font-semibold">Rule:</span> {RULES[f.rule]}.
      </p>
      <p className="text-emerald-900">
        <span className="font-semibold">Allowed instead:</span> {f.allowed}.
      </p>
    </li>
  );
}
