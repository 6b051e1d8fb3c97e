/**
 * Text shown on screen at most: laying out megabytes of text (a pasted relation-set
 * value) holds the page for seconds, and no one reads past the first screenful.
 */
export const SHOWN_CHARS = 10_000;

/** The text, cut at `max` characters with a note of how many more there are. */
export function clipText(s: string, max = SHOWN_CHARS): string {
  return s.length <= max ? s : `${s.slice(0, max)}… (${(s.length - max).toLocaleString('en')} more characters not shown)`;
}
