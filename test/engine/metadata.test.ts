/**
 * Charm metadata: metadata.yaml (+ actions.yaml) or charmcraft.yaml parsed into
 * endpoints and actions, validated as Juju's charm package does, with problems
 * reported as `<file>:<line>: <problem>`.
 */
import { describe, expect, it } from 'vitest';
import type { EndpointMeta } from '../../src/engine/charm.ts';
import { MetadataError, parseCharmFiles, type CharmFiles } from '../../src/engine/metadata.ts';

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

/** The MetadataError parsing `files` throws (fails the test if it parses). */
function metadataError(files: CharmFiles): MetadataError {
  try {
    parseCharmFiles(files);
  } catch (e) {
    if (e instanceof MetadataError) return e;
    throw e;
  }
  throw new Error('expected a MetadataError');
}

const ep = (name: string, role: EndpointMeta['role'], iface: string, more: Partial<EndpointMeta> = {}): EndpointMeta => ({
  name,
  role,
  interface: iface,
  limit: null,
  scope: 'global',
  implicit: false,
  ...more,
});

describe('metadata.yaml endpoints', () => {
  it('reads provides, requires and peers in that order, with interface, limit and scope', () => {
    const meta = parseCharmFiles({
      'metadata.yaml': yaml(
        'name: webapp',
        'summary: "  A web app  "',
        'peers:',
        '  replicas:',
        '    interface: charm_gossip',
        'requires:',
        '  db:',
        '    interface: postgresql_client',
        '    limit: 1',
        '  logs:',
        '    interface: syslog',
        '    scope: container',
        'provides:',
        '  website:',
        '    interface: http',
        '    scope: global',
      ),
    });
    expect(meta.name).toBe('webapp');
    expect(meta.summary).toBe('A web app');
    expect(meta.subordinate).toBe(false);
    expect(meta.endpoints).toEqual([
      ep('website', 'provides', 'http'),
      ep('db', 'requires', 'postgresql_client', { limit: 1 }),
      ep('logs', 'requires', 'syslog', { scope: 'container' }),
      ep('replicas', 'peers', 'charm_gossip'),
    ]);
    expect(meta.actions).toEqual([]);
  });

  it('accepts the short form `db: mysql` (interface only, global, no limit)', () => {
    const meta = parseCharmFiles({ 'metadata.yaml': yaml('name: blog', 'requires:', '  db: mysql', 'provides:', '  url: http') });
    expect(meta.endpoints).toEqual([ep('url', 'provides', 'http'), ep('db', 'requires', 'mysql')]);
  });

  it('a charm without endpoints has none (the implicit juju-info is not declared metadata)', () => {
    const meta = parseCharmFiles({ 'metadata.yaml': yaml('name: ubuntu-lite') });
    expect(meta.endpoints).toEqual([]);
    expect(meta.summary).toBe('');
  });

  it('allows a juju-* name on a requires endpoint (only provides/peers names are reserved)', () => {
    const meta = parseCharmFiles({ 'metadata.yaml': yaml('name: agent', 'subordinate: true', 'requires:', '  juju-info:', '    interface: juju-info', '    scope: container') });
    expect(meta.endpoints).toEqual([ep('juju-info', 'requires', 'juju-info', { scope: 'container' })]);
  });
});

describe('subordinate charms', () => {
  it('a subordinate with a container-scoped requires endpoint is accepted', () => {
    const meta = parseCharmFiles({
      'metadata.yaml': yaml('name: telegraf', 'subordinate: true', 'requires:', '  host:', '    interface: juju-info', '    scope: container'),
    });
    expect(meta.subordinate).toBe(true);
    expect(meta.endpoints).toEqual([ep('host', 'requires', 'juju-info', { scope: 'container' })]);
  });

  it('a subordinate whose requires endpoint is global is refused at the subordinate line', () => {
    const e = metadataError({
      'metadata.yaml': yaml('name: telegraf', 'summary: s', 'subordinate: true', 'requires:', '  host:', '    interface: juju-info'),
    });
    expect(e.message).toBe('metadata.yaml:3: subordinate charm "telegraf" lacks a "requires" endpoint with container scope');
  });

  it('a container-scoped *provides* endpoint does not make a subordinate valid', () => {
    const e = metadataError({
      'metadata.yaml': yaml('name: sub', 'subordinate: true', 'provides:', '  out:', '    interface: x', '    scope: container'),
    });
    expect(e.line).toBe(2);
    expect(e.problem).toMatch(/lacks a "requires" endpoint with container scope/);
  });

  it('subordinate must be a boolean', () => {
    const e = metadataError({ 'metadata.yaml': yaml('name: sub', 'subordinate: "yes"') });
    expect(e.message).toBe('metadata.yaml:2: "subordinate" must be true or false');
  });

  it('subordinate: false is an ordinary charm', () => {
    expect(parseCharmFiles({ 'metadata.yaml': yaml('name: plain', 'subordinate: false') }).subordinate).toBe(false);
  });
});

