/**
 * Fetching a tutorial document by URL (`?tutorial-url=`, the Open a tutorial dialog,
 * an embed's `tutorial-url`), in the browser: https only (or the page's own origin), no
 * cookies sent, at most the format's size (LIMITS.bytes) read, given up after a
 * timeout, and what comes back must look like a tutorial document. Every failure is
 * said in plain words — what happened and what to do — above all the one a browser
 * reports only as "Failed to fetch": a server that does not allow other sites to read
 * its files (CORS). What is fetched is then read as any untrusted document.
 */
import { MAX_DOCUMENT_CHARS } from '../store/session.ts';

export const FETCH_TIMEOUT_MS = 10_000;

/** Whether a text starts as a tutorial document does: `---`, then `relviz-tutorial:` within the front matter's first lines. */
export const looksLikeTutorial = (text: string): boolean => /^\uFEFF?---[ \t]*\r?\n(?:[^\n]{0,200}\n){0,20}?relviz-tutorial[ \t]*:/.test(text.slice(0, 5000));

export type Fetched = { readonly ok: true; readonly text: string; readonly url: string } | { readonly ok: false; readonly message: string };

export interface FetchOptions {
  /** The page's origin (`location.origin`): a URL there may be http. */
  readonly origin: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Bytes received so far, as they come. */
  readonly onProgress?: (bytes: number) => void;
  /** Cancels the fetch (the dialog closed). */
  readonly signal?: AbortSignal;
}

/** What to do when the server will not let relviz read the file. */
export const CORS_ADVICE =
  'The server must allow other sites to read the file: it has to send the header Access-Control-Allow-Origin. raw.githubusercontent.com (a GitHub file’s “Raw” link) and gist.githubusercontent.com (a gist’s “Raw” link) do. Otherwise, download the file and open it with “Choose a file…”, or paste its text.';

/** Why a URL is not one relviz fetches; null when it is. */
export function urlProblem(raw: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `“${raw.slice(0, 200)}” is not a URL (it should start with https://)`;
  }
  if (url.protocol === 'https:' || url.origin === origin) return null;
  return `relviz fetches tutorials over https only (or from its own site): “${raw.slice(0, 200)}” is ${url.protocol.replace(':', '')}`;
}

/** Fetches a tutorial document; never throws. */
export async function fetchTutorial(raw: string, o: FetchOptions): Promise<Fetched> {
  const bad = urlProblem(raw, o.origin);
  if (bad) return { ok: false, message: bad };
  const url = new URL(raw).href;
  const host = new URL(url).host;
  const abort = new AbortController();
  const timeout = setTimeout(() => abort.abort(new DOMException('timeout', 'TimeoutError')), o.timeoutMs ?? FETCH_TIMEOUT_MS);
  const cancel = () => abort.abort(new DOMException('cancelled', 'AbortError'));
  o.signal?.addEventListener('abort', cancel);
  const stopped = (): string | null => {
    const why = abort.signal.reason as unknown;
    if (!abort.signal.aborted) return null;
    return why instanceof DOMException && why.name === 'TimeoutError'
      ? `${host} did not answer within ${Math.round((o.timeoutMs ?? FETCH_TIMEOUT_MS) / 1000)} seconds. Try again, or download the file and open it with “Choose a file…”.`
      : 'Cancelled.';
  };
  try {
    let res: Response;
    try {
      res = await (o.fetch ?? fetch)(url, { signal: abort.signal, credentials: 'omit', redirect: 'follow', headers: { Accept: 'text/markdown, text/plain, */*' } });
    } catch {
      // The browser tells a page no more than this, on purpose: a CORS refusal and a network failure look the same.
      return { ok: false, message: stopped() ?? `relviz could not read ${url}: either ${host} cannot be reached (check the address and your connection), or it does not allow other sites to read its files. ${CORS_ADVICE}` };
    }
    if (!res.ok) return { ok: false, message: `${host} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''} for ${url}: ${res.status === 404 ? 'there is no file at this address (check it; on GitHub, use the file’s “Raw” link)' : 'it did not send the file'}.` };
    const length = Number(res.headers.get('content-length') ?? NaN);
    const tooBig = `The file at ${url} is bigger than the ${MAX_DOCUMENT_CHARS / 1024} KB a tutorial may be.`;
    if (length > MAX_DOCUMENT_CHARS * 4) return { ok: false, message: tooBig };
    // Read at most the bound (a UTF-8 character is up to 4 bytes), whatever the server says its length is.
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    const reader = res.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.length;
        o.onProgress?.(bytes);
        if (bytes > MAX_DOCUMENT_CHARS * 4) {
          void reader.cancel();
          return { ok: false, message: tooBig };
        }
      }
    } else {
      const all = new Uint8Array(await res.arrayBuffer());
      chunks.push(all);
      bytes = all.length;
    }
    const whole = new Uint8Array(bytes);
    let at = 0;
    for (const c of chunks) {
      whole.set(c, at);
      at += c.length;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(whole);
    } catch {
      return { ok: false, message: `The file at ${url} is not text (UTF-8): it is not a tutorial document.` };
    }
    if (text.length > MAX_DOCUMENT_CHARS) return { ok: false, message: tooBig };
    if (!looksLikeTutorial(text)) {
      return { ok: false, message: `The file at ${url} is not a relviz tutorial: it does not start with the front matter “---” and “relviz-tutorial: 1”. If it is a web page showing the file (GitHub’s, for example), use its “Raw” link.` };
    }
    return { ok: true, text, url };
  } catch {
    return { ok: false, message: stopped() ?? `The connection to ${host} broke while reading ${url}. Try again.` };
  } finally {
    clearTimeout(timeout);
    o.signal?.removeEventListener('abort', cancel);
  }
}
