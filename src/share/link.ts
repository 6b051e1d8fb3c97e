/**
 * Share links: the whole session in the URL's hash (`#share=1.<data>`), which never
 * reaches a server. `<data>` is the compact session (compact.ts) as JSON, deflated
 * (fflate: a chunk loaded only when a link is opened or made; synchronous once loaded) and
 * base64url-encoded. The `1.` before it is the link format's version: a later relviz
 * can change any of this and still open (or clearly refuse) older links.
 */
import { deflateSync, inflateSync } from 'fflate';
import { MAX_DOCUMENT_CHARS, type SessionV1 } from '../store/session.ts';
import type { TutorialSource } from '../teaching/tutorials/registry.ts';
import { ShareError, compactSession, expandSession, type ShareTutorial, type SharedSession } from './compact.ts';
import { SHARE_PARAM } from './param.ts';

export { ShareError, type ShareTutorial, type SharedSession } from './compact.ts';
export { SHARE_PARAM, shareParam } from './param.ts';

/** The hash parameter that carries a whole tutorial document (link.ts encodeTutorialText). */
export const TUTORIAL_DOC_PARAM = 'tutorial-doc';
/** The query parameter naming the URL of a tutorial document to fetch. */
export const TUTORIAL_URL_PARAM = 'tutorial-url';


/** The link format this relviz writes. */
export const SHARE_FORMAT = 1;
/**
 * The most session JSON a link may unpack to. A 400-command session is ~30 KB; the
 * cap stops a crafted link (deflate expands up to ~1000×) from eating memory.
 */
const MAX_JSON_BYTES = 2 * 1024 * 1024;
/** Browsers take URLs of a few MB; nothing relviz makes comes close. */
const MAX_DATA_CHARS = 1024 * 1024;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new ShareError('damaged data (not base64url)');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function inflate(bytes: Uint8Array, max = MAX_JSON_BYTES): Uint8Array {
  // One byte more than allowed: filling it means the data is too big (fflate stops at the buffer's end).
  const out = new Uint8Array(max + 1);
  let json: Uint8Array;
  try {
    json = inflateSync(bytes, { out });
  } catch {
    throw new ShareError('damaged data (cannot decompress)');
  }
  if (json.length > max) throw new ShareError(`more than ${max >= 1024 * 1024 ? `${max / 1024 / 1024} MB of session` : `${max / 1024} KB of tutorial`}`);
  return json;
}

/** The `1.` format prefix of a link's value, checked; the data after it. */
function linkData(value: string, kind: string, what: string): string {
  const dot = value.indexOf('.');
  const format = dot < 0 ? '' : value.slice(0, dot);
  if (!/^\d+$/.test(format)) throw new ShareError(`not a relviz ${kind} link`);
  if (Number(format) !== SHARE_FORMAT) {
    throw new ShareError(Number(format) > SHARE_FORMAT ? `made by a newer relviz (link format ${format})` : `unknown link format ${format}`);
  }
  const data = value.slice(dot + 1);
  if (data === '') throw new ShareError(`no ${what} in it`);
  if (data.length > MAX_DATA_CHARS) throw new ShareError('too long');
  return data;
}

function deflated(text: string): string {
  return `${SHARE_FORMAT}.${toBase64Url(deflateSync(new TextEncoder().encode(text), { level: 9 }))}`;
}

function inflated(data: string, max: number): string {
  const bytes = inflate(fromBase64Url(data), max);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareError(`damaged data (not ${max === MAX_JSON_BYTES ? 'JSON' : 'UTF-8 text'})`);
  }
}

/** A tutorial document as the value of a tutorial link's `#tutorial-doc=`: deflated and base64url-encoded, as sessions are. */
export function encodeTutorialText(text: string): string {
  return deflated(text);
}

/** The document a `#tutorial-doc=` value carries (at most the format's bound, LIMITS.bytes); throws ShareError. Read it as any untrusted document. */
export function decodeTutorialText(value: string): string {
  return inflated(linkData(value, 'tutorial', 'tutorial'), MAX_DOCUMENT_CHARS);
}

/**
 * A link to a tutorial opened from a document: to the URL it came from when it has one
 * (`?tutorial-url=`, short), else carrying the whole document (`#tutorial-doc=`); at
 * `step` (0-based) when past the first.
 */
export function tutorialLink(page: { readonly origin: string; readonly pathname: string }, source: TutorialSource, step = 0): string {
  const at = step > 0 ? `step=${step + 1}` : '';
  if (source.url !== undefined) return `${page.origin}${page.pathname}?${TUTORIAL_URL_PARAM}=${encodeURIComponent(source.url)}${at ? `&${at}` : ''}`;
  return `${page.origin}${page.pathname}#${TUTORIAL_DOC_PARAM}=${encodeTutorialText(source.text)}${at ? `&${at}` : ''}`;
}

/** The session (and the tutorial step, if any) as the value of a share link's `#share=`. */
export function encodeShare(session: SessionV1, extra: { readonly tutorial?: ShareTutorial | null } = {}): string {
  return deflated(JSON.stringify(compactSession(session, extra.tutorial ?? null)));
}

/** Opens the value of a share link's `#share=`: the session, validated; throws ShareError. */
export function decodeShare(value: string): SharedSession {
  const text = inflated(linkData(value, 'share', 'session'), MAX_JSON_BYTES);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ShareError('damaged data (not JSON)');
  }
  return expandSession(raw);
}

/** The full link: this page's address with the session in its hash. */
export function shareUrl(page: { readonly origin: string; readonly pathname: string; readonly search: string }, value: string): string {
  return `${page.origin}${page.pathname}${page.search}#${SHARE_PARAM}=${value}`;
}

/**
 * A tutorial document a page's address points to: `?tutorial-url=<url>` or
 * `#tutorial-doc=<data>`, each with an optional `step=N` (counting from 1) beside it;
 * null when there is none. Only read here: what they hold is checked where it is opened.
 */
export function tutorialParams(search: string, hash: string): { readonly url?: string; readonly link?: string; readonly step: number } | null {
  const q = new URLSearchParams(search);
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  const url = q.get(TUTORIAL_URL_PARAM);
  const link = h.get(TUTORIAL_DOC_PARAM);
  if (url === null && link === null) return null;
  const n = Number((url !== null ? q : h).get('step'));
  const step = Number.isInteger(n) && n >= 1 && n <= 10_000 ? n - 1 : 0;
  return url !== null ? { url, step } : { link: link as string, step };
}
