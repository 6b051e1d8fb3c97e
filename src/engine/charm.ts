/**
 * Charms as the engine sees them: metadata (what `metadata.yaml` / `charmcraft.yaml`
 * declare) and behaviour (hook handlers written against a HookContext). Handlers
 * never see engine internals; they only use the hook tools Juju gives a charm.
 */
import type { HookContext } from './context.ts';

export const Roles = ['provides', 'requires', 'peers'] as const;
export type Role = (typeof Roles)[number];

export interface EndpointMeta {
  readonly name: string;
  readonly role: Role;
  readonly interface: string;
  readonly limit: number | null;
  readonly scope: 'global' | 'container';
  /** The implicit `juju-info` provides endpoint every application has. */
  readonly implicit: boolean;
}

export interface ActionMeta {
  readonly name: string;
  readonly description: string;
  readonly params: readonly string[];
}

export interface CharmMeta {
  readonly name: string;
  readonly summary: string;
  readonly subordinate: boolean;
  /** Declared endpoints in file order: provides, then requires, then peers. */
  readonly endpoints: readonly EndpointMeta[];
  readonly actions: readonly ActionMeta[];
}

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
}

/** A file at a commit of a public repository: where a real charm's facts were read. */
export interface SourceFile {
  readonly repo: string;
  readonly path: string;
  readonly commit: string;
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

export const JUJU_INFO: EndpointMeta = {
  name: 'juju-info',
  role: 'provides',
  interface: 'juju-info',
  limit: null,
  scope: 'global',
  implicit: true,
};

/** Declared endpoints plus the implicit juju-info provider (unless the charm declares one). */
export function allEndpoints(meta: CharmMeta): readonly EndpointMeta[] {
  return meta.endpoints.some((e) => e.name === JUJU_INFO.name) ? meta.endpoints : [...meta.endpoints, JUJU_INFO];
}

export function findEndpoint(meta: CharmMeta, name: string): EndpointMeta | undefined {
  return allEndpoints(meta).find((e) => e.name === name);
}

export function endpoint(
  name: string,
  role: Role,
  iface: string,
  opts: { limit?: number; scope?: 'global' | 'container' } = {},
): EndpointMeta {
  return { name, role, interface: iface, limit: opts.limit ?? null, scope: opts.scope ?? 'global', implicit: false };
}
