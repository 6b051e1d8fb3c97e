/**
 * The charm templates a user starts a Python charm from: each a charm folder beside
 * this file (`<id>/`: `metadata.yaml` or `charmcraft.yaml`, and its code), written
 * from the course texts (/work/shared/sources): the masterworker tutorial's charms in
 * the charmhelpers style it teaches, and the ops guide's charms as ops charms.
 *
 * The list is light and loads with whoever names it; the files themselves come with
 * `templateFiles`, from a chunk of their own (files.ts), so the page's first load
 * carries none of them.
 */

/** How a template's code talks to Juju. */
export type TemplateStyle =
  /** Executable hook scripts (`hooks/<hook>`) calling hook tools through charmhelpers' hookenv. */
  | 'hookenv'
  /** An ops charm: `src/charm.py`, a CharmBase observing events. */
  | 'ops';

/** The course text a template comes from. */
export type TemplateSource = 'masterworker-tutorial' | 'ops-integration-guide';

export const TEMPLATE_SOURCES: Readonly<Record<TemplateSource, string>> = {
  'masterworker-tutorial': 'Tutorial: Relations with Juju (the masterworker charms)',
  'ops-integration-guide': 'ops: How to add an integration to a charm',
};

export interface CharmTemplate {
  /** The folder's name, beside this file. */
  readonly id: string;
  readonly title: string;
  /** One line: what it shows. */
  readonly summary: string;
  readonly source: TemplateSource;
  readonly style: TemplateStyle;
  /** The file to open first in an editor. */
  readonly main: string;
}

/** Every template, in the order an editor offers them. */
export const CHARM_TEMPLATES: readonly CharmTemplate[] = [
  {
    id: 'master',
    title: 'master (charmhelpers)',
    summary: 'Hands every joining worker its own key and broadcasts a message to all of them.',
    source: 'masterworker-tutorial',
    style: 'hookenv',
    main: 'hooks/master-application-relation-joined',
  },
  {
    id: 'worker',
    title: 'worker (charmhelpers)',
    summary: 'Reads its key from the master in relation-changed; removes its key file in relation-broken.',
    source: 'masterworker-tutorial',
    style: 'hookenv',
    main: 'hooks/master-relation-changed',
  },
  {
    id: 'database-provider',
    title: 'Database provider (ops)',
    summary: 'The leader publishes credentials in its application bag on relation-created and drops the database on broken.',
    source: 'ops-integration-guide',
    style: 'ops',
    main: 'src/charm.py',
  },
  {
    id: 'database-provider-bug',
    title: 'Database provider, spot the bug (ops)',
    summary: "The guide's snippet as printed: it writes the remote application's bag, and ops refuses.",
    source: 'ops-integration-guide',
    style: 'ops',
    main: 'src/charm.py',
  },
  {
    id: 'web-app',
    title: 'Web app (ops)',
    summary: 'Requires a database (limit 1) and smtp; one holistic handler computes its status.',
    source: 'ops-integration-guide',
    style: 'ops',
    main: 'src/charm.py',
  },
  {
    id: 'smtp-provider',
    title: 'SMTP provider (ops)',
    summary: 'Per-unit credentials on relation-joined, removed on departed unless this unit is the one departing.',
    source: 'ops-integration-guide',
    style: 'ops',
    main: 'src/charm.py',
  },
  {
    id: 'peers',
    title: 'Peer relation (ops)',
    summary: 'Units share a primary over replicas (charm_gossip); StoredState and a deferred relation-changed.',
    source: 'ops-integration-guide',
    style: 'ops',
    main: 'src/charm.py',
  },
];

export function charmTemplate(id: string): CharmTemplate | undefined {
  return CHARM_TEMPLATES.find((t) => t.id === id);
}

/** A template's files (path in the charm folder → text), loaded on first use. */
export async function templateFiles(id: string): Promise<Record<string, string>> {
  if (!charmTemplate(id)) throw new Error(`no charm template "${id}"`);
  const { TEMPLATE_FILES } = await import('./files.ts');
  const files = TEMPLATE_FILES.get(id);
  if (!files) throw new Error(`no files for the charm template "${id}" (src/python/templates/${id}/)`);
  return { ...files };
}
