/**
 * The context of one atomic change to the state (a command, or one hook with its
 * commit): the state, where trace records go, and the seq of the operation.
 */
import type { SimState } from './model.ts';
import type { EventRecord, ModelEvent, TraceRecord, TraceSink } from './trace.ts';

export interface Tx {
  readonly state: SimState;
  readonly sink: TraceSink | null;
  /** seq of the operation in progress (0 for commands that run no operation). */
  readonly seq: number;
}

export function emit(tx: Tx, record: TraceRecord): void {
  if (tx.sink) tx.sink(record);
}

export function emitEvent(
  tx: Tx,
  event: ModelEvent,
  fields: { unit?: string; app?: string; relationId?: number; detail?: string },
): void {
  if (!tx.sink) return;
  const record: EventRecord = {
    type: 'event',
    event,
    unit: fields.unit ?? null,
    app: fields.app ?? null,
    relationId: fields.relationId ?? null,
    detail: fields.detail ?? '',
  };
  tx.sink(record);
}

/** Marks a unit whose next operation may have changed; readiness is settled at the end of the change. */
export function touch(state: SimState, unit: string): void {
  state.touched.add(unit);
}
