/**
 * A string-to-string map printed as YAML, byte for byte as the `yaml` package (2.x)
 * prints it with `{ version: '1.1', sortMapEntries: true, lineWidth: 0,
 * defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' }` — hook tools' `relation-get -`
 * output — without bundling that library. test/engine/yamlMap.test.ts checks the
 * equality on random and YAML-hostile maps.
 *
 * Each key and value is written in the first style that fits:
 * 1. double-quoted, if it holds a control character or a lone surrogate;
 * 2. values with a line break: a literal block scalar `|` (or double-quoted when the
 *    last line is only blanks); keys with a line break: double-quoted;
 * 3. quoted, if it starts with an indicator, or holds `: `, ` #`, … (INDICATORS);
 *    keys with a line starting `%`, `---` or `...` (a document marker) too;
 * 4. quoted, if YAML 1.1 would read it as something other than a string (NOT_A_STRING);
 * 5. plain.
 * "Quoted" is single quotes when the text has `"` but no `'`, double quotes otherwise.
 */

/** Lines of block scalars and folded double-quoted strings are indented by this (one level below the root map). */
const INDENT = '  ';

/** C0/C1 controls except tab and line feed, DEL, and surrogates not in a pair (with the u flag, a pair is one code point). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

/**
 * Text that cannot be plain: a leading indicator or blank; `-` or `?` alone or before a
 * blank; `: ` (or `:` before a tab or a line break); a blank before a line break; `#` after
 * a blank; a trailing blank or `:`.
 */
const INDICATORS = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/**
 * Plain scalars the YAML 1.1 schema resolves to a non-string: null (and the empty string),
 * booleans, ints (binary, octal, decimal, hex, base 60), floats (fixed, exponent, base 60,
 * .inf, .nan) and timestamps. (`<<`, the merge key, is written plain — the library does.)
 */
const NOT_A_STRING = new RegExp(
  `^(?:${[
    /(?:~|[Nn]ull|NULL)?/,
    /Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON|N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF/,
    /[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)/,
    /[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?/,
    /[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*/,
    /[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+/,
    /[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN/,
    /[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:t|T|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?(?:[ \t]*(?:Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?/,
  ]
    .map((r) => `(?:${r.source})`)
    .join('|')})$`,
);

/** YAML's short escapes for characters JSON writes as `\u00XX`; other such characters become `\xXX`. */
const SHORT_ESCAPES: Record<string, string> = { '\0': '\\0', '\x07': '\\a', '\v': '\\v', '\x1b': '\\e' };

/** One code point (or lone surrogate) inside double quotes: JSON's escape, then YAML's shorter forms. */
function escapeChar(ch: string): string {
  const json = JSON.stringify(ch).slice(1, -1);
  return SHORT_ESCAPES[ch] ?? (json.startsWith('\\u00') ? `\\x${json.slice(4)}` : json);
}

/**
 * A double-quoted scalar. A space before a line break is escaped (`\ `). In a value whose
 * JSON form is 40 characters or more, a run of line breaks that does not end the text is
 * written as real line breaks — one more than the run, since a single break folds to a
 * space — and the next line is indented, with a leading space escaped by a `\`. (When that
 * space itself precedes a line break, the library writes `\\ `, an escaped backslash:
 * a library bug, reproduced so the output stays identical.) Keys keep `\n` escapes.
 */
function doubleQuoted(text: string, isKey: boolean): string {
  const chars = [...text];
  const fold = !isKey && JSON.stringify(text).length >= 40;
  let out = '"';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === ' ' && chars[i + 1] === '\n') {
      out += '\\ ';
    } else if (ch === '\n' && fold && i < chars.length - 1) {
      out += '\n\n';
      // Further breaks of the run, all but one that ends the text (that one stays `\n`).
      while (chars[i + 1] === '\n' && i + 2 < chars.length) {
        out += '\n';
        i++;
      }
      out += INDENT + (chars[i + 1] === ' ' ? '\\' : '');
    } else {
      out += escapeChar(ch);
    }
  }
  return `${out}"`;
}

/** Single quotes for text with `"` but no `'` (never reached with a line break); double quotes otherwise. */
function quoted(text: string, isKey: boolean): string {
  if (text.includes('"') && !text.includes("'")) return `'${text}'`;
  return doubleQuoted(text, isKey);
}

/**
 * A literal block scalar for a value with a line break. Its header has `2` (the indent,
 * explicit) when the text, after any leading line breaks, starts with a space,
 * and a chomping indicator from the trailing blanks: `-` (strip) without a trailing line
 * break, `+` (keep) with more than one or when the value is all blanks, none (clip) with
 * exactly one. Every line after a run of line breaks is indented, except the (empty)
 * lines kept at the end.
 */
function blockLiteral(value: string): string {
  let bodyEnd = value.length;
  while (bodyEnd > 0 && '\n\t '.includes(value[bodyEnd - 1] as string)) bodyEnd--;
  const trailing = value.slice(bodyEnd);
  const firstBreak = trailing.indexOf('\n');
  const chomp = firstBreak === -1 ? '-' : bodyEnd === 0 || firstBreak !== trailing.length - 1 ? '+' : '';
  const leadingSpace = bodyEnd > 0 && /^\n* /.test(value);
  const text = (value.endsWith('\n') ? value.slice(0, -1) : value).replace(/\n+(?=[^\n])/g, `$&${INDENT}`);
  return `|${leadingSpace ? '2' : ''}${chomp}\n${INDENT}${text}`;
}

/** A key or a value, in the first style that fits (see the module comment). */
function scalar(text: string, isKey: boolean): string {
  if (CONTROL.test(text)) return doubleQuoted(text, isKey);
  if (text.includes('\n')) {
    if (isKey) return doubleQuoted(text, true);
    // A block's last line cannot be only blanks: quoted instead (always double, as the text has `\n ` or `\n\t`).
    return /\n[\t ]+$/.test(text) ? doubleQuoted(text, false) : blockLiteral(text);
  }
  if (INDICATORS.test(text)) return quoted(text, isKey);
  // A line (in JS's multiline mode, also after U+2028/U+2029) starting like a document marker.
  if (isKey && /^(?:%|---|\.\.\.)/m.test(text)) return quoted(text, isKey);
  if (NOT_A_STRING.test(text)) return quoted(text, isKey);
  return text;
}

/**
 * The map as a YAML document: one `key: value` line (or block) per entry, keys sorted by
 * UTF-16 code units; `{}` when empty. A key longer than 1024 characters once written is
 * an explicit `? key` with its value on a `: value` line, as YAML requires.
 */
export function formatStringMap(entries: ReadonlyMap<string, string> | Readonly<Record<string, string>>): string {
  const pairs = entries instanceof Map ? [...entries] : Object.entries(entries);
  if (pairs.length === 0) return '{}\n';
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let out = '';
  for (const [k, v] of pairs) {
    const key = scalar(k, true);
    out += `${key.length > 1024 ? `? ${key}\n:` : `${key}:`} ${scalar(v, false)}\n`;
  }
  return out;
}
