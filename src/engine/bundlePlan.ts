/**
 * From a read bundle (bundle.ts) to the commands that deploy it, as Juju resolves a
 * bundle's charms (issue 10, second step):
 *
 * 1. the charm's files where the bundle says (a local path), or beside the bundle
 *    (`<dir>/charms/<name>/`, `<dir>/<name>/`): asked of `lookup`, which reads files
 *    (the CLI: the disk; the app: what the user opened);
 * 2. relviz's built-in catalog: a real charm's endpoints first (a bundle names Charmhub
 *    charms), else a teaching charm of that name;
 * 3. otherwise the charm is **inferred** from the bundle's own relations — endpoint
 *    names from the pairs, the role opposite to the other side's, its interface; a
 *    subordinate when it has no units and relates to a principal on juju-info or a
 *    container endpoint — and marked so. A bundle never fails only because its charms
 *    are unknown.
 *
 * The whole plan is then tried on a scratch model before anything is deployed, so an
 * endpoint a known charm does not have, or an ambiguous relation, is reported with the
 * relation's file and line — and nothing of the bundle is applied.
 */
import { CATALOG, bundleCatalogCharm } from './catalog/index.ts';
import { allEndpoints, type CharmMeta, type EndpointMeta } from './charm.ts';
import type { CharmSource } from './command.ts';
import type { CrossModelNote } from './model.ts';
import { MetadataError, parseCharmFiles } from './metadata.ts';
import { BundleError, type Bundle, type BundleApplication, type BundleProblem, type BundleRelation, type Where } from './bundle.ts';

type Files = Readonly<Record<string, string>>;

/** Reads a charm's files for an application, or null when there are none where Juju would look. */
export type CharmLookup = (app: BundleApplication) => { readonly path: string; readonly files: Files } | null;

export interface PlannedApp extends Where {
  readonly name: string;
  readonly source: 'files' | 'catalog' | 'inferred';
  readonly meta: CharmMeta;
  /** What it is deployed from: the catalog, or files (its own, or the inferred metadata). */
  readonly charm: CharmSource;
  /** Units to add now: 0 for a subordinate (its units come with its relations). */
  readonly units: number;
  /** `to:` placement directives, as written. */
  readonly to: readonly string[];
}

export interface BundlePlan {
  /** In the bundle's order. */
  readonly apps: readonly PlannedApp[];
  /** The relations between the bundle's own applications, in the bundle's order. */
  readonly relations: readonly BundleRelation[];
  readonly positions: Readonly<Record<string, { x: number; y: number }>>;
  /** Offers and relations to saas, per application: shown, not simulated. */
  readonly crossModel: ReadonlyMap<string, readonly CrossModelNote[]>;
  /** What the user should know: inferred charms, what is not simulated. */
  readonly warnings: readonly string[];
}

interface Side {
  readonly app: string;
  readonly endpoint: string | null;
}

type Role = EndpointMeta['role'];
const opposite = (role: Role): Role => (role === 'provides' ? 'requires' : role === 'requires' ? 'provides' : 'peers');

/**
 * The charms of the applications in `unknown`, inferred from the bundle's relations.
 * Each relation joins two endpoints: they share an interface (a known side's, else the
 * first endpoint's name) and take opposite roles (a known side's fixes the other's;
 * otherwise the first side named provides). Endpoint names come from the pairs; an
 * unnamed one takes the other side's name. An application with no units facing a
 * principal's juju-info or container endpoint is a subordinate.
 */
