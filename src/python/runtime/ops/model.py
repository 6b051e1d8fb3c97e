"""ops.model: the model a charm sees — units, applications, relations and their data, status.

Written for relviz over its hook tools (not copied from ops); names, access rules and
error texts follow canonical/operator's ops/model.py. What is not here raises
NotImplementedError naming it (docs/python-charms.md).
"""
import json
import os
from collections.abc import Mapping, MutableMapping

from _relviz import bridge, context
from _relviz import tools as _tools


def _missing(owner, name):
    if name.startswith('_'):
        raise AttributeError(name)
    raise context.not_implemented(f'{owner}.{name}')


class ModelError(Exception):
    """A hook tool failed; the text is what it printed (`ERROR …`)."""


class TooManyRelatedAppsError(ModelError):
    def __init__(self, relation_name, num_related, max_supported):
        super().__init__(f'Too many remote applications on {relation_name} ({num_related} > {max_supported})')
        self.relation_name = relation_name
        self.num_related = num_related
        self.max_supported = max_supported


class RelationDataError(ModelError):
    pass


class RelationDataTypeError(RelationDataError):
    pass


class RelationDataAccessError(RelationDataError):
    pass


class RelationNotFoundError(ModelError):
    pass


class InvalidStatusError(ModelError):
    pass


class _Backend:
    """Hook tools as ops calls them; a failing tool raises ModelError with its stderr."""

    def __init__(self):
        self.unit_name = os.environ['JUJU_UNIT_NAME']
        self.app_name = self.unit_name.split('/')[0]
        self.model_name = os.environ.get('JUJU_MODEL_NAME', '')

    def _run(self, *argv, json_out=False):
        command = list(argv) + (['--format=json'] if json_out else [])
        out, err, code = _tools.call(command)
        if code != 0:
            if argv[0].startswith('relation-') and 'relation not found' in err.lower():
                raise RelationNotFoundError()
            raise ModelError(err)
        if json_out:
            return json.loads(out) if out.strip() else None
        return out

    def is_leader(self):
        return bool(self._run('is-leader', json_out=True))

    def relation_ids(self, name):
        return [int(r.split(':')[-1]) for r in self._run('relation-ids', name, json_out=True) or []]

    def relation_list(self, relation_id):
        return self._run('relation-list', '-r', str(relation_id), json_out=True) or []

    def relation_remote_app_name(self, relation_id):
        env_id = os.environ.get('JUJU_RELATION_ID', '')
        remote_app = os.environ.get('JUJU_REMOTE_APP', '')
        if env_id and env_id.split(':')[-1] == str(relation_id) and remote_app:
            return remote_app
        try:
            return self._run('relation-list', '-r', str(relation_id), '--app').strip() or None
        except RelationNotFoundError:
            return None

    def relation_get(self, relation_id, member, is_app):
        argv = ['relation-get', '-r', str(relation_id), '-', member] + (['--app'] if is_app else [])
        return self._run(*argv, json_out=True) or {}

    def relation_set(self, relation_id, data, is_app):
        argv = ['relation-set', '-r', str(relation_id)] + (['--app'] if is_app else [])
        self._run(*argv, *[f'{k}={v}' for k, v in data.items()])

    def status_set(self, status, message):
        self._run('status-set', status, message)

    def config_get(self):
        return dict(context.config)


class Model:
    """The model as this unit sees it in this hook."""

    def __init__(self, backend):
        self._backend = backend
        self._units = {}
        self._apps = {}
        self.unit = self.get_unit(backend.unit_name)
        self.app = self.unit.app
        self.relations = RelationMapping(self, backend)
        self.config = ConfigData(backend.config_get())

    @property
    def name(self):
        return self._backend.model_name

    def get_unit(self, unit_name):
        unit = self._units.get(unit_name)
        if unit is None:
            unit = self._units[unit_name] = Unit(unit_name, self, self._backend)
        return unit

    def get_app(self, app_name):
        app = self._apps.get(app_name)
        if app is None:
            app = self._apps[app_name] = Application(app_name, self, self._backend)
        return app

    def get_relation(self, relation_name, relation_id=None):
        """The relation with that id, or the endpoint's only relation (None if it has none)."""
        return self.relations._get_unique(relation_name, relation_id)

    def __getattr__(self, name):
        _missing('ops.Model', name)


