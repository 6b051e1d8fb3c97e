/**
 * Python for the CLI: Pyodide from node_modules (no network) and the runtime's sources
 * read from disk (tsx has no import.meta.glob), installed for the engine once, before a
 * script whose charms carry code runs. On a terminal it says what it is waiting for.
 */
import { installPython, pythonHost } from '../engine/python.ts';
import { loadPythonHost } from '../python/load.ts';
import { readRuntimeSources } from '../python/sourcesNode.ts';

export async function loadNodePython(): Promise<void> {
  if (pythonHost() !== null) return;
  const tell = process.stderr.isTTY ? (t: string) => process.stderr.write(t) : () => {};
  const started = performance.now();
  tell('relviz: loading Python (Pyodide) for the charms’ code… ');
  installPython(await loadPythonHost({ sources: readRuntimeSources() }));
  tell(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
