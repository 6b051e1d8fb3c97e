/**
 * The charm templates (src/python/templates): every folder listed and every listed one
 * there, each a charm the engine reads, carrying code in its style, and agreeing with
 * the catalog's TypeScript charm of the same name (endpoints, interfaces, limits,
 * actions). Their behaviour is proved in Python (masterworker.test.ts, opsGuide.test.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/engine/catalog/index.ts';
import { parseCharmFiles } from '../../src/engine/metadata.ts';
import { charmCode } from '../../src/engine/python.ts';
import { CHARM_TEMPLATES, templateFiles } from '../../src/python/templates/index.ts';

const DIR = join(import.meta.dirname, '../../src/python/templates');

describe('charm templates', () => {
  it('lists every template folder, and only those', () => {
    const folders = readdirSync(DIR).filter((f) => statSync(join(DIR, f)).isDirectory());
    expect(CHARM_TEMPLATES.map((t) => t.id).sort()).toEqual(folders.sort());
  });

  for (const t of CHARM_TEMPLATES) {
    it(`${t.id}: a charm with code in its style, agreeing with the catalog`, async () => {
      const files = await templateFiles(t.id);
      expect(files[t.main]).toBeDefined();
      expect(charmCode(files)).not.toBeNull();
      const meta = parseCharmFiles(files);
      if (t.style === 'ops') expect(files['src/charm.py']).toContain('ops.main(');
      else {
        const hooks = Object.keys(files).filter((p) => p.startsWith('hooks/'));
        expect(hooks.length).toBeGreaterThan(0);
        // Juju runs a hook script only when it is executable (git keeps the bit).
        for (const p of [...hooks, ...Object.keys(files).filter((f) => f.startsWith('actions/'))]) {
          expect(statSync(join(DIR, t.id, p)).mode & 0o111, p).not.toBe(0);
          expect(files[p]?.startsWith('#!/usr/bin/env python3\n'), p).toBe(true);
        }
      }
      const twin = CATALOG.get(meta.name);
      if (t.id === 'peers') {
        expect(twin).toBeUndefined();
        return;
      }
      expect(twin, `catalog charm "${meta.name}"`).toBeDefined();
      const shape = (m: typeof meta) => ({
        subordinate: m.subordinate,
        endpoints: m.endpoints.map((e) => ({ name: e.name, role: e.role, interface: e.interface, limit: e.limit, scope: e.scope })),
        actions: m.actions.map((a) => ({ name: a.name, params: a.params })),
      });
      expect(shape(meta)).toEqual(shape(twin!.meta));
      // A hook script per hook the catalog charm handles, and no other.
      if (t.style === 'hookenv') {
        expect(Object.keys(files).filter((p) => p.startsWith('hooks/')).map((p) => p.slice(6)).sort()).toEqual(Object.keys(twin!.behaviour.hooks).sort());
        expect(Object.keys(files).filter((p) => p.startsWith('actions/')).map((p) => p.slice(8)).sort()).toEqual(Object.keys(twin!.behaviour.actions).sort());
      }
    });
  }

  it('reads the same files under plain Node (tsx), where Vite is not there to bring them', async () => {
    const index = join(DIR, 'index.ts');
    const probe = `const t = await import(${JSON.stringify(index)}); console.log(JSON.stringify(Object.keys(await t.templateFiles('worker')).sort()));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { encoding: 'utf8', timeout: 60_000 });
    expect({ status: r.status, err: r.stderr }).toEqual({ status: 0, err: '' });
    expect(JSON.parse(r.stdout)).toEqual(Object.keys(await templateFiles('worker')).sort());
  });
});
