/**
 * The URL of an embedded relviz: `?embed=1` and what to load — `&tutorial=<id>[&step=N]`,
 * `&tutorial-url=<url of a tutorial document>[&step=N]`, `&scenario=<misconception id>`
 * or `&script=<url-encoded script>` (a `#share=` link wins over them all) — and `&origin=` to restrict who may drive it. Pure, so the
 * rules are tested without a page; a bad parameter is reported, never half-used.
 */
import { ScriptSyntaxError } from '../io/script.ts';
import { SessionError, scriptSession } from '../store/session.ts';
import { MisconceptionIds, type MisconceptionId } from '../teaching/misconceptionIds.ts';
import { tutorialEntry } from '../teaching/tutorials/list.ts';
import { isTutorialUrl } from '../teaching/tutorials/registry.ts';

/**
 * Longest script a message (or an `&script=` parameter) may carry: far beyond any
 * tutorial, far below a memory problem. Here, not in protocol.ts, so the page's first
 * chunk (which reads the URL) does not carry the message protocol (the embed's chunk).
 */
export const MAX_SCRIPT_CHARS = 100_000;

export type EmbedSource =
  | { readonly kind: 'tutorial'; readonly id: string; /** Counting from 1, as the tutorial card does. */ readonly step: number }
  /** A tutorial document to fetch (embedStore.ts), then read and check as any document. */
  | { readonly kind: 'tutorial-url'; readonly url: string; readonly step: number }
  | { readonly kind: 'scenario'; readonly id: MisconceptionId }
  | { readonly kind: 'script'; readonly text: string }
  | { readonly kind: 'default' };

export interface EmbedParams {
  readonly source: EmbedSource;
  /** Whose messages are read and where replies go: `*` (anyone) or one origin; null when `&origin=` is not an origin (then no one). */
  readonly origin: string | null;
  /** What was wrong with the parameters, for the error banner. */
  readonly errors: readonly string[];
}

/** Whether the page is to render as an embed (`?embed=1`). */
export function isEmbed(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}

function readOrigin(value: string | null): { origin: string | null; error?: string } {
  if (value === null || value === '*') return { origin: '*' };
  try {
    const url = new URL(value);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value) return { origin: value };
  } catch {
    // Not a URL at all: reported below.
  }
  return { origin: null, error: `ERROR origin=${value.slice(0, 80)} is not an origin such as https://example.org: this embed accepts no messages` };
}

function readSource(p: URLSearchParams, errors: string[]): EmbedSource {
  const script = p.get('script');
  if (script !== null) {
    if (script.length > MAX_SCRIPT_CHARS) {
      errors.push(`ERROR script= is ${script.length} characters, at most ${MAX_SCRIPT_CHARS} are accepted`);
      return { kind: 'default' };
    }
    try {
      scriptSession(script);
      return { kind: 'script', text: script };
    } catch (e) {
      if (!(e instanceof ScriptSyntaxError) && !(e instanceof SessionError)) throw e;
      errors.push(`ERROR script= ${e.message}`);
      return { kind: 'default' };
    }
  }
  const scenario = p.get('scenario');
  if (scenario !== null) {
    const id = MisconceptionIds.find((m) => m === scenario);
    if (id) return { kind: 'scenario', id };
    errors.push(`ERROR no scenario "${scenario.slice(0, 64)}" (one of ${MisconceptionIds.join(', ')})`);
    return { kind: 'default' };
  }
  const url = p.get('tutorial-url');
  if (url !== null) {
    if (!isTutorialUrl(url)) {
      errors.push(`ERROR tutorial-url=${String(url).slice(0, 80)} is not an http(s) URL`);
      return { kind: 'default' };
    }
    const raw = p.get('step') ?? '1';
    const step = /^[0-9]{1,5}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1;
    if (String(step) !== raw) errors.push(`ERROR step=${raw.slice(0, 16)}: a step number counting from 1`);
    return { kind: 'tutorial-url', url, step };
  }
  const tutorial = p.get('tutorial');
  if (tutorial !== null) {
    const found = tutorialEntry(tutorial);
    if (!found) {
      errors.push(`ERROR no tutorial called "${tutorial.slice(0, 64)}"`);
      return { kind: 'default' };
    }
    const raw = p.get('step') ?? '1';
    const step = /^[0-9]{1,5}$/.test(raw) ? Number(raw) : NaN;
    if (!(step >= 1 && step <= found.steps)) {
      errors.push(`ERROR step=${raw.slice(0, 16)}: "${found.id}" has steps 1 to ${found.steps}`);
      return { kind: 'tutorial', id: found.id, step: 1 };
    }
    return { kind: 'tutorial', id: found.id, step };
  }
  return { kind: 'default' };
}

/** Reads an embed's parameters from `location.search`. */
export function readEmbedParams(search: string): EmbedParams {
  const p = new URLSearchParams(search);
  const errors: string[] = [];
  const source = readSource(p, errors);
  const { origin, error } = readOrigin(p.get('origin'));
  if (error) errors.push(error);
  return { source, origin, errors };
}
