/** The Python literal writer of the export: strings as repr quotes them, layout, identifiers; read back by Python itself. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINE_LENGTH, PyDict, escapeText, pyIdentifier, pyRepr, pyStr } from '../../src/io/pyLiteral.ts';
import { NO_PYTHON, runPython } from './python.ts';

describe('pyStr', () => {
  it("quotes as Python's repr does: single quotes, double quotes when only a single quote is inside", () => {
    expect(pyStr('abc')).toBe("'abc'");
    expect(pyStr("it's")).toBe('"it\'s"');
    expect(pyStr('say "hi"')).toBe('\'say "hi"\'');
    expect(pyStr(`it's "both"`)).toBe(`'it\\'s "both"'`);
    expect(pyStr('')).toBe("''");
  });

  it('escapes backslashes, line ends, controls and everything outside printable ASCII', () => {
    expect(pyStr('a\\b')).toBe("'a\\\\b'");
    expect(pyStr('1\n2\r3\t4\x005\x7f')).toBe("'1\\n2\\r3\\t4\\x005\\x7f'");
    expect(pyStr('é€😀')).toBe("'\\xe9\\u20ac\\U0001f600'");
    // A lone surrogate (a JS string can hold one; so can a Python str literal).
    expect(pyStr('\ud800x')).toBe("'\\ud800x'");
    expect(escapeText('\u2028')).toBe('\\u2028');
  });
});

const word = fc.stringMatching(/^[a-z0-9/-]{0,20}$/);

describe('pyRepr', () => {
  it('writes scalars as Python does', () => {
    expect(pyRepr(true)).toBe('True');
    expect(pyRepr(false)).toBe('False');
    expect(pyRepr(null)).toBe('None');
    expect(pyRepr(-3)).toBe('-3');
    expect(() => pyRepr(1.5)).toThrow(/not an integer/);
  });

  it('keeps a container on one line when it fits, else one entry a line, indented 4, each with a trailing comma', () => {
    expect(pyRepr(new PyDict([]))).toBe('{}');
    expect(pyRepr([])).toBe('[]');
    expect(pyRepr(new PyDict([[0, 'a'], ['k', [1, 2]]]))).toBe("{0: 'a', 'k': [1, 2]}");
    const long = PyDict.sorted({ 'private-address': '10.0.0.10', 'ingress-address': '10.0.0.10', 'egress-subnets': '10.0.0.10/32' });
    expect(pyRepr(new PyDict([[0, long]]), 8, 26)).toBe(
      [
        '{',
        '            0: {',
        "                'egress-subnets': '10.0.0.10/32',",
        "                'ingress-address': '10.0.0.10',",
        "                'private-address': '10.0.0.10',",
        '            },',
        '        }',
      ].join('\n'),
    );
  });

  it('never writes a line past LINE_LENGTH when the keys and values are short', () => {
    fc.assert(
      fc.property(fc.dictionary(word, fc.dictionary(word, word)), fc.nat(40), (d, indent) => {
        const value = PyDict.sorted(Object.fromEntries(Object.entries(d).map(([k, v]) => [k, PyDict.sorted(v)])));
        for (const line of pyRepr(value, indent, indent).split('\n')) expect(line.length).toBeLessThanOrEqual(LINE_LENGTH);
      }),
    );
  });
});

describe('pyIdentifier', () => {
  it('turns Juju names into identifiers', () => {
    expect(pyIdentifier('master-application_0')).toBe('master_application_0');
    expect(pyIdentifier('worker/10')).toBe('worker_10');
    expect(pyIdentifier('0day')).toBe('_0day');
    expect(pyIdentifier('class')).toBe('class_');
    expect(pyIdentifier('é')).toBe('_');
  });
});

describe.skipIf(NO_PYTHON)('read back by python3', () => {
  it('every string, dict and list it writes is the same value to Python (ast.literal_eval)', () => {
    const strings = fc.sample(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 30 })), 400);
    strings.push("'", '"', `'"`, '\\', '\\\'', '\ud800', '\udfff\ud800', '\0', '\u0085', '\u2028');
    const value = [...strings, PyDict.sorted(Object.fromEntries(strings.map((s, i) => [s, String(i)]))), new PyDict(strings.map((s, i) => [i, [s, true, null]] as const))];
    const text = pyRepr(value);
    const out = runPython(
      'import ast, json, sys\nv = ast.literal_eval(open(sys.argv[1], encoding="ascii").read())\ndef conv(x):\n    if isinstance(x, dict):\n        return [[conv(k), conv(y)] for k, y in x.items()]\n    if isinstance(x, list):\n        return [conv(y) for y in x]\n    return x\nprint(json.dumps(conv(v)))\n',
      { 'values.py': text },
    );
    const back = JSON.parse(out) as unknown[];
    expect(back.slice(0, strings.length)).toEqual(strings);
    expect(back[strings.length]).toEqual(Object.keys(Object.fromEntries(strings.map((s) => [s, 0]))).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((s) => [s, String(strings.lastIndexOf(s))]));
    expect(back[strings.length + 1]).toEqual(strings.map((s, i) => [i, [s, true, null]]));
  });
});
