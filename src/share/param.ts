/**
 * Whether a location hash carries a share link, without the link's reader (link.ts and
 * fflate, loaded only when there is one to open or make).
 */

/** The hash parameter that carries a session. */
export const SHARE_PARAM = 'share';
/** The `#share=` value of a location hash, or null when the hash holds none. */
export function shareParam(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_PARAM);
}

/** Juju-style banner text for a link that cannot be opened. */
export function shareLinkError(reason: string): string {
  return `ERROR this share link cannot be opened: ${reason}`;
}

