/**
 * The seam between the engine and its readers — what needs the `yaml` library: bundles,
 * `juju status` files, charm metadata, bundle export and `juju show-unit`. The commands
 * that use them call `readers()`; the implementations (readersImpl.ts) are installed by
 * whoever runs the engine: the CLI, the worker and the tests at start, the page on
 * demand (it loads them after its first paint, and awaits them before it opens a
 * session that needs them), so a newcomer's first page does not carry them.
 */
import type { Command } from './command.ts';
import type { CharmMeta } from './charm.ts';
import type { CommandResult } from './command.ts';
import type { Positions } from './bundleExport.ts';
import type { SimState, Unit } from './model.ts';
import type { Tx } from './tx.ts';
import { JujuError } from './errors.ts';
import { CATALOG } from './catalog/index.ts';

export interface Readers {
  /** `juju deploy ./bundle.yaml`: the bundle's applications, units and relations added to the model. */
  deployBundle(tx: Tx, cmd: Extract<Command, { type: 'deploy-bundle' }>): CommandResult;
  /** relviz's `load-status`: the model a `juju status` file shows. */
  loadStatus(tx: Tx, cmd: Extract<Command, { type: 'load-status' }>): CommandResult;
  /** A charm's metadata from its files; a problem is a JujuError naming the file and line. */
  charmFromFiles(path: string, files: Readonly<Record<string, string>>): CharmMeta;
  /** `juju export-bundle`. */
  exportBundle(state: SimState, positions?: Positions): string;
  /** `juju show-unit`. */
  formatShowUnit(state: SimState, unit: Unit): string;
}

let installed: Readers | null = null;

/** Makes the readers available to the engine (readersImpl.ts `installReaders`). */
export function provideReaders(readers: Readers): void {
  installed = readers;
}

export function readersReady(): boolean {
  return installed !== null;
}

/** The readers; a command that needs them before they are loaded is refused, and says why. */
export function readers(): Readers {
  if (installed === null) throw new JujuError('relviz is still loading its bundle and YAML readers: try again in a moment');
  return installed;
}

/** Whether applying `cmd` needs the readers. */
export function needsReaders(cmd: Command): boolean {
  switch (cmd.type) {
    case 'deploy':
      // A charm by name that is not a teaching charm is a real one: their facts come with the readers.
      return cmd.charm.kind === 'files' || !CATALOG.has(cmd.charm.name);
    case 'deploy-bundle':
    case 'load-status':
    case 'set-code':
    case 'show-unit':
    case 'export-bundle':
      return true;
    default:
      return false;
  }
}
