/** Console tab completion: what completes where, and the Tab key's complete / list / cycle behaviour. */
import { describe, expect, it } from 'vitest';
import { ALL_CHARMS, REAL_CHARMS } from '../../src/engine/catalog/all.ts';
import { HOOK_TOOLS } from '../../src/engine/hooktools.ts';
import { ScriptSyntaxError, parseLine } from '../../src/io/script.ts';
import { createRelvizStore } from '../../src/store/store.ts';
import type { ModelView } from '../../src/store/view.ts';
import { historyDown, historyOf, historyUp } from '../../src/ui/console/history.ts';
import { COMMAND_WORDS, JUJU_SUBCOMMANDS, MODEL_CONFIG_KEYS, commonPrefix, complete, pressTab, relationIdsFor, type CompletionMenu } from '../../src/ui/console/complete.ts';

/** The model at the end of a script. */
function viewAfter(script: string): ModelView {
  const store = createRelvizStore({ script });
  store.getState().seek(store.getState().length);
  return store.getState().view;
}

const masterworker = viewAfter('juju deploy master\njuju deploy worker -n 2\njuju relate master worker\njuju remove-relation master worker\nwait\njuju relate master worker\n');
const empty = viewAfter('');

/** Candidates for the line with the cursor at its end. */
const at = (line: string, view = masterworker) => complete(line, line.length, view).candidates;

