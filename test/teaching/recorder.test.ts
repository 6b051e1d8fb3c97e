/**
 * The tutorial recorder's logic: commands become steps (and keep them through undo,
 * redo and a reload), a clicked hook becomes `after: <unit> <hook> [nth]` counted from
 * its step's start as the player counts, highlights go to the stop being edited or the
 * step, the saved form reads back the same and refuses what does not fit, and what is
 * recorded exports as a document that plays as recorded (checkTutorial).
 */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/engine/timeline.ts';
import type { HookRecord } from '../../src/engine/trace.ts';
import { parseLine, runAfter } from '../../src/io/script.ts';
import { checkTutorial } from '../../src/teaching/check.ts';
import { parseTutorialDocumentWithLines } from '../../src/teaching/document.ts';
import {
  RecordingError,
  addHighlight,
  addStop,
  editText,
  idFromTitle,
  newStep,
  readRecording,
  recordingDocument,
  recordingTutorial,
  removeItem,
  removeStep,
  scriptLines,
  serializeRecording,
  startRecording,
  syncRecording,
  type InputLike,
  type Recording,
} from '../../src/teaching/recorder.ts';
import { compileTutorial, planStep, stepStartTick, stopTicks } from '../../src/teaching/tutorial.ts';

const input = (text: string): InputLike => {
  const line = parseLine(text);
  if (!line) throw new Error(text);
  return { command: line.command, text: line.text, run: runAfter(line) };
};

/** A session: its commands and the timeline they build (as the store's rebuild does). */
function session(inputs: InputLike[], seed = 2) {
  const t = new Timeline({ seed, juju: '3.6' });
  for (const i of inputs) {
    t.seek(t.length);
    t.apply(i.command, { text: i.text, run: i.run });
  }
  return { seed, juju: '3.6' as const, inputs, t };
}

function hooks(t: Timeline): HookRecord[] {
  return [...t.fullTrace].filter((r): r is HookRecord => r.type === 'hook');
}

const ok = (r: Recording | string): Recording => {
  if (typeof r === 'string') throw new Error(r);
  return r;
};

