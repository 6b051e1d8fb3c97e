/**
 * A session as saved to localStorage (and, later, share links): a versioned envelope
 * `{kind, version, …}` validated on the way in, as Excalidraw's restore and zustand's
 * persist do. Unknown or broken input is rejected with a reason, never half-loaded.
 */
import type { Command } from '../engine/commands.ts';
import type { JujuVersion } from '../engine/model.ts';

/** One thing the user did: a command and how many hooks ran after it. */
export interface SessionInput {
  readonly command: Command;
  readonly text: string;
  readonly run: 'idle' | 'none' | number;
}

export interface SessionV1 {
  readonly kind: 'relviz-session';
  readonly version: 1;
  readonly seed: number;
  readonly juju: JujuVersion;
  readonly inputs: readonly SessionInput[];
  readonly cursor: number;
  readonly positions: Readonly<Record<string, { x: number; y: number }>>;
  /** The tutorial step the session is at, if one is being followed. */
  readonly tutorial?: { readonly id: string; readonly step: number } | null;
}

export const SESSION_KEY = 'relviz.session';

export class SessionError extends Error {}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Validates unknown JSON as a session (migrating older versions when there are any). */
export function restoreSession(raw: unknown): SessionV1 {
  if (!isObject(raw) || raw['kind'] !== 'relviz-session') throw new SessionError('not a relviz session');
  if (raw['version'] !== 1) throw new SessionError(`unsupported session version ${String(raw['version'])}`);
  const seed = raw['seed'];
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new SessionError('bad seed');
  const juju = raw['juju'];
  if (juju !== '3.6' && juju !== '4.0') throw new SessionError('bad Juju version');
  const inputs = raw['inputs'];
  if (!Array.isArray(inputs)) throw new SessionError('bad inputs');
  for (const i of inputs) {
    if (!isObject(i) || !isObject(i['command']) || typeof i['command']['type'] !== 'string' || typeof i['text'] !== 'string') {
      throw new SessionError('bad input');
    }
    const run = i['run'];
    if (run !== 'idle' && run !== 'none' && !(typeof run === 'number' && run >= 0)) throw new SessionError('bad input');
  }
  const cursor = raw['cursor'];
  if (typeof cursor !== 'number' || cursor < 0) throw new SessionError('bad cursor');
  const positions = raw['positions'];
  if (!isObject(positions)) throw new SessionError('bad positions');
  for (const p of Object.values(positions)) {
    if (!isObject(p) || typeof p['x'] !== 'number' || typeof p['y'] !== 'number') throw new SessionError('bad positions');
  }
  const tutorial = raw['tutorial'];
  if (tutorial !== undefined && tutorial !== null) {
    if (!isObject(tutorial) || typeof tutorial['id'] !== 'string' || !/^[a-z0-9-]{1,64}$/.test(tutorial['id'])) throw new SessionError('bad tutorial');
    const step = tutorial['step'];
    if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > 10_000) throw new SessionError('bad tutorial');
  }
  return raw as unknown as SessionV1;
}
