/**
 * Re-running a model with an application's code edited (pure, over session inputs):
 * which input deployed the application from code, and the inputs of a history where
 * its deploy carries other files. (Re-running from the cursor forks the inputs there:
 * forkInputs.ts.)
 */
import { formatCommand, type Command } from '../engine/commands.ts';
import type { SessionInput } from './session.ts';

type Deploy = Extract<Command, { type: 'deploy' }>;

/**
 * Whether input `i` deployed `app` from files: its name is the app's (or, unnamed, its
 * path is the charm the model says the app runs: a local charm's charm name is its path).
 */
function deploysApp(input: SessionInput, app: string, charmName: string): input is SessionInput & { command: Deploy & { charm: { kind: 'files' } } } {
  const c = input.command;
  return c.type === 'deploy' && c.charm.kind === 'files' && (c.app === app || (c.app === null && c.charm.path === charmName));
}

/** The index of the last input before `end` that deployed `app` (charm `charmName`) from files, or -1. */
export function deployIndex(inputs: readonly SessionInput[], app: string, charmName: string, end = inputs.length): number {
  for (let i = Math.min(end, inputs.length) - 1; i >= 0; i--) if (deploysApp(inputs[i] as SessionInput, app, charmName)) return i;
  return -1;
}

/**
 * The inputs with the deploy at `index` of application `app` carrying `files` instead,
 * and without the later `set-code`s of that application: the history of the same
 * commands with the edited code running from the application's start.
 */
export function withDeployFiles(inputs: readonly SessionInput[], index: number, app: string, files: Readonly<Record<string, string>>): SessionInput[] {
  const out: SessionInput[] = [];
  inputs.forEach((input, i) => {
    const c = input.command;
    if (i > index && c.type === 'set-code' && c.app === app) return;
    if (i !== index || c.type !== 'deploy' || c.charm.kind !== 'files') return void out.push(input);
    // Named explicitly: the edited metadata may name another charm, and the application must stay the one the later commands name.
    const command: Command = { ...c, charm: { kind: 'files', path: c.charm.path, files }, app };
    out.push({ ...input, command, text: c.app === null ? formatCommand(command) : input.text });
  });
  return out;
}
