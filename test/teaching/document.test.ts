/**
 * The tutorial document format: the five shipped documents read back byte for byte,
 * random tutorials survive writing and reading, errors name their line, mutated
 * documents fail only with the parser's own error, and checkTutorial reports what a
 * document gets wrong against the engine, at the right line.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTutorial } from '../../src/teaching/check.ts';
import { LIMITS, TutorialDocumentError, parseTutorialDocument, parseTutorialDocumentWithLines, writeTutorialDocument } from '../../src/teaching/document.ts';
import type { Alternative, Step, Stop, Target, Tutorial } from '../../src/teaching/tutorial.ts';
import { TUTORIAL_DOCUMENTS } from '../../src/teaching/tutorials/index.ts';

const SMALL = `---
relviz-tutorial: 1
id: tiny
title: A tiny tutorial
summary: Two charms and a relation.
seed: 1
juju: 3.6
---

# A tiny tutorial

## Deploy

highlight: app master

Two applications, *not related* yet.

\`\`\`juju
juju deploy master
juju deploy worker
\`\`\`

## Relate

select: relation master worker

Relate them and watch.

\`\`\`juju
juju relate master worker
\`\`\`

### after: worker/0 master-relation-joined

highlight: unit worker/0, block worker/0 master-relation-joined

worker/0 joined master/0.
`;

/** The problems a document has, as "line: message" (parse errors) — the test's view of TutorialDocumentError. */
function problems(text: string): string[] {
  try {
    parseTutorialDocument(text);
  } catch (e) {
    if (e instanceof TutorialDocumentError) return e.problems.map((p) => `${p.line}: ${p.message}`);
    throw e;
  }
  return [];
}

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('the shipped documents', () => {
  it.each([...TUTORIAL_DOCUMENTS])('%s: document → tutorial → document is byte-stable', (id, text) => {
    const t = parseTutorialDocument(text, `${id}.md`);
    expect(t.id).toBe(id);
    expect(writeTutorialDocument(t)).toBe(text);
  });
});

