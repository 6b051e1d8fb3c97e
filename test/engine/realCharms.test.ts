/**
 * The real charms' catalog: every entry is valid metadata with a source; the fixture
 * charms' entries say exactly what the fixture files say (the facts were derived, not
 * guessed); `ch:` and plain names find the charms the lookup rules promise; and a
 * deployed real charm's hooks run and do nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ALL_CHARMS, REAL_CHARMS } from '../../src/engine/catalog/all.ts';
import { CATALOG, bundleCatalogCharm, findCharm } from '../../src/engine/catalog/index.ts';
import { REAL_CHARM_FACTS, type EndpointFacts, type RealCharmFacts } from '../../src/engine/catalog/real/facts.ts';
import type { EndpointMeta } from '../../src/engine/charm.ts';
import { parseCharmFiles } from '../../src/engine/metadata.ts';
import { hookRecords, sim } from '../helpers.ts';

const SHARED = join(import.meta.dirname, '../../../shared/fixtures');
const BUNDLES = join(SHARED, 'bundles');

/** The facts written back as the metadata.yaml they stand for. */
function asMetadata(f: RealCharmFacts): string {
  const lines = [`name: ${f.name}`, ...(f.subordinate ? ['subordinate: true'] : [])];
  for (const role of ['provides', 'requires', 'peers'] as const) {
    const eps: EndpointFacts = f[role] ?? {};
    if (Object.keys(eps).length === 0) continue;
    lines.push(`${role}:`);
    for (const [name, e] of Object.entries(eps)) {
      lines.push(`  ${name}:`);
      const fact = typeof e === 'string' ? { interface: e } : e;
      for (const [k, v] of Object.entries(fact)) lines.push(`    ${k}: ${String(v)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const byName = (eps: readonly EndpointMeta[]) => [...eps].sort((a, b) => (a.name < b.name ? -1 : 1));

/** `optional: true` endpoints of a metadata text, as `role:name`. */
function optionals(text: string): string[] {
  const doc = parse(text) as Record<string, Record<string, { optional?: boolean } | string> | undefined>;
  return (['provides', 'requires', 'peers'] as const).flatMap((role) =>
    Object.entries(doc[role] ?? {})
      .filter(([, e]) => typeof e === 'object' && e?.optional === true)
      .map(([name]) => `${role}:${name}`),
  );
}

/** The fixture charms: directory, files, and the README row that says where each came from. */
const README = readFileSync(join(SHARED, 'README.md'), 'utf8');
const FIXTURE_CHARMS = ['cos-lite', 'charmed-kubernetes'].flatMap((bundle) =>
  readdirSync(join(BUNDLES, bundle, 'charms')).map((name) => {
    const dir = join(BUNDLES, bundle, 'charms', name);
    const files = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'layer.yaml').map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    return { bundle, name, files };
  }),
);

function readmeRow(file: string): { repo: string; path: string; commit: string } {
  const row = README.split('\n').find((l) => l.startsWith(`| ${file} |`) || l.startsWith(`| ${file} (`));
  if (!row) throw new Error(`no README row for ${file}`);
  const [, repo, path, commit] = row.split('|').map((c) => c.trim()).slice(1);
  return { repo: repo as string, path: path as string, commit: commit as string };
}

describe('the real charms catalog', () => {
  it('every entry is metadata Juju accepts, and the engine reads it as the parser would', () => {
    expect(REAL_CHARM_FACTS.length).toBeGreaterThanOrEqual(30);
    for (const f of REAL_CHARM_FACTS) {
      const parsed = parseCharmFiles({ 'metadata.yaml': asMetadata(f) });
      const charm = REAL_CHARMS.get(f.name);
      expect(charm?.meta.endpoints, f.name).toEqual(parsed.endpoints);
      expect(charm?.meta.subordinate, f.name).toBe(parsed.subordinate);
      expect(charm?.behaviour).toEqual({ hooks: {}, actions: {} });
    }
    expect(new Set(REAL_CHARM_FACTS.map((f) => f.name)).size).toBe(REAL_CHARM_FACTS.length);
  });

  it('every entry names its source: repository, file and commit', () => {
    for (const f of REAL_CHARM_FACTS) {
      for (const s of [f.source, ...(f.layers ?? [])]) {
        expect(s.repo, f.name).toMatch(/^github\.com\/[\w.-]+\/[\w.-]+$/);
        expect(s.path, f.name).toMatch(/(^|\/)(metadata|charmcraft)\.yaml$/);
        expect(s.commit, f.name).toMatch(/^[0-9a-f]{12}(?:[0-9a-f]{28})?$/);
      }
      expect(REAL_CHARMS.get(f.name)?.real?.source).toBe(f.source);
    }
  });

  it.each(FIXTURE_CHARMS)('$name: the entry has exactly the endpoints of the fixture file', ({ bundle, name, files }) => {
    const main = parseCharmFiles(files);
    const endpoints = [...main.endpoints];
    // A reactive charm also has the endpoints of its included layers (as bundlePlan merges them).
    for (const [file, text] of Object.entries(files).filter(([f]) => f.startsWith('included-layer-'))) {
      for (const e of parseCharmFiles({ 'metadata.yaml': `name: ${name}\n${text}` }).endpoints) if (!endpoints.some((x) => x.name === e.name)) endpoints.push(e);
      expect(optionals(text), file).toEqual([]);
    }
    const entry = REAL_CHARMS.get(name);
    expect(entry, `${name} is in the catalog`).toBeDefined();
    expect(byName(entry?.meta.endpoints ?? [])).toEqual(byName(endpoints));
    expect(entry?.meta.subordinate).toBe(main.subordinate);
    const facts = REAL_CHARM_FACTS.find((f) => f.name === name) as RealCharmFacts;
    const mainFile = files['charmcraft.yaml'] !== undefined ? 'charmcraft.yaml' : 'metadata.yaml';
    const factOptionals = (['provides', 'requires', 'peers'] as const).flatMap((role) =>
      Object.entries(facts[role] ?? {})
        .filter(([, e]) => typeof e === 'object' && e.optional === true)
        .map(([n]) => `${role}:${n}`),
    );
    expect(factOptionals.sort()).toEqual(optionals(files[mainFile] as string).sort());
    // The source is the one the fixtures' README gives for that file.
    const row = readmeRow(`bundles/${bundle}/charms/${name}/${mainFile}`);
    expect(facts.source).toEqual({ repo: row.repo, path: row.path, commit: row.commit });
  });

  it('covers every charm the fixture bundles and their overlays name', () => {
    const named = new Set<string>();
    for (const bundle of ['cos-lite', 'charmed-kubernetes', 'masterworker']) {
      const dir = join(BUNDLES, bundle);
      const texts = [join(dir, 'bundle.yaml'), ...(existsSync(join(dir, 'overlays')) ? readdirSync(join(dir, 'overlays')).map((f) => join(dir, 'overlays', f)) : [])];
      for (const t of texts) for (const m of readFileSync(t, 'utf8').matchAll(/^\s+charm: (\S+)$/gm)) named.add((m[1] as string).replace(/^\.\//, ''));
    }
    for (const name of named) expect(bundleCatalogCharm(name), name).toBeDefined();
  });
});

describe('finding a charm by name', () => {
  it('a plain name is the teaching charm when there is one, else the real charm; ch: is always the real one', () => {
    expect(findCharm('postgresql')).toBe(CATALOG.get('postgresql'));
    expect(findCharm('ch:postgresql')).toBe(REAL_CHARMS.get('postgresql'));
    expect(findCharm('traefik-k8s')).toBe(REAL_CHARMS.get('traefik-k8s'));
    expect(findCharm('ch:traefik-k8s')).toBe(REAL_CHARMS.get('traefik-k8s'));
    expect(findCharm('ch:master')).toBeUndefined();
    expect(findCharm('nope')).toBeUndefined();
  });

  it('a bundle gets the real charm first, the teaching charm otherwise, and the name to deploy it by', () => {
    expect(bundleCatalogCharm('postgresql')).toEqual({ name: 'ch:postgresql', charm: REAL_CHARMS.get('postgresql') });
    expect(bundleCatalogCharm('traefik-k8s')).toEqual({ name: 'traefik-k8s', charm: REAL_CHARMS.get('traefik-k8s') });
    expect(bundleCatalogCharm('master')).toEqual({ name: 'master', charm: CATALOG.get('master') });
  });

  it('the list of all charms names each so that findCharm finds it again', () => {
    for (const { name, charm } of ALL_CHARMS) expect(findCharm(name), name).toBe(charm);
    expect(ALL_CHARMS.map((c) => c.name)).toContain('ch:postgresql');
  });
});

describe('deploying a real charm', () => {
  it('juju deploy ch:postgresql is the real charm, juju deploy postgresql still the teaching one', () => {
    const run = sim('juju deploy ch:postgresql db\njuju deploy postgresql\nwait');
    const real = run.timeline.state.apps.get('db');
    const teaching = run.timeline.state.apps.get('postgresql');
    expect(real).toMatchObject({ charmName: 'ch:postgresql', real: true, catalog: true });
    expect(real?.meta.endpoints.map((e) => e.name)).toContain('database-peers');
    expect(teaching).toMatchObject({ charmName: 'postgresql', real: false, catalog: true });
    expect(teaching?.meta).toBe(CATALOG.get('postgresql')?.meta);
  });

  it('its hooks run, relation hooks included, and do nothing', () => {
    const run = sim('juju deploy self-signed-certificates ca\njuju deploy traefik-k8s traefik -n 2\njuju integrate ca traefik:certificates\nwait');
    const hooks = run.hooks();
    expect(hooks.filter((h) => h.unit === 'traefik/0').map((h) => h.hook)).toEqual(
      expect.arrayContaining(['install', 'peers-relation-joined', 'certificates-relation-joined', 'certificates-relation-changed']),
    );
    expect(run.hooksOf('ca/0')).toEqual(expect.arrayContaining(['certificates-relation-joined:traefik/0', 'certificates-relation-changed:traefik/1']));
    for (const h of hookRecords(hooks)) {
      expect(h.result, h.hook).toBe('ok');
      expect(h.changes, h.hook).toEqual([]);
      expect(h.logs, h.hook).toEqual([]);
    }
    // Only what Juju itself writes into each unit's databag.
    const JUJU_KEYS = ['egress-subnets', 'ingress-address', 'private-address'];
    for (const rel of run.timeline.state.relations.values()) {
      for (const bag of rel.unitBags.values()) expect([...bag.data.keys()].filter((k) => !JUJU_KEYS.includes(k))).toEqual([]);
      for (const bag of rel.appBags.values()) expect([...bag.data.keys()]).toEqual([]);
    }
  });

  it('a real subordinate gets its units from the relation to a principal', () => {
    const run = sim('juju deploy ubuntu\njuju deploy grafana-agent\njuju integrate grafana-agent:juju-info ubuntu\nwait');
    expect([...run.timeline.state.units.keys()]).toEqual(['ubuntu/0', 'grafana-agent/0']);
    expect(run.timeline.state.apps.get('grafana-agent')?.real).toBe(true);
  });
});
