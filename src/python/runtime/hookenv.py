"""charmhelpers' hookenv, the names and signatures a hook script uses, over relviz's hook tools.

Importable as `hookenv` and as `charmhelpers.core.hookenv`. A charm that ships its own
`lib/hookenv.py` (or `lib/charmhelpers`) gets its own: the subprocess shim serves the
hook tools it runs. Anything else here raises NotImplementedError (docs/python-charms.md).
"""
import json
import os
import sys

from _relviz import context as _context
from _relviz import tools as _tools

CRITICAL = 'CRITICAL'
ERROR = 'ERROR'
WARNING = 'WARNING'
INFO = 'INFO'
DEBUG = 'DEBUG'
TRACE = 'TRACE'
MARKER = object()


def _run(*argv):
    return _tools.check(list(argv))


def _json(*argv):
    out = _run(*argv, '--format=json')
    return json.loads(out) if out.strip() else None


def log(message, level=None):
    """juju-log: the message in the unit's log, at a level (INFO by default)."""
    command = ['juju-log']
    if level:
        command += ['-l', level]
    if not isinstance(message, str):
        message = repr(message)
    _run(*command, message)


def hook_name():
    return os.environ.get('JUJU_HOOK_NAME', os.path.basename(sys.argv[0]))


def local_unit():
    return os.environ['JUJU_UNIT_NAME']


def remote_unit():
    return os.environ.get('JUJU_REMOTE_UNIT', None)


def service_name():
    return local_unit().split('/')[0]


def application_name():
    return local_unit().split('/')[0]


def principal_unit():
    raise NotImplementedError("relviz's hookenv does not implement principal_unit; see docs/python-charms.md")


def relation_id(relation_name=None, service_or_unit=None):
    """The hook's relation id (`db:3`), or the id of relation_name with a unit or application."""
    if not relation_name and not service_or_unit:
        return os.environ.get('JUJU_RELATION_ID', None)
    if relation_name and service_or_unit:
        service = service_or_unit.split('/')[0]
        for rid in relation_ids(relation_name):
            remote = remote_service_name(rid)
            if remote == service:
                return rid
        return None
    raise ValueError('Must specify neither or both of relation_name and service_or_unit')


def remote_service_name(relid=None):
    if relid is None:
        unit = remote_unit()
    else:
        units = related_units(relid)
        unit = units[0] if units else None
    return unit.split('/')[0] if unit else None


def relation_type():
    return os.environ.get('JUJU_RELATION', None)


def relation_ids(reltype=None):
    """relation-ids: this unit's relations on an endpoint (the hook's own by default)."""
    reltype = reltype or relation_type()
    if reltype is None:
        return []
    return _json('relation-ids', reltype) or []


def related_units(relid=None):
    """relation-list: the remote units of a relation (the hook's own by default)."""
    relid = relid or relation_id()
    command = ['relation-list']
    if relid is not None:
        command += ['-r', relid]
    return _json(*command) or []


def relation_get(attribute=None, unit=None, rid=None, app=None):
    """relation-get: one key (None when unset) or the whole bag of a unit, or with app of an application."""
    command = ['relation-get', '--format=json']
    if app is not None:
        if unit is not None:
            raise ValueError('Cannot use both unit and app')
        command.append('--app')
    if rid:
        command += ['-r', rid]
    command.append(attribute or '-')
    if unit or app:
        command.append(unit or app)
    try:
        out = _tools.check(command)
    except _tools.HookToolError as e:
        if e.returncode == 2:
            return None
        raise
    value = json.loads(out) if out.strip() else None
    if attribute and value == '':
        return None
    return value


def relation_set(relation_id=None, relation_settings=None, app=False, **kwargs):
    """relation-set: this unit's bag (or with app=True, as leader, its application's). None deletes a key."""
    settings = dict(relation_settings or {})
    settings.update(kwargs)
    command = ['relation-set']
    if app:
        command.append('--app')
    if relation_id is not None:
        command += ['-r', relation_id]
    for key, value in settings.items():
        command.append(f'{key}=' if value is None else f'{key}={value}')
    _run(*command)


def relation_clear(r_id=None):
    settings = relation_get(rid=r_id, unit=local_unit()) or {}
    relation_set(relation_id=r_id, **{k: None for k in settings if k not in ('private-address', 'ingress-address',
                                                                             'egress-subnets')})


def relation_for_unit(unit=None, rid=None):
    relation = relation_get(unit=unit, rid=rid) or {}
    relation['__unit__'] = unit or remote_unit()
    return relation


def relations_for_id(relid=None):
    relid = relid or relation_ids()
    return [relation_for_unit(unit, relid) for unit in related_units(relid)]


def relations_of_type(reltype=None):
    reltype = reltype or relation_type()
    out = []
    for relid in relation_ids(reltype):
        for relation in relations_for_id(relid):
            relation['__relid__'] = relid
            out.append(relation)
    return out


def is_relation_made(relation, keys='private-address'):
    keys = [keys] if isinstance(keys, str) else keys
    for r_id in relation_ids(relation):
        for unit in related_units(r_id):
            context = {k: relation_get(k, rid=r_id, unit=unit) for k in keys}
            if None not in context.values():
                return True
    return False


def is_leader():
    """is-leader: True when this unit is its application's leader."""
    return bool(_json('is-leader'))


def status_set(workload_state, message='', application=False):
    """status-set: the unit's workload status."""
    valid = ['maintenance', 'blocked', 'waiting', 'active']
    if workload_state not in valid:
        raise ValueError(f'{workload_state!r} is not a valid workload state')
    if application:
        raise NotImplementedError("relviz's hookenv does not implement status_set(application=True); "
                                  "see docs/python-charms.md")
    _run('status-set', workload_state, message)


def status_get():
    """status-get: (status, message) of this unit."""
    out = _json('status-get', '--include-data')
    return out['status'], out['message']


def unit_get(attribute):
    return _json('unit-get', attribute)


def unit_private_ip():
    return unit_get('private-address')


def unit_public_ip():
    return unit_get('public-address')


def config(scope=None):
    """config-get: the charm's config (the defaults its config.yaml declares), or one option."""
    values = _json('config-get', '--all') or {}
    if scope is None:
        return values
    return values.get(scope)


def action_get(key=None):
    """action-get: the action's parameters, or one of them."""
    command = ['action-get']
    if key is not None:
        command.append(key)
    return _json(*command)


def function_get(key=None):
    return action_get(key)


def action_set(values):
    """action-set: results of the action (relviz logs them: the model has no action results yet)."""
    _run('action-set', *[f'{k}={v}' for k, v in values.items()])


def function_set(values):
    action_set(values)


def action_fail(message):
    """action-fail: marks the action failed (logged: the model has no action results yet)."""
    _run('action-fail', message)


def function_fail(message):
    action_fail(message)


def action_name():
    return os.environ.get('JUJU_ACTION_NAME')


def action_uuid():
    return os.environ.get('JUJU_ACTION_UUID')


def leader_get(attribute=None):
    raise NotImplementedError("relviz's hookenv does not implement leader_get (leader settings); "
                              "see docs/python-charms.md")


def leader_set(settings=None, **kwargs):
    raise NotImplementedError("relviz's hookenv does not implement leader_set (leader settings); "
                              "see docs/python-charms.md")


def charm_dir():
    return os.environ.get('CHARM_DIR')


def model_name():
    return os.environ['JUJU_MODEL_NAME']


def __getattr__(name):
    if name.startswith('__'):
        raise AttributeError(name)
    raise NotImplementedError(f"relviz's hookenv does not implement hookenv.{name}; see docs/python-charms.md")
