/**
 * Paths of the files a command carries (a bundle, its overlays, charm files): plain
 * strings, normalised lexically (`./a/../b` → `b`). The CLI reads them from disk, the
 * app from the files the user opened; the engine never touches a file system. No YAML
 * here: the page needs these before the readers (readers.ts) have loaded.
 */

type Files = Readonly<Record<string, string>>;

/** `./a/b/../c` → `a/c`; `/x/./y` → `/x/y`; leading `..` kept. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !absolute) out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined === '' ? '.' : joined;
}

/** The directory of a (normalised) path: `a/b.yaml` → `a`, `b.yaml` → `.`. */
export function dirOf(path: string): string {
  const p = normalizePath(path);
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i);
}

export function joinPath(dir: string, path: string): string {
  return normalizePath(path.startsWith('/') ? path : `${dir}/${path}`);
}

/** The files a charm directory may hold that relviz reads. */
export const CHARM_FILE = /^(?:metadata|charmcraft|actions)\.yaml$|^included-layer-[\w.-]+\.metadata\.yaml$/;

/**
 * Of the files at hand (those the user opened), the ones a deploy of `cmd` reads: the
 * bundle, its overlays, and everything under the bundle's directory.
 */
export function filesFor(cmd: { readonly path: string; readonly overlays: readonly string[] }, files: Files): Record<string, string> {
  const dir = dirOf(cmd.path);
  const named = new Set([cmd.path, ...cmd.overlays].map(normalizePath));
  return Object.fromEntries(Object.entries(files).filter(([path]) => named.has(path) || dir === '.' || path.startsWith(`${dir}/`)));
}
