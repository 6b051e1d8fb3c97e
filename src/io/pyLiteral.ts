/**
 * Python source text for the values an exported test holds: strings written as
 * Python's `repr` writes them (single quotes unless the text has a single quote and no
 * double one), with everything outside printable ASCII escaped — so the file is ASCII
 * whatever a databag holds, and reads back as the same string in any encoding —
 * integers, booleans, None, lists and dicts with keys in the order given, laid out
 * with 4-space indents and a trailing comma on each line of a broken container, as
 * black lays them out. Identifiers are sanitised from Juju names. Pure.
 */

export type PyValue = string | number | boolean | null | readonly PyValue[] | PyDict;

/** A dict literal: its entries in order (an int key for `remote_units_data={0: …}`). */
export class PyDict {
  constructor(readonly entries: ReadonlyArray<readonly [string | number, PyValue]>) {}

  /** A dict of a record's entries, keys sorted by code unit (as relation-get sorts them). */
  static sorted(record: Readonly<Record<string, PyValue>>): PyDict {
    return new PyDict(Object.keys(record).sort(byCodeUnit).map((k) => [k, record[k] as PyValue] as const));
  }
}

export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The longest line the writer aims for (ops' own line length). */
export const LINE_LENGTH = 99;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text with every character outside printable ASCII written as a Python escape
 * (`\n`, `\x07`, `\u00e9`, `\U0001f600`; a lone surrogate as `\ud800`, which Python
 * accepts in a str literal), and backslashes doubled. Quotes are left to the caller.
 */
export function escapeText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i] as string;
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) out += simple;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c < 0x100) out += `\\x${hex(c, 2)}`;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) < 0xe000) {
      out += `\\U${hex(s.codePointAt(i) as number, 8)}`;
      i++;
    } else out += `\\u${hex(c, 4)}`;
  }
  return out;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** A Python str literal, quoted as `repr` quotes it. */
export function pyStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = escapeText(s);
  return quote + (quote === "'" ? body.replaceAll("'", "\\'") : body) + quote;
}

/**
 * A value as Python source. `column` is where it starts on its line, `indent` the
 * indentation of that line and `tail` how many characters follow it there (a comma, a
 * parenthesis): a container is written on one line when it fits in LINE_LENGTH, else
 * one entry per line, each indented 4 more and followed by a comma.
 */
export function pyRepr(value: PyValue, indent = 0, column = indent, tail = 0): string {
  const line = pyFlat(value);
  if (typeof value !== 'object' || value === null || column + line.length + tail <= LINE_LENGTH) return line;
  const items = entries(value);
  if (items.length === 0) return line;
  const [open, close] = value instanceof PyDict ? ['{', '}'] : ['[', ']'];
  const inner = indent + 4;
  const pad = ' '.repeat(inner);
  return `${open}\n${items.map(([key, v]) => `${pad}${key}${pyRepr(v, inner, inner + key.length, 1)},\n`).join('')}${' '.repeat(indent)}${close}`;
}

/** A value on one line. */
export function pyFlat(value: PyValue): string {
  if (typeof value === 'string') return pyStr(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`pyRepr: ${value} is not an integer`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null) return 'None';
  const [open, close] = value instanceof PyDict ? ['{', '}'] : ['[', ']'];
  return open + entries(value).map(([key, v]) => key + pyFlat(v)).join(', ') + close;
}

/** A container's items as (what comes before the value, the value): `'k': ` for a dict entry, nothing for a list item. */
function entries(value: PyDict | readonly PyValue[]): Array<readonly [string, PyValue]> {
  if (value instanceof PyDict) return value.entries.map(([k, v]) => [`${pyFlat(k)}: `, v] as const);
  return value.map((v) => ['', v] as const);
}

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
);

/** A Python identifier from a Juju name: `master-application:0` → `master_application_0`. */
export function pyIdentifier(name: string): string {
  let id = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (id === '') id = '_';
  if (/^\d/.test(id)) id = `_${id}`;
  return KEYWORDS.has(id) ? `${id}_` : id;
}