describe('commands become steps', () => {
  const deploy = [input('juju deploy master'), input('juju deploy worker -n 2')];

  it('the session so far is the starting model; later commands go to the last step', () => {
    let rec = startRecording(session(deploy));
    expect(rec.setup.map((s) => s.text)).toEqual(['juju deploy master', 'juju deploy worker -n 2']);
    const relate = input('juju relate master worker');
    rec = syncRecording(rec, session([...deploy, relate]));
    rec = newStep(rec);
    const remove = input('juju remove-unit worker/1');
    rec = syncRecording(rec, session([...deploy, relate, remove]));
    const { tutorial } = recordingTutorial(rec);
    expect(tutorial.setup).toEqual(['juju deploy master', 'juju deploy worker -n 2']);
    expect(tutorial.steps.map((s) => s.run)).toEqual([['juju relate master worker'], ['juju remove-unit worker/1']]);
  });

  it('a session that no longer starts with the starting model is not recorded; nothing changed gives the same object', () => {
    const rec = startRecording(session(deploy));
    expect(syncRecording(rec, session([input('juju deploy ubuntu')]))).toBe(rec);
    expect(syncRecording(rec, session(deploy))).toBe(rec);
  });

  it('undo then redo gives the commands back to their own steps (by the input objects), and a new command goes to the last step', () => {
    const memory = new WeakMap<object, number>();
    const a = input('juju relate master worker');
    const b = input('juju add-unit worker');
    let rec = syncRecording(startRecording(session(deploy)), session([...deploy, a]), memory);
    rec = syncRecording(newStep(rec), session([...deploy, a, b]), memory);
    // Undo both, redo both: step 1 keeps a, step 2 keeps b.
    rec = syncRecording(rec, session(deploy), memory);
    expect(rec.inputs).toEqual([]);
    rec = syncRecording(rec, session([...deploy, a, b]), memory);
    expect(rec.inputs.map((i) => i.step)).toEqual([0, 1]);
    // Undo b and make another command: it is the current (last) step's.
    const c = input('juju remove-unit worker/0');
    rec = syncRecording(rec, session([...deploy, a, c]), memory);
    expect(rec.inputs.map((i) => [i.text, i.step])).toEqual([
      ['juju relate master worker', 0],
      ['juju remove-unit worker/0', 1],
    ]);
  });

  it('steps never go down: a command remembered in step 2 keeps later ones there too', () => {
    const memory = new WeakMap<object, number>();
    const a = input('juju relate master worker');
    const b = input('juju add-unit worker');
    let rec = newStep(startRecording(session(deploy)));
    rec = syncRecording(rec, session([...deploy, a]), memory);
    memory.set(b, 0);
    rec = syncRecording(rec, session([...deploy, a, b]), memory);
    expect(rec.inputs.map((i) => i.step)).toEqual([1, 1]);
  });

  it('script lines: a command that ran none of its hooks is run in the background; one cut short steps the hooks it ran', () => {
    expect(scriptLines({ text: 'juju relate a b', run: 'idle' })).toEqual(['juju relate a b']);
    expect(scriptLines({ text: 'juju relate a b', run: 'none' })).toEqual(['juju relate a b &']);
    expect(scriptLines({ text: 'juju relate a b', run: 4 })).toEqual(['juju relate a b &', 'step 4']);
    expect(scriptLines({ text: 'step --unit a/0', run: 1 })).toEqual(['step --unit a/0']);
    expect(scriptLines({ text: 'fail a/0 install', run: 'none' })).toEqual(['fail a/0 install']);
  });

  it('a step with no commands of its own can be removed; one with commands cannot', () => {
    let rec = newStep(startRecording(session(deploy)));
    rec = newStep(syncRecording(rec, session([...deploy, input('juju relate master worker')])));
    expect(removeStep(rec, 1)).toBe(rec);
    expect(removeStep(rec, 2).steps).toHaveLength(2);
  });
});

