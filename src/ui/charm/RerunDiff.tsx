/**
 * What changed between the previous run and the re-run with edited code (io/runDiff.ts):
 * per unit, the hooks added and removed after the fork point (runs of hooks both ran
 * folded); the databags that differ at the end, key by key; the statuses and failures
 * that differ. Shown under the header until dismissed; Undo brings the previous run back.
 */
import type { HookStep, RunDiff, UnitChange } from '../../io/runDiff.ts';
import { plural } from '../../io/plural.ts';
import { clipText } from '../common/clip.ts';
import type { Rerun } from '../../store/state.ts';
import { useRelvizStore } from '../StoreContext.tsx';
import { RerunLabel } from './labels.ts';

const heading = 'mb-1 text-xs font-bold tracking-wider text-slate-600 uppercase';

/** The steps with each run of hooks both ran folded into one line. */
function folded(steps: readonly HookStep[]): (HookStep | { readonly op: 'folded'; readonly count: number })[] {
  const out: (HookStep | { op: 'folded'; count: number })[] = [];
  for (const s of steps) {
    const last = out.at(-1);
    if (s.op !== 'same') out.push(s);
    else if (last?.op === 'folded') last.count++;
    else out.push({ op: 'folded', count: 1 });
  }
  return out;
}

function Hooks({ diff }: { diff: RunDiff }) {
  if (diff.hooks.length === 0) return <p className="text-slate-700">Every unit ran the same hooks.</p>;
  return (
    <div className="flex flex-col gap-2">
      {diff.hooks.map((u) => (
        <div key={u.unit}>
          <p className="font-mono font-semibold">
            {u.unit} <span className="font-sans font-normal text-slate-700">(+{u.added} −{u.removed})</span>
          </p>
          <ol className="font-mono text-xs">
            {folded(u.steps).map((s, i) =>
              s.op === 'folded' ? (
                <li key={i} className="text-slate-600">
                  ⋯ {plural(s.count, 'hook')} both runs ran
                </li>
              ) : (
                <li key={i} className={s.op === 'added' ? 'bg-emerald-50 text-emerald-900' : 'bg-red-50 text-red-900 line-through decoration-red-400'}>
                  <span aria-hidden className="inline-block w-4 font-bold no-underline">
                    {s.op === 'added' ? '+' : '−'}
                  </span>
                  <span className="sr-only">{s.op} </span>
                  {s.hook}
                </li>
              ),
            )}
          </ol>
        </div>
      ))}
    </div>
  );
}

function Bags({ diff }: { diff: RunDiff }) {
  if (diff.bags.length === 0) return <p className="text-slate-700">Every databag ends the same.</p>;
  return (
    <div className="flex flex-col gap-2">
      {diff.bags.map((b) => (
        <div key={`${b.relation} ${b.bag}`}>
          <p className="font-mono text-xs">
            <span className="font-semibold">{b.bag.replace(/^(app|unit):/, '$1 bag of ')}</span> <span className="text-slate-600">in {b.relation}</span>
          </p>
          <ul className="font-mono text-xs [overflow-wrap:anywhere]">
            {b.added.map(([k, v]) => (
              <li key={`+${k}`} className="text-emerald-900">
                + {k} = {clipText(v, 200)}
              </li>
            ))}
            {b.updated.map(([k, from, to]) => (
              <li key={`~${k}`} className="text-amber-900">
                ~ {k} = <del>{clipText(from, 200)}</del> → {clipText(to, 200)}
              </li>
            ))}
            {b.removed.map(([k, v]) => (
              <li key={`-${k}`} className="text-red-900">
                − {k} <span className="text-slate-600">(was {clipText(v, 200)})</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function Changes({ changes, none }: { changes: readonly UnitChange[]; none: string }) {
  if (changes.length === 0) return <p className="text-slate-700">{none}</p>;
  return (
    <ul className="font-mono text-xs">
      {changes.map((c) => (
        <li key={c.unit}>
          <span className="font-semibold">{c.unit}</span>: <del className="text-slate-600">{c.before ?? '(none)'}</del> → {c.after ?? '(none)'}
        </li>
      ))}
    </ul>
  );
}

export function RerunDiff({ rerun }: { rerun: Rerun }) {
  const store = useRelvizStore();
  const { diff } = rerun;
  const where = rerun.from === 'start' ? 'from the start' : `from tick ${rerun.tick.toLocaleString('en')}`;
  const summary = !diff
    ? 'Computing the new run…'
    : `${plural(diff.hooks.length, 'unit')} ran other hooks, ${plural(diff.bags.length, 'databag')} ${diff.bags.length === 1 ? 'differs' : 'differ'}, ${plural(diff.statuses.length, 'status', 'statuses')} and ${plural(diff.failures.length, 'failure')} changed.`;
  return (
    <section aria-label={RerunLabel.region} className="flex max-h-[38vh] min-h-0 flex-col rounded-lg border border-violet-300 bg-white shadow-sm">
      <header className="flex flex-wrap items-center gap-2 border-b border-violet-200 bg-violet-50 px-3 py-1.5 text-sm">
        <h2 className="font-bold text-violet-950">{RerunLabel.title(rerun.app, where)}</h2>
        <span role="status" className="text-violet-950">
          {summary}
        </span>
        <span className="text-xs text-slate-700">Undo brings the previous run back.</span>
        <button type="button" className="ml-auto rounded border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-100" onClick={() => store.getState().dismissRerun()}>
          {RerunLabel.dismiss}
        </button>
      </header>
      {diff && (
        <div className="grid min-h-0 grid-cols-3 gap-4 overflow-y-auto px-3 py-2 text-sm">
          <div>
            <h3 className={heading}>{RerunLabel.hooks}</h3>
            <Hooks diff={diff} />
          </div>
          <div>
            <h3 className={heading}>{RerunLabel.bags}</h3>
            <Bags diff={diff} />
          </div>
          <div className="flex flex-col gap-2">
            <div>
              <h3 className={heading}>{RerunLabel.statuses}</h3>
              <Changes changes={diff.statuses} none="Every unit ends with the same status." />
            </div>
            <div>
              <h3 className={heading}>{RerunLabel.failures}</h3>
              <Changes changes={diff.failures} none="The same units end in error (if any)." />
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
