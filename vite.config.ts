import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Pyodide's runtime (its WebAssembly, the standard library, its loader), served from
 * the app's own origin under `pyodide/`: copied from node_modules into the build, and
 * served from there by the dev server. Nothing is fetched from a CDN, and nothing of it
 * is loaded until a charm with Python code is deployed (the engine worker asks).
 */
const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];
const TYPES: Record<string, string> = { mjs: 'text/javascript', wasm: 'application/wasm', zip: 'application/zip', json: 'application/json' };

function pyodideAssets(): Plugin {
  const dir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
  return {
    name: 'relviz-pyodide-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/pyodide\/([\w.-]+)$/.exec((req.url ?? '').split('?')[0] as string);
        const file = m?.[1];
        if (!file || !PYODIDE_FILES.includes(file) || !existsSync(join(dir, file))) return next();
        res.setHeader('Content-Type', TYPES[file.slice(file.lastIndexOf('.') + 1)] ?? 'application/octet-stream');
        createReadStream(join(dir, file)).pipe(res);
      });
    },
    generateBundle() {
      for (const file of PYODIDE_FILES) this.emitFile({ type: 'asset', fileName: `pyodide/${file}`, source: readFileSync(join(dir, file)) });
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), pyodideAssets()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  // Pyodide loads its own runtime from `pyodide/` at run time: not for the dependency optimiser.
  optimizeDeps: { exclude: ['pyodide'] },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      // What the first page needs comes in one chunk, not a score of small ones the
      // on-demand parts share with it (each a request before the first render).
      output: { codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] } },
    },
  },
  worker: { format: 'es' },
});
