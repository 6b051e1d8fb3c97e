/** New session, the example scripts, and a link to share the session. */
import masterworker from '../../../examples/masterworker.juju?raw';
import opsGuide from '../../../examples/ops-guide.juju?raw';
import peersLeader from '../../../examples/peers-leader.juju?raw';
import subordinates from '../../../examples/subordinates.juju?raw';
import { filesFor } from '../../engine/paths.ts';
import { EXAMPLE_BUNDLES, EXAMPLE_FILES } from '../bundle/examples.ts';
import { preloadElk } from '../graph/layout.ts';
import { loadReaders, withReaders } from '../../store/loadReaders.ts';
import { Label } from '../labels.ts';
import { useRelvizStore } from '../StoreContext.tsx';
import { ShareButton } from './ShareButton.tsx';

export const EXAMPLES: ReadonlyArray<{ readonly id: string; readonly title: string; readonly script: string }> = [
  { id: 'masterworker', title: 'Master and workers (tutorial)', script: masterworker },
  { id: 'ops-guide', title: 'Ops integration guide', script: opsGuide },
  { id: 'peers-leader', title: 'Peers and leadership', script: peersLeader },
  { id: 'subordinates', title: 'Subordinates', script: subordinates },
];

function preloadBundles(): void {
  preloadElk();
  loadReaders().catch(() => undefined);
}

export function SessionMenu() {
  const store = useRelvizStore();
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        className="h-9 rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-100"
        onClick={() => store.getState().reset()}
      >
        {Label.newSession}
      </button>
      <select
        aria-label={Label.examples}
        className="h-9 max-w-40 rounded-md border border-slate-300 bg-white px-2 text-sm"
        value=""
        // The real bundles are laid out by elk and read by the YAML readers: fetched as the menu opens, not in the page's first load.
        onFocus={preloadBundles}
        onPointerEnter={preloadBundles}
        onChange={(e) => {
          const ex = EXAMPLES.find((x) => x.id === e.target.value);
          if (ex) store.getState().loadScript(ex.script, { at: 'deployed', label: `the example “${ex.title}”`, trusted: true });
          const bundle = EXAMPLE_BUNDLES.find((x) => x.id === e.target.value);
          if (bundle) {
            const command = { type: 'deploy-bundle' as const, path: bundle.path, overlays: bundle.overlays, files: filesFor(bundle, EXAMPLE_FILES) };
            withReaders(
              () => store.getState().openBundle(command, { mode: 'replace', label: `the example “${bundle.title}”` }),
              (message) => store.getState().showError(message),
            );
          }
        }}
      >
        <option value="">Examples…</option>
        {(
          [
            ['Scripts', EXAMPLES],
            ['Real bundles', EXAMPLE_BUNDLES],
          ] as const
        ).map(([group, items]) => (
          <optgroup key={group} label={group}>
            {items.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <ShareButton />
    </div>
  );
}
