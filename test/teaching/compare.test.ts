/**
 * Side-by-side alternatives against the engine: each teardown of the same model
 * runs the hooks JUJU-SEMANTICS §5 says it does, on exactly the units it says, and
 * every tutorial's `compare` is a lesson that works (lines parse, Juju accepts them,
 * each shows something).
 */
import { describe, expect, it } from 'vitest';
import { compareBranches, hooksOf, type Branch, type Teardown } from '../../src/teaching/compare.ts';
import { TutorialError, type Tutorial } from '../../src/teaching/tutorial.ts';
import { shippedTutorial, TUTORIALS } from '../../src/teaching/tutorials/index.ts';

const departedOrBroken = shippedTutorial('departed-or-broken');

/** A master and two workers, related; step 2 compares the four teardowns. */
const model: Tutorial = {
  id: 'teardowns',
  title: 'Teardowns',
  summary: 'test',
  seed: 7,
  juju: '3.6',
  steps: [
    { title: 'Build', say: 'build', run: ['juju deploy master', 'juju deploy worker -n 2', 'juju relate master worker'] },
    {
      title: 'Compare',
      say: 'compare',
      compare: [
        { title: 'remove-unit', run: ['juju remove-unit worker/1'], say: '' },
        { title: 'remove-relation', run: ['juju remove-relation master worker'], say: '' },
        { title: 'remove-application', run: ['juju remove-application worker'], say: '' },
        { title: 'scale to zero', run: ['juju remove-unit worker/0 worker/1'], say: '' },
      ],
    },
  ],
};

/** The unit's hooks as teardown kinds, in its order. */
const kinds = (b: Branch, unit: string): Teardown[] => hooksOf(b, unit).map((h) => h.kind);
/** The unit's teardown hooks only (a relation-changed caused by a departed bag write is not the point). */
const teardown = (b: Branch, unit: string): Teardown[] => kinds(b, unit).filter((k) => k !== 'other');

