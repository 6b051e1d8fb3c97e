/**
 * Reads what `juju deploy ./path` names: a charm directory (metadata.yaml,
 * actions.yaml, charmcraft.yaml) or a single metadata / charmcraft file.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CharmSource } from '../engine/commands.ts';
import { BundleError } from '../engine/bundle.ts';
import { charmPlaces, readBundle } from '../engine/bundleFiles.ts';
import { LIMITS } from '../engine/limits.ts';
import { CHARM_FILE, dirOf, joinPath, normalizePath } from '../engine/paths.ts';

const CHARM_FILES = ['charmcraft.yaml', 'metadata.yaml', 'actions.yaml', 'config.yaml'];
/** Folders of a charm's code (python.ts): read whole, Python sources and hook scripts. */
const CODE_DIRS = ['src', 'lib', 'hooks', 'actions'];
/** What a charm folder may bring: as many files and characters as a session's command may carry. */
const MAX_CODE_FILES = LIMITS.filesPerCommand;
const MAX_CODE_CHARS = LIMITS.fileCharsPerCommand;

/**
 * A charm folder's code, relative paths → text: `dispatch`, and under src/, lib/,
 * hooks/ and actions/ every `.py` file and every hook or action script (skipping
 * caches, virtualenvs and binary files). Throws with what was too much.
 */
function readCode(dir: string, files: Record<string, string>): void {
  let chars = 0;
  let count = 0;
  const add = (rel: string, full: string) => {
    const text = readFileSync(full, 'utf8');
    if (text.includes('\0')) return; // a binary file: not code relviz can run
    count++;
    chars += text.length;
    if (count > MAX_CODE_FILES) throw new Error(`more than ${MAX_CODE_FILES} files of code`);
    if (chars > MAX_CODE_CHARS) throw new Error(`more than ${MAX_CODE_CHARS.toLocaleString('en')} characters of code`);
    files[rel] = text;
  };
  const walk = (rel: string, depth: number) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === '__pycache__' || entry.name === 'venv') continue;
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory() && depth < 16) walk(path, depth + 1);
      else if (entry.isFile() && (entry.name.endsWith('.py') || rel === 'hooks' || rel === 'actions')) add(path, join(dir, path));
    }
  };
  if (existsSync(join(dir, 'dispatch'))) add('dispatch', join(dir, 'dispatch'));
  for (const d of CODE_DIRS) if (existsSync(join(dir, d)) && statSync(join(dir, d)).isDirectory()) walk(d, 0);
}

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
      readCode(full, files);
    } else {
      const name = basename(full);
      files[name === 'charmcraft.yaml' || name === 'actions.yaml' ? name : 'metadata.yaml'] = readFileSync(full, 'utf8');
    }
  } catch (e) {
    // An unreadable file (EISDIR, EACCES, …) is the deploy's error, not a crash of the CLI.
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    if (!(e as NodeJS.ErrnoException).code) return { kind: 'files', path, files: {}, error: `cannot read charm at "${path}": ${why}` };
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
