/**
 * Tutorial documents by link and by URL: the `#tutorial-doc=` value (deflated, bounded,
 * refused with a reason), the link to a tutorial (short when it has a URL), the page
 * parameters, and the fetcher's answers — each failure said in plain words.
 */
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CORS_ADVICE, fetchTutorial, looksLikeTutorial, urlProblem } from '../../src/share/fetchTutorial.ts';
import { ShareError, decodeTutorialText, encodeTutorialText, tutorialLink, tutorialParams } from '../../src/share/link.ts';
import { MAX_DOCUMENT_CHARS } from '../../src/store/session.ts';
import { TUTORIAL_DOCUMENTS } from '../../src/teaching/tutorials/index.ts';

const page = { origin: 'https://relviz.example', pathname: '/app/' };
const doc = TUTORIAL_DOCUMENTS.get('masterworker') as string;

describe('#tutorial-doc= links', () => {
  it('carry each shipped tutorial whole, byte for byte', () => {
    for (const text of TUTORIAL_DOCUMENTS.values()) expect(decodeTutorialText(encodeTutorialText(text))).toBe(text);
  });

  it('point to the URL a tutorial came from instead, and name the step past the first', () => {
    expect(tutorialLink(page, { text: doc, url: 'https://raw.githubusercontent.com/a/b/main/t.md' }, 2)).toBe(
      'https://relviz.example/app/?tutorial-url=https%3A%2F%2Fraw.githubusercontent.com%2Fa%2Fb%2Fmain%2Ft.md&step=3',
    );
    const whole = tutorialLink(page, { text: doc });
    expect(whole).toMatch(/^https:\/\/relviz\.example\/app\/#tutorial-doc=1\.[\w-]+$/);
    const params = tutorialParams('', new URL(whole).hash);
    expect(params?.link && decodeTutorialText(params.link)).toBe(doc);
  });

  it('are refused with a reason when damaged, of another format, or bigger than a tutorial may be', () => {
    expect(() => decodeTutorialText('nope')).toThrow(new ShareError('not a relviz tutorial link'));
    expect(() => decodeTutorialText('2.abc')).toThrow(/newer relviz/);
    expect(() => decodeTutorialText('1.')).toThrow(new ShareError('no tutorial in it'));
    expect(() => decodeTutorialText('1.@@@')).toThrow(/not base64url/);
    expect(() => decodeTutorialText('1.AAAA')).toThrow(/cannot decompress/);
    const bomb = btoa(String.fromCharCode(...deflateSync(new Uint8Array(MAX_DOCUMENT_CHARS + 10).fill(65)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(() => decodeTutorialText(`1.${bomb}`)).toThrow(/more than 512 KB of tutorial/);
    const binary = btoa(String.fromCharCode(...deflateSync(new Uint8Array([0xff, 0xfe, 0x00])))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(() => decodeTutorialText(`1.${binary}`)).toThrow(/not UTF-8 text/);
  });
});

describe('tutorialParams', () => {
  it('reads ?tutorial-url= and #tutorial-doc= with a step counted from 1', () => {
    expect(tutorialParams('?tutorial-url=https%3A%2F%2Fa.b%2Ft.md&step=4', '')).toEqual({ url: 'https://a.b/t.md', step: 3 });
    expect(tutorialParams('', '#tutorial-doc=1.abc&step=2')).toEqual({ link: '1.abc', step: 1 });
    expect(tutorialParams('?tutorial-url=x&step=0', '')).toEqual({ url: 'x', step: 0 });
    expect(tutorialParams('?tutorial-url=x&step=two', '')).toEqual({ url: 'x', step: 0 });
    expect(tutorialParams('?tutorial=masterworker', '#share=1.x')).toBeNull();
  });
});

/** A fetch answering `body` with `init`, or failing as a browser does on a CORS refusal. */
const answering =
  (body: BodyInit | null, init: ResponseInit = {}): typeof fetch =>
  () =>
    Promise.resolve(new Response(body, init));
const refusing: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
const o = { origin: 'http://127.0.0.1:4720' };

describe('fetchTutorial', () => {
  it('fetches a tutorial document over https, reporting progress', async () => {
    const seen: number[] = [];
    const got = await fetchTutorial('https://raw.githubusercontent.com/a/b/main/t.md', { ...o, fetch: answering(doc), onProgress: (n) => seen.push(n) });
    expect(got).toEqual({ ok: true, text: doc, url: 'https://raw.githubusercontent.com/a/b/main/t.md' });
    expect(seen.at(-1)).toBe(new TextEncoder().encode(doc).length);
  });

  it('takes http only from its own site', async () => {
    expect(urlProblem('http://127.0.0.1:4720/t.md', o.origin)).toBeNull();
    expect(urlProblem('http://elsewhere.example/t.md', o.origin)).toMatch(/over https only/);
    expect(urlProblem('javascript:alert(1)', o.origin)).toMatch(/over https only/);
    expect(urlProblem('not a url', o.origin)).toMatch(/is not a URL/);
    expect(await fetchTutorial('ftp://x.example/t.md', { ...o, fetch: answering(doc) })).toEqual({ ok: false, message: expect.stringMatching(/over https only/) });
  });

  it('says in plain words what a CORS refusal or a network failure is, and what to do', async () => {
    const got = await fetchTutorial('https://lessons.example.org/t.md', { ...o, fetch: refusing });
    expect(got.ok).toBe(false);
    const message = got.ok ? '' : got.message;
    expect(message).toContain('lessons.example.org cannot be reached');
    expect(message).toContain('does not allow other sites to read its files');
    expect(message).toContain(CORS_ADVICE);
    expect(CORS_ADVICE).toMatch(/Access-Control-Allow-Origin.*raw\.githubusercontent\.com.*gist.*download the file/s);
  });

  it('explains a 404, a web page instead of the raw file, binary data, and a file too big', async () => {
    const fail = async (f: typeof fetch) => {
      const got = await fetchTutorial('https://github.com/a/b/blob/main/t.md', { ...o, fetch: f });
      return got.ok ? '' : got.message;
    };
    expect(await fail(answering('Not Found', { status: 404, statusText: 'Not Found' }))).toMatch(/^github\.com answered 404 Not Found .*there is no file at this address/);
    expect(await fail(answering('<!DOCTYPE html><html>…'))).toMatch(/is not a relviz tutorial.*“Raw” link/);
    expect(await fail(answering(new Uint8Array([0xff, 0xfe, 0xfd])))).toMatch(/is not text/);
    expect(await fail(answering(`${doc}${' '.repeat(MAX_DOCUMENT_CHARS)}`))).toMatch(/bigger than the 512 KB/);
    expect(await fail(answering('x', { headers: { 'content-length': String(10 * 1024 * 1024) } }))).toMatch(/bigger than the 512 KB/);
  });

  it('gives up after its timeout', async () => {
    const never: typeof fetch = (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const got = await fetchTutorial('https://slow.example/t.md', { ...o, fetch: never, timeoutMs: 20 });
    expect(got).toEqual({ ok: false, message: expect.stringMatching(/^slow\.example did not answer within 0 seconds/) });
  });
});

describe('looksLikeTutorial', () => {
  it('sees the front matter, and nothing else', () => {
    expect(looksLikeTutorial(doc)).toBe(true);
    expect(looksLikeTutorial(`\uFEFF---\r\n# notes\r\nrelviz-tutorial: 1\r\n`)).toBe(true);
    expect(looksLikeTutorial('# Just markdown\n\nrelviz-tutorial: 1')).toBe(false);
    expect(looksLikeTutorial(`---\n${'x: y\n'.repeat(30)}relviz-tutorial: 1\n`)).toBe(false);
  });
});
