/** What a hook did: the databag keys it committed, files, the status it set, its juju-log lines. */
import { clipText } from '../common/clip.ts';
import type { HookRecord } from '../../engine/trace.ts';
import { changeLines, type ChangeLine } from './inspect.ts';
import { sectionHeading as heading } from './style.ts';

const MARK: Record<ChangeLine['change'], { readonly sign: string; readonly cls: string }> = {
  added: { sign: '+', cls: 'text-emerald-800' },
  updated: { sign: '~', cls: 'text-amber-800' },
  removed: { sign: '−', cls: 'text-red-800' },
};

export function HookEffects({ r }: { r: HookRecord }) {
  const changes = changeLines(r);
  if (changes.length === 0 && r.files.length === 0 && !r.status && r.logs.length === 0) {
    return <p className="text-xs text-slate-600">It wrote no relation data, set no status and logged nothing.</p>;
  }
  return (
    <>
      {changes.length > 0 && (
        <div>
          <h4 className={heading}>Databag changes (committed)</h4>
          <ul className="font-mono text-xs">
            {changes.map((c) => (
              <li key={`${c.bag}/${c.key}`} className="[overflow-wrap:anywhere]">
                <span className={`font-bold ${MARK[c.change].cls}`}>{MARK[c.change].sign}</span> <span className="text-slate-600">{c.bag}:</span>{' '}
                <span className={c.change === 'removed' ? 'line-through' : ''}>{c.key}</span>
                {c.change === 'removed' ? (
                  <span className="text-slate-600"> (was {clipText(c.value, 2000)})</span>
                ) : (
                  <>
                    {' = '}
                    {c.old !== null && <del className="text-slate-600">{clipText(c.old, 2000)}</del>}
                    {c.old !== null && ' → '}
                    {clipText(c.value, 2000)}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.files.length > 0 && (
        <div>
          <h4 className={heading}>Files</h4>
          <ul className="font-mono text-xs">
            {r.files.map((f) => (
              <li key={f.path}>{f.content === null ? `removed ${f.path}` : `wrote ${f.path}: ${f.content}`}</li>
            ))}
          </ul>
        </div>
      )}
      {r.status && (
        <p className="text-xs">
          <span className={heading}>Status set</span> <span className="font-mono">{r.status.workload}</span>
          {r.status.message && <span className="font-mono"> “{r.status.message}”</span>}
        </p>
      )}
      {r.logs.length > 0 && (
        <div>
          <h4 className={heading}>{r.charm ? 'Logs (juju-log, logging, print)' : 'juju-log'}</h4>
          <pre className="overflow-x-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs whitespace-pre-wrap text-slate-800">{r.logs.join('\n')}</pre>
        </div>
      )}
    </>
  );
}
