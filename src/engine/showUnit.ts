/**
 * `juju show-unit`'s output: a YAML document written with the `yaml` library, so it
 * is one of the readers the page loads on demand (readers.ts).
 */
import { stringify } from 'yaml';
import { counterpartApp, endpointOf, type SimState, type Unit } from './model.ts';

/** A YAML document of any value, for show-unit and --format=yaml. */
export function formatYaml(value: unknown): string {
  return stringify(value, { version: '1.1', sortMapEntries: false, lineWidth: 0, indentSeq: false });
}

/**
 * `juju show-unit <unit>` (3.x `cmd/juju/application/showunit.go`): the controller's
 * view of the unit, fields in Juju's order — machine, opened-ports, public-address,
 * charm, leader, life, relation-info. Each relation-info entry has relation-id,
 * endpoint, related-endpoint, application-data (the related application's bag),
 * local-unit only for peer relations, and related-units when there are any. Workload
 * status and subordinates are `juju status` fields, not show-unit's (§9).
 */
export function formatShowUnit(state: SimState, unit: Unit): string {
  const app = state.apps.get(unit.app);
  const sortedData = (data: ReadonlyMap<string, string> | undefined) => Object.fromEntries([...(data ?? [])].sort(([a], [b]) => (a < b ? -1 : 1)));
  const relationInfo: unknown[] = [];
  for (const rel of state.relations.values()) {
    const own = endpointOf(rel, unit.app);
    if (!own || !rel.scope.has(unit.name)) continue;
    const otherApp = counterpartApp(rel, unit.app);
    const related = rel.peer ? own : endpointOf(rel, otherApp);
    const relatedUnits: Record<string, unknown> = {};
    for (const [name, entry] of [...rel.scope].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (name === unit.name) continue;
      const other = state.units.get(name);
      if (!other || (rel.peer ? other.app !== unit.app : other.app === unit.app)) continue;
      if (rel.container && other.machine !== unit.machine) continue;
      relatedUnits[name] = { 'in-scope': !entry.departing, data: sortedData(rel.unitBags.get(name)?.data) };
    }
    const info: Record<string, unknown> = {
      'relation-id': rel.id,
      endpoint: own.endpoint,
      'related-endpoint': related?.endpoint ?? own.endpoint,
      'application-data': sortedData(rel.appBags.get(otherApp)?.data),
    };
    if (rel.peer) info['local-unit'] = { 'in-scope': true, data: sortedData(rel.unitBags.get(unit.name)?.data) };
    if (Object.keys(relatedUnits).length > 0) info['related-units'] = relatedUnits;
    relationInfo.push(info);
  }
  const body: Record<string, unknown> = {
    machine: String(unit.machine),
    'opened-ports': [],
    'public-address': unit.address,
    charm: `local:${app?.meta.name ?? unit.app}-0`,
    leader: app?.leader === unit.name,
    life: unit.life,
  };
  if (relationInfo.length > 0) body['relation-info'] = relationInfo;
  return formatYaml({ [unit.name]: body });
}
