/**
 * A charm's own code as the model carries it (python.ts runs it): the files of the
 * folder it was deployed from. A leaf module, so the model can name it.
 */

/** A charm's code as the model carries it: the files of its folder (path → text). */
export interface CharmCode {
  /** `src/charm.py`, `lib/…`, `hooks/<hook>`, `dispatch`, `metadata.yaml`, … */
  readonly files: Readonly<Record<string, string>>;
  /** A short digest of the files: the same code has the same id (a host may cache by it). */
  readonly id: string;
}

/** Paths that make a charm folder's code: a hook script, a dispatch script, or Python sources. */
export function isCodePath(path: string): boolean {
  return path === 'dispatch' || path.startsWith('hooks/') || path.startsWith('actions/') || path.endsWith('.py');
}

/** The code among a charm folder's files, or null when it has none (a metadata-only charm). */
export function charmCode(files: Readonly<Record<string, string>>): CharmCode | null {
  const paths = Object.keys(files).sort();
  if (!paths.some(isCodePath)) return null;
  const sorted: Record<string, string> = {};
  for (const p of paths) sorted[p] = files[p] as string;
  return { files: sorted, id: digest(paths.map((p) => `${p}\0${files[p]}`).join('\0')) };
}

/** FNV-1a, 64 bits as two 32-bit halves, in hex: a cache key, not a security digest. */
function digest(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
