/**
 * Python (Pyodide) loading in the engine worker for a charm's own code — the first
 * time takes seconds — or why it could not load. A chunk of its own, fetched when
 * Python starts loading (beside a download of megabytes, it costs nothing).
 */
import type { PythonLoad } from '../../store/state.ts';

export function PythonStatus({ python }: { python: PythonLoad }) {
  if (python.status === 'failed') {
    return (
      <span className="max-w-[36rem] truncate rounded-md bg-red-50 px-2 py-1 text-sm text-red-900" title={python.detail}>
        Python could not load: {python.detail}
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-2 rounded-md bg-violet-50 px-2 py-1 text-sm text-violet-950" title={python.detail}>
      <span className="h-3 w-3 animate-spin rounded-full border-2 border-violet-700 border-t-transparent motion-reduce:animate-none" aria-hidden />
      Loading Python (Pyodide)… first time takes a few seconds
    </span>
  );
}