class Application:
    def __init__(self, name, model, backend):
        self.name = name
        self._model = model
        self._backend = backend
        self._is_our_app = name == backend.app_name
        self._status = None

    @property
    def status(self):
        if not self._is_our_app:
            return UnknownStatus()
        if not self._backend.is_leader():
            raise RuntimeError('cannot get application status as a non-leader unit')
        return self._status if self._status is not None else UnknownStatus()

    @status.setter
    def status(self, value):
        if not isinstance(value, StatusBase):
            raise InvalidStatusError(f'invalid value provided for application {self} status: {value}')
        if not self._is_our_app:
            raise RuntimeError(f'cannot set status for a remote application {self}')
        if not self._backend.is_leader():
            raise RuntimeError('cannot set application status as a non-leader unit')
        # The model has no application status yet: the leader's setting is logged, and read back in this hook.
        self._status = value
        bridge.log(f'application status: {value.name}: {value.message}', 'DEBUG')

    def __repr__(self):
        return f'<ops.model.Application {self.name}>'

    def __getattr__(self, name):
        _missing('ops.Application', name)


class Unit:
    def __init__(self, name, model, backend):
        self.name = name
        self._model = model
        self._backend = backend
        self.app = model.get_app(name.split('/')[0])
        self._is_our_unit = name == backend.unit_name

    def is_leader(self):
        if not self._is_our_unit:
            raise RuntimeError(f'leadership status of remote units ({self}) is not visible to other applications')
        return self._backend.is_leader()

    @property
    def status(self):
        if not self._is_our_unit:
            return UnknownStatus()
        name, message = bridge.status()
        return StatusBase.from_name(name, message)

    @status.setter
    def status(self, value):
        if not isinstance(value, StatusBase):
            raise InvalidStatusError(f'invalid value provided for unit {self} status: {value}')
        if not self._is_our_unit:
            raise RuntimeError(f'cannot set status for a remote unit {self}')
        if value.name not in ('active', 'blocked', 'maintenance', 'waiting'):
            raise InvalidStatusError(f'status must be in (active, blocked, maintenance, waiting), not {value.name!r}')
        self._backend.status_set(value.name, value.message)

    def __repr__(self):
        return f'<ops.model.Unit {self.name}>'

    def __getattr__(self, name):
        _missing('ops.Unit', name)


class RelationMapping(Mapping):
    """Model.relations: endpoint name → its relations."""

    def __init__(self, model, backend):
        self._model = model
        self._backend = backend
        self._names = [e['name'] for e in context.endpoints]
        self._cache = {}

    def __iter__(self):
        return iter(self._names)

    def __len__(self):
        return len(self._names)

    def __contains__(self, key):
        return key in self._names

    def __getitem__(self, name):
        if name not in self._names:
            raise KeyError(f'{name!r} is not a known relation name')
        return [self._get(name, rid) for rid in self._backend.relation_ids(name)]

    def _get(self, name, relation_id):
        rel = self._cache.get(relation_id)
        if rel is None:
            rel = self._cache[relation_id] = Relation(name, relation_id, context.role_of(name) == 'peers',
                                                      self._model, self._backend)
        return rel

    def _get_unique(self, name, relation_id=None):
        if relation_id is not None:
            if not isinstance(relation_id, int):
                raise ModelError(f'relation id {relation_id} must be an int not {type(relation_id).__name__}')
            # Even a relation the unit no longer lists (broken): ops still hands out an object for it.
            return self._get(name, relation_id)
        relations = self[name]
        if len(relations) == 0:
            return None
        if len(relations) == 1:
            return relations[0]
        raise TooManyRelatedAppsError(name, len(relations), 1)


class Relation:
    """One relation: its id, endpoint name, the remote application and units, and the data."""

    def __init__(self, relation_name, relation_id, is_peer, model, backend):
        self.name = relation_name
        self.id = relation_id
        self._model = model
        self._backend = backend
        broken = (os.environ.get('JUJU_HOOK_NAME', '').endswith('-relation-broken')
                  and os.environ.get('JUJU_RELATION_ID', '').split(':')[-1] == str(relation_id))
        self.active = not broken
        self.units = set()
        self.app = model.app if is_peer else None
        try:
            for name in backend.relation_list(relation_id):
                unit = model.get_unit(name)
                self.units.add(unit)
                if self.app is None:
                    self.app = unit.app
        except RelationNotFoundError:
            pass
        if self.app is None:
            remote = backend.relation_remote_app_name(relation_id)
            if remote:
                self.app = model.get_app(remote)
        self.data = RelationData(self, model, backend)

    def __repr__(self):
        return f'<ops.model.Relation {self.name}:{self.id}>'

    def __getattr__(self, name):
        _missing('ops.Relation', name)


