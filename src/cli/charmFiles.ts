/**
 * Reads what `juju deploy ./path` names: a charm directory (metadata.yaml,
 * actions.yaml, charmcraft.yaml) or a single metadata / charmcraft file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CharmSource } from '../engine/commands.ts';

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
