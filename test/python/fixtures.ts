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

/**
 * An ops charm's class body: `__init__` observing each event with the named method, then the
 * methods (lines indented as inside the class). `stored` adds `_stored = ops.StoredState()`
 * with those defaults (Python keyword arguments).
 */
export function observing(observe: Record<string, string>, methods: readonly string[], stored?: string): string {
  return [
    ...(stored ? ['    _stored = ops.StoredState()', ''] : []),
    '    def __init__(self, framework):',
    '        super().__init__(framework)',
    ...(stored ? [`        self._stored.set_default(${stored})`] : []),
    ...Object.entries(observe).map(([event, method]) => `        framework.observe(self.on.${event}, self.${method})`),
    '',
    ...methods,
  ].join('\n');
}
