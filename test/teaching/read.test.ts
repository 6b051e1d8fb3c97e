/** Reading an untrusted tutorial document (teaching/read.ts) and the checks around it. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShareError, expandSession } from '../../src/share/compact.ts';
import { LIMITS } from '../../src/teaching/document.ts';
import { readTutorialDocument } from '../../src/teaching/read.ts';
import { TUTORIAL_DOCUMENTS } from '../../src/teaching/tutorials/index.ts';
import { isTutorialUrl } from '../../src/teaching/tutorials/registry.ts';

describe('readTutorialDocument', () => {
  it('reads each shipped document', () => {
    for (const [id, text] of TUTORIAL_DOCUMENTS) {
      const read = readTutorialDocument(text);
      expect(read.ok && read.tutorial.id).toBe(id);
    }
  });

  it('gives back reading problems by line, and check problems by line', () => {
    const text = TUTORIAL_DOCUMENTS.get('masterworker') as string;
    const lines = text.split('\n');
    const deploy = lines.findIndex((l) => l.startsWith('juju deploy worker'));
    const typo = [...lines.slice(0, deploy), 'juju deplo worker', ...lines.slice(deploy + 1)].join('\n');
    const read = readTutorialDocument(typo, 'mw.md');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems[0]?.line).toBe(deploy + 1);
    const refused = [...lines.slice(0, deploy), 'juju add-unit nosuch', ...lines.slice(deploy + 1)].join('\n');
    const checked = readTutorialDocument(refused);
    expect(!checked.ok && checked.problems.find((p) => p.line === deploy + 1)?.message).toMatch(/^Juju refuses "juju add-unit nosuch"/);
  });

  it('refuses what is not a tutorial, or is too big, without throwing', () => {
    expect(readTutorialDocument('')).toEqual({ ok: false, problems: [expect.objectContaining({ line: 1 })] });
    expect(readTutorialDocument('<script>alert(1)</script>').ok).toBe(false);
    const big = readTutorialDocument(`---\n${'#'.repeat(LIMITS.bytes)}\n`);
    expect(!big.ok && big.problems[0]?.message).toMatch(/at most 512 KB/);
  });
});

describe('isTutorialUrl', () => {
  it('takes http(s) URLs with a host, bounded, and nothing else', () => {
    expect(isTutorialUrl('https://raw.githubusercontent.com/a/b/main/t.md')).toBe(true);
    expect(isTutorialUrl('http://localhost:4720/t.md?x=1#y')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'https://', 'https:///x', 'data:text/plain,hi', 'https://a b/', `https://a.b/${'x'.repeat(2048)}`, 42, null]) expect(isTutorialUrl(bad)).toBe(false);
  });
});

describe('a compact session carrying a tutorial document', () => {
  const base = { s: 1, j: '3.6', c: 0, i: [] };
  it('refuses a document or URL without its tutorial, and a shipped tutorial with a document', () => {
    expect(() => expandSession({ ...base, d: 'text' })).toThrow(ShareError);
    expect(() => expandSession({ ...base, t: ['doc:x', 0], u: 'https://a.b/x.md' })).toThrow(new ShareError('bad tutorial document'));
    expect(() => expandSession({ ...base, t: ['masterworker', 0], d: 'text' })).toThrow(new ShareError('bad tutorial step'));
    expect(() => expandSession({ ...base, t: ['doc:x', 0] })).toThrow(new ShareError('bad tutorial step'));
    expect(expandSession({ ...base, t: ['doc:x', 2], d: 'text', u: 'https://a.b/x.md' }).tutorial).toEqual({ id: 'doc:x', step: 2, document: { text: 'text', url: 'https://a.b/x.md' } });
  });
});

describe('the registry in plain Node', () => {
  it('loads the tutorials and the reader as it is evaluated (its chunk must not wait for it: ESM would never settle)', () => {
    const registry = join(import.meta.dirname, '../../src/teaching/tutorials/registry.ts');
    const probe = `const r = await import(${JSON.stringify(registry)}); console.log(String(r.tutorialsLoaded() && r.documentReader() !== null));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { encoding: 'utf8', timeout: 60_000 });
    expect({ status: run.status, out: run.stdout.trim() }).toEqual({ status: 0, out: 'true' });
  });
});
