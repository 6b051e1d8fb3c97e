/**
 * What a charm's metadata says, as the deploy dialog and the charm editor show it: its
 * endpoints in one line per role, its actions; and a metadata problem at its line.
 */
import type { CharmMeta } from '../../engine/charm.ts';

/** What a charm offers, in one line per role: `provides db (postgresql) · …`. */
export function Endpoints({ meta }: { meta: CharmMeta }) {
  const roles = (['provides', 'requires', 'peers'] as const)
    .map((role) => [role, meta.endpoints.filter((e) => e.role === role)] as const)
    .filter(([, eps]) => eps.length > 0);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
      {roles.map(([role, eps]) => (
        <div key={role} className="contents">
          <dt className="text-slate-500">{role}</dt>
          <dd className="font-mono text-slate-800">
            {eps.map((e) => `${e.name} (${e.interface}${e.scope === 'container' ? ', container' : ''}${e.limit !== null ? `, limit ${e.limit}` : ''})`).join(' · ')}
          </dd>
        </div>
      ))}
      {meta.actions.length > 0 && (
        <div className="contents">
          <dt className="text-slate-500">actions</dt>
          <dd className="font-mono text-slate-800">{meta.actions.map((a) => a.name).join(' · ')}</dd>
        </div>
      )}
      {meta.subordinate && (
        <div className="contents">
          <dt className="text-slate-500">subordinate</dt>
          <dd className="text-slate-800">its units appear when related to a principal</dd>
        </div>
      )}
    </dl>
  );
}

/** A problem in a file, with its line's badge and text (`text` is the file's). */
export function ProblemAtLine({ message, line, text }: { message: string; line: number | null; text: string }) {
  const shown = line !== null ? text.split('\n')[line - 1] : undefined;
  return (
    <div className="rounded-md bg-red-50 px-3 py-2 font-mono text-red-900">
      <p>
        {line !== null && <span className="mr-2 rounded bg-red-700 px-1.5 py-0.5 font-sans text-xs font-semibold text-white">line {line}</span>}
        {message}
      </p>
      {line !== null && shown !== undefined && (
        <pre className="mt-1 text-xs whitespace-pre text-red-800">
          {String(line).padStart(3)} │ {shown}
        </pre>
      )}
    </div>
  );
}