describe('actions', () => {
  it('charmcraft.yaml carries endpoints and actions (with parameter names) in one file', () => {
    const meta = parseCharmFiles({
      'charmcraft.yaml': yaml(
        'name: master',
        'type: charm',
        'provides:',
        '  master-application:',
        '    interface: exchange',
        '    limit: 1',
        'actions:',
        '  broadcast-message:',
        '    description: Send a message to every worker.',
        '    params:',
        '      message:',
        '        type: string',
        '      urgent:',
        '        type: boolean',
        '  ping: {}',
      ),
    });
    expect(meta.endpoints).toEqual([ep('master-application', 'provides', 'exchange', { limit: 1 })]);
    expect(meta.actions).toEqual([
      { name: 'broadcast-message', description: 'Send a message to every worker.', params: ['message', 'urgent'] },
      { name: 'ping', description: '', params: [] },
    ]);
  });

  it('metadata.yaml takes its actions from actions.yaml', () => {
    const meta = parseCharmFiles({
      'metadata.yaml': yaml('name: db', 'provides:', '  db: pgsql'),
      'actions.yaml': yaml('backup:', '  description: Take a backup.', '  params:', '    target:', '      type: string', 'restore: {}'),
    });
    expect(meta.actions).toEqual([
      { name: 'backup', description: 'Take a backup.', params: ['target'] },
      { name: 'restore', description: '', params: [] },
    ]);
  });

  it('an empty actions.yaml means no actions', () => {
    expect(parseCharmFiles({ 'metadata.yaml': yaml('name: db'), 'actions.yaml': '' }).actions).toEqual([]);
  });

  it('charmcraft.yaml wins over metadata.yaml, and then actions.yaml is not read', () => {
    const meta = parseCharmFiles({
      'charmcraft.yaml': yaml('name: from-charmcraft', 'actions:', '  go: {}'),
      'metadata.yaml': yaml('name: from-metadata'),
      'actions.yaml': yaml('other: {}'),
    });
    expect(meta.name).toBe('from-charmcraft');
    expect(meta.actions.map((a) => a.name)).toEqual(['go']);
  });

  it('errors in actions.yaml name actions.yaml and its line', () => {
    const e = metadataError({
      'metadata.yaml': yaml('name: db'),
      'actions.yaml': yaml('backup:', '  params: [target'),
    });
    expect(e.file).toBe('actions.yaml');
    expect(e.message).toMatch(/^actions\.yaml:\d+: /);
  });

  it('action params must be a mapping, reported at its line', () => {
    const e = metadataError({ 'charmcraft.yaml': yaml('name: c', 'actions:', '  go:', '    params:', '      - speed') });
    expect(e.message).toBe('charmcraft.yaml:5: params of action "go" must be a mapping');
  });
});

