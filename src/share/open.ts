/**
 * Opening the page with a share link: the `#share=` hash wins over the saved session.
 * Kept apart from main.tsx so the choice (and its error text) is tested without a page.
 */
import { ShareError, decodeShare, type SharedSession } from './link.ts';
import { shareLinkError, shareParam } from './param.ts';

export { shareLinkError };

export type OpenedShare = { readonly kind: 'shared'; readonly shared: SharedSession } | { readonly kind: 'broken'; readonly error: string };

/** The session a location hash shares, or why it cannot be opened; null when the hash shares nothing. */
export function openShareHash(hash: string): OpenedShare | null {
  const value = shareParam(hash);
  if (value === null) return null;
  try {
    return { kind: 'shared', shared: decodeShare(value) };
  } catch (e) {
    // A bug while reading an untrusted link still leaves a working page, with a reason.
    return { kind: 'broken', error: shareLinkError(e instanceof ShareError ? e.reason : `unexpected error (${String(e)})`) };
  }
}
