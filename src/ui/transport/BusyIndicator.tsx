/** Progress of a long run being computed in slices (the page stays usable meanwhile). */
import { useRelviz } from '../StoreContext.tsx';

export function BusyIndicator() {
  const busy = useRelviz((s) => s.busy);
  return (
    <div role="status" aria-live="polite" className="min-w-0">
      {busy && (
        <span className="inline-flex items-center gap-2 rounded-md bg-sky-50 px-2 py-1 text-sm text-sky-900">
          <span className="h-3 w-3 animate-spin rounded-full border-2 border-sky-700 border-t-transparent" aria-hidden />
          Computing hooks… {busy.hooks.toLocaleString('en')}
        </span>
      )}
    </div>
  );
}
