/**
 * The Open dialog's logic (pure): the files a user picked, dropped or pasted — a
 * bundle with its overlays and charm folders, or a model's `juju status` with
 * `juju show-unit` outputs — sorted into what they are, turned into the one command
 * that deploys them (`juju deploy ./bundle.yaml --overlay …` or `load-status …`), and
 * previewed by applying that command to an empty model: the same check the deploy
 * makes, so the preview's problems (file and line) are exactly Juju's refusal.
 */
import { CHARM_FILE } from '../../engine/paths.ts';
import { applyCommand, type Command } from '../../engine/commands.ts';
import { createState } from '../../engine/sim.ts';
import { isStatusText } from '../../engine/status.ts';
import type { PickedFile } from './readFiles.ts';

export type FileRole = 'bundle' | 'status' | 'show-unit' | 'charm' | 'other';

/** What a file is, from its name and a cheap look at its text. */
export function roleOf(file: PickedFile): FileRole {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  if (CHARM_FILE.test(name)) return 'charm';
  if (isStatusText(file.text)) return 'status';
  if (/"relation-info"|^\s*relation-info:/m.test(file.text)) return 'show-unit';
  if (/^(applications|services|relations|saas|machines):/m.test(file.text) || /^\s*"applications"\s*:/m.test(file.text)) return 'bundle';
  return 'other';
}

export interface Draft {
  readonly files: Readonly<Record<string, string>>;
  readonly kind: 'bundle' | 'status';
  /** The bundle or status file. */
  readonly main: string | null;
  /** Overlays (bundle) or show-unit outputs (status), in order. */
  readonly extra: readonly string[];
}

/** The files of each role, in path order (shallowest first). */
export function byRole(files: Readonly<Record<string, string>>): Record<FileRole, string[]> {
  const out: Record<FileRole, string[]> = { bundle: [], status: [], 'show-unit': [], charm: [], other: [] };
  const depth = (p: string) => p.split('/').length;
  for (const path of Object.keys(files).sort((a, b) => depth(a) - depth(b) || a.localeCompare(b))) out[roleOf({ path, text: files[path] as string })].push(path);
  return out;
}

/**
 * The draft relviz proposes for a pick: a status if there is one (with every show-unit
 * output), else the bundle — `bundle.yaml` at the top if there is one, else the
 * shallowest — with no overlay chosen (the user ticks the ones they want).
 */
export function draftFrom(files: Readonly<Record<string, string>>): Draft {
  const roles = byRole(files);
  const status = roles.status[0];
  if (status !== undefined) return { files, kind: 'status', main: status, extra: roles['show-unit'] };
  const main = roles.bundle.find((p) => /(^|\/)bundle\.ya?ml$/.test(p)) ?? roles.bundle[0] ?? null;
  return { files, kind: 'bundle', main, extra: [] };
}

/** The command the draft gives, as the console would type it. */
export function draftCommand(draft: Draft): Extract<Command, { type: 'deploy-bundle' | 'load-status' }> | null {
  if (draft.main === null) return null;
  const path = (p: string) => `./${p}`;
  return draft.kind === 'status'
    ? { type: 'load-status', path: path(draft.main), showUnits: draft.extra.map(path), files: draft.files }
    : { type: 'deploy-bundle', path: path(draft.main), overlays: draft.extra.map(path), files: draft.files };
}

export interface PreviewApp {
  readonly name: string;
  readonly charm: string;
  readonly units: number;
  readonly subordinate: boolean;
  readonly source: 'teaching' | 'real' | 'inferred' | 'files';
}

export type Preview =
  | { readonly ok: true; readonly apps: readonly PreviewApp[]; readonly relations: number; readonly notes: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** The draft deployed into an empty model (no hooks run): what it would make, or Juju's refusal line by line. */
export function previewDraft(command: Command): Preview {
  const state = createState();
  const result = applyCommand(state, command, null);
  const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
  if (result.exitCode !== 0) {
    return { ok: false, problems: lines.map((l) => l.replace(/^ERROR cannot (deploy bundle|load the model): (\d+ problems)?/, '').trim()).filter(Boolean) };
  }
  const apps = [...state.apps.values()].map((a) => ({
    name: a.name,
    charm: a.charmName,
    units: a.units.length,
    subordinate: a.meta.subordinate,
    source: a.inferred ? ('inferred' as const) : a.real ? ('real' as const) : a.catalog ? ('teaching' as const) : ('files' as const),
  }));
  const relations = [...state.relations.values()].filter((r) => !r.peer).length;
  return { ok: true, apps, relations, notes: lines.filter((l) => l.startsWith('relviz: ')).map((l) => l.slice('relviz: '.length)) };
}
