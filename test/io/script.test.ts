/**
 * The relviz script language: every command form parses to the right Command,
 * comments / blank lines / ` &` are handled, and bad lines are refused with the
 * line number and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { formatCommand, type Command } from '../../src/engine/commands.ts';
import { ScriptSyntaxError, parseLine, parseScript, runAfter, stripComment, type ScriptLine } from '../../src/io/script.ts';

/** Parses one non-blank line and returns its command. */
function cmd(text: string): Command {
  const parsed = parseLine(text, 1);
  if (parsed === null) throw new Error(`"${text}" parsed as blank`);
  return parsed.command;
}

/** The ScriptSyntaxError a script throws (fails the test if it parses). */
function syntaxError(script: string): ScriptSyntaxError {
  try {
    parseScript(script);
  } catch (e) {
    if (e instanceof ScriptSyntaxError) return e;
    throw e;
  }
  throw new Error(`expected a syntax error in:\n${script}`);
}

describe('juju deploy', () => {
  it('takes a catalog charm name; the application name and unit count default to null', () => {
    expect(cmd('juju deploy master')).toEqual({ type: 'deploy', charm: { kind: 'catalog', name: 'master' }, app: null, units: null });
  });

  it('takes an application name and -n', () => {
    expect(cmd('juju deploy postgresql backup-db -n 3')).toEqual({
      type: 'deploy',
      charm: { kind: 'catalog', name: 'postgresql' },
      app: 'backup-db',
      units: 3,
    });
  });

  it('takes a ch: name as a catalog name (the real charm), and formats it back unchanged', () => {
    const c = cmd('juju deploy ch:postgresql db -n 2');
    expect(c).toEqual({ type: 'deploy', charm: { kind: 'catalog', name: 'ch:postgresql' }, app: 'db', units: 2 });
    expect(formatCommand(c)).toBe('juju deploy ch:postgresql db -n 2');
  });

  it('accepts -n before the charm and the long form --num-units=N', () => {
    expect(cmd('juju deploy -n 2 worker')).toMatchObject({ charm: { kind: 'catalog', name: 'worker' }, units: 2 });
    expect(cmd('juju deploy worker --num-units=4')).toMatchObject({ units: 4 });
    expect(cmd('juju deploy worker --num-units 5')).toMatchObject({ units: 5 });
  });

  it('treats ./relative, /absolute and dir/name charms as files to read (files filled in later by the CLI)', () => {
    expect(cmd('juju deploy ./charms/thing')).toEqual({
      type: 'deploy',
      charm: { kind: 'files', path: './charms/thing', files: {} },
      app: null,
      units: null,
    });
    expect(cmd('juju deploy /srv/charm mine -n 2')).toMatchObject({ charm: { kind: 'files', path: '/srv/charm' }, app: 'mine', units: 2 });
    expect(cmd('juju deploy ../up/charm')).toMatchObject({ charm: { kind: 'files', path: '../up/charm' } });
  });

  it('refuses a missing charm, an extra argument, a bad application name and a bad -n', () => {
    expect(() => cmd('juju deploy')).toThrow(/expected a charm name, \.\/path or bundle\.yaml/);
    expect(() => cmd('juju deploy a b c')).toThrow(/unexpected argument "c"/);
    expect(() => cmd('juju deploy master Master')).toThrow(/expected an application name, got "Master"/);
    expect(() => cmd('juju deploy worker -n')).toThrow(/option -n needs a value/);
    expect(() => cmd('juju deploy worker -n two')).toThrow(/-n expects a number, got "two"/);
    expect(() => cmd('juju deploy --bogus worker')).toThrow(/unknown option --bogus/);
  });

  it('reads a .yaml that is not a charm’s own metadata as a bundle, with its overlays in order', () => {
    expect(cmd('juju deploy ./bundle.yaml')).toEqual({ type: 'deploy-bundle', path: './bundle.yaml', overlays: [], files: {} });
    expect(cmd('juju deploy cos/bundle.yml --overlay ./tls.yaml --overlay=o/b.yaml')).toEqual({ type: 'deploy-bundle', path: 'cos/bundle.yml', overlays: ['./tls.yaml', 'o/b.yaml'], files: {} });
    expect(cmd('juju deploy ./master/metadata.yaml')).toMatchObject({ type: 'deploy', charm: { kind: 'files', path: './master/metadata.yaml' } });
    expect(() => cmd('juju deploy ./master --overlay o.yaml')).toThrow(/--overlay goes with a bundle \(a \.yaml file\), not "\.\/master"/);
    expect(() => cmd('juju deploy ./b.yaml -n 2 --overlay o.yaml')).toThrow(/a bundle gives its own unit counts/);
    expect(() => cmd('juju deploy ./b.yaml --overlay')).toThrow(/option --overlay needs a value/);
    // With an application name or -n, a .yaml is a charm's metadata file (as before bundles).
    expect(cmd('juju deploy ./prov.yaml p -n 3')).toEqual({ type: 'deploy', charm: { kind: 'files', path: './prov.yaml', files: {} }, app: 'p', units: 3 });
    expect(cmd('juju deploy ./prov.yaml -n 2')).toMatchObject({ type: 'deploy', charm: { kind: 'files', path: './prov.yaml' } });
    expect(formatCommand(cmd('juju deploy b.yaml --overlay=o.yaml'))).toBe('juju deploy b.yaml --overlay o.yaml');
  });

  it('includes the usage of the command in its errors', () => {
    expect(() => cmd('juju deploy')).toThrow('(usage: juju deploy <charm> [<application>] [-n <units>] | juju deploy <bundle.yaml> [--overlay <overlay.yaml>]...)');
  });
});

