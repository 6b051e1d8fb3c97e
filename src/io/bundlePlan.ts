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
import { bundleCatalogCharm } from '../engine/catalog/index.ts';
import { allEndpoints, type CharmMeta, type EndpointMeta } from '../engine/charm.ts';
import { applyCommand, type CharmSource, type Command } from '../engine/commands.ts';
import { MetadataError, parseCharmFiles } from '../engine/metadata.ts';
import { createState } from '../engine/sim.ts';
import { BundleError, formatRelation, type Bundle, type BundleApplication, type BundleProblem } from './bundle.ts';

type Files = Readonly<Record<string, string>>;

/** Reads a charm's files for an application, or null when there are none where Juju would look. */
export type CharmLookup = (app: BundleApplication) => { readonly path: string; readonly files: Files } | null;

export interface PlannedCharm {
  readonly app: string;
  readonly source: 'files' | 'catalog' | 'inferred';
  readonly meta: CharmMeta;
}

export interface BundlePlan {
  /** The commands, in order: every deploy, then every relation. */
  readonly commands: ReadonlyArray<{ readonly command: Command; readonly text: string }>;
  readonly charms: readonly PlannedCharm[];
  readonly positions: Readonly<Record<string, { x: number; y: number }>>;
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
function inferCharms(bundle: Bundle, known: ReadonlyMap<string, CharmMeta>, unknown: ReadonlySet<string>): Map<string, CharmMeta> {
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
    links.push([endOf(rel.a, rel.b), endOf(rel.b, rel.a)]);
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

/** The commands that deploy a bundle; throws BundleError (nothing deployed) when Juju would refuse it. */
export function planBundle(bundle: Bundle, lookup: CharmLookup): BundlePlan {
  const problems: BundleProblem[] = [];
  const known = new Map<string, CharmMeta>();
  const files = new Map<string, { path: string; files: Files }>();
  const charms: PlannedCharm[] = [];
  // 1 and 2: files where Juju would look, then the catalog.
  for (const app of bundle.applications.values()) {
    const found = lookup(app);
    if (found) {
      try {
        const { meta, files: own } = withLayers(parseCharmFiles(found.files), found.files);
        known.set(app.name, meta);
        files.set(app.name, { path: found.path, files: own });
        charms.push({ app: app.name, source: 'files', meta });
      } catch (e) {
        if (!(e instanceof MetadataError)) throw e;
        problems.push({ file: app.file, line: app.line, message: `application "${app.name}": charm ${app.charm.raw} at ${found.path}: ${e.message}` });
      }
      continue;
    }
    const catalog = app.charm.kind === 'name' ? bundleCatalogCharm(app.charm.name)?.charm : undefined;
    if (catalog) {
      known.set(app.name, catalog.meta);
      charms.push({ app: app.name, source: 'catalog', meta: catalog.meta });
    }
  }
  // 3: the rest inferred from the relations.
  const inferred = [...bundle.applications.keys()].filter((name) => !known.has(name));
  for (const [app, meta] of inferCharms(bundle, known, new Set(inferred))) {
    charms.push({ app, source: 'inferred', meta });
    known.set(app, meta);
  }
  // In the bundle's order.
  charms.sort((x, y) => order(bundle, x.app) - order(bundle, y.app));

  const commands: Array<{ command: Command; text: string }> = [];
  for (const app of bundle.applications.values()) {
    const c = charms.find((x) => x.app === app.name) as PlannedCharm;
    // No num_units / scale: Juju adds no units (a subordinate gets its units from its relations).
    const units = c.meta.subordinate ? null : (app.units ?? 0);
    const own = files.get(app.name);
    const charm: CharmSource =
      c.source === 'catalog' ? { kind: 'catalog', name: bundleCatalogCharm(app.charm.name)?.name ?? app.charm.name } : { kind: 'files', path: own?.path ?? `./${app.charm.name}`, files: own?.files ?? { 'metadata.yaml': metadataYaml(c.meta) } };
    const command: Command = { type: 'deploy', charm, app: app.name, units };
    commands.push({ command, text: `juju deploy ${charm.kind === 'catalog' ? charm.name : charm.path} ${app.name}${units !== null ? ` -n ${units}` : ''}` });
  }
  const relationAt: Array<{ index: number; rel: (typeof bundle.relations)[number] }> = [];
  for (const rel of bundle.relations) {
    if (!bundle.applications.has(rel.a.app) || !bundle.applications.has(rel.b.app)) continue; // saas: not simulated
    relationAt.push({ index: commands.length, rel });
    commands.push({ command: { type: 'integrate', a: rel.a, b: rel.b }, text: `juju integrate ${formatRelation(rel)}` });
  }
  // The whole bundle tried on a scratch model first: nothing is deployed unless all of it can be.
  const scratch = createState({ seed: 1, juju: '3.6' });
  commands.forEach(({ command, text }, i) => {
    const result = applyCommand(scratch, command, null, text);
    if (result.exitCode === 0) return;
    const why = result.stderr.replace(/^ERROR /gm, '').trim();
    const rel = relationAt.find((r) => r.index === i)?.rel;
    const app = command.type === 'deploy' ? bundle.applications.get(command.app ?? '') : undefined;
    const at = rel ?? app ?? { file: '?', line: 1 };
    const charmOf = (name: string) => {
      const c = charms.find((x) => x.app === name);
      return c ? `charm ${c.meta.name}${c.source === 'inferred' ? ', inferred' : ''}` : 'not in the bundle';
    };
    // A named endpoint a known charm lacks says so, with the charm; anything else is Juju's own refusal.
    const missing = rel ? [rel.a, rel.b].find((side) => missingEndpoint(side, known) !== null) : undefined;
    const message = rel
      ? `relation "${formatRelation(rel)}": ${missing ? `${missingEndpoint(missing, known)} (${charmOf(missing.app)})` : why}`
      : `application "${command.type === 'deploy' ? command.app : ''}": ${why}`;
    problems.push({ file: at.file, line: at.line, message });
  });
  if (problems.length > 0) throw new BundleError(problems);

  const warnings: string[] = [];
  if (inferred.length > 0) warnings.push(`charms not found, endpoints inferred from the bundle's relations: ${inferred.join(', ')}`);
  if (bundle.saas.length > 0 || bundle.offers.length > 0) warnings.push(`cross-model relations are not simulated: ${[...bundle.saas, ...bundle.offers].join(', ')} shown only`);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const app of bundle.applications.values()) if (app.position) positions[app.name] = app.position;
  return { commands, charms, positions, warnings };
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

function order(bundle: Bundle, app: string): number {
  return [...bundle.applications.keys()].indexOf(app);
}

/** `no endpoint "x" on application "a"` when a known charm lacks the endpoint a relation names. */
function missingEndpoint(side: Side, known: ReadonlyMap<string, CharmMeta>): string | null {
  const meta = known.get(side.app);
  if (!meta || side.endpoint === null) return null;
  return allEndpoints(meta).some((e) => e.name === side.endpoint) ? null : `no endpoint "${side.endpoint}" on application "${side.app}"`;
}
