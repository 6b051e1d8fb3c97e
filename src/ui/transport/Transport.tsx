/**
 * Playback controls: play / pause, step back / forward, speed and the scrubber over the
 * whole history (space toggles play and the arrow keys step, anywhere but in a text
 * field); and, apart, the settings the history is made with: seed, manual mode, Juju.
 */
import { Icon } from '../common/Icon.tsx';
import { Label } from '../labels.ts';
import { useRelviz, useRelvizStore } from '../StoreContext.tsx';
import { useTransportKeys } from './useTransportKeys.ts';

const button =
  'inline-flex h-9 min-w-9 items-center justify-center rounded-md border border-slate-300 bg-white px-2 text-slate-800 hover:bg-slate-100 disabled:opacity-40';

export function Transport() {
  const store = useRelvizStore();
  const playing = useRelviz((s) => s.playing);
  const cursor = useRelviz((s) => s.cursor);
  const length = useRelviz((s) => s.length);
  const speed = useRelviz((s) => s.speed);
  const manual = useRelviz((s) => s.manual);
  const hasWork = useRelviz((s) => s.view.next.length > 0);
  const canForward = cursor < length || hasWork;

  useTransportKeys(store);

  const s = store.getState();
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Playback">
      <button type="button" className={button} aria-label={Label.stepBack} title="Step back (←)" disabled={cursor === 0} onClick={() => (s.pause(), s.stepBack())}>
        <Icon name="stepBack" />
      </button>
      {playing ? (
        <button type="button" className={`${button} w-20 bg-amber-100`} aria-label={Label.pause} title="Pause (space)" onClick={() => s.pause()}>
          <Icon name="pause" />
          &nbsp;Pause
        </button>
      ) : (
        <button type="button" className={`${button} w-20`} aria-label={Label.play} title="Play (space)" disabled={!canForward || manual} onClick={() => s.play()}>
          <Icon name="play" />
          &nbsp;Play
        </button>
      )}
      <button type="button" className={button} aria-label={Label.stepForward} title="Step forward (→)" disabled={!canForward || (manual && cursor === length)} onClick={() => (s.pause(), s.stepForward())}>
        <Icon name="stepForward" />
      </button>
      <label className="ml-2 flex items-center gap-2 text-sm text-slate-600">
        <span>Speed</span>
        <input
          type="range"
          aria-label={Label.speed}
          min={0}
          max={8}
          step={1}
          value={Math.round(Math.log2(speed) + 1)}
          aria-valuetext={`${speed} hooks per second`}
          onChange={(e) => s.setSpeed(2 ** (Number(e.target.value) - 1))}
          className="w-24 accent-orange-600"
        />
        <span className="w-14 tabular-nums">{speed}/s</span>
      </label>
      <label className="flex min-w-48 flex-1 items-center gap-2 text-sm text-slate-600">
        <input
          type="range"
          aria-label={Label.timeline}
          min={0}
          max={length}
          value={cursor}
          aria-valuetext={`tick ${cursor} of ${length}`}
          onChange={(e) => (s.pause(), s.seek(Number(e.target.value)))}
          className="flex-1 accent-orange-600"
        />
        <span className="w-24 text-right tabular-nums">
          {cursor} / {length}
        </span>
      </label>
    </div>
  );
}

/** What the history is made with: the seed (which interleaving Juju "chose"), manual mode, the Juju version. */
export function TransportSettings() {
  const store = useRelvizStore();
  const seed = useRelviz((s) => s.seed);
  const manual = useRelviz((s) => s.manual);
  const juju = useRelviz((s) => s.juju);
  const s = store.getState();
  return (
    <div className="flex items-center gap-3" role="group" aria-label="History settings">
      <label className="flex items-center gap-1 text-sm text-slate-600">
        <span>Seed</span>
        <input
          type="number"
          aria-label={Label.seed}
          min={0}
          value={seed}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isInteger(v) && v >= 0 && v <= 0xffffffff) s.setSeed(v);
          }}
          className="h-9 w-20 rounded-md border border-slate-300 px-2 tabular-nums"
        />
      </label>
      <label className="flex items-center gap-1 text-sm text-slate-600">
        <input type="checkbox" aria-label={Label.manual} checked={manual} onChange={(e) => s.setManual(e.target.checked)} className="h-4 w-4 accent-orange-600" />
        <span>Manual</span>
      </label>
      <label className="flex items-center gap-1 text-sm text-slate-600">
        <span>Juju</span>
        <select aria-label={Label.jujuVersion} value={juju} onChange={(e) => s.setJuju(e.target.value === '4.0' ? '4.0' : '3.6')} className="h-9 rounded-md border border-slate-300 bg-white px-1">
          <option value="3.6">3.6</option>
          <option value="4.0">4.0</option>
        </select>
      </label>
    </div>
  );
}
