/**
 * Reading real bundles (../shared/fixtures/bundles) as Juju does: overlays, the
 * relation shapes real bundles use, charm references, and every problem named by file
 * and line before anything is deployed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleError, charmRef, formatRelation, parseBundle, type BundleFile } from '../../src/engine/bundle.ts';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/bundles');
const file = (path: string): BundleFile => ({ name: path, text: readFileSync(join(FIXTURES, path), 'utf8') });
const problems = (main: BundleFile, overlays: BundleFile[] = []): string[] => {
  try {
    parseBundle(main, overlays);
  } catch (e) {
    if (e instanceof BundleError) return e.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    throw e;
  }
  return [];
};

describe('charm references', () => {
  it.each([
    ['ch:traefik-k8s', 'name', 'traefik-k8s'],
    ['traefik-k8s', 'name', 'traefik-k8s'],
    ['cs:~containers/easyrsa-123', 'name', 'easyrsa'],
    ['cs:bionic/postgresql-7', 'name', 'postgresql'],
    ['local:focal/mycharm-3', 'name', 'mycharm'],
    ['kubernetes-control-plane', 'name', 'kubernetes-control-plane'],
    ['./master', 'path', 'master'],
    ['/srv/charms/worker/', 'path', 'worker'],
  ])('%s names the %s %s', (raw, kind, name) => {
    expect(charmRef(raw)).toEqual({ raw, kind, name });
  });
});

describe('the fixture bundles', () => {
  it('masterworker: local charms, machines and placement, one relation, and an empty trailing document', () => {
    const b = parseBundle(file('masterworker/bundle.yaml'));
    expect([...b.applications.keys()]).toEqual(['master', 'worker']);
    expect(b.applications.get('worker')).toMatchObject({ charm: { kind: 'path', name: 'worker' }, units: 2, to: ['1', '2'], line: 8 });
    expect(b.machines).toEqual(['0', '1', '2']);
    expect(b.relations.map(formatRelation)).toEqual(['master:master-application worker:master']);
    expect(b.kind).toBe('machine');
  });

  it('COS Lite with its overlays: scale, relations without endpoint names, applications added by an overlay', () => {
    const overlays = ['tls-overlay.yaml', 'testing-overlay.yaml'].map((f) => file(`cos-lite/overlays/${f}`));
    const base = parseBundle(file('cos-lite/bundle.yaml'));
    expect(base.kind).toBe('kubernetes');
    expect(base.applications.get('catalogue')).toMatchObject({ units: 1, notSimulated: { trust: true, channel: 'edge' } });
    const b = parseBundle(file('cos-lite/bundle.yaml'), overlays);
    expect(b.applications.has('ca')).toBe(true);
    expect(b.relations.length).toBeGreaterThan(base.relations.length);
    expect(b.relations.find((r) => r.a.app === 'ca' && r.b.app === 'traefik')).toMatchObject({ a: { endpoint: null }, b: { endpoint: 'certificates' }, file: 'cos-lite/overlays/tls-overlay.yaml' });
  });

  it('COS Lite with the offers overlay: offers accepted and kept (cross-model relations are not simulated)', () => {
    const b = parseBundle(file('cos-lite/bundle.yaml'), [file('cos-lite/overlays/offers-overlay.yaml')]);
    expect(b.offers.length).toBeGreaterThan(0);
  });

  it('Charmed Kubernetes with the vault PKI overlay: an overlay that removes an application removes its relations', () => {
    const base = parseBundle(file('charmed-kubernetes/bundle.yaml'));
    expect(base.applications.has('easyrsa')).toBe(true);
    const b = parseBundle(file('charmed-kubernetes/bundle.yaml'), [file('charmed-kubernetes/overlays/vault-pki-overlay.yaml')]);
    expect(b.applications.has('easyrsa')).toBe(false);
    expect(b.relations.filter((r) => r.a.app === 'easyrsa' || r.b.app === 'easyrsa')).toEqual([]);
    expect(b.applications.has('vault')).toBe(true);
  });
});

describe('problems, each with its file and line, all at once', () => {
  it('names a relation to an application the bundle does not have, and an application without a charm', () => {
    const text = ['applications:', '  a:', '    charm: ubuntu', '  b:', '    num_units: 2', 'relations:', '- [a:x, c:y]', '- [a, b]', ''].join('\n');
    expect(problems({ name: 'bundle.yaml', text })).toEqual(['bundle.yaml:4: application "b" has no charm', 'bundle.yaml:7: relation "a:x c:y": no application "c" in the bundle', 'bundle.yaml:8: relation "a b": no application "b" in the bundle']);
  });

  it('names bad YAML, bad shapes and bad unit counts', () => {
    expect(problems({ name: 'b.yaml', text: 'applications:\n  a: [\n' })[0]).toMatch(/^b\.yaml:\d+: bad YAML/);
    expect(problems({ name: 'b.yaml', text: 'applications:\n  a:\n    charm: x\n    num_units: -1\nrelations:\n- [a]\n' })).toEqual([
      'b.yaml:4: application "a": num_units must be a whole number ≥ 0',
      'b.yaml:6: a relation is a pair: [app:endpoint, app:endpoint] (the endpoint may be left out)',
    ]);
    expect(problems({ name: 'b.yaml', text: '' })).toEqual(['b.yaml:1: an empty bundle: no applications']);
  });
});

describe('a charm given as a bundle', () => {
  it("says it is a charm's metadata and how to deploy it", () => {
    expect(() => parseBundle({ name: './prov.yaml', text: 'name: prov\nprovides:\n  db:\n    interface: thing\n' })).toThrow(
      "./prov.yaml:1: this is a charm's metadata, not a bundle: deploy it with an application name, as in juju deploy ./prov.yaml <application>",
    );
  });
});