describe('juju add-unit / remove-unit / remove-application', () => {
  it('add-unit adds one unit unless -n says otherwise', () => {
    expect(cmd('juju add-unit worker')).toEqual({ type: 'add-unit', app: 'worker', units: 1 });
    expect(cmd('juju add-unit worker -n 3')).toEqual({ type: 'add-unit', app: 'worker', units: 3 });
  });

  it('add-unit refuses -n 0, a unit name instead of an application, and no application', () => {
    expect(() => cmd('juju add-unit worker -n 0')).toThrow(/-n must be at least 1/);
    expect(() => cmd('juju add-unit worker/0')).toThrow(/expected an application name, got "worker\/0"/);
    expect(() => cmd('juju add-unit')).toThrow(/expected an application name/);
  });

  it('remove-unit takes several units in order and ignores --force / --no-wait', () => {
    expect(cmd('juju remove-unit worker/1 worker/10 master/0')).toEqual({ type: 'remove-unit', units: ['worker/1', 'worker/10', 'master/0'] });
    expect(cmd('juju remove-unit --force worker/2 --no-wait')).toEqual({ type: 'remove-unit', units: ['worker/2'] });
  });

  it('remove-unit needs at least one unit name, and unit names look like app/N', () => {
    expect(() => cmd('juju remove-unit')).toThrow(/expected at least one unit/);
    expect(() => cmd('juju remove-unit worker')).toThrow(/expected a unit name like worker\/0, got "worker"/);
    expect(() => cmd('juju remove-unit worker/0 worker/x')).toThrow(/got "worker\/x"/);
  });

  it('remove-application takes exactly one application', () => {
    expect(cmd('juju remove-application worker')).toEqual({ type: 'remove-application', app: 'worker' });
    expect(() => cmd('juju remove-application')).toThrow(/expected an application name/);
    expect(() => cmd('juju remove-application a b')).toThrow(/unexpected argument "b"/);
  });
});

describe('relations: integrate, relate, add-relation, remove-relation', () => {
  it.each(['integrate', 'relate', 'add-relation'])('juju %s is the same integrate command', (sub) => {
    expect(cmd(`juju ${sub} master worker`)).toEqual({
      type: 'integrate',
      a: { app: 'master', endpoint: null },
      b: { app: 'worker', endpoint: null },
    });
  });

  it('splits app:endpoint references, keeping the order given', () => {
    expect(cmd('juju integrate worker:master master:master-application')).toEqual({
      type: 'integrate',
      a: { app: 'worker', endpoint: 'master' },
      b: { app: 'master', endpoint: 'master-application' },
    });
  });

  it('remove-relation takes the same references', () => {
    expect(cmd('juju remove-relation webapp:db postgresql')).toEqual({
      type: 'remove-relation',
      a: { app: 'webapp', endpoint: 'db' },
      b: { app: 'postgresql', endpoint: null },
    });
  });

  it('needs exactly two valid references', () => {
    expect(() => cmd('juju integrate master')).toThrow(/expected two applications, got 1/);
    expect(() => cmd('juju relate a b c')).toThrow(/expected two applications, got 3/);
    expect(() => cmd('juju integrate master: worker')).toThrow(/"master:" is not <app>\[:<endpoint>\]/);
    expect(() => cmd('juju integrate Master worker')).toThrow(/expected an application name, got "Master"/);
    expect(() => cmd('juju remove-relation master')).toThrow(/usage: juju remove-relation/);
  });
});

