/**
 * The transport of presentation and embed modes: step back, play / pause, step
 * forward and the scrubber — no seed, manual mode or Juju version, which are for
 * exploring, not for watching. Space and the arrow keys work as in the app.
 */
import { Icon } from '../common/Icon.tsx';
import { Label } from '../labels.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { useTransportKeys } from '../transport/useTransportKeys.ts';

const SIZES = {
  large: {
    button: 'h-12 min-w-12 gap-2 border-2 border-slate-900 px-3 text-xl font-semibold',
    icon: 'h-6 w-6',
    counter: 'text-xl font-semibold',
  },
  small: {
    button: 'h-8 min-w-8 gap-1 border border-slate-400 px-2 text-sm font-medium',
    icon: 'h-4 w-4',
    counter: 'text-sm',
  },
} as const;

export function CompactTransport({ size }: { size: keyof typeof SIZES }) {
  const store = useRelvizStore();
  useTransportKeys(store);
  const playing = useRelviz((s) => s.playing);
  const cursor = useRelviz((s) => s.cursor);
  const length = useRelviz((s) => s.length);
  const hasWork = useRelviz((s) => s.view.next.length > 0);
  const canForward = cursor < length || hasWork;
  const z = SIZES[size];
  const button = `inline-flex shrink-0 items-center justify-center rounded-md bg-white text-slate-900 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 ${z.button}`;
  const s = store.getState();
  return (
    <div role="group" aria-label="Playback" className="flex min-w-72 flex-1 items-center gap-2">
      <button type="button" className={button} aria-label={Label.stepBack} title="Step back (←)" disabled={cursor === 0} onClick={() => (s.pause(), s.stepBack())}>
        <Icon name="stepBack" className={z.icon} />
      </button>
      {playing ? (
        <button type="button" className={`${button} bg-amber-200 hover:bg-amber-300`} aria-label={Label.pause} title="Pause (space)" onClick={() => s.pause()}>
          <Icon name="pause" className={z.icon} />
          Pause
        </button>
      ) : (
        <button type="button" className={button} aria-label={Label.play} title="Play (space)" disabled={!canForward} onClick={() => s.play()}>
          <Icon name="play" className={z.icon} />
          Play
        </button>
      )}
      <button type="button" className={button} aria-label={Label.stepForward} title="Step forward (→)" disabled={!canForward} onClick={() => (s.pause(), s.stepForward())}>
        <Icon name="stepForward" className={z.icon} />
      </button>
      <input
        type="range"
        aria-label={Label.timeline}
        min={0}
        max={length}
        value={cursor}
        aria-valuetext={`tick ${cursor} of ${length}`}
        onChange={(e) => (s.pause(), s.seek(Number(e.target.value)))}
        className="ml-2 min-w-24 flex-1 accent-orange-700"
      />
      <span className={`shrink-0 text-right text-slate-900 tabular-nums ${z.counter}`}>
        {cursor} / {length}
      </span>
    </div>
  );
}