describe('complete', () => {
  it('completes the command word', () => {
    expect(at('')).toEqual(['fail', 'juju', 'load-status', 'step', 'wait']);
    expect(at('j')).toEqual(['juju']);
    expect(at('s')).toEqual(['step']);
    expect(complete('st', 2, empty)).toEqual({ start: 0, end: 2, candidates: ['step'] });
  });

  it('completes juju subcommands, all of which the console parses', () => {
    expect(at('juju remove-u')).toEqual(['remove-unit']);
    expect(at('juju re')).toEqual(['relate', 'remove-application', 'remove-relation', 'remove-unit', 'resolve', 'resolved']);
    expect(at('juju ')).toEqual([...JUJU_SUBCOMMANDS]);
    for (const sub of JUJU_SUBCOMMANDS) {
      try {
        parseLine(`juju ${sub}`);
      } catch (e) {
        expect(e).toBeInstanceOf(ScriptSyntaxError);
        expect((e as ScriptSyntaxError).problem).not.toMatch(/unknown juju command/);
      }
    }
    for (const w of COMMAND_WORDS) expect(() => parseLine(`${w} x`)).not.toThrow(/unknown command/);
  });

  it('completes charm names after juju deploy, and nothing for the application name', () => {
    expect(at('juju deploy ')).toEqual(ALL_CHARMS.map((c) => c.name).sort());
    expect(at('juju deploy ')).toEqual(expect.arrayContaining(['master', 'postgresql', 'ch:postgresql', 'traefik-k8s', 'grafana-agent']));
    expect(at('juju deploy w')).toEqual(['webapp', 'wordpress-k8s', 'worker']);
    expect(at('juju deploy worker ')).toEqual([]);
    expect(at('juju deploy worker -')).toEqual(['-n']);
  });

  it('completes real charms by name, and every real charm after ch:', () => {
    expect(at('juju deploy traef')).toEqual(['traefik-k8s']);
    expect(at('juju deploy ch:')).toEqual([...REAL_CHARMS.keys()].map((n) => `ch:${n}`).sort());
    expect(at('juju deploy ch:postg')).toEqual(['ch:postgresql', 'ch:postgresql-k8s']);
    expect(pressTab('juju deploy grafana-ag', 22, null, masterworker).line).toBe('juju deploy grafana-agent');
    expect(pressTab('juju deploy ch:traef', 20, null, masterworker).line).toBe('juju deploy ch:traefik-k8s ');
  });

  it('completes the paths of opened files after juju deploy ./, --overlay, load-status and --show-unit', () => {
    const files = ['examples/bundles/cos-lite/bundle.yaml', 'examples/bundles/cos-lite/overlays/tls-overlay.yaml', 'status.json'];
    const with_ = (line: string) => complete(line, line.length, masterworker, undefined, files).candidates;
    expect(with_('juju deploy ./examples/bundles/cos-lite/b')).toEqual(['./examples/bundles/cos-lite/bundle.yaml']);
    expect(with_('juju deploy ./examples/bundles/cos-lite/bundle.yaml --')).toEqual(['--overlay']);
    expect(with_('juju deploy ./examples/bundles/cos-lite/bundle.yaml --overlay ./examples/bundles/cos-lite/o')).toEqual(['./examples/bundles/cos-lite/overlays/tls-overlay.yaml']);
    expect(with_('load-status ./s')).toEqual(['./status.json']);
    expect(with_('load-status ./status.json --')).toEqual(['--show-unit']);
    expect(with_('juju deploy ma')).toContain('master');
  });

  it('completes application and unit names from the view at the cursor', () => {
    expect(at('juju add-unit ')).toEqual(['master', 'worker']);
    expect(at('juju remove-application w')).toEqual(['worker']);
    expect(at('juju remove-unit ')).toEqual(['master/0', 'worker/0', 'worker/1']);
    expect(at('juju remove-unit worker/0 ')).toEqual(['master/0', 'worker/1']);
    expect(at('juju show-unit worker/')).toEqual(['worker/0', 'worker/1']);
    expect(at('juju remove-unit ', empty)).toEqual([]);
  });

  it('sorts unit numbers numerically', () => {
    const many = viewAfter('juju deploy ubuntu -n 11');
    expect(at('juju show-unit ubuntu/1', many)).toEqual(['ubuntu/1', 'ubuntu/10']);
    expect(at('juju show-unit ', many).slice(-2)).toEqual(['ubuntu/9', 'ubuntu/10']);
  });

  it('completes applications and endpoints after app: for integrate and remove-relation', () => {
    expect(at('juju integrate ')).toEqual(['master', 'worker']);
    expect(at('juju integrate master ')).toEqual(['worker']);
    expect(at('juju integrate master:')).toEqual(['master:juju-info', 'master:master-application']);
    expect(at('juju relate worker:m')).toEqual(['worker:master']);
    expect(at('juju integrate master worker ')).toEqual([]);
    expect(at('juju integrate nosuch:')).toEqual([]);
    // remove-relation offers related applications and the endpoints actually in a relation.
    expect(at('juju remove-relation master ')).toEqual(['worker']);
    expect(at('juju remove-relation master:')).toEqual(['master:master-application']);
  });

  it('completes hook tools after " -- " and relation ids after -r as the unit names them', () => {
    expect(at('juju exec ')).toEqual(['--unit']);
    expect(at('juju exec --unit ')).toEqual(['master/0', 'worker/0', 'worker/1']);
    expect(at('juju exec --unit worker/0 ')).toEqual(['--']);
    expect(at('juju exec --unit worker/0 -- ')).toEqual([...HOOK_TOOLS]);
    expect(at('juju exec --unit worker/0 -- relation-')).toEqual(['relation-get', 'relation-ids', 'relation-list', 'relation-set']);
    expect(at('juju exec --unit worker/0 -- relation-get -r ')).toEqual(['master:1']);
    expect(at('juju exec --unit master/0 -- relation-list -r ')).toEqual(['master-application:1']);
    expect(at('juju exec --unit worker/0 -- relation-ids ')).toEqual(['juju-info', 'master']);
    expect(at('juju exec --unit worker/0 -- is-leader && relation-i')).toEqual(['relation-ids']);
    expect(at('juju exec --unit worker/0 -- status-set ')).toEqual(['active', 'blocked', 'maintenance', 'waiting']);
    expect(relationIdsFor(masterworker, 'master/0')).toEqual(['master-application:1']);
  });

  it('completes relation-get keys, units and options', () => {
    // Keys of the relation's bags, Juju's own (ingress-address, …) included.
    expect(at('juju exec --unit master/0 -- relation-get -r master-application:1 ')).toEqual(['-', 'egress-subnets', 'ingress-address', 'private-address', 'worker/0-worker-key', 'worker/1-worker-key']);
    expect(at('juju exec --unit master/0 -- relation-get -r master-application:1 w')).toEqual(['worker/0-worker-key', 'worker/1-worker-key']);
    expect(at('juju exec --unit master/0 -- relation-get -r master-application:1 - ')).toEqual(['master/0', 'worker/0', 'worker/1']);
    expect(at('juju exec --unit worker/0 -- relation-get -')).toEqual(['-', '--app', '-r']);
  });

  it('completes inside the quoted 2.9 form and the unquoted one', () => {
    const line = "juju run --unit worker/0 'relation-get -r ";
    expect(complete(line, line.length, masterworker)).toEqual({ start: line.length, end: line.length, candidates: ['master:1'] });
    expect(at("juju run --unit worker/0 'rel")).toEqual(['relation-get', 'relation-ids', 'relation-list', 'relation-set']);
    expect(at('juju run --unit worker/0 relation-ids ')).toEqual(['juju-info', 'master']);
    // Inside an ordinary quoted argument there is nothing to complete.
    expect(at('juju run master/0 broadcast-message message="He')).toEqual([]);
  });

  it('completes actions and their parameters', () => {
    expect(at('juju run ')).toEqual(['master/0', 'worker/0', 'worker/1']);
    expect(at('juju run master/0 ')).toEqual(['broadcast-message']);
    expect(at('juju run-action master/0 b')).toEqual(['broadcast-message']);
    expect(at('juju run master/0 broadcast-message ')).toEqual(['message=']);
    expect(at('juju run master/0 broadcast-message message=hi ')).toEqual([]);
    expect(at('juju run worker/0 ')).toEqual([]);
  });

  it('completes fail, resolve, step and status', () => {
    expect(at('fail worker/0 master-relation-c')).toEqual(['master-relation-changed', 'master-relation-created']);
    expect(at('fail master/0 i')).toEqual(['install']);
    expect(at('fail worker/0 juju-info')).toEqual([]);
    expect(at('juju resolve -')).toEqual(['--no-retry']);
    expect(at('juju status ')).toEqual(['--relations']);
    expect(at('step -')).toEqual(['--unit']);
    expect(at('wait ')).toEqual([]);
  });

  it('completes how many runs fail: --times and --always after the hook, nothing more once given', () => {
    expect(at('fail worker/0 install ')).toEqual(['--always', '--times']);
    expect(at('fail worker/0 install --a')).toEqual(['--always']);
    expect(at('fail worker/0 install --times ')).toEqual([]);
    expect(at('fail worker/0 install --times 3 ')).toEqual([]);
    expect(at('fail worker/0 install --always ')).toEqual([]);
    expect(at('fail worker/0 --always i')).toEqual(['install']);
    // Every completed line is one the console parses.
    for (const line of ['fail worker/0 install --always', 'fail worker/0 install --times 3']) expect(parseLine(line)?.command).toMatchObject({ type: 'fail' });
  });

  it('completes juju model-config: the key to read, or key=true / key=false', () => {
    expect(at('juju model-config ')).toEqual([...MODEL_CONFIG_KEYS.flatMap((k) => [k, `${k}=false`, `${k}=true`])]);
    expect(at('juju model-config auto')).toEqual(['automatically-retry-hooks', 'automatically-retry-hooks=false', 'automatically-retry-hooks=true']);
    expect(at('juju model-config automatically-retry-hooks=')).toEqual(['automatically-retry-hooks=false', 'automatically-retry-hooks=true']);
    expect(at('juju model-config automatically-retry-hooks=t')).toEqual(['automatically-retry-hooks=true']);
    expect(at('juju model-config automatically-retry-hooks ')).toEqual([]);
    expect(at('juju model-config automatically-retry-hooks=true ')).toEqual([]);
    expect(at('juju model-config -')).toEqual([]);
    // Tab: extends to the key and lists the three; the next Tabs cycle; one match completes with a space.
    const first = pressTab('juju model-config a', 19, null, masterworker);
    expect(first.line).toBe('juju model-config automatically-retry-hooks');
    expect(first.menu?.candidates).toEqual(['automatically-retry-hooks', 'automatically-retry-hooks=false', 'automatically-retry-hooks=true']);
    expect(pressTab(first.line, first.cursor, first.menu, masterworker).line).toBe('juju model-config automatically-retry-hooks');
    expect(pressTab('juju model-config automatically-retry-hooks=f', 45, null, masterworker).line).toBe('juju model-config automatically-retry-hooks=false ');
  });

  it('knows exactly the model settings the engine simulates', () => {
    const store = createRelvizStore();
    const table = store.getState().runLine('juju model-config').stdout;
    const keys = table.trim().split('\n').slice(1).map((row) => row.split(/\s+/)[0]);
    expect(keys).toEqual([...MODEL_CONFIG_KEYS]);
    // All booleans: the engine refuses anything else.
    for (const k of MODEL_CONFIG_KEYS) expect(store.getState().runLine(`juju model-config ${k}=maybe`).stderr).toMatch(/expected bool/);
  });

  it('offers units in error to resolve', () => {
    const store = createRelvizStore({ script: 'juju model-config automatically-retry-hooks=false\njuju deploy ubuntu -n 2 &\nfail ubuntu/1 start\nwait\n' });
    store.getState().seek(store.getState().length);
    expect(at('juju resolve ', store.getState().view)).toEqual(['ubuntu/1']);
  });

  it('completes the word under the cursor, leaving the rest of the line', () => {
    const line = 'juju remove-u worker/0';
    expect(complete(line, 'juju remove-u'.length, masterworker)).toEqual({ start: 5, end: 13, candidates: ['remove-unit'] });
  });
});