describe('actions and hook-tool commands: run, run-action, exec', () => {
  it('juju run <unit> <action> k=v is a Juju 3 action, with quoted values unquoted', () => {
    expect(cmd('juju run master/0 broadcast-message message="Hello there" n=1')).toEqual({
      type: 'run-action',
      unit: 'master/0',
      action: 'broadcast-message',
      params: [
        ['message', 'Hello there'],
        ['n', '1'],
      ],
      syntax: '3',
    });
  });

  it('a parameter value may itself contain "="', () => {
    expect(cmd('juju run a/0 act query=x=y')).toMatchObject({ params: [['query', 'x=y']] });
  });

  it("juju run --unit <unit> '<cmd>' is the Juju 2.9 exec form, the quoted command line as one string", () => {
    expect(cmd(`juju run --unit master/0 'relation-get -r master-application:0 - worker/0'`)).toEqual({
      type: 'exec',
      unit: 'master/0',
      commandLine: 'relation-get -r master-application:0 - worker/0',
      syntax: '2.9',
    });
    expect(cmd('juju run --unit=worker/1 "is-leader"')).toMatchObject({ type: 'exec', unit: 'worker/1', commandLine: 'is-leader' });
  });

  it('juju run-action is the Juju 2.9 action form', () => {
    expect(cmd('juju run-action master/0 broadcast-message message=hi --wait')).toEqual({
      type: 'run-action',
      unit: 'master/0',
      action: 'broadcast-message',
      params: [['message', 'hi']],
      syntax: '2.9',
    });
  });

  it('juju exec --unit u -- <cmdline> keeps the command line verbatim (quotes and spacing included)', () => {
    expect(cmd(`juju exec --unit worker/0 -- relation-get -r master:0  'worker/0-worker-key'   master/0`)).toEqual({
      type: 'exec',
      unit: 'worker/0',
      commandLine: `relation-get -r master:0  'worker/0-worker-key'   master/0`,
      syntax: '3',
    });
  });

  it('juju exec accepts -u, and a trailing comment is not part of the command line', () => {
    expect(cmd('juju exec -u worker/0 -- is-leader # who leads?')).toMatchObject({ unit: 'worker/0', commandLine: 'is-leader' });
  });

  it('refuses action and exec lines with missing pieces', () => {
    expect(() => cmd('juju run master/0')).toThrow(/expected a unit and an action/);
    expect(() => cmd('juju run master broadcast-message')).toThrow(/expected a unit name like worker\/0, got "master"/);
    expect(() => cmd('juju run master/0 broadcast-message hello')).toThrow(/expected key=value, got "hello"/);
    expect(() => cmd('juju run master/0 broadcast-message =x')).toThrow(/expected key=value, got "=x"/);
    expect(() => cmd('juju run --unit master/0')).toThrow(/expected a command line to run/);
    expect(() => cmd('juju run-action master/0')).toThrow(/expected a unit and an action/);
    expect(() => cmd('juju exec --unit worker/0 is-leader')).toThrow(/expected " -- " before the command line/);
    expect(() => cmd('juju exec -- is-leader')).toThrow(/expected a unit name like worker\/0/);
    expect(() => cmd('juju exec --unit worker/0 --')).toThrow(/expected a command line after --/);
    expect(() => cmd('juju exec --unit worker/0 extra -- is-leader')).toThrow(/unexpected argument "extra"/);
  });
});

describe('resolve, status, show-unit', () => {
  it.each([
    ['juju resolve worker/0', false],
    ['juju resolved worker/0', false],
    ['juju resolve --no-retry worker/0', true],
    ['juju resolved worker/0 --no-retry', true],
  ])('%s', (text, noRetry) => {
    expect(cmd(text)).toEqual({ type: 'resolve', unit: 'worker/0', noRetry });
  });

  it('status with and without --relations', () => {
    expect(cmd('juju status')).toEqual({ type: 'status', relations: false });
    expect(cmd('juju status --relations')).toEqual({ type: 'status', relations: true });
    expect(() => cmd('juju status worker')).toThrow(/unexpected argument "worker"/);
    expect(() => cmd('juju status --format=json')).toThrow(/unknown option --format=json/);
  });

  it('show-unit takes one unit', () => {
    expect(cmd('juju show-unit webapp/0')).toEqual({ type: 'show-unit', unit: 'webapp/0' });
    expect(() => cmd('juju show-unit')).toThrow(/expected a unit name/);
    expect(() => cmd('juju show-unit webapp')).toThrow(/got "webapp"/);
  });

  it('resolve needs a unit', () => {
    expect(() => cmd('juju resolve')).toThrow(/expected a unit name/);
  });
});

