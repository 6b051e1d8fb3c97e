/**
 * The console slice: lines typed (console syntax, as `juju …`), what they printed,
 * and the notes relviz adds once a long run ends.
 */
import { applyCommand, type Command } from '../../engine/commands.ts';
import { needsReaders, readers, readersReady } from '../../engine/readers.ts';
import { ScriptSyntaxError, parseLine, runAfter, withFilesAtHand } from '../../io/script.ts';
import { toAnnotations } from '../annotations.ts';
import { withReaders } from '../loadReaders.ts';
import type { ConsoleActions, ConsoleEntry, ConsoleState } from '../state.ts';
import type { SliceArgs } from './core.ts';

/** Read-only commands look at the model at the cursor without entering the history. */
function readOnly(command: Command): boolean {
  return command.type === 'status' || command.type === 'show-unit' || command.type === 'export-bundle' || (command.type === 'model-config' && command.settings.length === 0);
}

export function consoleSlice({ set, get, core }: SliceArgs): ConsoleState & ConsoleActions {
  return {
    consoleLog: [],

    runLine(line, o = {}) {
      let parsed;
      try {
        parsed = parseLine(line);
      } catch (e) {
        if (!(e instanceof ScriptSyntaxError)) throw e;
        const result = { exitCode: 2, stdout: '', stderr: `ERROR ${e.problem}\n` };
        set((s) => ({ consoleLog: [...s.consoleLog, { input: line, ...result }] }));
        return result;
      }
      if (!parsed) return { exitCode: 0, stdout: '', stderr: '' };
      if (needsReaders(parsed.command) && !readersReady()) {
        // Typed in the page's first moments, before its readers came: the line runs once they have.
        withReaders(
          () => get().runLine(line, o),
          (stderr) => get().echo({ input: line, exitCode: 1, stdout: '', stderr: `${stderr}\n` }),
        );
        return { exitCode: 0, stdout: '', stderr: '' };
      }
      if (parsed.command.type === 'deploy-bundle' || parsed.command.type === 'load-status') {
        // The console has no disk: a bundle (or status) is read from the files the user opened.
        const cmd = withFilesAtHand(parsed.command, get().openedFiles);
        const result = cmd.type === 'deploy-bundle' ? get().openBundle(cmd, { mode: 'add' }) : core.applyAndPlay(cmd, { text: parsed.text });
        const note = result.exitCode !== 0 && (cmd.type === 'deploy-bundle' || cmd.type === 'load-status') && Object.keys(cmd.files).length === 0 ? 'the console reads the files you opened: open the file first (Open…, or drop it on the page).' : '';
        set((s) => ({ consoleLog: [...s.consoleLog, { input: line, ...result, ...(note ? { note } : {}) }] }));
        return result;
      }
      if (readOnly(parsed.command)) {
        // Where the user put the applications is part of the bundle (its annotations).
        const state = get().timeline.state;
        const drawn = o.drawn?.() ?? get().positions;
        const result = parsed.command.type === 'export-bundle' ? { exitCode: 0, stdout: readers().exportBundle(state, toAnnotations(drawn)), stderr: '' } : applyCommand(state, parsed.command, null, parsed.text);
        set((s) => ({ consoleLog: [...s.consoleLog, { input: line, ...result }] }));
        return result;
      }
      // The note of a run comes now, or, for a long run, once the runner has finished it.
      let entry: ConsoleEntry | null = null;
      let early = '';
      const result = core.applyAndPlay(parsed.command, { text: parsed.text, run: runAfter(parsed) }, (note) => {
        const was = entry;
        if (was === null) early = note;
        else set((s) => ({ consoleLog: s.consoleLog.map((e) => (e === was ? { ...was, note } : e)) }));
      });
      const added: ConsoleEntry = { input: line, ...result, ...(early !== '' ? { note: early } : {}) };
      entry = added;
      set((s) => ({ consoleLog: [...s.consoleLog, added] }));
      return result;
    },

    echo(entry) {
      set((s) => ({ consoleLog: [...s.consoleLog, entry] }));
    },
  };
}
