/** Timeline behaviour beyond the property tests: slices of a long run. */
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/engine/clone.ts';
import { Timeline } from '../../src/engine/timeline.ts';

describe('Timeline.continueLast', () => {
  it('runs a long wait in slices and ends in the same state and log as one run', () => {
    const one = new Timeline({ seed: 3 });
    one.apply({ type: 'deploy', charm: { kind: 'catalog', name: 'master' }, app: null, units: 1 });
    one.apply({ type: 'deploy', charm: { kind: 'catalog', name: 'worker' }, app: null, units: 6 });
    one.apply({ type: 'integrate', a: { app: 'master', endpoint: null }, b: { app: 'worker', endpoint: null } });

    const sliced = new Timeline({ seed: 3 });
    sliced.apply({ type: 'deploy', charm: { kind: 'catalog', name: 'master' }, app: null, units: 1 });
    sliced.apply({ type: 'deploy', charm: { kind: 'catalog', name: 'worker' }, app: null, units: 6 });
    sliced.apply({ type: 'integrate', a: { app: 'master', endpoint: null }, b: { app: 'worker', endpoint: null } }, { run: 5 });
    let slices = 0;
    while (sliced.continueLast(7) > 0) slices++;
    expect(slices).toBeGreaterThan(2);
    expect(fingerprint(sliced.state)).toBe(fingerprint(one.state));
    expect(sliced.log.entries.map((e) => e.hooks)).toEqual(one.log.entries.map((e) => e.hooks));
    expect(JSON.stringify(sliced.fullTrace)).toBe(JSON.stringify(one.fullTrace));
    expect(fingerprint(Timeline.fromLog(sliced.log).state)).toBe(fingerprint(one.state));
  });
});
