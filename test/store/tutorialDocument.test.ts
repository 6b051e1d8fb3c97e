/**
 * Tutorials opened from documents (openTutorialDocument): checked before they play,
 * registered beside the shipped ones under `doc:<id>`, carried by the session — so a
 * reload, undo and redo, a saved file and a share link all keep them — and read again
 * whenever a session brings one back.
 */
import { describe, expect, it } from 'vitest';
import { compactSession, expandSession } from '../../src/share/compact.ts';
import { decodeShare, encodeShare } from '../../src/share/link.ts';
import { persist, readSaved } from '../../src/store/persist.ts';
import { MAX_DOCUMENT_CHARS, restoreSession, SessionError, type SessionV1 } from '../../src/store/session.ts';
import { createRelvizStore } from '../../src/store/store.ts';
import { LIMITS } from '../../src/teaching/document.ts';
import { TUTORIAL_DOCUMENTS } from '../../src/teaching/tutorials/index.ts';
import { tutorialById, tutorialSource } from '../../src/teaching/tutorials/registry.ts';
import { FakeStorage } from '../helpers.ts';
import { LESSON as DOC } from '../teaching/lessonDocument.ts';


/** The same tutorial, one step longer: another version of the document (same id). */
const LONGER = `${DOC}
## Remove the worker

\`\`\`juju
juju remove-unit worker/0
\`\`\`
`;

const mine = () => createRelvizStore({ script: 'juju deploy ubuntu -n 2\n' });

