/**
 * The monkey's replay log: every action as it was drawn and what it hit on the page,
 * so a failure prints the seed, the failing action's index and the actions before it,
 * and the whole run can be attached to the report.
 */
export interface LoggedAction {
  readonly index: number;
  /** The catalogue entry (`click`, `key`, `console`, …). */
  readonly kind: string;
  /** What was done, concretely: `click button "Play" at (412, 88)`, `console "juju status"`. */
  readonly detail: string;
  /** How long the action and the probe after it took (ms). */
  readonly ms: number;
}

export class ReplayLog {
  readonly entries: LoggedAction[] = [];

  constructor(
    readonly seed: number,
    readonly actions: number,
  ) {}

  add(entry: LoggedAction): void {
    this.entries.push(entry);
  }

  /** The command that runs this seed again, as far as this action. */
  replayCommand(upTo = this.actions): string {
    return `MONKEY_SEED=${this.seed} MONKEY_ACTIONS=${upTo} npx playwright test e2e/monkey.spec.ts -g "monkey: random"`;
  }

  static line(e: LoggedAction): string {
    return `#${String(e.index).padStart(3)} ${String(e.ms).padStart(5)} ms ${e.kind.padEnd(10)} ${e.detail}`;
  }

  /** The last `n` actions, one per line. */
  tail(n = 15): string {
    return this.entries.slice(-n).map(ReplayLog.line).join('\n');
  }

  /** A failure report: the seed, where it failed, how to replay, the last actions and the problems. */
  failure(index: number, problems: readonly string[]): string {
    return [
      `monkey failed: seed ${this.seed}, action #${index}`,
      `replay: ${this.replayCommand(index + 1)}`,
      ...problems.map((p) => `  ✗ ${p}`),
      `last actions:`,
      this.tail(15),
    ].join('\n');
  }

  toString(): string {
    return [`seed ${this.seed}, ${this.entries.length} actions`, ...this.entries.map(ReplayLog.line)].join('\n');
  }
}