describe('commonPrefix', () => {
  it('is the longest shared prefix', () => {
    expect(commonPrefix(['relation-get', 'relation-ids'])).toBe('relation-');
    expect(commonPrefix(['a'])).toBe('a');
    expect(commonPrefix([])).toBe('');
    expect(commonPrefix(['abc', 'xyz'])).toBe('');
  });
});

describe('pressTab', () => {
  it('completes a single match with a trailing space', () => {
    expect(pressTab('juju remove-u', 13, null, masterworker)).toEqual({ line: 'juju remove-unit ', cursor: 17, menu: null });
  });

  it('does not add a space after key= or before an existing space', () => {
    expect(pressTab('juju run master/0 broadcast-message m', 37, null, masterworker).line).toBe('juju run master/0 broadcast-message message=');
    expect(pressTab('juju remove-u worker/0', 13, null, masterworker)).toEqual({ line: 'juju remove-unit worker/0', cursor: 16, menu: null });
  });

  it('extends to the common prefix and lists several matches, then cycles on repeated Tab', () => {
    const first = pressTab('juju exec --unit worker/0 -- rel', 32, null, masterworker);
    expect(first.line).toBe('juju exec --unit worker/0 -- relation-');
    expect(first.menu?.candidates).toEqual(['relation-get', 'relation-ids', 'relation-list', 'relation-set']);
    expect(first.menu?.index).toBe(-1);
    let r = first;
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      r = pressTab(r.line, r.cursor, r.menu, masterworker);
      seen.push(r.line.slice(29));
      expect(r.cursor).toBe(r.line.length);
    }
    expect(seen).toEqual(['relation-get', 'relation-ids', 'relation-list', 'relation-set', 'relation-get']);
  });

  it('starts afresh when the line changed since the menu was shown', () => {
    const first = pressTab('juju s', 6, null, masterworker);
    expect(first.menu?.candidates).toEqual(['show-unit', 'status']);
    const typed = pressTab('juju st', 7, first.menu as CompletionMenu, masterworker);
    expect(typed).toEqual({ line: 'juju status ', cursor: 12, menu: null });
  });

  it('leaves the line alone when nothing matches', () => {
    expect(pressTab('juju frobnicate x', 17, null, masterworker)).toEqual({ line: 'juju frobnicate x', cursor: 17, menu: null });
  });
});

