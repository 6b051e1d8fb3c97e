/**
 * Reading what the user picked or dropped — files, or whole folders (a bundle with its
 * overlays and `charms/`) — into text, bounded: only YAML and JSON are read, each up
 * to PICK_LIMITS.bytesPerFile, PICK_LIMITS.files and PICK_LIMITS.bytes in all; the
 * rest is counted and said, never read.
 */
import { normalizePath } from '../../engine/paths.ts';

/** A file as picked: its path inside what was picked (folders kept) and its text. */
export interface PickedFile {
  readonly path: string;
  readonly text: string;
}

/** What relviz reads from a pick: YAML and JSON, each up to this size, this many in all. */
export const PICK_LIMITS = { files: 500, bytesPerFile: 2 * 1024 * 1024, bytes: 8 * 1024 * 1024 } as const;

/** Folders never worth reading (a charm's build output, a repository's history). */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'venv', '.venv', '__pycache__', 'build', '.tox']);

/** Whether a file found in a pick is read at all: YAML or JSON, not inside a skipped folder. */
export function readable(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(path) && !path.split('/').some((part) => SKIPPED_DIRS.has(part));
}

/**
 * Paths relative to what was picked: a folder's own name (every path starts with it)
 * is dropped, so `cos-lite/overlays/tls.yaml` becomes `overlays/tls.yaml`.
 */
export function relativeTo(files: readonly PickedFile[]): PickedFile[] {
  const first = files[0]?.path.split('/')[0];
  const shared = first !== undefined && files.length > 0 && files.every((f) => f.path.includes('/') && f.path.split('/')[0] === first);
  return files.map((f) => ({ path: normalizePath(shared ? f.path.slice((first as string).length + 1) : f.path), text: f.text }));
}


export interface Picked {
  readonly files: PickedFile[];
  /** Why some files were not read (one line each). */
  readonly skipped: string[];
}

interface Candidate {
  readonly path: string;
  readonly file: () => Promise<File>;
}

async function readAll(candidates: Candidate[]): Promise<Picked> {
  const files: PickedFile[] = [];
  const skipped: string[] = [];
  let bytes = 0;
  let ignored = 0;
  for (const c of candidates) {
    if (!readable(c.path)) {
      ignored += 1;
      continue;
    }
    if (files.length >= PICK_LIMITS.files) {
      skipped.push(`${c.path}: more than ${PICK_LIMITS.files} files picked`);
      continue;
    }
    const file = await c.file();
    if (file.size > PICK_LIMITS.bytesPerFile) {
      skipped.push(`${c.path}: ${(file.size / 1024 / 1024).toFixed(1)} MB, over the ${PICK_LIMITS.bytesPerFile / 1024 / 1024} MB a file may have`);
      continue;
    }
    if (bytes + file.size > PICK_LIMITS.bytes) {
      skipped.push(`${c.path}: the files picked are over ${PICK_LIMITS.bytes / 1024 / 1024} MB in all`);
      continue;
    }
    bytes += file.size;
    files.push({ path: c.path, text: await file.text() });
  }
  if (ignored > 0) skipped.push(`${ignored} file${ignored === 1 ? '' : 's'} that ${ignored === 1 ? 'is' : 'are'} not YAML or JSON`);
  return { files: relativeTo(files), skipped };
}

/** From an `<input type="file">` (multiple files, or a folder with `webkitdirectory`). */
export function readFileList(list: FileList): Promise<Picked> {
  return readAll([...list].map((f) => ({ path: f.webkitRelativePath || f.name, file: async () => f })));
}

/** Entries of a dropped folder, recursively (a directory reader answers in batches). */
async function walk(entry: FileSystemEntry, out: Candidate[], budget: { left: number }): Promise<void> {
  if (budget.left <= 0) return;
  if (entry.isFile) {
    budget.left -= 1;
    const fileEntry = entry as FileSystemFileEntry;
    out.push({ path: entry.fullPath.replace(/^\//, ''), file: () => new Promise<File>((resolve, reject) => fileEntry.file(resolve, reject)) });
    return;
  }
  if (!entry.isDirectory || !readable(`${entry.fullPath}/x.yaml`)) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, out, budget);
  }
}

/** From a drop: files and folders. */
export async function readDrop(data: DataTransfer): Promise<Picked> {
  const entries = [...data.items].map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null)).filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return readFileList(data.files);
  const candidates: Candidate[] = [];
  // Far more entries than files read: a dropped home folder must not be walked whole.
  const budget = { left: PICK_LIMITS.files * 20 };
  for (const e of entries) await walk(e, candidates, budget);
  const picked = await readAll(candidates);
  return budget.left <= 0 ? { ...picked, skipped: [...picked.skipped, `the folder has more than ${PICK_LIMITS.files * 20} entries: the rest was not looked at`] } : picked;
}

/** Whether a drag carries files (not text or a link). */
export function carriesFiles(data: DataTransfer | null): boolean {
  return data !== null && [...data.types].includes('Files');
}