describe('openTutorialDocument', () => {
  it('opens a document at a step, as openTutorial opens a shipped one, under doc:<id>', () => {
    const store = mine();
    const result = store.getState().openTutorialDocument(DOC, { step: 1, file: 'two.md' });
    expect(result).toEqual({ ok: true, id: 'doc:lesson-one', problems: [] });
    const s = store.getState();
    expect(s.tutorial).toEqual({ id: 'doc:lesson-one', step: 1, document: { text: DOC } });
    expect(tutorialById('doc:lesson-one')?.title).toBe('Lesson one');
    expect(s.inputs.map((i) => i.text)).toEqual(['juju deploy master', 'juju deploy worker', 'juju relate master worker']);
    expect(s.cursor).toBe(s.stepStart);
    expect(s.stops).toHaveLength(2);
    expect(s.selection).toEqual({ kind: 'relation', id: 0 });
    expect(s.offPath).toBe(false);
  });

  it('plays to its end, pausing at its stop', () => {
    const store = createRelvizStore();
    store.getState().openTutorialDocument(DOC, { step: 1 });
    const { stops } = store.getState();
    expect(stops).toHaveLength(2);
    for (const stop of stops) {
      store.getState().play();
      while (store.getState().playing && store.getState().advance(8) > 0);
      expect(store.getState().cursor).toBe(stop);
    }
    store.getState().play();
    while (store.getState().playing && store.getState().advance(8) > 0);
    expect(store.getState().cursor).toBe(store.getState().length);
  });

  it('refuses a document with problems, naming their lines, and changes nothing', () => {
    const store = mine();
    const before = store.getState().exportSession();
    const broken = DOC.replace('juju deploy worker', 'juju deploy worker -n two').replace('worker/0 master-relation-joined', 'worker/7 master-relation-joined');
    const read = store.getState().openTutorialDocument(broken, { file: 'broken.md' });
    expect(read.ok).toBe(false);
    expect(read.problems).toEqual([expect.objectContaining({ line: 18, message: expect.stringContaining("-n expects a number") })]);
    // A document that reads but does not play as written: the check's problem, at its line.
    const wrongStop = store.getState().openTutorialDocument(DOC.replace('### after: worker/0', '### after: worker/3'));
    expect(wrongStop).toEqual({ ok: false, problems: [{ line: 29, message: expect.stringContaining('no such hook runs in this step') }] });
    expect(store.getState().openTutorialDocument('# not a tutorial').ok).toBe(false);
    expect(store.getState().openTutorialDocument(DOC, { url: 'javascript:alert(1)' }).ok).toBe(false);
    expect(store.getState().exportSession()).toEqual(before);
    expect(store.getState().tutorial).toBeNull();
    expect(store.getState().undoLabel).toBeNull();
  });

  it('is one Undo away from the model before it, and leaving it brings that model back', () => {
    const store = mine();
    const before = store.getState().exportSession();
    store.getState().openTutorialDocument(DOC);
    store.getState().closeTutorial();
    expect(store.getState().tutorial).toBeNull();
    expect(store.getState().exportSession().inputs).toEqual(before.inputs);
    store.getState().undo(); // back into the tutorial
    expect(store.getState().tutorial).toEqual({ id: 'doc:lesson-one', step: 0, document: { text: DOC } });
    store.getState().undo(); // back to the user's model
    expect(store.getState().tutorial).toBeNull();
    expect(store.getState().exportSession().inputs).toEqual(before.inputs);
    store.getState().redo();
    expect(store.getState().tutorial?.id).toBe('doc:lesson-one');
  });

  it('undo across two versions of one document brings back the version that was followed', () => {
    const store = mine();
    store.getState().openTutorialDocument(DOC, { step: 1 });
    store.getState().openTutorialDocument(LONGER, { step: 2 });
    expect(tutorialById('doc:lesson-one')?.steps).toHaveLength(3);
    store.getState().undo();
    expect(store.getState().tutorial).toEqual({ id: 'doc:lesson-one', step: 1, document: { text: DOC } });
    expect(tutorialById('doc:lesson-one')?.steps).toHaveLength(2);
    expect(store.getState().stops).toHaveLength(2);
    store.getState().redo();
    expect(store.getState().tutorial).toEqual({ id: 'doc:lesson-one', step: 2, document: { text: LONGER } });
    expect(tutorialById('doc:lesson-one')?.steps).toHaveLength(3);
  });

  it('keeps where a document came from', () => {
    const store = createRelvizStore();
    const url = 'https://raw.githubusercontent.com/someone/lessons/main/two.md';
    store.getState().openTutorialDocument(DOC, { url });
    expect(store.getState().exportSession().tutorial).toEqual({ id: 'doc:lesson-one', step: 0, document: { text: DOC, url } });
    expect(tutorialSource('doc:lesson-one')).toEqual({ text: DOC, url });
  });

  it('opens each shipped tutorial from its own document', () => {
    for (const [id, text] of TUTORIAL_DOCUMENTS) {
      const store = createRelvizStore();
      expect(store.getState().openTutorialDocument(text, { step: 1 })).toEqual({ ok: true, id: `doc:${id}`, problems: [] });
      expect(store.getState().offPath).toBe(false);
    }
  });
});

