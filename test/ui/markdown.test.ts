/** The narration's Markdown: what is markup, what stays text, and hostile input rendered safely and quickly. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TUTORIALS } from '../../src/teaching/tutorials/index.ts';
import { Narration } from '../../src/ui/teaching/Narration.tsx';
import { markdownBlocks, markdownInline, plainText, safeHref } from '../../src/ui/teaching/markdown.ts';

const html = (text: string): string => renderToStaticMarkup(createElement(Narration, { text }));

describe('narration Markdown', () => {
  it('renders paragraphs, emphasis, strong, code, links and lists', () => {
    expect(html('Plain *em* and **strong**, `relation-get -r db:1`, [the guide](https://juju.is/docs).')).toBe(
      '<p>Plain <em>em</em> and <strong>strong</strong>, <code class="rounded bg-slate-100 px-1 font-mono text-[0.9em]">relation-get -r db:1</code>, <a href="https://juju.is/docs" target="_blank" rel="noopener noreferrer" class="text-blue-800 underline">the guide</a>.</p>',
    );
    expect(markdownBlocks('First\nstill first.\n\n- one\n- two\n  more\n\n1. a\n2. b')).toEqual([
      { kind: 'p', children: ['First\nstill first.'] },
      { kind: 'ul', items: [['one'], ['two\nmore']] },
      { kind: 'ol', items: [['a'], ['b']] },
    ]);
    expect(html('a\n\nb')).toBe('<div class="space-y-1.5"><p>a</p><p>b</p></div>');
  });

  it('leaves intraword underscores, lone stars, brackets and escapes as text', () => {
    for (const text of ['smtp_credentials and data[self.model.app]', 'a * b * c', '2*3 = 6', 'x_y_z', '[not a link] (really)', 'unclosed `code', 'unclosed **strong']) {
      expect(plainText(markdownInline(text)), text).toBe(text);
    }
    expect(markdownInline('\\*not em\\*')).toEqual(['*not em*']);
  });

  it('never renders raw HTML: it is text', () => {
    const out = html('<script>alert(1)</script> <img src=x onerror=alert(1)> **<b>x</b>**');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('<strong>&lt;b&gt;x&lt;/b&gt;</strong>');
  });

  it('links only to http(s) and mailto; anything else is its text alone', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example', '/relative', 'https://ok.example/"onmouseover="x']) {
      const out = html(`[click](${href})`);
      expect(out, href).not.toContain('<a');
      expect(out, href).toContain('click');
    }
    expect(safeHref('mailto:teacher@example.com')).toBe(true);
    expect(safeHref('https://example.com/a?b=c#d')).toBe(true);
  });

  it('cuts off deep nesting and stays linear on hostile input', () => {
    const nested = '*'.repeat(10_000) + 'x' + '*'.repeat(10_000);
    const brackets = '[a]('.repeat(50_000);
    const openers = '**a '.repeat(50_000) + '`a '.repeat(50_000) + '_a '.repeat(50_000);
    const deep = '[*'.repeat(2000) + 'x' + '*](https://a.example)'.repeat(2000);
    for (const text of [nested, brackets, openers, deep]) {
      const t0 = performance.now();
      const out = html(text);
      expect(out.length).toBeGreaterThan(0);
      expect(performance.now() - t0).toBeLessThan(3000); // a bound against quadratic blow-up, not a benchmark
    }
  });

  it('shows every shipped narration word for word (they use no markup yet)', () => {
    for (const t of TUTORIALS) {
      for (const step of t.steps) {
        for (const say of [step.say, ...(step.stops ?? []).map((s) => s.say)]) {
          expect(markdownBlocks(say).flatMap((b) => (b.kind === 'p' ? [plainText(b.children)] : b.items.map(plainText))).join('\n\n')).toBe(say);
        }
      }
    }
  });
});
