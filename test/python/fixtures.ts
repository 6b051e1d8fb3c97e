/** Python charms for the tests and the bench: the masterworker charms in charmhelpers style (test/python/charms). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A charm folder under test/python/charms as files (path → text). */
export function charmFolder(name: string): Record<string, string> {
  const root = fileURLToPath(new URL(`./charms/${name}/`, import.meta.url));
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(root, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}

export const PROVIDES_DB = 'name: db\nprovides:\n  db:\n    interface: pg\n';
export const REQUIRES_DB = 'name: web\nrequires:\n  db:\n    interface: pg\n';

/** An ops charm: metadata plus src/charm.py whose class body is `body` (four-space indented methods). */
export function opsCharm(metadata: string, body: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'metadata.yaml': metadata,
    'src/charm.py': `#!/usr/bin/env python3\nimport logging\n\nimport ops\n\nlogger = logging.getLogger(__name__)\n\n\nclass Charm(ops.CharmBase):\n${body}\n\nif __name__ == '__main__':\n    ops.main(Charm)\n`,
    ...extra,
  };
}
