/**
 * The postMessage protocol between a page and relviz embedded in its `<iframe>`:
 * closed unions of the messages each side sends, and the validation of what comes
 * in. A parent page is any site on the web, so every incoming message is checked
 * (shape, types, sizes) before it touches the store; what fails is answered with a
 * `relviz:error` saying why, never half-applied.
 */
import type { HookRecord } from '../engine/trace.ts';
import { MAX_DOCUMENT_CHARS } from '../store/session.ts';
import { MAX_SCRIPT_CHARS } from './params.ts';

export { MAX_SCRIPT_CHARS };

/** What the parent page sends. `step` counts from 1, as the tutorial card numbers steps. */
export type InboundMessage =
  | { readonly type: 'relviz:load'; readonly script: string }
  | { readonly type: 'relviz:play' }
  | { readonly type: 'relviz:pause' }
  | { readonly type: 'relviz:step' }
  | { readonly type: 'relviz:back' }
  | { readonly type: 'relviz:seek'; readonly tick: number }
  | { readonly type: 'relviz:tutorial'; readonly id: string; readonly step: number }
  /** A tutorial document's text (untrusted: read and checked before it plays, as any document). */
  | { readonly type: 'relviz:tutorial'; readonly text: string; readonly step: number };

/** A hook the cursor passed, as the parent sees it (the `--json` record's names, camel-cased). */
export interface HookEvent {
  readonly type: 'relviz:hook';
  readonly seq: number;
  readonly unit: string;
  readonly hook: string;
  /** The relation as the unit names it (`master:0`); null for a non-relation hook. */
  readonly relation: string | null;
  readonly remoteUnit: string | null;
  readonly result: 'ok' | 'error';
  /** The cursor with this hook as the current one (seek here to show it). */
  readonly tick: number;
}

/** What relviz sends back to the parent page. */
export type OutboundMessage =
  | { readonly type: 'relviz:ready'; readonly length: number }
  | HookEvent
  | { readonly type: 'relviz:state'; readonly cursor: number; readonly length: number; readonly playing: boolean }
  | { readonly type: 'relviz:error'; readonly message: string };

export const InboundTypes = ['relviz:load', 'relviz:play', 'relviz:pause', 'relviz:step', 'relviz:back', 'relviz:seek', 'relviz:tutorial'] as const;

/** Tutorial ids are short slugs (as share links and saved sessions require). */
const TUTORIAL_ID = /^[a-z0-9-]{1,64}$/;
const MAX_STEP = 10_000;
/** Ticks beyond any history the store can hold; seek clamps to the real length. */
const MAX_TICK = 1e9;

export type Parsed = { readonly ok: true; readonly message: InboundMessage } | { readonly ok: false; readonly error: string };

const fail = (error: string): Parsed => ({ ok: false, error });

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  // Structured clone can deliver arrays, Maps, Dates, Blobs…: only plain objects are messages.
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

const isCount = (x: unknown, max: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;

/** Checks an incoming message; the error says what was wrong, for the page's author. */
export function parseInbound(data: unknown): Parsed {
  if (!isPlainObject(data) || typeof data['type'] !== 'string') return fail(`a message must be an object with a "type" (one of ${InboundTypes.join(', ')})`);
  const type = data['type'];
  switch (type) {
    case 'relviz:play':
    case 'relviz:pause':
    case 'relviz:step':
    case 'relviz:back':
      return { ok: true, message: { type } };
    case 'relviz:load': {
      const script = data['script'];
      if (typeof script !== 'string') return fail('relviz:load needs "script", the script text');
      if (script.length > MAX_SCRIPT_CHARS) return fail(`relviz:load: the script is ${script.length} characters, at most ${MAX_SCRIPT_CHARS} are accepted`);
      return { ok: true, message: { type, script } };
    }
    case 'relviz:seek': {
      const tick = data['tick'];
      if (!isCount(tick, MAX_TICK)) return fail('relviz:seek needs "tick", a whole number ≥ 0');
      return { ok: true, message: { type, tick } };
    }
    case 'relviz:tutorial': {
      const { id, text } = data;
      const step = data['step'] ?? 1;
      if (id !== undefined && text !== undefined) return fail('relviz:tutorial takes "id" (a shipped tutorial) or "text" (a tutorial document), not both');
      if (text !== undefined) {
        if (typeof text !== 'string') return fail('relviz:tutorial: "text" is the tutorial document, a string');
        if (text.length > MAX_DOCUMENT_CHARS) return fail(`relviz:tutorial: the document is ${text.length} characters, at most ${MAX_DOCUMENT_CHARS} are accepted`);
      } else if (typeof id !== 'string' || !TUTORIAL_ID.test(id)) return fail('relviz:tutorial needs "id", a tutorial id such as "masterworker", or "text", a tutorial document');
      if (!isCount(step, MAX_STEP) || step < 1) return fail('relviz:tutorial: "step" is the step number, counting from 1');
      return { ok: true, message: typeof text === 'string' ? { type, text, step } : { type, id: id as string, step } };
    }
    default:
      return fail(`unknown message type "${type.slice(0, 40)}" (expected one of ${InboundTypes.join(', ')})`);
  }
}

/** The event for a hook record that became current at `tick`. */
export function hookEvent(record: HookRecord, tick: number): HookEvent {
  return {
    type: 'relviz:hook',
    seq: record.seq,
    unit: record.unit,
    hook: record.hook,
    relation: record.relation,
    remoteUnit: record.remoteUnit,
    result: record.result,
    tick,
  };
}
