/** The charm editor's draft: stored and read back, its files sorted for the list, its metadata checked by line, its deploy command. */
import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, checkDraft, draftDeployCommand, otherPaths, readDraft, shownPath, writeDraft, type CharmDraft } from '../../src/ui/charm/charmDraft.ts';

const META = 'name: replicas\npeers:\n  replicas:\n    interface: charm_gossip\n';
const draft: CharmDraft = { ...EMPTY_DRAFT, files: { 'metadata.yaml': META, 'src/charm.py': 'import ops\n', 'hooks/install': '#!/bin/sh\n', 'actions.yaml': '' }, selected: 'hooks/install' };

describe('the charm draft', () => {
  it('reads back what it wrote, and nothing from a value that is not a draft', () => {
    const text = writeDraft(draft);

    expect(readDraft(text)).toEqual(draft);
    expect(readDraft(null)).toBeNull();
    expect(readDraft('{"kind":"relviz-charm-draft","version":2,"files":{}}')).toBeNull();
    expect(readDraft('{"kind":"relviz-charm-draft","version":1,"files":{"a":1}}')).toBeNull();
    expect(readDraft('not json')).toBeNull();
  });

  it('lists src/charm.py first, then hook scripts, then the rest; the metadata file is not among them', () => {
    expect(otherPaths(draft.files)).toEqual(['src/charm.py', 'hooks/install', 'actions.yaml']);
    expect(shownPath(draft)).toBe('hooks/install');
    expect(shownPath({ ...draft, selected: 'gone.py' })).toBe('src/charm.py');
  });

  it('reports bad metadata at its file and line', () => {
    const check = checkDraft({ ...draft.files, 'metadata.yaml': `# a comment\n${META.replace('replicas', 'Bad_Name')}` });

    expect(check).toMatchObject({ ok: false, file: 'metadata.yaml', line: 2, message: expect.stringContaining('lower-case') });
  });

  it('deploys as a user would type it: no application name when it is the charm’s, no -n 1', () => {
    const check = checkDraft(draft.files);
    if (!check.ok) throw new Error(check.message);

    expect(check.hasCode).toBe(true);
    expect(draftDeployCommand(draft, check.meta)).toEqual({ type: 'deploy', charm: { kind: 'files', path: './replicas', files: draft.files }, app: null, units: null });
    expect(draftDeployCommand({ ...draft, name: 'db', units: '3' }, check.meta)).toMatchObject({ app: 'db', units: 3 });
  });
});
