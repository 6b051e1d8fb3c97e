/**
 * The templates' files, by template id (index.ts loads this module when one is
 * asked for). In the page and under vitest, Vite brings them in as strings; under
 * plain Node (tsx: the CLI and the benches), which knows no `?raw`, they are read
 * from disk.
 */

const viteless = (import.meta as { env?: unknown }).env === undefined;

async function fromDisk(): Promise<Record<string, string>> {
  const fs = 'node:fs'; // hidden from Vite: the page never takes this branch
  type Fs = {
    readdirSync(path: URL, options: { recursive: true }): string[];
    readFileSync(path: URL, encoding: 'utf8'): string;
    statSync(path: URL): { isFile(): boolean };
  };
  const { readdirSync, readFileSync, statSync } = (await import(/* @vite-ignore */ fs)) as Fs;
  const here = new URL('./', import.meta.url);
  const out: Record<string, string> = {};
  for (const path of readdirSync(here, { recursive: true })) {
    const url = new URL(path, here);
    if (path.includes('/') && statSync(url).isFile()) out[`./${path}`] = readFileSync(url, 'utf8');
  }
  return out;
}

/** `./<id>/<path>` → text, for every file in a template folder. */
const texts: Record<string, string> = viteless ? await fromDisk() : import.meta.glob<string>('./*/**/*', { query: '?raw', import: 'default', eager: true });

function byTemplate(all: Record<string, string>): ReadonlyMap<string, Readonly<Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  for (const key of Object.keys(all).sort()) {
    const [, id, ...rest] = key.split('/');
    if (id === undefined || rest.length === 0) continue;
    let files = out.get(id);
    if (!files) out.set(id, (files = {}));
    files[rest.join('/')] = all[key] as string;
  }
  return out;
}

export const TEMPLATE_FILES = byTemplate(texts);
