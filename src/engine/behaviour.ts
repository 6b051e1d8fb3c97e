/**
 * A charm's behaviour: hook and action handlers written against a HookContext.
 * Handlers never see engine internals; they only use the hook tools Juju gives a charm.
 */
import type { CharmMeta, SourceFile } from './charm.ts';
import type { HookContext } from './context.ts';
import type { HookKind } from './ops.ts';

/** A hook or action handler: throws (or calls ctx.exit) to fail the hook. */
export type Handler = (ctx: HookContext) => void;

/**
 * Behaviour keyed by hook name (`install`, `master-relation-joined`, …) or by action
 * name (`broadcast-message`). Missing handlers do nothing, as a charm without that
 * hook file does in Juju.
 */
export interface CharmBehaviour {
  readonly hooks: Readonly<Record<string, Handler>>;
  readonly actions: Readonly<Record<string, Handler>>;
  /**
   * For a charm with code of its own (python.ts): the handler for any hook or action by
   * name, or undefined when its code has nothing to run for it. Takes the place of
   * `hooks` and `actions`.
   */
  readonly dispatch?: (name: string, kind: HookKind) => Handler | undefined;
}

export interface Charm {
  readonly meta: CharmMeta;
  readonly behaviour: CharmBehaviour;
  /**
   * Set on a real charm's entry: its endpoints as its metadata declares them (`source`,
   * plus any included reactive `layers` the built charm takes endpoints from). It has
   * no behaviour — its hooks run and do nothing — and the UI says so.
   */
  readonly real?: { readonly source: SourceFile; readonly layers: readonly SourceFile[] };
}

export const NO_BEHAVIOUR: CharmBehaviour = { hooks: {}, actions: {} };
