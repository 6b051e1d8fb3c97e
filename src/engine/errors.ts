/** A model-level refusal, worded like Juju's CLI (`ERROR …` is added when printed). */
export class JujuError extends Error {
  override name = 'JujuError';
}

/**
 * A hook tool failing inside a hook or `juju exec`: prints `ERROR <message>` and exits
 * 1, or 2 for a usage error — what the tool refuses before it runs (its command line,
 * or what the hook's environment leaves unsaid: "no unit id specified"), as Juju's
 * jujuc commands do (their Init errors; `relation-get_test.go`). charmhelpers'
 * `relation_get` returns None on exit 2.
 */
export class HookToolError extends Error {
  override name = 'HookToolError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** What a charm raises for a missing file (Python's FileNotFoundError in masterworker). */
export class FileNotFoundError extends Error {
  override name = 'FileNotFoundError';
}

/** A hook ending with a non-zero exit code: the fault-injection path and `exit 1` in handlers. */
export class HookExit extends Error {
  override name = 'HookExit';
  constructor(readonly code: number, message = `exit status ${code}`) {
    super(message);
  }
}

/** A charm's own code failed (python.ts): the message is the traceback, reported as it is. */
export class CharmCodeError extends Error {
  override name = 'CharmCodeError';
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
