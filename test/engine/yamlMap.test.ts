/**
 * relation-get's map output (formatStringMap) is byte for byte what the `yaml` package
 * writes with the options relviz used before: examples of each style, then a property
 * over random maps — printable, full-Unicode, raw UTF-16 (lone surrogates) and
 * YAML-hostile strings — compared with the library itself. YAML_MAP_RUNS (default 1500)
 * sets the number of maps per generator.
 */
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatStringMap } from '../../src/engine/yamlMap.ts';

const RUNS = Number(process.env.YAML_MAP_RUNS ?? 1500);

/** The call relation-get's map output made before the emitter replaced it. */
function library(map: ReadonlyMap<string, string>): string {
  const obj = Object.fromEntries(map);
  if (Object.keys(obj).length === 0) return '{}\n';
  return stringify(obj, { version: '1.1', sortMapEntries: true, lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}

/** The emitter's output for `value` under key `k`, without the key. */
const valueOf = (value: string) => formatStringMap({ k: value }).replace(/^k: /, '');

describe('relation-get map output', () => {
  it('quotes a numeric-looking value, as in JUJU-SEMANTICS', () => {
    // Arrange
    const bag = new Map([['worker/0-worker-key', '5914']]);
    // Act
    const out = formatStringMap(bag);
    // Assert
    expect(out).toBe('worker/0-worker-key: "5914"\n');
  });

  it('prints {} for an empty map, from a Map or a record', () => {
    expect(formatStringMap(new Map())).toBe('{}\n');
    expect(formatStringMap({})).toBe('{}\n');
  });

  it('sorts keys by UTF-16 code units, not by locale', () => {
    // Arrange: 'B' < 'a' < 'é' < '😀' (U+D83D) < 'ｚ' (U+FF5A) in code units.
    const bag = { ｚ: '1x', '😀': 'x', é: 'x', a: 'x', B: 'x' };
    // Act
    const keys = formatStringMap(bag).split('\n').slice(0, -1).map((line) => line.split(':')[0]);
    // Assert
    expect(keys).toEqual(['B', 'a', 'é', '😀', 'ｚ']);
  });

  it('quotes what YAML 1.1 reads as a boolean, a null, a number or a date', () => {
    for (const s of ['y', 'Yes', 'NO', 'on', 'Off', 'TRUE', 'false', '~', 'null', '', '0x1F', '0b101', '017', '-1_000', '1:30', '+1:20:59.5', '1e3', 'e3', '.5', '-.INF', '.NaN', '.', '2001-12-14', '2001-12-14t21:59:43.10-05:00']) {
      expect(valueOf(s), s).toBe(`"${s}"\n`);
    }
    for (const s of ['yES', 'nil', 'None', '0x', '1:60', '1e', '..', 'inf', '2001-12-14x', '<<', 'True!']) {
      expect(valueOf(s), s).toBe(`${s}\n`);
    }
  });

  it('quotes indicators and blanks, single-quoting only text with " and no \'', () => {
    expect(valueOf('- x')).toBe('"- x"\n');
    expect(valueOf('-x')).toBe('-x\n');
    expect(valueOf('a: b')).toBe('"a: b"\n');
    expect(valueOf('a:b')).toBe('a:b\n');
    expect(valueOf('a #b')).toBe('"a #b"\n');
    expect(valueOf('a#b')).toBe('a#b\n');
    expect(valueOf(' lead')).toBe('" lead"\n');
    expect(valueOf('trail ')).toBe('"trail "\n');
    expect(valueOf('"q"')).toBe(`'"q"'\n`);
    expect(valueOf(`it's`)).toBe(`it's\n`);
    expect(valueOf(`'s`)).toBe(`"'s"\n`);
    expect(valueOf(`'"`)).toBe(`"'\\""\n`);
    expect(formatStringMap({ '---': '---', '? k': 'v', 'a\u2028...': 'v' })).toBe(`"---": ---\n"? k": v\n"a\u2028...": v\n`);
  });

  it('writes a multi-line value as a literal block: strip, clip, keep, and an explicit indent', () => {
    expect(valueOf('a\nb')).toBe('|-\n  a\n  b\n');
    expect(valueOf('a\nb\n')).toBe('|\n  a\n  b\n');
    expect(valueOf('a\n\nb\n\n')).toBe('|+\n  a\n\n  b\n\n');
    expect(valueOf('  a\nb')).toBe('|2-\n    a\n  b\n');
    expect(valueOf(' \n')).toBe('|+\n   \n');
    expect(valueOf('a\n ')).toBe('"a\\n "\n');
  });

  it('double-quotes keys with line breaks and text with control characters or lone surrogates', () => {
    expect(formatStringMap({ 'a\nb': 'v' })).toBe('"a\\nb": v\n');
    expect(valueOf('bell\x07 nul\0 esc\x1b tab\t del\x7f')).toBe('"bell\\a nul\\0 esc\\e tab\\t del\x7f"\n');
    expect(valueOf('\ud800')).toBe('"\\ud800"\n');
    expect(valueOf('😀 é ü\u2028')).toBe('😀 é ü\u2028\n');
  });

  it('folds a long double-quoted value at its line breaks', () => {
    const text = `\x01${'x'.repeat(40)}\n\n y\n`;
    expect(valueOf(text)).toBe(`"\\x01${'x'.repeat(40)}\n\n\n  \\ y\\n"\n`);
    expect(parse(formatStringMap({ k: text }), { version: '1.1' })).toEqual({ k: text });
  });

  it("keeps the library's `\\\\ ` for a folded line that is a lone space (it reads back as a backslash)", () => {
    const text = `\x01${'x'.repeat(40)}\n \ny`;
    expect(valueOf(text)).toBe(`"\\x01${'x'.repeat(40)}\n\n  \\\\ \n\n  y"\n`);
    expect(formatStringMap({ k: text })).toBe(library(new Map([['k', text]])));
  });

  it('writes a key longer than 1024 characters as an explicit key', () => {
    const key = 'k'.repeat(1025);
    expect(formatStringMap({ [key]: 'v' })).toBe(`? ${key}\n: v\n`);
  });
});

/** Pieces YAML treats specially, joined at random into keys and values. */
const FRAGMENTS = [
  'yes', 'No', 'ON', 'y', 'n', '~', 'null', 'NULL', '0x1F', '0b1', '017', '1:30', '1e3', '.inf', '-.Inf', '.nan', '2001-12-14', ' 21:59:43.1Z',
  '-', '?', ':', ' ', '#', ': ', ' #', '\n', '\n\n', '\t', '"', "'", '\\', '- ', '? ', '<<', '---', '...', '%', '@', '`', '|', '>', '!', '&', '*',
  '{', '}', '[', ']', ',', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u0000', '\x07', '\x1b', '\r', '\ud800', '😀', 'a', 'key', 'x'.repeat(40),
];
const hostile = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 6 }).map((parts) => parts.join(''));
/** Number- and date-like text: digits, signs, separators. */
const numeric = fc.string({ unit: fc.constantFrom(...'0179_.eE+-:xbTZ '.split('')), maxLength: 12 });
/** Any UTF-16 code unit, lone surrogates included. */
const utf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), size: 'medium' });

