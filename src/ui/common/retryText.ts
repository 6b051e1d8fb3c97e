/**
 * relviz's extra line about a unit in error (Juju's own status stays `hook failed:
 * "<hook>"`): whether the unit will re-run the failed hook by itself
 * (automatically-retry-hooks) and when, or whether it waits for `juju resolve`.
 * Pure; the unit chip, the selection toolbar and the hook inspector all say it so.
 */
import type { UnitView } from '../../store/view.ts';

type RetryFields = Pick<UnitView, 'failedHook' | 'retryInSeconds' | 'failures'>;

/** `retrying in 10 s (failed 2×)`, `retrying now (failed 3×)`, `needs juju resolve (failed 1×)`; null when not in error. */
export function retryText(u: RetryFields): string | null {
  if (u.failedHook === null) return null;
  const times = `failed ${u.failures}×`;
  if (u.retryInSeconds === null) return `needs juju resolve (${times})`;
  return `${u.retryInSeconds === 0 ? 'retrying now' : `retrying in ${u.retryInSeconds} s`} (${times})`;
}

/** The same in a sentence, for a tooltip; null when not in error. */
export function retryExplanation(u: RetryFields): string | null {
  if (u.failedHook === null) return null;
  const runs = u.failures === 1 ? 'once' : `${u.failures} times`;
  if (u.retryInSeconds === null) {
    return `${u.failedHook} failed ${runs}; automatic retry is off, so the unit runs nothing else until juju resolve.`;
  }
  const when = u.retryInSeconds === 0 ? 'now' : `in ${u.retryInSeconds} s of simulated time`;
  return `${u.failedHook} failed ${runs}; the unit re-runs it by itself ${when} (automatically-retry-hooks: back-off 5 s, doubling, at most 5 min); juju resolve retries at once.`;
}
