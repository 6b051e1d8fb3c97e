/**
 * The header's auto-retry switch, without React: the command it applies and what its
 * tooltip says. The switch shows the model's `automatically-retry-hooks` at the
 * cursor; flipping it is `juju model-config automatically-retry-hooks=true|false`,
 * a command like any other (command log, sessions, share links, forking).
 */
import type { Command } from '../../engine/commands.ts';

export const AUTO_RETRY_KEY = 'automatically-retry-hooks';

/** The command the switch applies to turn automatic retry on or off. */
export function autoRetryCommand(on: boolean): Command {
  return { type: 'model-config', get: null, settings: [[AUTO_RETRY_KEY, on ? 'true' : 'false']] };
}

/** The switch's tooltip, in one sentence. */
export const AUTO_RETRY_TITLE =
  "Juju's automatically-retry-hooks at the cursor: when on, a unit in error re-runs its failed hook by itself after a back-off (5 s, doubling, at most 5 min) instead of waiting for juju resolve; switching it runs juju model-config at the cursor.";
