/** The console's echo of a history's inspections (src/ui/console/scriptEcho.ts), driven through a real store. */
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../src/io/script.ts';
import { createRelvizStore, type ConsoleEntry, type RelvizStore } from '../../src/store/store.ts';
import { ScriptEcho, inFlow, isInspection } from '../../src/ui/console/scriptEcho.ts';

const script = [
  'juju deploy master',
  'juju deploy worker -n 2',
  'juju relate master worker',
  'juju run --unit master/0 "relation-ids master-application"',
  "juju exec --unit worker/0 -- relation-get -r master:0 - master/0",
  'juju status --relations',
].join('\n');

/** Subscribes a ScriptEcho to the store as useEchoScript does; returns what it printed so far. */
function watch(store: RelvizStore): ConsoleEntry[] {
  const printed: ConsoleEntry[] = [];
  const echo = new ScriptEcho(store.getState());
  store.subscribe((s, prev) => {
    printed.push(...echo.update(s, prev.playing));
  });
  return printed;
}

const command = (line: string) => parseLine(line)?.command ?? { type: 'wait' as const };

describe('which commands are echoed', () => {
  it('echoes the commands that only look at the model', () => {
    for (const line of ['juju status --relations', 'juju show-unit master/0', 'juju exec --unit master/0 -- relation-ids master-application', 'juju run --unit master/0 "relation-ids x"', 'juju model-config']) {
      expect(isInspection(command(line)), line).toBe(true);
    }
    for (const line of ['juju deploy master', 'juju relate master worker', 'juju model-config update-status-hook-interval=1m', 'juju run-action master/0 broadcast-message', 'wait', 'step 2']) {
      expect(isInspection(command(line)), line).toBe(false);
    }
  });

  it('counts playing and a step forward as passing, not a jump or going back', () => {
    expect(inFlow(4, 5, false)).toBe(true);
    expect(inFlow(4, 9, true)).toBe(true);
    expect(inFlow(4, 9, false)).toBe(false);
    expect(inFlow(5, 4, false)).toBe(false);
    expect(inFlow(5, 4, true)).toBe(false);
    expect(inFlow(5, 5, true)).toBe(false);
  });
});

describe('when they are echoed', () => {
  it('prints every inspection once, in order, as playback passes it', () => {
    const store = createRelvizStore({ script });
    const printed = watch(store);

    store.getState().play();
    while (store.getState().advance(3) > 0);

    expect(printed.map((e) => e.input)).toEqual([
      'juju run --unit master/0 "relation-ids master-application"',
      'juju exec --unit worker/0 -- relation-get -r master:0 - master/0',
      'juju status --relations',
    ]);
    expect(printed[0]).toMatchObject({ stdout: 'master-application:0\n', exitCode: 0 });
    expect(printed[1]?.stdout).toContain('worker/0-worker-key');
    expect(printed[2]?.stdout).toContain('master:master-application');
  });

  it('prints an inspection a step forward passes, and never again however the cursor moves', () => {
    const store = createRelvizStore({ script });
    const printed = watch(store);
    const s = () => store.getState();

    s().seek(s().length - 1);
    expect(printed).toEqual([]);
    s().stepForward();
    expect(printed.map((e) => e.input)).toEqual(['juju status --relations']);

    s().stepBack();
    s().stepForward();
    s().seek(0);
    s().play();
    while (s().advance(5) > 0);
    expect(printed.map((e) => e.input)).toEqual([
      'juju status --relations',
      'juju run --unit master/0 "relation-ids master-application"',
      'juju exec --unit worker/0 -- relation-get -r master:0 - master/0',
    ]);
  });

  it('leaves out what a jump passes over; a later step over it prints it', () => {
    const store = createRelvizStore({ script });
    const printed = watch(store);
    const s = () => store.getState();

    s().seek(s().length);
    s().seek(0);
    expect(printed).toEqual([]);
    s().seek(s().length - 1);
    s().stepForward();
    expect(printed.map((e) => e.input)).toEqual(['juju status --relations']);
  });

  it('does not echo a command typed in the console, which printed when typed', () => {
    const store = createRelvizStore({ script });
    const s = () => store.getState();
    s().seek(s().length);
    const printed = watch(store);

    s().runLine('juju exec --unit master/0 -- relation-ids master-application');
    s().stepBack();
    s().stepForward();

    expect(printed).toEqual([]);
    expect(s().consoleLog.map((e) => e.input)).toEqual(['juju exec --unit master/0 -- relation-ids master-application']);
  });

  it('keeps what was printed when the same commands are rebuilt (another seed); another script prints afresh', () => {
    const store = createRelvizStore({ script });
    const printed = watch(store);
    const s = () => store.getState();
    s().seek(s().length - 1);
    s().stepForward();

    s().setSeed(7);
    s().seek(s().length - 1);
    s().stepForward();
    expect(printed).toHaveLength(1);

    s().loadScript('juju deploy master\njuju status');
    s().seek(s().length - 1);
    s().stepForward();
    expect(printed.map((e) => e.input)).toEqual(['juju status --relations', 'juju status']);
  });

  it('leaves a tutorial\'s inspections to the tutorial', () => {
    const store = createRelvizStore({ script });
    const s = () => store.getState();
    const echo = new ScriptEcho(s());
    s().seek(s().length - 1);
    echo.update(s(), false);
    s().stepForward();

    expect(echo.update({ ...s(), tutorial: { id: 'any', step: 0 } }, false)).toEqual([]);
  });
});