function inferCharms(bundle: Bundle, known: ReadonlyMap<string, CharmMeta>, unknown: ReadonlySet<string>, interfaceOf: (rel: BundleRelation) => string | null): Map<string, CharmMeta> {
  type End = { app: string; name: string; role: Role | null; iface: string | null; container: boolean };
  const ends = new Map<string, End>();
  const endOf = (side: Side, other: Side): End => {
    const meta = known.get(side.app);
    if (meta && !unknown.has(side.app)) {
      const ep = side.endpoint !== null ? allEndpoints(meta).find((e) => e.name === side.endpoint) : undefined;
      const key = `${side.app}:${side.endpoint ?? '?'}`;
      const end = ends.get(key) ?? { app: side.app, name: side.endpoint ?? '?', role: ep?.role ?? null, iface: ep?.interface ?? null, container: ep?.scope === 'container' || ep?.interface === 'juju-info' };
      ends.set(key, end);
      return end;
    }
    const name = side.endpoint ?? other.endpoint ?? other.app;
    const key = `${side.app}:${name}`;
    const end = ends.get(key) ?? { app: side.app, name, role: null, iface: null, container: false };
    ends.set(key, end);
    return end;
  };
  const links: Array<[End, End]> = [];
  for (const rel of bundle.relations) {
    if (!unknown.has(rel.a.app) && !unknown.has(rel.b.app)) continue;
    if (!bundle.applications.has(rel.a.app) || !bundle.applications.has(rel.b.app)) continue;
    const link: [End, End] = [endOf(rel.a, rel.b), endOf(rel.b, rel.a)];
    // An interface the input names (juju status does) is the relation's.
    const iface = interfaceOf(rel);
    if (iface !== null) for (const end of link) end.iface ??= iface;
    links.push(link);
  }
  // Interfaces: a union of the endpoints each relation joins.
  const parent = new Map<End, End>();
  const find = (e: End): End => {
    let root = e;
    while (parent.get(root) && parent.get(root) !== root) root = parent.get(root) as End;
    return root;
  };
  for (const [x, y] of links) {
    const [rx, ry] = [find(x), find(y)];
    if (rx !== ry) parent.set(ry.iface !== null && rx.iface === null ? rx : ry, ry.iface !== null && rx.iface === null ? ry : rx);
  }
  for (const e of ends.values()) {
    const root = find(e);
    if (e.iface === null) e.iface = root.iface ?? root.name;
  }
  // Roles: fixed by a known side, else the first side named provides; propagated until nothing changes.
  for (let pass = 0; pass < 2; pass++) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const [x, y] of links) {
        if (x.role !== null && y.role === null) [y.role, changed] = [opposite(x.role), true];
        else if (y.role !== null && x.role === null) [x.role, changed] = [opposite(y.role), true];
      }
    }
    const open = links.find(([x, y]) => x.role === null && y.role === null);
    if (!open) break;
    open[0].role = 'provides';
    pass = -1;
  }
  const out = new Map<string, CharmMeta>();
  for (const name of unknown) {
    const app = bundle.applications.get(name) as BundleApplication;
    const mine = [...ends.values()].filter((e) => e.app === name);
    // Facing a principal's juju-info or container endpoint, with no units of its own: a subordinate.
    const facing = new Set(links.filter(([x, y]) => x.app === name || y.app === name).flatMap(([x, y]) => (x.app === name ? [[x, y]] : [[y, x]])).filter(([, other]) => other?.container).map(([m]) => m));
    const subordinate = app.units === null && facing.size > 0;
    const endpoints: EndpointMeta[] = mine.map((e) => ({
      name: e.name,
      role: subordinate && facing.has(e) ? 'requires' : (e.role ?? 'provides'),
      interface: e.iface ?? e.name,
      limit: null,
      scope: subordinate && facing.has(e) ? 'container' : 'global',
      implicit: false,
    }));
    out.set(name, { name: app.charm.name, summary: "inferred from the bundle's relations", subordinate, endpoints, actions: [] });
  }
  return out;
}

