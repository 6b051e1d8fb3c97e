/**
 * The editor's live check (validate.ts): a document that reads and plays has no
 * problem and its steps as the outline; a reading error is at its line, with the
 * outline still there from the headings; a playing problem is at its line too.
 */
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/teaching/validate.ts';
import { TUTORIAL_DOCUMENTS } from '../../src/teaching/tutorials/index.ts';

const masterworker = TUTORIAL_DOCUMENTS.get('masterworker') as string;
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe('validateDocument', () => {
  it('a shipped tutorial: no problem, its steps with their heading lines and stops', () => {
    const v = validateDocument(masterworker);
    expect(v.problems).toEqual([]);
    expect(v.title).toBe('Master and workers');
    expect(v.outline[0]).toEqual({ title: 'Deploy a master and two workers', line: lineOf(masterworker, '## Deploy a master'), stops: 0 });
    expect(v.outline[1]?.stops).toBe(4);
  });

  it('a reading error at its line; the outline from the headings (a heading inside a fence is not a step)', () => {
    const text = masterworker.replace('juju relate master worker\n```', 'juju relaet master worker\n## not a step\n```');
    const v = validateDocument(text);
    expect(v.problems).toEqual([expect.objectContaining({ line: lineOf(text, 'juju relaet'), kind: 'read' })]);
    expect(v.problems[0]?.message).toMatch(/relaet/);
    expect(v.title).toBeNull();
    expect(v.outline.map((s) => s.title)).toEqual(validateDocument(masterworker).outline.map((s) => s.title));
    expect(v.outline[1]?.stops).toBe(4);
  });

  it('a playing problem at its line', () => {
    const text = masterworker.replace('### after: worker/1 master-relation-changed\n', '### after: worker/1 master-relation-changed 9\n');
    const v = validateDocument(text);
    expect(v.problems).toEqual([expect.objectContaining({ line: lineOf(text, '### after: worker/1 master-relation-changed 9'), kind: 'play' })]);
  });
});
