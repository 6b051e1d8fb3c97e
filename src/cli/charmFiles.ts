/**
 * Reads what `juju deploy ./path` names: a charm directory (metadata.yaml,
 * actions.yaml, charmcraft.yaml) or a single metadata / charmcraft file.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CharmSource } from '../engine/commands.ts';
import { BundleError } from '../engine/bundle.ts';
import { charmPlaces, readBundle } from '../engine/bundleFiles.ts';
import { CHARM_FILE, dirOf, joinPath, normalizePath } from '../engine/paths.ts';

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

/**
 * The files `juju deploy <bundle> --overlay …` carries (src/engine/bundleFiles.ts),
 * read from disk relative to `baseDir`: the bundle and its overlays, then the charm
 * files in every place Juju looks for each application's charm. Keys are the paths
 * as the command gives them, normalised. A file that cannot be read is left out: the
 * engine then says which is missing.
 */
/** Files read from disk relative to `baseDir`, keyed by their normalised paths; one that cannot be read is left out. */
export function loadFiles(paths: readonly string[], baseDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of paths) {
    const key = normalizePath(path);
    try {
      files[key] = readFileSync(resolve(baseDir, key), 'utf8');
    } catch {
      // Left out: the engine says which file is missing.
    }
  }
  return files;
}

export function loadBundleFiles(path: string, overlays: readonly string[], baseDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const read = (key: string) => {
    try {
      const full = resolve(baseDir, key);
      if (existsSync(full) && statSync(full).isFile()) files[key] = readFileSync(full, 'utf8');
    } catch {
      // Unreadable: left out, and reported by the engine as missing.
    }
  };
  const main = normalizePath(path);
  const extra = overlays.map(normalizePath);
  for (const key of [main, ...extra]) read(key);
  let bundle;
  try {
    bundle = readBundle({ path: main, overlays: extra, files });
  } catch (e) {
    if (e instanceof BundleError) return files; // the engine reports it, with file and line
    throw e;
  }
  const dir = dirOf(main);
  for (const app of bundle.applications.values()) {
    for (const place of charmPlaces(app)) {
      const charmDir = joinPath(dir, place);
      const full = resolve(baseDir, charmDir);
      if (!existsSync(full) || !statSync(full).isDirectory()) continue;
      for (const f of readdirSync(full)) if (CHARM_FILE.test(f)) read(`${charmDir}/${f}`);
    }
  }
  return files;
}
