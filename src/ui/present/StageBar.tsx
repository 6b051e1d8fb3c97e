/**
 * The one bar of presentation and embed modes: the compact transport, and — when
 * presenting — the keys that drive it and the way out. In an embed it links to the
 * full relviz.
 */
import { useRelviz } from '../StoreContext.tsx';
import { CompactTransport } from './CompactTransport.tsx';
import { PresentButton } from './PresentButton.tsx';

function Keys({ keys, does }: { keys: readonly string[]; does: string }) {
  return (
    <span className="whitespace-nowrap">
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 && ' '}
          <kbd className="rounded border-2 border-slate-700 bg-white px-1.5 font-sans font-semibold text-slate-900">{k}</kbd>
        </span>
      ))}{' '}
      {does}
    </span>
  );
}

const brand = (
  <span className="shrink-0 font-bold tracking-tight">
    <span className="text-orange-800">rel</span>viz
  </span>
);

export function StageBar({ mode, onLeave }: { mode: 'present' | 'embed'; onLeave: () => void }) {
  const inTutorial = useRelviz((s) => s.tutorial !== null);
  if (mode === 'embed') {
    return (
      <div className="flex items-center gap-3 rounded-lg border border-slate-400 bg-white px-2 py-1.5">
        <CompactTransport size="small" />
        <a href="./" target="_blank" rel="noopener" className="shrink-0 text-sm text-slate-800 underline decoration-slate-400 underline-offset-2 hover:text-orange-800" title="Open relviz in a new tab">
          {brand} ↗
        </a>
      </div>
    );
  }
  return (
    <header className="flex flex-wrap items-center gap-x-5 gap-y-2 rounded-lg border-2 border-slate-900 bg-white px-4 py-2">
      <h1 className="text-2xl">{brand}</h1>
      <CompactTransport size="large" />
      <p className="flex flex-wrap gap-x-4 text-lg text-slate-900 max-[88rem]:hidden">
        <Keys keys={['Space']} does="play" />
        <Keys keys={['←', '→']} does="step" />
        {inTutorial && <Keys keys={['PgDn', 'PgUp']} does="next / back" />}
        <Keys keys={['Esc']} does="leave" />
      </p>
      <PresentButton present onToggle={onLeave} className="inline-flex h-12 items-center gap-2 rounded-md border-2 border-slate-900 bg-slate-900 px-4 text-xl font-semibold text-white hover:bg-slate-700" />
    </header>
  );
}
