/**
 * The page's side of the engine's readers seam (engine/readers.ts): the bundle, status
 * and charm-metadata readers and the `yaml` library are a chunk of their own, fetched
 * once after the first paint, or awaited first by whatever needs them sooner (a saved
 * session with a bundle, the Open dialog, a console line that deploys one).
 */
import type { Command } from '../engine/command.ts';
import { needsReaders, readersReady } from '../engine/readers.ts';

let loading: Promise<void> | null = null;

/** Loads the readers (once); a failed fetch can be tried again. */
export function loadReaders(): Promise<void> {
  if (readersReady()) return Promise.resolve();
  loading ??= import('../engine/readersImpl.ts').then(
    (m) => m.installReaders(),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/**
 * Runs `then` once the readers are there (at once if they are); if they cannot be
 * fetched, `failed` gets a message to show (what the user had is left as it was).
 */
export function withReaders(then: () => void, failed: (message: string) => void): void {
  if (readersReady()) return then();
  loadReaders().then(then, (e: unknown) => failed(`ERROR relviz could not load its bundle and YAML readers (${String(e)}): reload the page to try again`));
}

/** Whether any of these inputs needs the readers to be applied (or replayed). */
export function inputsNeedReaders(inputs: readonly { readonly command: Command }[]): boolean {
  return inputs.some((i) => needsReaders(i.command));
}