describe('simulator commands: fail, step, wait', () => {
  it('fail <unit> <hook> queues a failure', () => {
    expect(cmd('fail worker/0 master-relation-changed')).toEqual({ type: 'fail', unit: 'worker/0', hook: 'master-relation-changed' });
    expect(() => cmd('fail worker/0')).toThrow(/expected a unit and a hook name/);
    expect(() => cmd('fail worker install')).toThrow(/expected a unit name like worker\/0, got "worker"/);
    expect(() => cmd('fail worker/0 install extra')).toThrow(/unexpected argument "extra"/);
  });

  it('step runs one hook, step n runs n', () => {
    expect(cmd('step')).toEqual({ type: 'step', count: 1, unit: null, pick: null });
    expect(cmd('step 12')).toEqual({ type: 'step', count: 12, unit: null, pick: null });
  });

  it('step --unit u --pick i chooses the unit and its candidate', () => {
    expect(cmd('step --unit worker/1 --pick 2')).toEqual({ type: 'step', count: 1, unit: 'worker/1', pick: 2 });
    expect(cmd('step --unit worker/1')).toEqual({ type: 'step', count: 1, unit: 'worker/1', pick: null });
  });

  it('step refuses zero, non-numbers, --pick without --unit and a bad unit', () => {
    expect(() => cmd('step 0')).toThrow(/expected a positive number of hooks, got "0"/);
    expect(() => cmd('step lots')).toThrow(/expected a positive number of hooks, got "lots"/);
    expect(() => cmd('step --unit worker/0 --pick x')).toThrow(/--pick expects a number, got "x"/);
    expect(() => cmd('step --pick 1')).toThrow(/--pick needs --unit/);
    expect(() => cmd('step --unit worker')).toThrow(/got "worker"/);
  });

  it('wait takes no arguments', () => {
    expect(cmd('wait')).toEqual({ type: 'wait' });
    expect(() => cmd('wait 5')).toThrow(/unexpected argument "5" \(usage: wait\)/);
  });
});

describe('comments, blank lines and line numbers', () => {
  it('skips full-line comments and blank lines but keeps the real line numbers', () => {
    const lines = parseScript(['# a comment', '', 'juju deploy master', '   ', '  # indented comment', 'juju deploy worker -n 2', ''].join('\n'));
    expect(lines.map((l) => [l.line, l.text])).toEqual([
      [3, 'juju deploy master'],
      [6, 'juju deploy worker -n 2'],
    ]);
  });

  it('removes a trailing comment from the text', () => {
    const [line] = parseScript('juju deploy master   # the master');
    expect(line?.text).toBe('juju deploy master');
    expect(line?.command).toMatchObject({ app: null });
  });

  it('keeps # inside quotes and inside a word', () => {
    expect(cmd(`juju run --unit m/0 'relation-set note="#1"'`)).toMatchObject({ commandLine: 'relation-set note="#1"' });
    expect(cmd(`juju run m/0 act note="a # b"`)).toMatchObject({ params: [['note', 'a # b']] });
    expect(stripComment('juju deploy master#1')).toBe('juju deploy master#1');
  });

  it('stripComment agrees with the shell: no escapes inside single quotes', () => {
    // In 'a\' the backslash is literal and the quote closes, so "# note" is a comment.
    expect(stripComment(`juju exec --unit u/0 -- relation-set k='a\\' # note`)).toBe(`juju exec --unit u/0 -- relation-set k='a\\' `);
    // Inside double quotes \" does not close the string.
    expect(stripComment(`juju run m/0 act k="a\\" # still quoted"`)).toBe(`juju run m/0 act k="a\\" # still quoted"`);
  });

  it('accepts CRLF line endings', () => {
    const lines = parseScript('juju deploy master\r\n\r\njuju deploy worker\r\n');
    expect(lines.map((l) => [l.line, l.text])).toEqual([
      [1, 'juju deploy master'],
      [3, 'juju deploy worker'],
    ]);
  });

  it('an empty script has no lines', () => {
    expect(parseScript('')).toEqual([]);
    expect(parseScript('# only comments\n\n')).toEqual([]);
  });

  it('parseLine returns null for a blank or comment-only line', () => {
    expect(parseLine('   ')).toBeNull();
    expect(parseLine('# nothing')).toBeNull();
  });
});

