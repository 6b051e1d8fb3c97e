/**
 * A tutorial's narration, its Markdown (markdown.ts) as React elements: never HTML
 * from the text (no dangerouslySetInnerHTML: what is not markup is text), links to
 * http(s) and mailto only, opening in a new tab without access to this page.
 */
import { Fragment, type HTMLAttributes, type ReactNode, type Ref } from 'react';
import { markdownBlocks, markdownInline, type Block, type Inline } from './markdown.ts';

function inline(nodes: readonly Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    if (typeof n === 'string') return <Fragment key={i}>{n}</Fragment>;
    switch (n.kind) {
      case 'code':
        return (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.9em]">
            {n.text}
          </code>
        );
      case 'em':
        return <em key={i}>{inline(n.children)}</em>;
      case 'strong':
        return <strong key={i}>{inline(n.children)}</strong>;
      case 'link':
        return (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer" className="text-blue-800 underline">
            {inline(n.children)}
          </a>
        );
    }
  });
}

function block(b: Block, i: number): ReactNode {
  if (b.kind === 'p') return <p key={i}>{inline(b.children)}</p>;
  const items = b.items.map((item, k) => <li key={k}>{inline(item)}</li>);
  return b.kind === 'ul' ? (
    <ul key={i} className="list-disc pl-5">
      {items}
    </ul>
  ) : (
    <ol key={i} className="list-decimal pl-5">
      {items}
    </ol>
  );
}

/**
 * The narration in an element of its own: one paragraph is a `<p>` (with `lead`, if any,
 * before its text), several blocks a `<div>` of them.
 */
export function Narration({ text, lead, className, ref, ...rest }: { text: string; lead?: ReactNode; className?: string; ref?: Ref<HTMLElement> } & Omit<HTMLAttributes<HTMLElement>, 'children'>) {
  const blocks = markdownBlocks(text);
  const only = blocks.length === 1 ? blocks[0] : undefined;
  if (blocks.length === 0 || only?.kind === 'p') {
    return (
      <p ref={ref as Ref<HTMLParagraphElement>} className={className} {...rest}>
        {lead}
        {only?.kind === 'p' && inline(only.children)}
      </p>
    );
  }
  return (
    <div ref={ref as Ref<HTMLDivElement>} className={className ? `space-y-1.5 ${className}` : 'space-y-1.5'} {...rest}>
      {lead}
      {blocks.map(block)}
    </div>
  );
}

/** One line of narration (an alternative's caption): its inline markup only. */
export function InlineNarration({ text }: { text: string }) {
  return <>{inline(markdownInline(text.replace(/\s*\n\s*/g, ' ')))}</>;
}
