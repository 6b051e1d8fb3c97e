/** A script's lines as session inputs, and the files at hand a bundle or status deploy reads. */
import type { Command } from '../engine/commands.ts';
import { filesFor } from '../engine/paths.ts';
import { parseLine, runAfter } from '../io/script.ts';
import type { SessionInput } from './session.ts';

/** A script's inputs; a bundle or status it deploys reads the files at hand. */
export function parseScriptInputs(text: string, files: Readonly<Record<string, string>>): SessionInput[] {
  const inputs: SessionInput[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = parseLine(raw, i + 1);
    if (line) inputs.push({ command: withFilesAtHand(line.command, files), text: line.text, run: runAfter(line) });
  });
  return inputs;
}

/** A typed or scripted bundle deploy (or status load) with no files of its own takes them from the files at hand. */
export function withFilesAtHand(command: Command, files: Readonly<Record<string, string>>): Command {
  if (command.type === 'deploy-bundle' && Object.keys(command.files).length === 0) return { ...command, files: filesFor(command, files) };
  if (command.type === 'load-status' && Object.keys(command.files).length === 0) return { ...command, files: filesFor({ path: command.path, overlays: command.showUnits }, files) };
  return command;
}