describe('errors name the file and the line', () => {
  it.each([
    ['a nested compact mapping', yaml('name: x', 'summary: ok', 'provides: a: b'), 3],
    ['a tab used for indentation', yaml('name: x', 'requires:', '  db:', '\tinterface: a'), 4],
    ['a duplicated key', yaml('name: x', 'summary: ok', '', 'requires:', '  db: a', '  db: b'), 6],
  ])('invalid YAML (%s) at its line', (_what, text, line) => {
    const e = metadataError({ 'metadata.yaml': text });
    expect(e.file).toBe('metadata.yaml');
    expect(e.line).toBe(line);
    expect(e.message).toMatch(new RegExp(`^metadata\\.yaml:${line}: \\S`));
  });

  it('invalid YAML in charmcraft.yaml names charmcraft.yaml', () => {
    const e = metadataError({ 'charmcraft.yaml': yaml('name: x', 'provides: a: b') });
    expect(e.message).toMatch(/^charmcraft\.yaml:2: /);
  });

  it('missing name', () => {
    const e = metadataError({ 'metadata.yaml': yaml('summary: nameless', 'provides:', '  db: mysql') });
    expect(e.message).toBe('metadata.yaml:1: missing required field "name"');
  });

  it('a name that is not a lower-case charm name', () => {
    expect(metadataError({ 'metadata.yaml': yaml('summary: s', 'name: My_Charm') }).message).toBe(
      'metadata.yaml:2: charm name "My_Charm" must be lower-case letters, digits and hyphens',
    );
  });

  it('an endpoint without an interface, at the endpoint line', () => {
    const e = metadataError({ 'metadata.yaml': yaml('name: x', 'provides:', '  ok: fine', '  db:', '    limit: 1') });
    expect(e.message).toBe('metadata.yaml:4: endpoint "db" has no interface');
  });

  it.each([
    ['zero', '0'],
    ['negative', '-2'],
    ['a word', 'many'],
    ['a fraction', '1.5'],
  ])('a limit that is %s, at the limit value line', (_what, value) => {
    const e = metadataError({ 'metadata.yaml': yaml('name: x', 'requires:', '  db:', '    interface: a', `    limit: ${value}`) });
    expect(e.message).toBe('metadata.yaml:5: limit of endpoint "db" must be a positive integer');
  });

  it('a scope other than global or container, at the scope line', () => {
    const e = metadataError({ 'metadata.yaml': yaml('name: x', 'requires:', '  db:', '    scope: machine', '    interface: a') });
    expect(e.message).toBe('metadata.yaml:4: scope of endpoint "db" must be "global" or "container", not "machine"');
  });

  it('the same endpoint name under two roles, at the second declaration', () => {
    const e = metadataError({ 'metadata.yaml': yaml('name: x', 'provides:', '  db: a', 'requires:', '  logs: b', '  db: c') });
    expect(e.message).toBe('metadata.yaml:6: endpoint "db" is declared twice');
  });

  it.each([
    ['provides', 'juju-info'],
    ['provides', 'juju-anything'],
    ['provides', 'juju'],
    ['peers', 'juju-cluster'],
  ])('a reserved name on %s (%s)', (role, name) => {
    const e = metadataError({ 'metadata.yaml': yaml('name: x', `${role}:`, `  ${name}: iface`) });
    expect(e.message).toBe(`metadata.yaml:3: endpoint name "${name}" is reserved for Juju`);
  });

  it('an endpoint name with capitals or underscores', () => {
    const e = metadataError({ 'metadata.yaml': yaml('name: x', 'provides:', '  Web_Site: http') });
    expect(e.message).toBe('metadata.yaml:3: endpoint name "Web_Site" must be lower-case letters, digits and hyphens');
  });

  it('provides written as a list instead of a mapping', () => {
    const e = metadataError({ 'metadata.yaml': yaml('name: x', 'provides:', '  - db') });
    expect(e.message).toBe('metadata.yaml:3: provides must be a mapping');
  });

  it.each([
    ['a list', yaml('- name', '- x'), 'metadata.yaml:1: the file must be a YAML mapping'],
    ['a scalar', yaml('just text'), 'metadata.yaml:1: the file must be a YAML mapping'],
    ['empty', '', 'metadata.yaml: the file must be a YAML mapping'],
  ])('a root that is not a mapping (%s)', (_what, text, message) => {
    expect(metadataError({ 'metadata.yaml': text }).message).toBe(message);
  });

  it('no metadata.yaml or charmcraft.yaml at all', () => {
    const e = metadataError({ 'actions.yaml': yaml('go: {}') });
    expect(e.file).toBe('charm');
    expect(e.line).toBeNull();
    expect(e.message).toBe('charm: no metadata.yaml or charmcraft.yaml found');
  });

  it('MetadataError keeps file, line and problem apart', () => {
    const e = metadataError({ 'metadata.yaml': yaml('name: x', 'peers:', '  p:', '    scope: wide', '    interface: i') });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('MetadataError');
    expect([e.file, e.line, e.problem]).toEqual(['metadata.yaml', 4, 'scope of endpoint "p" must be "global" or "container", not "wide"']);
  });
});
