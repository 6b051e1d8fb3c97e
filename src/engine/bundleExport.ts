/**
 * `juju export-bundle`: the model as a bundle Juju would accept — each application
 * with its charm and unit count, every relation with both endpoint names, and where
 * it is drawn as `gui-x`/`gui-y` annotations. Deploying it into an empty model gives
 * the same applications, units, relations and positions (test/engine/bundleExport.test.ts).
 *
 * Like Juju's export, only what is alive is written (a dying unit or relation is on
 * its way out), peer relations are left out (a charm's peers come with it), and units
 * that share a machine keep sharing one (`machines` and `to:`).
 */
import { Document, isScalar, type Scalar } from 'yaml';
import { REAL_CHARMS } from './catalog/real/index.ts';
import type { SimState } from './model.ts';

export type Positions = Readonly<Record<string, { readonly x: number; readonly y: number }>>;

/** The model as bundle YAML; `positions` (where the app drew each application) win over the model's annotations. */
export function exportBundle(state: SimState, positions: Positions = {}): string {
  const apps = [...state.apps.values()].filter((a) => a.life === 'alive');
  const alive = (name: string) => state.units.get(name)?.life === 'alive';
  // Machines that more than one application's units use are written out, and the units placed on them.
  const users = new Map<number, Set<string>>();
  for (const app of apps) {
    if (app.meta.subordinate) continue;
    for (const u of app.units.filter(alive)) {
      const m = state.units.get(u)?.machine as number;
      users.set(m, (users.get(m) ?? new Set()).add(app.name));
    }
  }
  const shared = [...users].filter(([, who]) => who.size > 1).map(([m]) => m);
  const machineId = new Map(shared.map((m, i) => [m, String(i)]));

  const applications: Record<string, unknown> = {};
  for (const app of apps) {
    const entry: Record<string, unknown> = { charm: app.charmName };
    const units = app.units.filter(alive);
    if (!app.meta.subordinate) {
      entry['num_units'] = units.length;
      if (units.some((u) => machineId.has(state.units.get(u)?.machine as number))) {
        entry['to'] = units.map((u) => machineId.get(state.units.get(u)?.machine as number) ?? 'new');
      }
    }
    const at = positions[app.name] ?? state.annotations.get(app.name);
    const annotations: Record<string, string> = {};
    // Juju writes annotations as strings.
    if (at) Object.assign(annotations, { 'gui-x': String(Math.round(at.x)), 'gui-y': String(Math.round(at.y)) });
    // A teaching charm whose name is also Charmhub's: said so, or the bundle would deploy Charmhub's.
    if (app.catalog && !app.real && REAL_CHARMS.has(app.charmName)) annotations['relviz-charm'] = 'teaching';
    if (Object.keys(annotations).length > 0) entry['annotations'] = annotations;
    applications[app.name] = entry;
  }
  const relations: string[][] = [];
  for (const rel of state.relations.values()) {
    if (rel.peer || rel.life !== 'alive') continue;
    if (!rel.endpoints.every((e) => apps.some((a) => a.name === e.app))) continue;
    // Provider first: a reader that must infer a charm (bundlePlan.ts) takes the first side named as the provider.
    relations.push(rel.endpoints.map((e) => `${e.app}:${e.endpoint}`));
  }
  const bundle: Record<string, unknown> = {};
  if (shared.length > 0) bundle['machines'] = Object.fromEntries([...machineId.values()].map((id) => [id, {}]));
  bundle['applications'] = applications;
  if (relations.length > 0) bundle['relations'] = relations;
  const doc = new Document(bundle);
  // Machine ids and annotation values are strings in Juju's bundles: quoted, so they stay strings.
  for (const app of Object.keys(applications)) {
    for (const key of ['gui-x', 'gui-y']) {
      const node = doc.getIn(['applications', app, 'annotations', key], true);
      if (isScalar(node)) (node as Scalar).type = 'QUOTE_DOUBLE';
    }
    const to = doc.getIn(['applications', app, 'to'], true) as { items?: Scalar[] } | undefined;
    for (const item of to?.items ?? []) if (item.value !== 'new') item.type = 'QUOTE_DOUBLE';
  }
  for (const id of machineId.values()) {
    const key = (doc.get('machines', true) as { items?: Array<{ key: Scalar }> } | undefined)?.items?.find((p) => p.key.value === id)?.key;
    if (key) key.type = 'QUOTE_DOUBLE';
  }
  return doc.toString({ lineWidth: 0, indentSeq: false });
}
