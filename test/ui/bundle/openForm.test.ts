/**
 * The Open dialog's logic: what each picked file is, which command a pick gives, and
 * the preview — Juju's refusal with file and line, or what would be deployed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byRole, draftCommand, draftFrom, previewDraft, roleOf } from '../../../src/ui/bundle/openForm.ts';
import { readable, relativeTo, type PickedFile } from '../../../src/ui/bundle/readFiles.ts';

const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures');

/** A folder as a browser's folder picker gives it: paths starting with the folder's own name. */
function pickFolder(dir: string): PickedFile[] {
  const out: PickedFile[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const full = join(d, f);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ path: relative(join(dir, '..'), full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

const asFiles = (picked: PickedFile[]) => Object.fromEntries(relativeTo(picked).map((f) => [f.path, f.text]));

describe('the Open dialog', () => {
  it('sorts a bundle folder: the bundle, its overlays, its charms; proposes bundle.yaml with no overlay', () => {
    const files = asFiles(pickFolder(join(FIXTURES, 'bundles/cos-lite')));
    const roles = byRole(files);
    expect(roles.bundle).toEqual(['bundle.yaml', 'overlays/offers-overlay.yaml', 'overlays/storage-small-overlay.yaml', 'overlays/testing-overlay.yaml', 'overlays/tls-overlay.yaml']);
    expect(roles.charm).toHaveLength(8);
    const draft = draftFrom(files);
    expect(draft).toMatchObject({ kind: 'bundle', main: 'bundle.yaml', extra: [] });
    const command = draftCommand({ ...draft, extra: ['overlays/tls-overlay.yaml'] });
    expect(command).toMatchObject({ type: 'deploy-bundle', path: './bundle.yaml', overlays: ['./overlays/tls-overlay.yaml'] });
    const preview = previewDraft(command as NonNullable<typeof command>);
    expect(preview).toMatchObject({ ok: true, relations: 26 });
    if (preview.ok) expect(preview.apps.map((a) => [a.name, a.source])).toContainEqual(['ca', 'files']);
  });

  it('sees a juju status with its show-unit outputs, and proposes load-status with all of them', () => {
    const dir = join(FIXTURES, 'show-unit');
    const files = Object.fromEntries(['machine-full_status_None.json', 'machine-kafka0_None_show.json', 'machine-zookeeper0_None_show.json'].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    expect(roleOf({ path: 'machine-kafka0_None_show.json', text: files['machine-kafka0_None_show.json'] as string })).toBe('show-unit');
    const draft = draftFrom(files);
    expect(draft).toMatchObject({ kind: 'status', main: 'machine-full_status_None.json', extra: ['machine-kafka0_None_show.json', 'machine-zookeeper0_None_show.json'] });
    const preview = previewDraft(draftCommand(draft) as NonNullable<ReturnType<typeof draftCommand>>);
    expect(preview).toMatchObject({ ok: true, relations: 1 });
  });

  it('previews a broken bundle as Juju’s refusal, one problem per line with file and line', () => {
    const draft = draftFrom({ 'pasted.yaml': 'applications:\n  a:\n    charm: ubuntu\nrelations:\n- [a:x, b:y]\n- [a, c]\n' });
    expect(previewDraft(draftCommand(draft) as NonNullable<ReturnType<typeof draftCommand>>)).toEqual({
      ok: false,
      problems: ['./pasted.yaml:5: relation "a:x b:y": no application "b" in the bundle', './pasted.yaml:6: relation "a c": no application "c" in the bundle'],
    });
  });

  it('reads only YAML and JSON, and never a .git or node_modules folder', () => {
    expect(['b.yaml', 'x/s.json', 'c.yml'].every(readable)).toBe(true);
    expect(['README.md', 'charm.py', '.git/config.yaml', 'node_modules/x/a.yaml', 'venv/a.json'].some(readable)).toBe(false);
    expect(relativeTo([{ path: 'cos/b.yaml', text: '' }, { path: 'cos/o/t.yaml', text: '' }]).map((f) => f.path)).toEqual(['b.yaml', 'o/t.yaml']);
    expect(relativeTo([{ path: 'b.yaml', text: '' }]).map((f) => f.path)).toEqual(['b.yaml']);
  });
});
