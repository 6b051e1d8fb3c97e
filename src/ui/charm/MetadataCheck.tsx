/** What the charm editor's check says: the charm it reads (endpoints, actions), or the first problem at its file and line. */
import { Endpoints, ProblemAtLine } from '../controls/CharmEndpoints.tsx';
import type { DraftCheck } from './charmDraft.ts';

export function MetadataCheck({ check, text }: { check: DraftCheck | null; text: string }) {
  if (check === null) return <p className="text-slate-700">Loading the template…</p>;
  if (!check.ok) return <ProblemAtLine message={`${check.file}: ${check.message}`} line={check.line} text={text} />;
  return (
    <div className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-950">
      <p className="mb-1 font-medium">
        ✓ Charm <span className="font-mono">{check.meta.name}</span>
        {check.hasCode ? ', with its code' : ': no code yet (src/charm.py, hooks/…): its hooks would run and do nothing'}
      </p>
      <Endpoints meta={check.meta} />
    </div>
  );
}
