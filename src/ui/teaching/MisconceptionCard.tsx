/**
 * One misconception in the list: the docs' claim (in quotes when it is their own
 * words), what Juju does, what to watch when it plays, where to read more, the
 * script, and "Show me". All text is rendered as text.
 */
import { useId } from 'react';
import type { Misconception } from '../../teaching/misconceptions.ts';
import { Label, showMeLabel } from '../labels.ts';

export function MisconceptionCard({ m, onShow }: { m: Misconception; onShow: () => void }) {
  const id = useId();
  return (
    <li aria-labelledby={`${id}-title`} className="grid grid-cols-[2.5rem_minmax(0,1fr)_auto] items-start gap-x-4 rounded-lg border border-slate-300 bg-white px-4 py-3 shadow-xs">
      <span aria-hidden className="flex size-9 items-center justify-center rounded-full bg-slate-800 text-lg font-bold text-white">
        {m.whatIf ? '?' : m.number}
      </span>
      <div className="min-w-0">
        <h3 id={`${id}-title`} className="text-lg leading-snug font-bold">
          {m.title}
        </h3>
        <dl className="mt-1.5 grid grid-cols-[9rem_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-base leading-snug">
          <dt className="font-semibold text-red-800">{m.whatIf ? '✗ You might expect' : '✗ The docs say'}</dt>
          <dd className="text-slate-700">{m.quoted ? <q className="italic">{m.claim}</q> : m.claim}</dd>
          <dt className="font-semibold text-emerald-800">✓ Juju does</dt>
          <dd className="font-semibold text-slate-900">{m.truth}</dd>
          <dt className="text-sm font-medium text-slate-600">{Label.whatToWatch}</dt>
          <dd className="text-sm text-slate-700">{m.watch}</dd>
          <dt className="text-sm font-medium text-slate-600">Sources</dt>
          <dd className="flex flex-wrap gap-x-4 gap-y-0.5 text-sm">
            {m.sources.map((s) => (
              <a key={s.url} href={s.url} target="_blank" rel="noreferrer" className="text-blue-800 underline decoration-blue-800/40 underline-offset-2 hover:decoration-blue-800">
                {s.label}
              </a>
            ))}
          </dd>
        </dl>
        <details className="mt-1.5 text-sm">
          <summary className="w-fit cursor-pointer font-medium text-slate-600 hover:text-slate-900">The script it runs</summary>
          <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-[13px] leading-relaxed text-slate-100">{m.script.trimEnd()}</pre>
        </details>
      </div>
      <button
        type="button"
        data-show-me
        aria-label={showMeLabel(m.title)}
        className="inline-flex h-11 items-center gap-2 self-center rounded-lg border border-orange-800 bg-orange-700 px-4 text-base font-semibold text-white shadow-sm hover:bg-orange-800"
        onClick={onShow}
      >
        <span aria-hidden>▶</span>
        Show me
      </button>
    </li>
  );
}
