/**
 * Checking real histories (src/io/trace/) as plain data that crosses a worker's
 * boundary: what the Check dialog shows, without the hooks themselves (a 45 MB log has
 * over 100,000). Used in trace.worker.ts, and on the page where there is no worker.
 */
import { checkHistory, type CheckReport } from '../io/trace/check.ts';
import { TraceReadError, readHistory, type ReadOptions, type TraceFile } from '../io/trace/read.ts';
import { modelAfter, type ImportedModel } from '../io/trace/model.ts';
import type { ImportedHook, ParsedFile } from '../io/trace/record.ts';

export interface TraceCheckRequest {
  readonly files: readonly TraceFile[];
  readonly options: ReadOptions;
}

export type FileSummary = Omit<ParsedFile, 'hooks'> & { readonly hookCount: number };

export type TraceCheckOutcome =
  | {
      readonly kind: 'checked';
      readonly files: readonly FileSummary[];
      readonly notes: readonly string[];
      readonly report: CheckReport;
      readonly model: ImportedModel;
      /** The history itself, merged by time: what the app's history viewer plays. */
      readonly hooks: readonly ImportedHook[];
    }
  | { readonly kind: 'error'; readonly message: string };

export function checkTraceFiles({ files, options }: TraceCheckRequest): TraceCheckOutcome {
  try {
    const history = readHistory(files, options);
    const summaries = history.files.map(({ hooks, ...rest }) => ({ ...rest, hookCount: hooks.length }));
    if (history.hooks.length === 0) {
      const problems = history.files.flatMap((f) => f.problems);
      return { kind: 'error', message: `No hooks found in ${files.map((f) => f.name).join(', ')}.${problems.length > 0 ? ` ${problems.join(' ')}` : ''}` };
    }
    return { kind: 'checked', files: summaries, notes: history.notes, report: checkHistory(history.hooks), model: modelAfter(history.hooks, history.hooks.length), hooks: history.hooks };
  } catch (e) {
    if (!(e instanceof TraceReadError)) throw e;
    return { kind: 'error', message: e.message };
  }
}
