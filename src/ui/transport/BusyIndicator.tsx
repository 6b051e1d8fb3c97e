/**
 * Progress of a long run being computed off the page's thread (the page stays usable
 * meanwhile), with Stop for the last command's run: the history keeps what was computed;
 * and Python (Pyodide) loading in the engine worker for a charm's own code, or why it could not.
 */
import { Suspense, lazy } from 'react';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';

const PythonStatus = lazy(() => import('./PythonStatus.tsx').then((m) => ({ default: m.PythonStatus })));

export function BusyIndicator() {
  const store = useRelvizStore();
  const busy = useRelviz((s) => s.busy);
  const python = useRelviz((s) => s.python);
  return (
    <div className="flex min-w-0 items-center gap-2">
      <div role="status" aria-live="polite" className="flex min-w-0 items-center gap-2">
        {(python.status === 'loading' || python.status === 'failed') && (
          <Suspense fallback={null}>
            <PythonStatus python={python} />
          </Suspense>
        )}
        {busy && (
          <span className="inline-flex items-center gap-2 rounded-md bg-sky-50 px-2 py-1 text-sm text-sky-900">
            <span className="h-3 w-3 animate-spin rounded-full border-2 border-sky-700 border-t-transparent motion-reduce:animate-none" aria-hidden />
            Computing hooks… {busy.hooks.toLocaleString('en')}
          </span>
        )}
      </div>
      {busy?.stoppable && (
        <button
          type="button"
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100"
          title="Stop computing: the history keeps the hooks computed so far"
          onClick={() => store.getState().stop()}
        >
          Stop
        </button>
      )}
    </div>
  );
}