describe('history', () => {
  const h = historyOf(['juju status', 'juju status', ' ', 'step 3', 'wait']);

  it('drops blanks and immediate repeats', () => {
    expect(h).toEqual(['juju status', 'step 3', 'wait']);
  });

  it('walks back with ArrowUp, stopping at the oldest, and forward to the draft with ArrowDown', () => {
    const up1 = historyUp(h, null, 'juju dep');
    expect(up1).toEqual({ line: 'wait', position: { index: 2, draft: 'juju dep' } });
    const up2 = historyUp(h, up1?.position ?? null, 'wait');
    const up3 = historyUp(h, up2?.position ?? null, 'step 3');
    const up4 = historyUp(h, up3?.position ?? null, 'juju status');
    expect([up2?.line, up3?.line, up4?.line]).toEqual(['step 3', 'juju status', 'juju status']);
    const down1 = historyDown(h, up4?.position ?? null);
    expect(down1?.line).toBe('step 3');
    const down2 = historyDown(h, down1?.position ?? null);
    const down3 = historyDown(h, down2?.position ?? null);
    expect(down3).toEqual({ line: 'juju dep', position: null });
    expect(historyDown(h, null)).toBeNull();
  });

  it('does nothing without history', () => {
    expect(historyUp([], null, 'x')).toBeNull();
  });
});
