/** A script's lines as session inputs, and the files at hand a bundle or status deploy reads. */
import { parseLine, runAfter, withFilesAtHand } from '../io/script.ts';
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