/** Blank lines and indents, for block scalars' chomping and indentation indicators. */
const blanks = fc.string({ unit: fc.constantFrom(' ', '\n', '\t', 'x'), size: 'medium' });
/** A control character (so double quotes), then line breaks and spaces around the 40-character folding threshold. */
const controlled = fc.array(fc.constantFrom('\n', ' ', 'x', '"', '\t'), { minLength: 12, maxLength: 40, size: 'max' }).map((parts) => `\x01${parts.join('')}`);

/** Each generator's name, arbitrary, and share of the runs. */
const GENERATORS: [string, fc.Arbitrary<string>, number][] = [
  ['printable ASCII', fc.string({ size: 'medium' }), 1],
  ['Unicode code points', fc.string({ unit: 'binary', size: 'medium' }), 1],
  ['UTF-16 code units', utf16, 1],
  ['YAML-hostile fragments', hostile, 1],
  ['number- and date-like', numeric, 1],
  ['blanks and line breaks', blanks, 1],
  ['a control character and line breaks', controlled, 1],
  ['about 1024 characters (explicit keys past 1024)', hostile.map((s) => 'k'.repeat(1018) + s), 0.2],
  ['a mix', fc.oneof(fc.string(), utf16, hostile, numeric, blanks, controlled), 1],
];

describe('relation-get map output equals the yaml library', () => {
  for (const [name, text, share] of GENERATORS) {
    it(`for maps of ${name}`, () => {
      const maps = fc.array(fc.tuple(text, text), { maxLength: 5 }).map((entries) => new Map(entries));
      fc.assert(
        fc.property(maps, (map) => {
          const expected = library(map);
          expect(formatStringMap(map)).toBe(expected);
          expect(formatStringMap(Object.fromEntries(map))).toBe(expected);
        }),
        { numRuns: Math.ceil(RUNS * share) },
      );
    });
  }
});
