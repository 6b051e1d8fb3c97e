/**
 * Loads Pyodide (no network: its core from `indexURL`, no packages, no micropip) and
 * the runtime, and returns a PythonHost. In Node the default indexURL is the `pyodide`
 * package in node_modules; in the browser the app passes where it serves Pyodide's files.
 */
import type { PythonHost } from '../engine/python.ts';
import { createPythonHost } from './host.ts';

export interface LoadOptions {
  /** Where pyodide.asm.wasm, python_stdlib.zip and pyodide-lock.json are (default: the package's own folder). */
  indexURL?: string;
  /** The runtime's .py files, path → text (sources.ts in Vite, sourcesNode.ts under tsx). */
  sources: Record<string, string>;
  onProgress?: (phase: string) => void;
}

/** Output Python wrote outside any hook (the runtime's own boot): kept for diagnostics, never shown as a hook's. */
export const strayOutput: string[] = [];

export async function loadPythonHost(opts: LoadOptions): Promise<PythonHost> {
  opts.onProgress?.('loading Pyodide');
  const { loadPyodide } = await import('pyodide');
  const pyodide = await loadPyodide({
    ...(opts.indexURL !== undefined ? { indexURL: opts.indexURL } : {}),
    env: { PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1', TZ: 'UTC', HOME: '/home/pyodide' },
    stdout: (line: string) => void strayOutput.push(line),
    stderr: (line: string) => void strayOutput.push(line),
    packages: [],
    fullStdLib: false,
  });
  opts.onProgress?.('starting the charm runtime');
  const host = createPythonHost(pyodide, opts.sources);
  opts.onProgress?.('ready');
  return host;
}