describe('stops from clicked hooks', () => {
  // The starting model: master and two workers, settled. Step 1 relates them; step 2 adds a worker.
  const deploy = [input('juju deploy master'), input('juju deploy worker -n 2')];
  const relate = input('juju relate master worker');
  const add = input('juju add-unit worker');

  function recorded() {
    let rec = startRecording(session(deploy));
    rec = syncRecording(rec, session([...deploy, relate]));
    rec = newStep(rec);
    const s = session([...deploy, relate, add]);
    return { rec: syncRecording(rec, s), t: s.t };
  }

  it('the nth is counted within the clicked hook’s step, and the stop plays at that very hook', () => {
    const { rec, t } = recorded();
    // The second master-relation-changed on worker/0 of the whole history is in step 1; its nth counts from step 1.
    const changed = hooks(t).filter((h) => h.unit === 'worker/0' && h.hook === 'master-relation-changed');
    expect(changed.length).toBeGreaterThan(1);
    const second = changed[1] as HookRecord;
    let r = ok(addStop(rec, t, second.seq));
    expect(r.steps[0]?.stops[0]?.after).toEqual({ unit: 'worker/0', hook: 'master-relation-changed', nth: 2 });
    expect(r.editing).toEqual({ step: 0, stop: 0 });
    // In step 2, worker/2 joins: its first such hook is nth 1 (no nth written), though the unit ran hooks before.
    const inStep2 = hooks(t).find((h) => h.unit === 'master/0' && h.hook === 'master-application-relation-joined' && h.remoteUnit === 'worker/2') as HookRecord;
    const before = hooks(t).filter((h) => h.unit === 'master/0' && h.hook === 'master-application-relation-joined' && h.seq < inStep2.seq).length;
    expect(before).toBe(2);
    r = ok(addStop(r, t, inStep2.seq));
    expect(r.steps[1]?.stops[0]?.after).toEqual({ unit: 'master/0', hook: 'master-application-relation-joined' });
    // The player finds each stop just after the clicked hook.
    const { tutorial } = recordingTutorial(r);
    const compiled = compileTutorial(tutorial);
    for (const [k, seq] of [
      [0, second.seq],
      [1, inStep2.seq],
    ] as const) {
      const plan = planStep(compiled, k);
      const tl = new Timeline({ seed: tutorial.seed, juju: tutorial.juju });
      for (const i of plan.inputs) tl.apply(i.command, { text: i.text, run: i.run });
      const [tick] = stopTicks(tl, tutorial.steps[k]?.stops ?? [], stepStartTick(tl, plan));
      const at = tl.fullTrace.at(tl.traceIndexAt(tick as number) - 1) as HookRecord;
      expect(at.seq).toBe(seq);
    }
  });

  it('stops stay in the order their hooks run; clicking one twice edits it', () => {
    const { rec, t } = recorded();
    const step1 = hooks(t).filter((h) => h.hook === 'master-relation-changed');
    const [early, late] = [step1[0] as HookRecord, step1[2] as HookRecord];
    let r = ok(addStop(rec, t, late.seq));
    r = ok(addStop(r, t, early.seq));
    expect(r.steps[0]?.stops.map((s) => s.after.unit)).toEqual([early.unit, late.unit]);
    expect(r.editing).toEqual({ step: 0, stop: 0 });
    const again = ok(addStop(r, t, late.seq));
    expect(again.steps[0]?.stops).toHaveLength(2);
    expect(again.editing).toEqual({ step: 0, stop: 1 });
  });

  it('a hook of the starting model is refused, saying why', () => {
    const { rec, t } = recorded();
    const install = hooks(t).find((h) => h.hook === 'install') as HookRecord;
    expect(addStop(rec, t, install.seq)).toMatch(/starting model/);
    expect(addStop(rec, t, 99_999)).toMatch(/no hook/);
  });
});

describe('highlights', () => {
  const rec0 = syncRecording(startRecording(session([input('juju deploy master'), input('juju deploy worker')])), session([input('juju deploy master'), input('juju deploy worker'), input('juju relate master worker')]));

  it('go to the step, or to the stop being edited; a databag key selects its relation; doubles are ignored', () => {
    const t = session([input('juju deploy master'), input('juju deploy worker'), input('juju relate master worker')]).t;
    let r = addHighlight(rec0, { kind: 'unit', unit: 'master/0' });
    r = addHighlight(r, { kind: 'unit', unit: 'master/0' });
    expect(r.steps[0]?.highlight).toEqual([{ kind: 'unit', unit: 'master/0' }]);
    const joined = hooks(t).find((h) => h.hook === 'master-application-relation-joined') as HookRecord;
    r = ok(addStop(r, t, joined.seq));
    r = addHighlight(r, { kind: 'bag-key', owner: 'master/0', key: 'worker/0-worker-key' }, ['master', 'worker']);
    r = addHighlight(r, { kind: 'relation', apps: ['master', 'worker'] });
    expect(r.steps[0]?.stops[0]?.highlight).toEqual([
      { kind: 'bag-key', owner: 'master/0', key: 'worker/0-worker-key' },
      { kind: 'relation', apps: ['master', 'worker'] },
    ]);
    expect(r.steps[0]?.select).toEqual({ relation: ['master', 'worker'] });
    // Each is removable; removing the stop being edited goes back to editing the step.
    r = removeItem(r, 0, { kind: 'highlight', stop: 0, target: 1 });
    expect(r.steps[0]?.stops[0]?.highlight).toHaveLength(1);
    r = removeItem(r, 0, { kind: 'stop', stop: 0 });
    expect(r.steps[0]?.stops).toEqual([]);
    expect(r.editing).toEqual({ step: 0, stop: null });
    r = removeItem(r, 0, { kind: 'highlight', stop: null, target: 0 });
    expect(r.steps[0]?.highlight).toEqual([]);
  });
});

