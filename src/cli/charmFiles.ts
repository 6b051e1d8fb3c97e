/**
 * Reads what `juju deploy ./path` names: a charm directory (metadata.yaml,
 * actions.yaml, charmcraft.yaml) or a single metadata / charmcraft file.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CharmSource } from '../engine/commands.ts';
import type { BundleApplication } from '../io/bundle.ts';
import type { CharmLookup } from '../io/bundlePlan.ts';

const CHARM_FILES = ['charmcraft.yaml', 'metadata.yaml', 'actions.yaml'];

export function loadCharmSource(path: string, baseDir: string): CharmSource {
  const full = resolve(baseDir, path);
  if (!existsSync(full)) return { kind: 'files', path, files: {}, error: `no charm found at "${path}"` };
  const files: Record<string, string> = {};
  try {
    if (statSync(full).isDirectory()) {
      for (const f of CHARM_FILES) {
        const p = join(full, f);
        if (existsSync(p)) files[f] = readFileSync(p, 'utf8');
      }
    } else {
      const name = basename(full);
      files[name === 'charmcraft.yaml' || name === 'actions.yaml' ? name : 'metadata.yaml'] = readFileSync(full, 'utf8');
    }
  } catch (e) {
    // An unreadable file (EISDIR, EACCES, …) is the deploy's error, not a crash of the CLI.
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { kind: 'files', path, files: {}, error: `cannot read charm files at "${path}": ${why}` };
  }
  return { kind: 'files', path, files };
}

/** A reactive charm's included layers' metadata, kept beside it (see src/io/bundlePlan.ts). */
const LAYER_FILE = /^included-layer-[\w.-]+\.metadata\.yaml$/;

/**
 * Where Juju looks for a bundle application's charm on disk: a local path (relative to
 * the bundle), then `<bundle dir>/charms/<name>/`, then `<bundle dir>/<name>/`.
 */
export function bundleCharmLookup(bundleDir: string): CharmLookup {
  return (app: BundleApplication) => {
    const places = app.charm.kind === 'path' ? [app.charm.raw] : [];
    places.push(join('charms', app.charm.name), app.charm.name);
    for (const place of places) {
      const full = resolve(bundleDir, place);
      if (!existsSync(full) || !statSync(full).isDirectory()) continue;
      const source = loadCharmSource(full, bundleDir);
      if (source.kind !== 'files' || source.error !== undefined || Object.keys(source.files).length === 0) continue;
      const files: Record<string, string> = { ...source.files };
      for (const f of readdirSync(full)) if (LAYER_FILE.test(f)) files[f] = readFileSync(join(full, f), 'utf8');
      return { path: place, files };
    }
    return null;
  };
}
