/**
 * "Copy link" for a tutorial opened from a document (in the tutorial card): a link to
 * the URL it came from (`?tutorial-url=`), or one carrying the whole document
 * (`#tutorial-doc=`), at the step shown. The link is copied, and also shown selected in
 * a field for a manual copy when the clipboard refuses.
 */
import { useState } from 'react';
import type { TutorialSource } from '../../teaching/tutorials/registry.ts';
import { LinkIcon } from '../common/LinkIcon.tsx';
import { copyTutorialLink } from './copyTutorialLink.ts';
import { TutorialDocLabel } from './tutorialDocLabels.ts';

export function CopyTutorialLink({ source, step, className }: { source: TutorialSource; step: number; className: string }) {
  const [said, setSaid] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const copy = () => {
    copyTutorialLink(source, step).then(
      ({ link: made, kb, copied }) => {
        setLink(made);
        setSaid(`${copied ? TutorialDocLabel.copied : TutorialDocLabel.copyByHand} (${kb})`);
      },
      (e: unknown) => setSaid(String(e)),
    );
  };
  return (
    <span className="relative">
      <button type="button" aria-label={TutorialDocLabel.copyLink} title={source.url ? TutorialDocLabel.copyUrlHint : TutorialDocLabel.copyTextHint} className={className} onClick={copy}>
        <LinkIcon />
      </button>
      {said !== null && (
        <span role="status" className="absolute top-full right-0 z-40 mt-1 flex w-80 flex-col gap-1 rounded-md border border-slate-300 bg-white p-2 text-xs text-slate-800 shadow-lg">
          {said}
          {link !== null && (
            <input readOnly aria-label={TutorialDocLabel.link} value={link} className="h-7 rounded border border-slate-300 bg-slate-50 px-1 font-mono" onFocus={(e) => e.target.select()} />
          )}
          <button type="button" className="self-end rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100" onClick={() => setSaid(null)}>
            {TutorialDocLabel.close}
          </button>
        </span>
      )}
    </span>
  );
}