describe('background lines ending in " &"', () => {
  it('marks the line as background and drops the & from the text', () => {
    const [line] = parseScript('juju deploy master &');
    expect(line).toEqual<ScriptLine>({
      line: 1,
      text: 'juju deploy master',
      command: { type: 'deploy', charm: { kind: 'catalog', name: 'master' }, app: null, units: null },
      background: true,
    });
  });

  it('sees the & before a trailing comment', () => {
    expect(parseLine('juju deploy worker -n 2 &  # in the background')?.background).toBe(true);
  });

  it('an & glued to the last word is not a background marker', () => {
    const line = parseLine('juju deploy master&');
    expect(line?.background).toBe(false);
    expect(line?.command).toMatchObject({ charm: { name: 'master&' } });
  });

  it('an & inside quotes is not a background marker', () => {
    expect(parseLine(`juju run --unit m/0 'echo &'`)?.background).toBe(false);
  });

  it('runAfter: juju commands wait for idle unless backgrounded; step runs its count; fail runs nothing; wait waits', () => {
    const after = (text: string) => runAfter(parseLine(text) as ScriptLine);
    expect(after('juju deploy master')).toBe('idle');
    expect(after('juju deploy master &')).toBe('none');
    expect(after('juju status')).toBe('idle');
    expect(after('step 3')).toBe(3);
    expect(after('step')).toBe(1);
    expect(after('fail worker/0 install')).toBe('none');
    expect(after('wait')).toBe('idle');
  });
});

describe('syntax errors name the line and what was expected', () => {
  it('reports the line number of the first bad line, counting comments and blank lines', () => {
    const e = syntaxError(['# setup', 'juju deploy master', '', 'juju deploy worker', 'juju frobnicate worker', 'juju nonsense too'].join('\n'));
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/^line 5: /);
  });

  it('unknown juju command lists the known ones', () => {
    const e = syntaxError('juju deploy master\njuju frobnicate');
    expect(e.line).toBe(2);
    expect(e.problem).toMatch(/^unknown juju command "frobnicate"; expected one of: deploy, add-unit, remove-unit, integrate/);
    expect(e.problem).toContain('show-unit');
  });

  it('a bare "juju" asks for a command', () => {
    expect(syntaxError('juju').problem).toMatch(/^expected a juju command: deploy/);
  });

  it('an unknown non-juju command says what is allowed', () => {
    const e = syntaxError('\n\ndeploy master');
    expect(e.line).toBe(3);
    expect(e.problem).toBe('unknown command "deploy"; expected "juju …", "fail", "step", "wait", "load-status" or "set-code"');
  });

  it('missing arguments', () => {
    const e = syntaxError('juju deploy master\njuju add-unit');
    expect(e.line).toBe(2);
    expect(e.problem).toBe('expected an application name (usage: juju add-unit <application> [-n <units>])');
  });

  it('a bad unit name', () => {
    const e = syntaxError('juju remove-unit worker-1');
    expect(e.problem).toBe('expected a unit name like worker/0, got "worker-1" (usage: juju remove-unit <unit> [<unit> ...])');
  });

  it.each(['step &', 'wait &', 'fail worker/0 install &', '&'])('"&" on a non-juju line (%s)', (text) => {
    const e = syntaxError(`juju deploy master\n${text}`);
    expect(e.line).toBe(2);
    expect(e.problem).toBe('only juju commands can run in the background with "&"');
  });

  it.each([
    [`juju run --unit m/0 'relation-ids x`, 'unterminated single quote'],
    [`juju run m/0 act msg="hello`, 'unterminated double quote'],
  ])('an unterminated quote: %s', (text, problem) => {
    const e = syntaxError(`juju deploy master\n# comment\n${text}`);
    expect(e.line).toBe(3);
    expect(e.problem).toBe(problem);
  });

  it('is a ScriptSyntaxError carrying line and problem separately', () => {
    const e = syntaxError('wait now');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ScriptSyntaxError');
    expect(e.line).toBe(1);
    expect(e.problem).toBe('unexpected argument "now" (usage: wait)');
    expect(e.message).toBe('line 1: unexpected argument "now" (usage: wait)');
  });
});

describe('a whole script', () => {
  it('parses the masterworker example line by line', () => {
    const lines = parseScript(
      [
        'juju deploy master',
        'juju deploy worker -n 2',
        'juju relate master worker',
        'juju run --unit master/0 "relation-ids master-application"',
        'juju run-action master/0 broadcast-message message="Hello there"',
        'juju remove-unit worker/1',
        'juju remove-relation master worker',
        'juju status --relations',
      ].join('\n'),
    );
    expect(lines.map((l) => l.command.type)).toEqual(['deploy', 'deploy', 'integrate', 'exec', 'run-action', 'remove-unit', 'remove-relation', 'status']);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(lines.every((l) => !l.background)).toBe(true);
  });
});