describe('export and persistence', () => {
  function full(): Recording {
    const deploy = [input('juju deploy master'), input('juju deploy worker -n 2')];
    const relate = input('juju relate master worker');
    const s1 = session([...deploy, relate]);
    let r = syncRecording(startRecording(session(deploy)), s1);
    r = editText(r, { step: 0, stop: null }, 'title', 'Relate them');
    r = editText(r, { step: 0, stop: null }, 'say', '  Every unit *joins*.\n\n\n\nWatch the databags.  ');
    const joined = hooks(s1.t).find((h) => h.unit === 'master/0' && h.hook === 'master-application-relation-joined') as HookRecord;
    r = ok(addStop(r, s1.t, joined.seq));
    r = editText(r, r.editing, 'say', 'The master wrote the key.');
    r = addHighlight(r, { kind: 'bag-key', owner: 'master/0', key: `${joined.remoteUnit}-worker-key` }, ['master', 'worker']);
    r = newStep(r);
    const s2 = session([...deploy, relate, input('juju remove-unit worker/1')]);
    r = syncRecording(r, s2);
    r = addHighlight(r, { kind: 'app', app: 'worker' });
    return { ...r, title: 'Keys through a relation', id: idFromTitle('Keys through a relation'), summary: 'A master hands out keys.' };
  }

  it('exports a document that reads back as the recorded tutorial and plays as recorded', () => {
    const rec = full();
    const doc = recordingDocument(rec);
    if (doc.text === null) throw new Error(doc.problems.join('\n'));
    const { tutorial, lines } = parseTutorialDocumentWithLines(doc.text);
    expect(tutorial).toEqual(recordingTutorial(rec).tutorial);
    expect(tutorial.id).toBe('keys-through-a-relation');
    expect(tutorial.steps[0]?.say).toBe('Every unit *joins*.\n\nWatch the databags.');
    expect(checkTutorial(tutorial, lines)).toEqual([]);
  });

  it('what the format cannot carry is reported, not thrown', () => {
    const rec = editText(full(), { step: 0, stop: null }, 'say', '# a heading in narration');
    const doc = recordingDocument(rec);
    expect(doc.text).toBeNull();
    expect(doc.problems.join()).toMatch(/narration/);
  });

  it('saved and read back: the same recording', () => {
    const rec = full();
    expect(readRecording(serializeRecording(rec))).toEqual(rec);
  });

  it('a saved recording that does not fit is refused with what is wrong', () => {
    const good = JSON.parse(serializeRecording(full())) as Record<string, unknown>;
    const bad = (change: (o: Record<string, unknown>) => void) => {
      const o = structuredClone(good);
      change(o);
      return () => readRecording(JSON.stringify(o));
    };
    expect(() => readRecording('{')).toThrow(RecordingError);
    expect(bad((o) => (o['version'] = 2))).toThrow(/version 2/);
    expect(bad((o) => (o['seed'] = -1))).toThrow(/seed/);
    expect(bad((o) => ((o['inputs'] as Array<Record<string, unknown>>)[0]!['text'] = 'juju frobnicate'))).toThrow(/frobnicate/);
    expect(bad((o) => ((o['steps'] as Array<Record<string, unknown>>)[0]!['highlight'] = ['application master']))).toThrow(/highlight/);
    expect(bad((o) => ((o['inputs'] as Array<Record<string, unknown>>)[0]!['step'] = 7))).toThrow(/step/);
    expect(bad((o) => ((o['steps'] as Array<Record<string, unknown>>)[0]!['stops'] = [{ after: '', say: '', highlight: [] }]))).toThrow(/after/);
  });
});
