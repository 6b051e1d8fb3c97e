/**
 * The Markdown a tutorial's narration may use, read into a small tree that
 * Narration.tsx turns into React elements: paragraphs, bullet and numbered lists,
 * *emphasis*, **strong**, `code` and [links](https://…). Nothing else is markup: raw
 * HTML, headings and images stay text (React escapes them), and a link whose target is
 * not http(s) or mailto is shown as its text alone.
 *
 * Narration comes from documents anyone can write: reading is linear in the text (each
 * kind of closing delimiter is searched for once per level, never again from further
 * back) and nesting is cut off at a fixed depth.
 */

export type Inline =
  | string
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'em' | 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly Inline[] };

export type Block =
  | { readonly kind: 'p'; readonly children: readonly Inline[] }
  | { readonly kind: 'ul' | 'ol'; readonly items: readonly (readonly Inline[])[] };

/** Deeper emphasis or links than this are shown as text. */
export const MAX_DEPTH = 6;
const MAX_HREF = 2048;

const ITEM = /^ {0,3}(?:([-*+])|\d{1,9}[.)]) +(?=\S)/;

/** The narration's blocks: paragraphs are separated by blank lines; a line starting with `- `, `* ` or `1. ` is a list item. */
export function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { kind: 'ul' | 'ol'; items: string[][] } | null = null;
  const flush = (): void => {
    if (para.length > 0) blocks.push({ kind: 'p', children: markdownInline(para.join('\n')) });
    if (list) blocks.push({ kind: list.kind, items: list.items.map((lines) => markdownInline(lines.join('\n'))) });
    para = [];
    list = null;
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      const kind = item[1] ? 'ul' : 'ol';
      if (para.length > 0 || (list && list.kind !== kind)) flush();
      list ??= { kind, items: [] };
      list.items.push([line.slice(item[0].length)]);
    } else if (list) list.items[list.items.length - 1]?.push(line.trim());
    else para.push(line.trim());
  }
  flush();
  return blocks;
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const SAFE_HREF = /^(?:https?:\/\/|mailto:)[^\s<>"]*$/i;

/** Whether a link target may be followed: http(s) or mailto only. */
export function safeHref(href: string): boolean {
  return SAFE_HREF.test(href);
}

/** The inline markup of one paragraph or list item. */
export function markdownInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const emit = (node: Inline): void => {
    if (plain) out.push(plain);
    plain = '';
    out.push(node);
  };
  // Where the next closer of each kind is, from the last place searched (never searched again from further back).
  const memo = new Map<string, { from: number; at: number }>();
  const next = (kind: string, from: number, valid: (at: number) => boolean, needle: string): number => {
    const m = memo.get(kind);
    if (m && m.from <= from && (m.at < 0 || m.at >= from)) return m.at;
    let at = text.indexOf(needle, from);
    while (at >= 0 && !valid(at)) at = text.indexOf(needle, at + 1);
    memo.set(kind, { from, at });
    return at;
  };
  const deep = depth >= MAX_DEPTH;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1] as string)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      let n = 1;
      while (text[i + n] === '`') n++;
      const run = '`'.repeat(n);
      const close = next(`code${n}`, i + n, (at) => text[at - 1] !== '`' && text[at + n] !== '`', run);
      if (close < 0) {
        plain += run;
        i += n;
        continue;
      }
      let code = text.slice(i + n, close).replace(/\n/g, ' ');
      if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ')) code = code.slice(1, -1);
      emit({ kind: 'code', text: code });
      i = close + n;
      continue;
    }
    if (c === '[' && !deep) {
      const close = next(']', i + 1, () => true, ']');
      if (close >= 0 && text[close + 1] === '(') {
        // The target ends at the first ")" within MAX_HREF characters (no search beyond).
        const end = text.slice(close + 2, close + 2 + MAX_HREF).indexOf(')');
        const href = end < 0 ? '' : text.slice(close + 2, close + 2 + end).trim();
        if (end >= 0 && !/\s/.test(href)) {
          const label = markdownInline(text.slice(i + 1, close), depth + 1);
          if (safeHref(href)) emit({ kind: 'link', href, children: label });
          else {
            for (const node of label) {
              if (typeof node === 'string') plain += node;
              else emit(node);
            }
          }
          i = close + 3 + end;
          continue;
        }
      }
    }
    if ((c === '*' || c === '_') && !deep) {
      let n = 1;
      while (text[i + n] === c) n++;
      const size = Math.min(n, 2);
      const before = text[i - 1] ?? ' ';
      const after = text[i + size] ?? ' ';
      const opens = /\S/.test(after) && (c === '*' || !WORD.test(before));
      if (opens) {
        const run = c.repeat(size);
        const valid = (at: number): boolean => {
          const prev = text[at - 1] ?? ' ';
          const following = text[at + size] ?? ' ';
          return /\S/.test(prev) && text[at - 1] !== c && following !== c && (c === '*' || !WORD.test(following));
        };
        const close = next(`${c}${size}`, i + size + 1, valid, run);
        if (close >= 0) {
          emit({ kind: size === 2 ? 'strong' : 'em', children: markdownInline(text.slice(i + size, close), depth + 1) });
          i = close + size;
          continue;
        }
      }
      plain += c.repeat(n);
      i += n;
      continue;
    }
    plain += c;
    i++;
  }
  if (plain) out.push(plain);
  return out;
}

/** The text a reader sees: the markup gone. */
export function plainText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (typeof n === 'string' ? n : n.kind === 'code' ? n.text : plainText(n.children))).join('');
}
