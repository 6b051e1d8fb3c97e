/** The runtime's .py files, bundled by Vite (and vitest) as text: path relative to runtime/ → source. */
const modules = import.meta.glob('./runtime/**/*.py', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const runtimeSources: Record<string, string> = Object.fromEntries(
  Object.entries(modules).map(([path, text]) => [path.slice('./runtime/'.length), text]),
);