describe('compareBranches: the same model taken down four ways', () => {
  const [removeUnit, removeRelation, removeApplication, scaleToZero] = compareBranches(model, 1) as [Branch, Branch, Branch, Branch];

  it('builds one branch per alternative, with the same lanes in every branch, and Juju refuses nothing', () => {
    const branches = compareBranches(model, 1);
    expect(branches.map((b) => b.alternative.title)).toEqual(['remove-unit', 'remove-relation', 'remove-application', 'scale to zero']);
    for (const b of branches) {
      expect(b.refused).toEqual([]);
      expect(b.lanes.map((l) => l.unit)).toEqual(['master/0', 'worker/0', 'worker/1']);
    }
  });

  it('shows only what happens after the branch point (no install, start, joined)', () => {
    for (const b of compareBranches(model, 1)) {
      const hooks = b.lanes.flatMap((l) => l.hooks.map((h) => h.hookKind));
      expect(hooks).not.toContain('install');
      expect(hooks).not.toContain('relation-joined');
      expect(hooks).not.toContain('relation-created');
    }
  });

  it('remove-unit: departed on both sides; broken, stop and remove only on the removed unit', () => {
    expect(teardown(removeUnit, 'master/0')).toEqual(['departed']);
    expect(hooksOf(removeUnit, 'master/0')[0]).toMatchObject({ hook: 'master-application-relation-departed', remoteUnit: 'worker/1', departingUnit: 'worker/1' });
    expect(teardown(removeUnit, 'worker/1')).toEqual(['departed', 'broken', 'stop', 'remove']);
    // The departing unit's own departed names itself as the departing unit (§5, §13.4).
    expect(hooksOf(removeUnit, 'worker/1')[0]).toMatchObject({ remoteUnit: 'master/0', departingUnit: 'worker/1' });
    expect(teardown(removeUnit, 'worker/0')).toEqual([]);
  });

  it('remove-relation: departed for every remote unit then broken on every unit, and no unit stops', () => {
    expect(kinds(removeRelation, 'master/0')).toEqual(['departed', 'departed', 'broken']);
    expect(kinds(removeRelation, 'worker/0')).toEqual(['departed', 'broken']);
    expect(kinds(removeRelation, 'worker/1')).toEqual(['departed', 'broken']);
    // Here the departing unit is the remote one: nobody is dying.
    expect(hooksOf(removeRelation, 'worker/0')[0]).toMatchObject({ remoteUnit: 'master/0', departingUnit: 'master/0' });
  });

  it('remove-application: its units run departed, broken, stop, remove; the remote side departed for each, then broken', () => {
    expect(kinds(removeApplication, 'worker/0')).toEqual(['departed', 'broken', 'stop', 'remove']);
    expect(kinds(removeApplication, 'worker/1')).toEqual(['departed', 'broken', 'stop', 'remove']);
    expect(kinds(removeApplication, 'master/0')).toEqual(['departed', 'departed', 'broken']);
  });

  it('scaling the remote side to zero: departed only on the side that stays, no broken there', () => {
    expect(kinds(scaleToZero, 'master/0')).toEqual(['departed', 'departed']);
    expect(hooksOf(scaleToZero, 'master/0').map((h) => h.remoteUnit)).toEqual(['worker/0', 'worker/1']);
    // The dying workers still break the relation for themselves.
    expect(kinds(scaleToZero, 'worker/0')).toEqual(['departed', 'broken', 'stop', 'remove']);
    expect(kinds(scaleToZero, 'worker/1')).toEqual(['departed', 'broken', 'stop', 'remove']);
  });

  it('is deterministic: building the branches twice gives the same hooks', () => {
    expect(JSON.stringify(compareBranches(model, 1))).toBe(JSON.stringify(compareBranches(model, 1)));
  });

  it('does not depend on the order of the alternatives (each starts from the same state)', () => {
    const step = model.steps[1];
    const reversed: Tutorial = { ...model, steps: [model.steps[0]!, { ...step!, compare: [...(step?.compare ?? [])].reverse() }] };
    const a = compareBranches(model, 1);
    const b = compareBranches(reversed, 1).reverse();
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('is empty for a step that compares nothing, and names the line of a typo', () => {
    expect(compareBranches(model, 0)).toEqual([]);
    const typo: Tutorial = { ...model, steps: [model.steps[0]!, { title: 'x', say: 'x', compare: [{ title: 'bad', run: ['juju remove-unti worker/1'], say: '' }] }] };
    expect(() => compareBranches(typo, 1)).toThrow(TutorialError);
    expect(() => compareBranches(typo, 1)).toThrow(/step 2, alternative 1, line 1/);
  });
});

describe('the Departed or broken? tutorial compares what its narration says', () => {
  const k = departedOrBroken.steps.findIndex((s) => s.compare);
  const branches = compareBranches(departedOrBroken, k);
  const byTitle = (title: string) => branches.find((b) => b.alternative.title === title) as Branch;

  it('has four branches, one per teardown', () => {
    expect(branches.map((b) => b.alternative.run)).toEqual([
      ['juju remove-unit worker/1'],
      ['juju remove-relation master worker'],
      ['juju remove-application worker'],
      ['juju remove-unit worker/0 worker/1'],
    ]);
  });

  it('only the unit, relation or application going away gives relation-broken', () => {
    expect(teardown(byTitle('Remove one worker'), 'master/0')).not.toContain('broken');
    expect(teardown(byTitle('Remove the relation'), 'master/0')).toContain('broken');
    expect(teardown(byTitle('Remove the application'), 'master/0')).toContain('broken');
    expect(teardown(byTitle('Scale the workers to zero'), 'master/0')).toEqual(['departed', 'departed']);
  });
});

describe.each(TUTORIALS.flatMap((t) => t.steps.flatMap((s, k) => (s.compare ? [[`${t.id} step ${k + 1}`, t, k] as const] : []))))('%s compares', (_name, t, k) => {
  it('alternatives Juju accepts, each with a title, a caption and hooks to show', () => {
    for (const b of compareBranches(t, k)) {
      expect(b.refused, b.alternative.title).toEqual([]);
      expect(b.alternative.title.length).toBeGreaterThan(3);
      expect(b.alternative.say.length).toBeGreaterThan(20);
      expect(b.lanes.some((l) => l.hooks.length > 0), b.alternative.title).toBe(true);
    }
  });
});
