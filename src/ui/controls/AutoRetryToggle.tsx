/**
 * The model's `automatically-retry-hooks` as a switch in the header: it shows the
 * value at the cursor and applies `juju model-config automatically-retry-hooks=…`
 * through the store, as the console would (autoRetry.ts).
 */
import { Label } from '../labels.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { AUTO_RETRY_TITLE, autoRetryCommand } from './autoRetry.ts';

/** "Auto-retry" and " failed hooks". */
const SHORT = Label.autoRetry.split(' ')[0] ?? Label.autoRetry;
const REST = Label.autoRetry.slice(SHORT.length);

export function AutoRetryToggle() {
  const store = useRelvizStore();
  const on = useRelviz((s) => s.view.autoRetry);
  return (
    <label className="flex items-center gap-1.5 text-sm whitespace-nowrap text-slate-600" title={AUTO_RETRY_TITLE}>
      <input
        type="checkbox"
        role="switch"
        aria-label={Label.autoRetry}
        checked={on}
        onChange={(e) => store.getState().apply(autoRetryCommand(e.target.checked))}
        className="h-4 w-4 accent-orange-600"
      />
      {/* The accessible name is always the whole label; narrow screens show its first word, leaving the scrubber room. */}
      <span>
        {SHORT}
        <span className="hidden min-[90rem]:inline">{REST}</span>
      </span>
    </label>
  );
}