describe('parseTutorialDocument', () => {
  it('reads a small document: front matter, steps, settings, narration, script lines, a stop', () => {
    const t = parseTutorialDocument(SMALL);
    expect(t).toEqual({
      id: 'tiny',
      title: 'A tiny tutorial',
      summary: 'Two charms and a relation.',
      seed: 1,
      juju: '3.6',
      steps: [
        { title: 'Deploy', say: 'Two applications, *not related* yet.', run: ['juju deploy master', 'juju deploy worker'], highlight: [{ kind: 'app', app: 'master' }] },
        {
          title: 'Relate',
          say: 'Relate them and watch.',
          run: ['juju relate master worker'],
          select: { relation: ['master', 'worker'] },
          stops: [{ after: { unit: 'worker/0', hook: 'master-relation-joined' }, say: 'worker/0 joined master/0.', highlight: [{ kind: 'unit', unit: 'worker/0' }, { kind: 'block', unit: 'worker/0', hook: 'master-relation-joined' }] }],
        },
      ],
    });
    expect(writeTutorialDocument(t)).toBe(SMALL);
  });

  it('reads every setting, a stop with no unit and an nth, alternatives, a starting model and a carried bundle', () => {
    const doc = `---
relviz-tutorial: 1
id: all
title: All of it
summary: Everything the format has.
# why seed 7
seed: 7
juju: 4.0
---

\`\`\`yaml file=bundle.yaml
applications:
  master: {charm: master, num_units: 1}
\`\`\`

\`\`\`juju
juju deploy ./bundle.yaml
\`\`\`

## One

select: unit master/0
view-as: master/0
panel: log
quiz: off
highlight: console, relation master worker, bag-key master key

First paragraph.

Second paragraph.

\`\`\`juju
juju deploy worker
# a comment, not a line
juju relate master worker
\`\`\`

### after: remove 2

Two removes.

### compare: Remove it

What if.

\`\`\`juju
juju remove-application worker
\`\`\`
`;
    const t = parseTutorialDocument(doc);
    expect(t.notes).toBe('why seed 7');
    expect(t.juju).toBe('4.0');
    expect(t.setup).toEqual(['juju deploy ./bundle.yaml']);
    expect(t.files).toEqual({ 'bundle.yaml': 'applications:\n  master: {charm: master, num_units: 1}\n' });
    const step = t.steps[0] as Step;
    expect(step).toMatchObject({ select: { unit: 'master/0' }, viewAs: 'master/0', panel: 'log', quiz: false, say: 'First paragraph.\n\nSecond paragraph.', run: ['juju deploy worker', 'juju relate master worker'] });
    expect(step.highlight).toEqual([{ kind: 'console' }, { kind: 'relation', apps: ['master', 'worker'] }, { kind: 'bag-key', owner: 'master', key: 'key' }]);
    expect(step.stops).toEqual([{ after: { hook: 'remove', nth: 2 }, say: 'Two removes.' }]);
    expect(step.compare).toEqual([{ title: 'Remove it', run: ['juju remove-application worker'], say: 'What if.' }]);
    expect(parseTutorialDocument(writeTutorialDocument(t))).toEqual(t);
  });

  it('names the line and what was expected, for several problems at once', () => {
    const bad = SMALL.replace('seed: 1', 'seed: one').replace('highlight: app master', 'highlight: application master').replace('### after: worker/0 master-relation-joined', '### when: worker/0');
    expect(problems(bad)).toEqual([
      `${lineOf(bad, 'seed: one')}: seed "one": expected a whole number from 0 to 4294967295`,
      `${lineOf(bad, '### when')}: expected "### after: [<unit>] <hook> [<nth>]" (a stop) or "### compare: <title>" (an alternative)`,
      `${lineOf(bad, 'highlight: application')}: highlight: expected unit <unit>, app <app>, relation <app> <app>, bag-key <unit|app> <key>, block <unit> <hook> or console; not "application master"`,
    ]);
  });

  it('says what is wrong with a document that is not one', () => {
    expect(problems('# My tutorial\n')).toEqual(['1: expected "---": a tutorial document starts with its front matter (---, relviz-tutorial: 1, id, title, summary, seed, juju, ---)']);
    expect(problems('---\nid: x\n')).toEqual(['3: the front matter never ends: expected a line "---"']);
    expect(problems(SMALL.replace('relviz-tutorial: 1', 'relviz-tutorial: 2'))).toEqual(['2: relviz-tutorial 2 is not a version this relviz reads (expected 1)']);
    expect(problems(SMALL.replace('juju: 3.6', 'juju: 2.9'))).toEqual(['7: juju "2.9": expected 3.6 or 4.0']);
    expect(problems(SMALL.replace('title: A tiny tutorial\n', 'titel: A tiny tutorial\n'))).toEqual([
      '4: unknown front matter key "titel"; expected one of: relviz-tutorial, id, title, summary, seed, juju',
      '8: the front matter has no "title:"',
    ]);
    expect(problems(SMALL.replace('# A tiny tutorial\n', 'Some words first.\n'))).toEqual([
      '10: expected "## <title>" (the first step) before any narration: only a "# title", ```juju lines (the starting model) and ```<lang> file=<path> blocks go before it',
    ]);
    expect(problems(SMALL.replace('```juju\njuju relate', '```sh\njuju relate'))).toEqual([`${lineOf(SMALL, 'juju relate') - 1}: expected \`\`\`juju (script lines) or \`\`\`<lang> file=<path> (a file the tutorial carries), not "\`\`\`sh"`]);
    expect(problems(SMALL.replace('select: relation master worker', 'select: relation master worker\npanel: graph\nquiz: maybe'))).toEqual([
      '26: panel: expected swimlanes or log, not "graph"',
      '27: quiz: expected on or off, not "maybe"',
    ]);
    expect(problems(SMALL.replace('highlight: unit worker/0,', 'quiz: on\nhighlight: unit worker/0,'))).toEqual(['35: "quiz" is not a setting of a stop; expected highlight']);
    expect(problems(SMALL.replace('juju deploy worker', 'juju deploy worker -n two').replace('juju relate master worker', 'juju frobnicate'))).toEqual([
      `${lineOf(SMALL, 'juju deploy worker')}: "juju deploy worker -n two": -n expects a number, got "two" (usage: juju deploy <charm> [<application>] [-n <units>] | juju deploy <bundle.yaml> [--overlay <overlay.yaml>]...)`,
      `${lineOf(SMALL, 'juju relate master worker')}: "juju frobnicate": unknown juju command "frobnicate"; expected one of: deploy, add-unit, remove-unit, integrate, relate, add-relation, remove-relation, remove-application, run, run-action, exec, resolve, resolved, status, show-unit, model-config, export-bundle`,
    ]);
    expect(problems(SMALL.slice(0, SMALL.indexOf('juju relate')))).toEqual([`${lineOf(SMALL, 'juju relate')}: a fenced block is never closed: expected \`\`\``]);
  });

  it('refuses an oversized document before reading it', () => {
    expect(problems(SMALL + 'x'.repeat(LIMITS.bytes))).toEqual([`1: the document is ${Math.round((SMALL.length + LIMITS.bytes) / 1024)} KB: at most 512 KB`]);
  });

  it('bounds the number of steps, and reads a file called __proto__ as a file', () => {
    const many = SMALL + Array.from({ length: LIMITS.steps }, (_, k) => `## Step ${k}\n\nMore.\n`).join('\n');
    expect(problems(many)).toEqual([`${lineOf(many, `## Step ${LIMITS.steps - 2}`)}: more than ${LIMITS.steps} steps`]);
    const t = parseTutorialDocument(SMALL.replace('# A tiny tutorial\n', '```text file=__proto__\npolluted: true\n```\n'));
    expect(Object.keys(t.files ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(t.files)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads a hostile document of the maximum size in linear time (no backtracking)', () => {
    const half = LIMITS.bytes / 2 - 200;
    for (const filler of ['`'.repeat(half), 'highlight: ' + 'a'.repeat(half), '#'.repeat(half), '### after: ' + ' '.repeat(half) + 'x', `\`\`\`juju${' '.repeat(half)}`]) {
      const doc = SMALL.replace('Relate them and watch.', filler);
      const t0 = performance.now();
      problems(doc);
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });
});

describe('writeTutorialDocument', () => {
  const base = parseTutorialDocument(SMALL);
  it('refuses what it could not read back', () => {
    expect(() => writeTutorialDocument({ ...base, title: 'two\nlines' })).toThrow(TypeError);
    expect(() => writeTutorialDocument({ ...base, steps: [{ title: 'x', say: '## not a heading' }] })).toThrow(/narration/);
    expect(() => writeTutorialDocument({ ...base, steps: [{ title: 'x', say: 'quiz: starts like a setting' }] })).toThrow(/setting/);
    expect(() => writeTutorialDocument({ ...base, steps: [{ title: 'x', say: 'ok', highlight: [{ kind: 'unit', unit: 'a b' }] }] })).toThrow(/no spaces/);
  });
});

// --- Properties -----------------------------------------------------------

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const unit = fc.tuple(word, fc.nat({ max: 9 })).map(([a, n]) => `${a}/${n}`);
const key = fc.stringMatching(/^[a-z][a-z0-9_./-]{0,10}$/);
const oneLine = fc.stringMatching(/^[A-Za-z0-9"'(][A-Za-z0-9 .,:;!?'"()*_`[\]/-]{0,40}[A-Za-z0-9.!?)"']$/);
const paragraph = fc.array(oneLine, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n'));
const say = fc.oneof(fc.constant(''), fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ps) => ps.join('\n\n'))).filter((s) => !/^(select|view-as|panel|quiz|highlight):/.test(s));
const scriptLine = fc.constantFrom('juju deploy master', 'juju add-unit worker -n 2', 'juju relate master worker', "juju run --unit master/0 'relation-ids master-application'", 'juju remove-unit worker/1 &', 'step --unit master/0 3', 'wait');
const target: fc.Arbitrary<Target> = fc.oneof(
  unit.map((u) => ({ kind: 'unit' as const, unit: u })),
  word.map((a) => ({ kind: 'app' as const, app: a })),
  fc.tuple(word, word).map(([a, b]) => ({ kind: 'relation' as const, apps: [a, b] as const })),
  fc.tuple(fc.oneof(unit, word), key).map(([owner, k]) => ({ kind: 'bag-key' as const, owner, key: k })),
  fc.tuple(unit, word).map(([u, h]) => ({ kind: 'block' as const, unit: u, hook: h })),
  fc.constant({ kind: 'console' as const }),
);
const targets = fc.array(target, { minLength: 1, maxLength: 4 });
const stop: fc.Arbitrary<Stop> = fc.record(
  { after: fc.record({ unit, hook: word, nth: fc.integer({ min: 1, max: 9 }) }, { requiredKeys: ['hook'] }), say, highlight: targets },
  { requiredKeys: ['after', 'say'] },
);
const alternative: fc.Arbitrary<Alternative> = fc.record({ title: oneLine, run: fc.array(scriptLine, { maxLength: 3 }), say });
const step: fc.Arbitrary<Step> = fc.record(
  {
    title: oneLine,
    say,
    run: fc.array(scriptLine, { maxLength: 4 }),
    stops: fc.array(stop, { minLength: 1, maxLength: 3 }),
    highlight: targets,
    select: fc.oneof(fc.tuple(word, word).map(([a, b]) => ({ relation: [a, b] as const })), unit.map((u) => ({ unit: u }))),
    viewAs: unit,
    panel: fc.constantFrom('swimlanes' as const, 'log' as const),
    quiz: fc.boolean(),
    compare: fc.array(alternative, { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ['title', 'say'] },
);
const fileText = fc.array(fc.stringMatching(/^[ -~]{0,30}$/), { maxLength: 5 }).map((ls) => ls.join('\n') + '\n');
const tutorial: fc.Arbitrary<Tutorial> = fc.record(
  {
    id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/),
    title: oneLine,
    summary: oneLine,
    notes: fc.array(fc.stringMatching(/^[A-Za-z0-9 #:.()-]{0,30}$/).map((s) => s.trim()), { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n')),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    juju: fc.constantFrom('3.6' as const, '4.0' as const),
    setup: fc.array(scriptLine, { minLength: 1, maxLength: 3 }),
    files: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_/-]{0,10}\.yaml$/), fileText, { minKeys: 1, maxKeys: 3 }),
    steps: fc.array(step, { minLength: 1, maxLength: 4 }),
  },
  { requiredKeys: ['id', 'title', 'summary', 'seed', 'juju', 'steps'] },
);

describe('round trip (property)', () => {
  it('tutorial → document → tutorial is deep-equal, and the document is canonical', () => {
    fc.assert(
      fc.property(tutorial, (t) => {
        const doc = writeTutorialDocument(t);
        const back = parseTutorialDocument(doc);
        expect(back).toEqual(t);
        expect(writeTutorialDocument(back)).toBe(doc);
      }),
      { numRuns: 300 },
    );
  });

  it('a mutated document is read, or refused with TutorialDocumentError: nothing else is thrown (fuzz)', () => {
    const docs = [...TUTORIAL_DOCUMENTS.values(), SMALL];
    const mutation = fc.record({
      doc: fc.nat({ max: docs.length - 1 }),
      at: fc.nat(),
      cut: fc.nat({ max: 200 }),
      insert: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('\n## ', '\n### after: ', '\n```', '\n```juju\n', '\nhighlight: ', '\n---\n', '\nselect: unit', '\n### compare: ', '\n# ', ':', ',', '\n\n', '`')),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        let text = docs[ms[0]?.doc ?? 0] as string;
        for (const m of ms) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
        }
        try {
          const t = parseTutorialDocument(text);
          // What is read is writable or refused as unwritable, and reads back the same when written.
          let doc: string | null = null;
          try {
            doc = writeTutorialDocument(t);
          } catch (e) {
            expect(e).toBeInstanceOf(TypeError);
          }
          if (doc !== null) expect(parseTutorialDocument(doc)).toEqual(t);
        } catch (e) {
          expect(e).toBeInstanceOf(TutorialDocumentError);
          expect((e as TutorialDocumentError).problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('checkTutorial', () => {
  const check = (text: string) => {
    const { tutorial, lines } = parseTutorialDocumentWithLines(text);
    return checkTutorial(tutorial, lines).map((p) => `${p.line}: ${p.message}`);
  };

  it('passes the small document', () => {
    expect(check(SMALL)).toEqual([]);
  });

  it('reports, at their lines, a stop whose hook never runs, targets that are not there and lines Juju refuses or cannot read', () => {
    const bad = SMALL.replace('### after: worker/0 master-relation-joined', '### after: worker/0 master-relation-joined 5')
      .replace('highlight: app master', 'highlight: app mastr')
      .replace('juju relate master worker\n', 'juju relate master worker\njuju remove-unit worker/7\n')
      .replace('select: relation master worker', 'select: relation master ghost');
    expect(check(bad)).toEqual([
      `${lineOf(bad, 'app mastr')}: the step highlights what is not there: application mastr is not in the model`,
      `${lineOf(bad, 'worker/7')}: Juju refuses "juju remove-unit worker/7": ERROR removing unit worker/7 failed: unit "worker/7" does not exist`,
      `${lineOf(bad, '### after')}: stop 1 (after: worker/0 master-relation-joined 5): no such hook runs in this step`,
      `${lineOf(bad, 'select: relation master ghost')}: select: there is no relation between master and ghost`,
    ]);
  });

  it('reports script lines it cannot read in a tutorial that did not come from a document (no line: its step)', () => {
    const t = parseTutorialDocument(SMALL);
    const typo = { ...t, steps: [t.steps[0] as Step, { ...(t.steps[1] as Step), run: ['juju relate master worker', 'juju frobnicate'] }] };
    expect(checkTutorial(typo)).toEqual([
      { step: 2, message: '"juju frobnicate": unknown juju command "frobnicate"; expected one of: deploy, add-unit, remove-unit, integrate, relate, add-relation, remove-relation, remove-application, run, run-action, exec, resolve, resolved, status, show-unit, model-config, export-bundle' },
    ]);
  });

  it('reports stops out of order and highlights missing at a stop', () => {
    const bad = SMALL.replace(
      '### after: worker/0 master-relation-joined\n',
      '### after: worker/0 master-relation-changed\n\nChanged.\n\n### after: worker/0 master-relation-created\n\nhighlight: unit worker/9\n',
    );
    expect(check(bad)).toEqual([
      `${lineOf(bad, 'master-relation-created')}: stop 2 (after: worker/0 master-relation-created) comes before the stop above it: stops go in the order their hooks run`,
      `${lineOf(bad, 'unit worker/9')}: stop 2 highlights what is not there at that moment: unit worker/9 is not in the model`,
    ]);
  });

  it('checks each shipped tutorial in well under a second', () => {
    for (const [id, text] of TUTORIAL_DOCUMENTS) {
      const { tutorial, lines } = parseTutorialDocumentWithLines(text);
      const t0 = performance.now();
      expect(checkTutorial(tutorial, lines), id).toEqual([]);
      expect(performance.now() - t0, id).toBeLessThan(5000); // a bound against hangs, not a benchmark (machine shared)
    }
  });
});

describe('the documentation', () => {
  const fenced = (file: string, after: string): string => {
    const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    const from = text.indexOf('````markdown\n', text.indexOf(after)) + '````markdown\n'.length;
    return text.slice(from, text.indexOf('\n````', from) + 1);
  };

  it("README's \"Write your own tutorial\" example reads, has three steps, a stop and highlights, and plays as written", () => {
    const { tutorial, lines } = parseTutorialDocumentWithLines(fenced('README.md', '### Write your own tutorial'));
    expect(tutorial.steps).toHaveLength(3);
    expect(tutorial.steps.flatMap((s) => s.stops ?? [])).toHaveLength(1);
    expect(tutorial.steps.some((s) => s.highlight)).toBe(true);
    expect(checkTutorial(tutorial, lines)).toEqual([]);
  });

  it("the reference's carried bundle deploys as a starting model", () => {
    const reference = readFileSync(new URL('../../docs/tutorial-format.md', import.meta.url), 'utf8');
    const bundle = /\n {2}(```yaml file=bundle\.yaml\n[\s\S]*?\n {2}```)\n/.exec(reference)?.[1]?.replace(/^ {2}/gm, '') ?? '';
    expect(bundle).toContain('applications:');
    const doc = `---\nrelviz-tutorial: 1\nid: b\ntitle: Bundle\nsummary: From a bundle.\nseed: 1\njuju: 3.6\n---\n\n${bundle}\n\n\`\`\`juju\njuju deploy ./bundle.yaml\n\`\`\`\n\n## One more worker\n\nselect: relation master worker\n\nA third worker joins.\n\n\`\`\`juju\njuju add-unit worker\n\`\`\`\n\n### after: worker/2 master-relation-joined\n\nhighlight: unit worker/2, relation master worker\n\nworker/2 joined.\n`;
    const { tutorial, lines } = parseTutorialDocumentWithLines(doc);
    expect(tutorial.setup).toEqual(['juju deploy ./bundle.yaml']);
    expect(checkTutorial(tutorial, lines)).toEqual([]);
    expect(checkTutorial({ ...tutorial, files: {} }, lines)[0]?.line).toBe(lineOf(doc, 'juju deploy ./bundle.yaml'));
  });
});
