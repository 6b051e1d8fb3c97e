/** Juju's refusal for the last change, as Juju prints it; the model is unchanged. */
import { Label } from '../labels.ts';
import { useRelviz } from '../StoreContext.tsx';

export function ErrorBanner() {
  const error = useRelviz((s) => s.error);
  const dismiss = useRelviz((s) => s.dismissError);
  if (!error) return null;
  return (
    <div role="alert" className="flex items-start gap-3 rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-red-900">
      <pre className="min-w-0 flex-1 font-mono text-sm whitespace-pre-wrap">{error}</pre>
      <button type="button" aria-label={Label.dismissError} className="rounded px-2 text-red-900 hover:bg-red-100" onClick={dismiss}>
        ✕
      </button>
    </div>
  );
}
