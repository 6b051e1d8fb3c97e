/**
 * Charms as the engine sees them: metadata (what `metadata.yaml` / `charmcraft.yaml`
 * declare). Their behaviour — hook handlers written against a HookContext — is in
 * behaviour.ts, so that the model can name a charm's metadata without depending on the
 * hook context (which depends on the model).
 */

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

/** A file at a commit of a public repository: where a real charm's facts were read. */
export interface SourceFile {
  readonly repo: string;
  readonly path: string;
  readonly commit: string;
}


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
