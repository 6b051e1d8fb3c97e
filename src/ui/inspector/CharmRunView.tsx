/**
 * A hook of a charm with code of its own (python.ts), beyond what every hook shows: the
 * ops events it dispatched (re-emitted, deferred), its traceback with the charm's own
 * `File "src/charm.py", line 12` as links into the charm editor, and "Edit code" for
 * its application. Loaded with the first such hook (the page's first load has none).
 */
import type { CharmCode } from '../../engine/code.ts';
import type { CharmRun, HookRecord } from '../../engine/trace.ts';
import { openCharmEditor } from '../charm/charmEditing.ts';
import { CharmLabel } from '../charm/labels.ts';
import { useRelviz } from '../StoreContext.tsx';
import { sectionHeading as heading } from './style.ts';

/** `File "src/charm.py", line 12, in _on_joined` — a frame of the traceback. */
const FRAME = /^(\s*File ")([^"]+)(", line )(\d+)(.*)$/;

/** The application's code at the cursor (null: it is not deployed from code there). */
function useAppCode(app: string): CharmCode | null {
  return useRelviz((s) => s.timeline.state.apps.get(app)?.code ?? null);
}

const appOf = (unit: string) => unit.slice(0, unit.indexOf('/'));

/** The traceback, one line each, frames in the charm's own files clickable (they open the editor at that line). */
function Traceback({ text, unit }: { text: string; unit: string }) {
  const app = appOf(unit);
  const code = useAppCode(app);
  return (
    // Wrapped, not scrolled: the last line (the exception) is the one to read, and the column is narrow.
    <pre className="font-mono text-xs leading-snug whitespace-pre-wrap [overflow-wrap:anywhere] [&>div]:pl-[4ch] [&>div]:-indent-[4ch]" data-testid="traceback">
      {text.split('\n').map((line, i) => {
        const m = FRAME.exec(line);
        const path = m?.[2];
        if (!m || !path || !code || code.files[path] === undefined) return <div key={i}>{line}</div>;
        const at = { path, line: Number(m[4]) };
        return (
          <div key={i}>
            {m[1]}
            <button
              type="button"
              className="font-semibold text-blue-900 underline hover:text-blue-950"
              title={`Open ${path} at line ${at.line} in the charm editor`}
              onClick={() => openCharmEditor({ kind: 'edit', app, files: code.files, at })}
            >
              {path}
              {m[3]}
              {m[4]}
            </button>
            {m[5]}
          </div>
        );
      })}
    </pre>
  );
}

/** The ops events the hook dispatched, and "Edit code" for its application. */
function CharmRunSection({ run, unit, failed }: { run: CharmRun; unit: string; failed: boolean }) {
  const app = appOf(unit);
  const code = useAppCode(app);
  return (
    <section aria-label="Charm code" className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <h4 className={heading}>ops events dispatched</h4>
        {code && (
          <button type="button" aria-haspopup="dialog" className="ml-auto rounded border border-slate-300 px-1.5 text-xs text-slate-800 hover:bg-slate-100" onClick={() => openCharmEditor({ kind: 'edit', app, files: code.files })}>
            {CharmLabel.editCode}
          </button>
        )}
      </div>
      {run.events.length === 0 ? (
        <p className="text-xs text-slate-700">{failed ? 'None recorded: the hook failed (its traceback is above).' : 'None: a hook script (charmhelpers style) runs as a whole.'}</p>
      ) : (
        <ol className="flex flex-col gap-0.5 font-mono text-xs">
          {run.events.map((e, i) => (
            <li key={i} className="flex flex-wrap items-center gap-1.5">
              {e.event}
              {e.reemitted && <span className="rounded border border-violet-700 bg-violet-50 px-1 font-sans text-[11px] font-semibold text-violet-900">re-emitted (deferred earlier)</span>}
              {e.deferred && <span className="rounded border border-amber-700 bg-amber-50 px-1 font-sans text-[11px] font-semibold text-amber-950">deferred: runs again before the unit’s next event</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The traceback of a code charm's failed hook, or the ops events it dispatched (one lazy chunk for both). */
export default function CharmRunView({ r, part }: { r: HookRecord; part: 'traceback' | 'events' }) {
  if (part === 'traceback') return <Traceback text={r.error ?? ''} unit={r.unit} />;
  return r.charm ? <CharmRunSection run={r.charm} unit={r.unit} failed={r.result === 'error'} /> : null;
}
