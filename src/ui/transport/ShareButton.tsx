/**
 * Share: builds a link that holds the whole session (src/share) and shows it in a
 * small popover — the link in a read-only field, selected for a manual copy, its size,
 * and "Copied" once the clipboard has it. Escape, Close or a click outside closes it;
 * focus returns to the button.
 */
import { useEffect, useEffectEvent, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { LazyLabel } from '../common/lazyPart.tsx';
import { LinkIcon } from '../common/LinkIcon.tsx';
import { useRelvizStore } from '../StoreContext.tsx';
import { SHARE_LINK_BUDGET, ShareLabel } from './shareLabels.ts';

const button = 'inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-100';

/** The link's writer (link.ts, with fflate): a chunk of its own, fetched when the button is pointed at or focused. */
const loadLink = () => import('../../share/link.ts');

export function ShareButton() {
  const store = useRelvizStore();
  const id = useId();
  const [link, setLink] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const anchor = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  const make = () => {
    setFailed(null);
    loadLink().then(
      ({ encodeShare, shareUrl }) => setLink(shareUrl(location, encodeShare(store.getState().exportSession(), { tutorial: store.getState().tutorial }))),
      (e: unknown) => setFailed(String(e)),
    );
  };
  const close = (refocus: boolean) => {
    setLink(null);
    if (refocus) toggle.current?.focus();
  };

  return (
    <div ref={anchor} className="relative">
      <button
        ref={toggle}
        type="button"
        className={button}
        aria-haspopup="dialog"
        aria-expanded={link !== null}
        aria-controls={link !== null ? `${id}-popover` : undefined}
        title="A link that opens this session as you see it now"
        onPointerEnter={() => void loadLink().catch(() => undefined)}
        onFocus={() => void loadLink().catch(() => undefined)}
        onClick={() => (link !== null ? close(false) : make())}
      >
        <LinkIcon />
        {ShareLabel.share}
      </button>
      {link !== null && <SharePopover id={`${id}-popover`} link={link} anchor={anchor} onClose={close} />}
      {failed !== null && (
        <p role="alert" className="absolute top-full right-0 z-40 mt-1 w-72 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 shadow">
          {LazyLabel.failed('the share link maker')} ({failed}) {LazyLabel.retry} to try again.
        </p>
      )}
    </div>
  );
}

type Copy = 'copying' | 'copied' | 'manual';

function SharePopover({ id, link, anchor, onClose }: { id: string; link: string; anchor: RefObject<HTMLDivElement | null>; onClose: (refocus: boolean) => void }) {
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<Copy>('copying');
  const bytes = new TextEncoder().encode(link).length;

  /** Selects the whole link for a manual copy, showing its start (selecting scrolls to the end). */
  const selectLink = () => {
    const input = field.current;
    if (!input) return;
    input.select();
    input.scrollLeft = 0;
  };

  const copyLink = () => {
    selectLink();
    if (!navigator.clipboard) {
      setCopy('manual');
      return;
    }
    setCopy('copying');
    navigator.clipboard.writeText(link).then(
      () => setCopy('copied'),
      () => setCopy('manual'),
    );
  };

  const shown = useEffectEvent(() => {
    field.current?.focus();
    copyLink();
  });
  const clickedOutside = useEffectEvent((e: PointerEvent) => {
    // Focus goes where the user clicked.
    if (!anchor.current?.contains(e.target as Node)) onClose(false);
  });
  useEffect(() => {
    shown();
    document.addEventListener('pointerdown', clickedOutside);
    return () => document.removeEventListener('pointerdown', clickedOutside);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
    }
  };

  return (
    <div
      id={id}
      role="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-about`}
      className="absolute top-full left-0 z-50 mt-2 flex w-[30rem] max-w-[calc(100vw-2rem)] flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3 text-sm text-slate-900 shadow-xl"
      onKeyDown={onKeyDown}
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="font-bold">
          {ShareLabel.dialog}
        </h2>
        <button type="button" aria-label={ShareLabel.close} className="rounded px-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900" onClick={() => onClose(true)}>
          ✕
        </button>
      </div>
      <p id={`${id}-about`} className="text-slate-600">
        Whoever opens this link sees what you see now: the same commands, seed, cursor and layout. The session travels inside the link; nothing is uploaded.
      </p>
      <div className="flex gap-2">
        <input
          ref={field}
          readOnly
          aria-label={ShareLabel.link}
          value={link}
          spellCheck={false}
          className="h-8 min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 font-mono text-xs text-slate-800"
          onFocus={selectLink}
        />
        <button type="button" className="h-8 rounded-md border border-slate-300 bg-white px-3 font-medium hover:bg-slate-100" onClick={copyLink}>
          {ShareLabel.copy}
        </button>
      </div>
      <p className="flex items-center justify-between gap-2 text-slate-600">
        <span aria-live="polite">
          {copy === 'copied' ? (
            <span className="font-medium text-emerald-700">✓ {ShareLabel.copied}</span>
          ) : copy === 'manual' ? (
            'The link is selected: press Ctrl+C (⌘C) to copy it.'
          ) : null}
        </span>
        <span className="tabular-nums">{(bytes / 1024).toFixed(1)} KB</span>
      </p>
      {bytes > SHARE_LINK_BUDGET && (
        <p className="rounded-md bg-amber-50 px-2 py-1.5 text-amber-900">This link is over 8 KB: some chat and mail apps cut links that long.</p>
      )}
    </div>
  );
}
