/// <reference lib="webworker" />
/**
 * The Check dialog's work, off the page: reading and checking a big log takes
 * seconds (about 19 MB/s), and the page must not freeze meanwhile.
 */
import { checkTraceFiles, type TraceCheckOutcome, type TraceCheckRequest } from './traceCheck.ts';

self.onmessage = (e: MessageEvent<TraceCheckRequest>) => {
  let outcome: TraceCheckOutcome;
  try {
    outcome = checkTraceFiles(e.data);
  } catch (err) {
    outcome = { kind: 'error', message: `relviz could not check this history: ${String(err)}` };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(outcome);
};
