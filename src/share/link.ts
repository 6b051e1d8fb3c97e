/**
 * Share links: the whole session in the URL's hash (`#share=1.<data>`), which never
 * reaches a server. `<data>` is the compact session (compact.ts) as JSON, deflated
 * (fflate: a chunk loaded only when a link is opened or made; synchronous once loaded) and
 * base64url-encoded. The `1.` before it is the link format's version: a later relviz
 * can change any of this and still open (or clearly refuse) older links.
 */
import { deflateSync, inflateSync } from 'fflate';
import type { SessionV1 } from '../store/session.ts';
import { ShareError, compactSession, expandSession, type ShareTutorial, type SharedSession } from './compact.ts';
import { SHARE_PARAM } from './param.ts';

export { ShareError, type ShareTutorial, type SharedSession } from './compact.ts';
export { SHARE_PARAM, shareParam } from './param.ts';

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

function inflate(bytes: Uint8Array): Uint8Array {
  // One byte more than allowed: filling it means the data is too big (fflate stops at the buffer's end).
  const out = new Uint8Array(MAX_JSON_BYTES + 1);
  let json: Uint8Array;
  try {
    json = inflateSync(bytes, { out });
  } catch {
    throw new ShareError('damaged data (cannot decompress)');
  }
  if (json.length > MAX_JSON_BYTES) throw new ShareError(`more than ${MAX_JSON_BYTES / 1024 / 1024} MB of session`);
  return json;
}

/** The session (and the tutorial step, if any) as the value of a share link's `#share=`. */
export function encodeShare(session: SessionV1, extra: { readonly tutorial?: ShareTutorial | null } = {}): string {
  const json = JSON.stringify(compactSession(session, extra.tutorial ?? null));
  return `${SHARE_FORMAT}.${toBase64Url(deflateSync(new TextEncoder().encode(json), { level: 9 }))}`;
}

/** Opens the value of a share link's `#share=`: the session, validated; throws ShareError. */
export function decodeShare(value: string): SharedSession {
  const dot = value.indexOf('.');
  const format = dot < 0 ? '' : value.slice(0, dot);
  if (!/^\d+$/.test(format)) throw new ShareError('not a relviz share link');
  if (Number(format) !== SHARE_FORMAT) {
    throw new ShareError(Number(format) > SHARE_FORMAT ? `made by a newer relviz (link format ${format})` : `unknown link format ${format}`);
  }
  const data = value.slice(dot + 1);
  if (data === '') throw new ShareError('no session in it');
  if (data.length > MAX_DATA_CHARS) throw new ShareError('too long');
  const json = inflate(fromBase64Url(data));
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new ShareError('damaged data (not JSON)');
  }
  return expandSession(raw);
}

/** The full link: this page's address with the session in its hash. */
export function shareUrl(page: { readonly origin: string; readonly pathname: string; readonly search: string }, value: string): string {
  return `${page.origin}${page.pathname}${page.search}#${SHARE_PARAM}=${value}`;
}
