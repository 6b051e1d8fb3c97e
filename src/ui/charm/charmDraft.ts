/**
 * The charm editor's logic (pure): the draft it keeps in localStorage (so a reload or
 * a slip of the Escape key loses nothing), which file is the metadata and which are
 * code, checking the metadata with the engine's own parser (file and line), and the
 * `deploy` command for the draft.
 */
import type { CharmMeta } from '../../engine/charm.ts';
import type { Command } from '../../engine/commands.ts';
import { MetadataError, parseCharmFiles } from '../../engine/metadata.ts';
import { charmCode } from '../../engine/python.ts';

export const DRAFT_KEY = 'relviz.charmDraft';

export interface CharmDraft {
  /** The template it started from (null: none, or an application's own code). */
  readonly template: string | null;
  /** The application whose code this is (Edit code), or null for a new charm. */
  readonly app: string | null;
  readonly files: Readonly<Record<string, string>>;
  /** The file shown beside the metadata. */
  readonly selected: string;
  /** The application name as typed, and the unit count (a new charm only). */
  readonly name: string;
  readonly units: string;
}

export const EMPTY_DRAFT: CharmDraft = { template: null, app: null, files: {}, selected: '', name: '', units: '1' };

/** The charm's metadata file: charmcraft.yaml if it has one, else metadata.yaml. */
export function metadataPath(files: Readonly<Record<string, string>>): 'charmcraft.yaml' | 'metadata.yaml' {
  return files['charmcraft.yaml'] !== undefined ? 'charmcraft.yaml' : 'metadata.yaml';
}

/** The other files, as the file list shows them: `src/charm.py` first, then the rest by path. */
export function otherPaths(files: Readonly<Record<string, string>>): string[] {
  const meta = metadataPath(files);
  const rank = (p: string) => (p === 'src/charm.py' ? 0 : p === 'dispatch' || p.startsWith('hooks/') ? 1 : 2);
  return Object.keys(files)
    .filter((p) => p !== meta)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The file to show beside the metadata when none is chosen (or the chosen one is gone). */
export function shownPath(draft: CharmDraft): string {
  const others = otherPaths(draft.files);
  return others.includes(draft.selected) ? draft.selected : (others[0] ?? '');
}

export type DraftCheck =
  | { readonly ok: true; readonly meta: CharmMeta; readonly hasCode: boolean }
  | { readonly ok: false; readonly file: string; readonly line: number | null; readonly message: string };

/** Reads the draft's metadata (and actions.yaml) as `juju deploy ./folder` would. */
export function checkDraft(files: Readonly<Record<string, string>>): DraftCheck {
  try {
    return { ok: true, meta: parseCharmFiles(files), hasCode: charmCode(files) !== null };
  } catch (e) {
    if (e instanceof MetadataError) return { ok: false, file: e.file, line: e.line, message: e.problem };
    throw e;
  }
}

/** Where a charm written in the editor is said to come from (`juju deploy ./<name>`). */
export function draftPath(meta: CharmMeta): string {
  return `./${meta.name}`;
}

/** The draft's `deploy`, written as a user would (no app name when it is the charm's, no -n 1). */
export function draftDeployCommand(draft: CharmDraft, meta: CharmMeta): Extract<Command, { type: 'deploy' }> {
  const name = draft.name.trim();
  const units = Number(draft.units);
  return {
    type: 'deploy',
    charm: { kind: 'files', path: draftPath(meta), files: draft.files },
    app: name === '' || name === meta.name ? null : name,
    units: meta.subordinate || units === 1 ? null : units,
  };
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

/** The saved draft, or null when there is none or it is not one (a hand-edited or older value). */
export function readDraft(text: string | null): CharmDraft | null {
  if (text === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const d = v as Record<string, unknown>;
  if (d['kind'] !== 'relviz-charm-draft' || d['version'] !== 1 || !isStringRecord(d['files'])) return null;
  const str = (k: string, fallback: string) => (typeof d[k] === 'string' ? d[k] : fallback);
  return {
    template: typeof d['template'] === 'string' ? d['template'] : null,
    app: typeof d['app'] === 'string' ? d['app'] : null,
    files: d['files'],
    selected: str('selected', ''),
    name: str('name', ''),
    units: str('units', '1'),
  };
}

/** The draft as saved: a versioned envelope, like the session's. */
export function writeDraft(draft: CharmDraft): string {
  return JSON.stringify({ kind: 'relviz-charm-draft', version: 1, ...draft });
}