/** The metadata.yaml text of a charm (how an inferred charm is deployed, as a pasted one is). */
export function metadataYaml(meta: CharmMeta): string {
  const lines = [`name: ${meta.name}`, `summary: ${JSON.stringify(meta.summary)}`];
  if (meta.subordinate) lines.push('subordinate: true');
  for (const role of ['provides', 'requires', 'peers'] as const) {
    const eps = meta.endpoints.filter((e) => e.role === role && !e.implicit);
    if (eps.length === 0) continue;
    lines.push(`${role}:`);
    for (const e of eps) {
      lines.push(`  ${e.name}:`, `    interface: ${e.interface}`);
      if (e.scope === 'container') lines.push('    scope: container');
      if (e.limit !== null) lines.push(`    limit: ${e.limit}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * How a bundle deploys: each application's charm (found, catalog or inferred), units
 * and placement, and the relations between its applications. Throws BundleError when
 * a charm's own files are unreadable; what Juju would refuse when applying it (an
 * endpoint a known charm lacks, an ambiguous relation) is found by the dry run in
 * bundleDeploy.ts.
 */
export function planBundle(
  bundle: Bundle,
  lookup: CharmLookup,
  opts: {
    /** The relation's interface where the input names it (juju status does). */
    interfaceOf?: (rel: BundleRelation) => string | null;
    /** Applications whose charm is inferred whatever the catalog has (a running model whose charm revision differs). */
    infer?: ReadonlySet<string>;
  } = {},
): BundlePlan {
  const problems: BundleProblem[] = [];
  const known = new Map<string, CharmMeta>();
  const files = new Map<string, { path: string; files: Files }>();
  const source = new Map<string, PlannedApp['source']>();
  // 1 and 2: files where Juju would look, then the catalog.
  for (const app of bundle.applications.values()) {
    const found = lookup(app);
    if (found) {
      try {
        const { meta, files: own } = withLayers(parseCharmFiles(found.files), found.files);
        known.set(app.name, meta);
        files.set(app.name, { path: found.path, files: own });
        source.set(app.name, 'files');
      } catch (e) {
        if (!(e instanceof MetadataError)) throw e;
        problems.push({ file: app.file, line: app.line, message: `application "${app.name}": charm ${app.charm.raw} at ${found.path}: ${e.message}` });
      }
      continue;
    }
    // A `local:` charm is the user's own, whatever its name: never a catalog charm.
    // (A local path with no charm there comes here too, by its last segment: `./master` is the catalog's master.)
    const catalog = app.charm.raw.startsWith('local:') || opts.infer?.has(app.name) ? undefined : app.teaching ? CATALOG.get(app.charm.name) : bundleCatalogCharm(app.charm.name)?.charm;
    if (catalog) {
      known.set(app.name, catalog.meta);
      source.set(app.name, 'catalog');
    }
  }
  if (problems.length > 0) throw new BundleError(problems);
  // 3: the rest inferred from the relations.
  const inferred = [...bundle.applications.keys()].filter((name) => !known.has(name));
  for (const [app, meta] of inferCharms(bundle, known, new Set(inferred), opts.interfaceOf ?? (() => null))) {
    known.set(app, meta);
    source.set(app, 'inferred');
  }

  const apps: PlannedApp[] = [];
  for (const app of bundle.applications.values()) {
    const meta = known.get(app.name) as CharmMeta;
    const from = source.get(app.name) as PlannedApp['source'];
    const own = files.get(app.name);
    const charm: CharmSource =
      from === 'catalog' ? { kind: 'catalog', name: app.teaching ? app.charm.name : (bundleCatalogCharm(app.charm.name)?.name ?? app.charm.name) } : { kind: 'files', path: own?.path ?? app.charm.raw, files: own?.files ?? { 'metadata.yaml': metadataYaml(meta) } };
    // No num_units / scale: Juju adds no units (a subordinate gets its units from its relations).
    apps.push({ name: app.name, file: app.file, line: app.line, source: from, meta, charm, units: meta.subordinate ? 0 : (app.units ?? 0), to: app.to });
  }
  // Relations to saas (offered by another model) are shown, not simulated.
  const relations = bundle.relations.filter((rel) => bundle.applications.has(rel.a.app) && bundle.applications.has(rel.b.app));

  const warnings: string[] = [];
  if (inferred.length > 0) warnings.push(`charms not found, endpoints inferred from the bundle's relations: ${inferred.join(', ')}`);
  const unsimulated = [...bundle.applications.values()].flatMap((app) => {
    const fields = [...Object.keys(app.notSimulated).filter((k) => k !== 'offers'), ...(Object.keys(app.options).length > 0 ? ['options'] : [])];
    return fields.length > 0 ? [`${app.name} (${fields.join(', ')})`] : [];
  });
  if (unsimulated.length > 0) warnings.push(`read, shown, not simulated: ${unsimulated.join('; ')}`);
  if (bundle.saas.length > 0 || bundle.offers.length > 0) warnings.push(`cross-model relations are not simulated: ${[...bundle.saas, ...bundle.offers].join(', ')} shown only`);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const app of bundle.applications.values()) if (app.position) positions[app.name] = app.position;
  return { apps, relations, positions, crossModel: crossModelNotes(bundle), warnings };
}

/**
 * A reactive charm's endpoints include those of the layers it is built from
 * (`layer.yaml` includes; their metadata beside it as `included-layer-<name>.metadata.yaml`,
 * as in the fixtures): merged in, and the charm deployed from the merged metadata.
 */
function withLayers(meta: CharmMeta, files: Files): { meta: CharmMeta; files: Files } {
  const layers = Object.entries(files).filter(([name]) => /^included-layer-[\w.-]+\.metadata\.yaml$/.test(name));
  if (layers.length === 0) return { meta, files };
  const endpoints = [...meta.endpoints];
  for (const [, text] of layers) {
    const layer = parseCharmFiles({ 'metadata.yaml': `name: ${meta.name}\n${text}` });
    for (const e of layer.endpoints) if (!endpoints.some((x) => x.name === e.name)) endpoints.push(e);
  }
  const merged = { ...meta, endpoints };
  return { meta: merged, files: { ...(files['actions.yaml'] !== undefined ? { 'actions.yaml': files['actions.yaml'] } : {}), 'metadata.yaml': metadataYaml(merged) } };
}

/** Each application's offers (`applications.<app>.offers.<name>.endpoints`) and relations to saas. */
function crossModelNotes(bundle: Bundle): Map<string, CrossModelNote[]> {
  const out = new Map<string, CrossModelNote[]>();
  const add = (app: string, note: CrossModelNote) => out.set(app, [...(out.get(app) ?? []), note]);
  for (const app of bundle.applications.values()) {
    const offers = app.notSimulated['offers'];
    if (typeof offers !== 'object' || offers === null || Array.isArray(offers)) continue;
    for (const [name, offer] of Object.entries(offers as Record<string, unknown>)) {
      const eps = (offer as { endpoints?: unknown } | null)?.endpoints;
      add(app.name, { kind: 'offer', name, endpoints: Array.isArray(eps) ? eps.map(String) : [] });
    }
  }
  const saas = new Set(bundle.saas);
  for (const rel of bundle.relations) {
    for (const [local, remote] of [
      [rel.a, rel.b],
      [rel.b, rel.a],
    ] as const) {
      if (!saas.has(remote.app) || !bundle.applications.has(local.app)) continue;
      const had = out.get(local.app)?.find((n) => n.kind === 'consumes' && n.name === remote.app);
      const endpoints = local.endpoint !== null ? [local.endpoint] : [];
      if (had) out.set(local.app, (out.get(local.app) ?? []).map((n) => (n === had ? { ...n, endpoints: [...new Set([...n.endpoints, ...endpoints])] } : n)));
      else add(local.app, { kind: 'consumes', name: remote.app, endpoints });
    }
  }
  return out;
}
