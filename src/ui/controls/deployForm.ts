/**
 * The deploy dialog's logic (pure): validating pasted metadata with the engine's own
 * parser, and turning the form into the `deploy` command the console would give.
 */
import { findCharm } from '../../engine/catalog/index.ts';
import type { CharmMeta } from '../../engine/charm.ts';
import type { Command } from '../../engine/commands.ts';
import { MetadataError, parseCharmFiles } from '../../engine/metadata.ts';

export type MetadataFile = 'metadata.yaml' | 'charmcraft.yaml';

/** Where a pasted charm is said to come from (`juju deploy ./pasted`). */
export const PASTED_PATH = './pasted';

export type MetadataCheck =
  | { readonly ok: true; readonly meta: CharmMeta }
  | { readonly ok: false; readonly empty: boolean; readonly message: string; readonly line: number | null };

/** Parses pasted metadata as `juju deploy` would; the error names file and line. */
export function checkMetadata(file: MetadataFile, text: string): MetadataCheck {
  if (text.trim() === '') return { ok: false, empty: true, message: `Paste a ${file} to deploy it.`, line: null };
  try {
    return { ok: true, meta: parseCharmFiles({ [file]: text }) };
  } catch (e) {
    if (e instanceof MetadataError) return { ok: false, empty: false, message: e.message, line: e.line };
    throw e;
  }
}

export interface DeployForm {
  readonly charm: { readonly kind: 'catalog'; readonly name: string } | { readonly kind: 'files'; readonly file: MetadataFile; readonly text: string };
  /** As typed; blank means the charm's name. */
  readonly app: string;
  readonly units: number;
}

/** The charm's metadata, if the form names a valid one. */
export function formMeta(form: DeployForm): CharmMeta | null {
  if (form.charm.kind === 'catalog') return findCharm(form.charm.name)?.meta ?? null;
  const check = checkMetadata(form.charm.file, form.charm.text);
  return check.ok ? check.meta : null;
}

/**
 * The command for the form, written as a user would (`juju deploy master`, not
 * `juju deploy master master -n 1`): the application name only when it differs from
 * the charm's, the unit count only when it is not 1, none for a subordinate.
 */
export function deployCommand(form: DeployForm): Extract<Command, { type: 'deploy' }> {
  const meta = formMeta(form);
  const app = form.app.trim();
  const charm =
    form.charm.kind === 'catalog'
      ? ({ kind: 'catalog', name: form.charm.name } as const)
      : ({ kind: 'files', path: PASTED_PATH, files: { [form.charm.file]: form.charm.text } } as const);
  return {
    type: 'deploy',
    charm,
    app: app === '' || app === meta?.name ? null : app,
    units: meta?.subordinate || form.units === 1 ? null : form.units,
  };
}

/** The endpoints both example files declare. */
const EXAMPLE_ENDPOINTS = `summary: A charm with no behaviour, to study hook order.
provides:
  report:
    interface: exchange
requires:
  db:
    interface: postgresql
    limit: 1
peers:
  cluster:
    interface: reporter-peers
`;

export const EXAMPLE_METADATA: Readonly<Record<MetadataFile, string>> = {
  'metadata.yaml': `name: reporter
${EXAMPLE_ENDPOINTS}`,
  'charmcraft.yaml': `name: reporter
type: charm
${EXAMPLE_ENDPOINTS}actions:
  snapshot:
    description: Take a snapshot.
    params:
      label:
        type: string
`,
};