describe('a session following a tutorial opened from a document', () => {
  const followed = (): SessionV1 => {
    const store = mine();
    store.getState().openTutorialDocument(DOC, { step: 1 });
    store.getState().seek(store.getState().stepStart + 2);
    return store.getState().exportSession();
  };

  it('round-trips through the schema (a saved file) and reopens at the same place, stops found again', () => {
    const session = followed();
    const again = createRelvizStore({ session: restoreSession(JSON.parse(JSON.stringify(session))) });
    const s = again.getState();
    expect(s.tutorial).toEqual(session.tutorial);
    expect(s.cursor).toBe(session.cursor);
    expect(s.stops).toHaveLength(2);
    expect(s.offPath).toBe(false);
  });

  it('reopens from the browser storage after a reload, even when the registry no longer holds it', () => {
    const storage = new FakeStorage();
    const store = mine();
    store.getState().openTutorialDocument(DOC, { step: 1 });
    const save = persist(store, storage, () => undefined);
    save();
    // Another document of the same id replaces it in the registry meanwhile.
    createRelvizStore().getState().openTutorialDocument(LONGER);
    const saved = readSaved(storage);
    expect(saved.problem).toBeNull();
    const again = createRelvizStore({ session: saved.session as SessionV1, ...(saved.history ? { history: saved.history } : {}) });
    expect(again.getState().tutorial).toEqual({ id: 'doc:lesson-one', step: 1, document: { text: DOC } });
    expect(tutorialById('doc:lesson-one')?.steps).toHaveLength(2);
    // The undo history read back too: undo leaves the tutorial for the model before it.
    again.getState().undo();
    expect(again.getState().tutorial).toBeNull();
    expect(again.getState().inputs.map((i) => i.text)).toEqual(['juju deploy ubuntu -n 2']);
  });

  it('travels in a share link (and in the compact saved form)', () => {
    const session = followed();
    const shared = decodeShare(encodeShare(session, { tutorial: session.tutorial ?? null }));
    expect(shared.tutorial).toEqual(session.tutorial);
    const again = createRelvizStore({ session: { ...shared.session, tutorial: shared.tutorial } });
    expect(again.getState().tutorial).toEqual(session.tutorial);
    expect(again.getState().stops).toHaveLength(2);
    const url = 'https://example.org/two.md';
    const withUrl = { id: 'doc:lesson-one', step: 0, document: { text: DOC, url } };
    expect(expandSession(JSON.parse(JSON.stringify(compactSession(session, withUrl)))).tutorial).toEqual(withUrl);
  });

  it('a document that no longer reads leaves the model, without the tutorial, and says why', () => {
    const session = followed();
    const changed = { ...session, tutorial: { id: 'doc:lesson-one', step: 1, document: { text: DOC.replace('juju relate master worker', 'juju relate master nobody') } } };
    const again = createRelvizStore({ session: restoreSession(changed) });
    const s = again.getState();
    expect(s.tutorial).toBeNull();
    expect(s.inputs).toEqual(session.inputs);
    expect(s.cursor).toBe(session.cursor);
    expect(s.error).toMatch(/^ERROR the tutorial "lesson-one" could not be opened again \(line 26: Juju refuses "juju relate master nobody".*\): your model is kept, without the tutorial$/);
    // One whose id is not the session's.
    const other = createRelvizStore({ session: restoreSession({ ...session, tutorial: { id: 'doc:elsewhere', step: 0, document: { text: DOC } } }) });
    expect(other.getState().tutorial).toBeNull();
    expect(other.getState().error).toContain('the document is the tutorial "doc:lesson-one", not "doc:elsewhere"');
  });

  it('the schema refuses a document tutorial without its text, a shipped one with a document, and oversized or odd documents', () => {
    const session = followed();
    const bad = (tutorial: unknown) => () => restoreSession({ ...session, tutorial });
    expect(bad({ id: 'doc:lesson-one', step: 1 })).toThrow(new SessionError('bad tutorial step'));
    expect(bad({ id: 'masterworker', step: 1, document: { text: DOC } })).toThrow(SessionError);
    expect(bad({ id: 'doc:lesson-one', step: 1, document: { text: 'x'.repeat(MAX_DOCUMENT_CHARS + 1) } })).toThrow(new SessionError('bad tutorial document'));
    expect(bad({ id: 'doc:lesson-one', step: 1, document: { text: DOC, url: 'file:///etc/passwd' } })).toThrow(new SessionError('bad tutorial document'));
    expect(bad({ id: 'doc:Two', step: 1, document: { text: DOC } })).toThrow(SessionError);
    expect(bad({ id: 'doc:lesson-one', step: 1, document: 'text' })).toThrow(SessionError);
    // Old sessions (no document) still load.
    expect(restoreSession({ ...session, tutorial: { id: 'masterworker', step: 2 } }).tutorial).toEqual({ id: 'masterworker', step: 2 });
  });

  it("the session's bound on a document is the format's", () => {
    expect(MAX_DOCUMENT_CHARS).toBe(LIMITS.bytes);
  });
});