class RelationData(Mapping):
    """Relation.data: a databag for this unit, this application, each remote unit and the remote application."""

    def __init__(self, relation, model, backend):
        self.relation = relation
        self._data = {model.unit: RelationDataContent(relation, model.unit, backend),
                      model.app: RelationDataContent(relation, model.app, backend)}
        for unit in relation.units:
            self._data[unit] = RelationDataContent(relation, unit, backend)
        if relation.app is not None and relation.app not in self._data:
            self._data[relation.app] = RelationDataContent(relation, relation.app, backend)

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __getitem__(self, key):
        return self._data[key]

    def __repr__(self):
        return repr(self._data)


class RelationDataContent(MutableMapping):
    """One databag, read lazily; reads and writes checked with ops' rules (JUJU-SEMANTICS §6)."""

    def __init__(self, relation, entity, backend):
        self.relation = relation
        self._entity = entity
        self._backend = backend
        self._is_app = isinstance(entity, Application)
        self._lazy = None

    @property
    def _data(self):
        if self._lazy is None:
            try:
                self._lazy = dict(self._backend.relation_get(self.relation.id, self._entity.name, self._is_app))
            except RelationNotFoundError:
                self._lazy = {}
        return self._lazy

    def _validate_read(self):
        if not self._is_app or self._backend.is_leader():
            return
        app = self.relation.app
        if app is None:
            raise RelationDataAccessError(f'Remote application instance cannot be retrieved for {self.relation}.')
        if app.name == self._entity.name:
            return
        if self._backend.app_name == self._entity.name:
            raise RelationDataAccessError(
                f'{self._backend.unit_name} is not leader and cannot read its own application databag')

    def _validate_write(self, data):
        for key, value in data.items():
            if not isinstance(key, str):
                raise RelationDataTypeError(f'relation data keys must be strings, not {type(key)}')
            if not isinstance(value, str):
                raise RelationDataTypeError(f'relation data values must be strings, not {type(value)}')
        if self._is_app:
            if self._backend.app_name != self._entity.name:
                raise RelationDataAccessError(
                    f'{self._backend.app_name} cannot write the data of remote application {self._entity.name}')
            if self._backend.is_leader():
                return
            raise RelationDataAccessError(f'{self._backend.unit_name} is not leader and cannot write application data.')
        if self._backend.unit_name != self._entity.name:
            raise RelationDataAccessError(
                f'{self._backend.unit_name} cannot write databag of {self._entity.name}: not the same unit.')

    def __getitem__(self, key):
        self._validate_read()
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __setitem__(self, key, value):
        self.update({key: value})

    def __delitem__(self, key):
        self.__setitem__(key, '')

    def update(self, data=(), /, **kwargs):
        data = dict(data, **kwargs)
        self._validate_write(data)
        changes = {k: v for k, v in data.items() if (k not in self and v != '') or (k in self and v != self[k])}
        if not changes:
            return
        self._backend.relation_set(self.relation.id, changes, self._is_app)
        for k, v in changes.items():
            if v == '':
                self._data.pop(k, None)
            else:
                self._data[k] = v

    def __repr__(self):
        try:
            self._validate_read()
        except RelationDataAccessError:
            return '<n/a>'
        return repr(self._data)


class ConfigData(Mapping):
    """Model.config: the charm's config (the defaults its config.yaml declares)."""

    def __init__(self, values):
        self._values = dict(values)

    def __getitem__(self, key):
        return self._values[key]

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __repr__(self):
        return repr(self._values)


class StatusBase:
    _statuses = {}
    name = None

    def __init__(self, message=''):
        if self.__class__ is StatusBase:
            raise TypeError('cannot instantiate a base class')
        self.message = message

    def __init_subclass__(cls):
        StatusBase._statuses[cls.name] = cls

    def __eq__(self, other):
        if not isinstance(self, type(other)):
            return False
        return self.message == other.message

    def __hash__(self):
        return hash((self.name, self.message))

    def __repr__(self):
        return f'{self.__class__.__name__}({self.message!r})'

    @classmethod
    def from_name(cls, name, message):
        if name == 'unknown':
            return UnknownStatus()
        return cls._statuses[name](message)


class UnknownStatus(StatusBase):
    name = 'unknown'

    def __init__(self):
        super().__init__('')

    def __repr__(self):
        return 'UnknownStatus()'


class ErrorStatus(StatusBase):
    name = 'error'


class ActiveStatus(StatusBase):
    name = 'active'


class BlockedStatus(StatusBase):
    name = 'blocked'


class MaintenanceStatus(StatusBase):
    name = 'maintenance'


class WaitingStatus(StatusBase):
    name = 'waiting'


def __getattr__(name):
    _missing('ops.model', name)
