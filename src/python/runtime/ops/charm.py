"""ops.charm: CharmBase, the charm's events and their data (relviz's own, after ops' names)."""
import json
import os

from _relviz import context
from _relviz import tools as _tools

from .framework import EventBase, EventSource, Object, ObjectEvents, _missing
from .model import ModelError


class HookEvent(EventBase):
    pass


class InstallEvent(HookEvent):
    pass


class StartEvent(HookEvent):
    pass


class StopEvent(HookEvent):
    pass


class RemoveEvent(HookEvent):
    pass


class ConfigChangedEvent(HookEvent):
    pass


class UpdateStatusEvent(HookEvent):
    pass


class UpgradeCharmEvent(HookEvent):
    pass


class LeaderElectedEvent(HookEvent):
    pass


class LeaderSettingsChangedEvent(HookEvent):
    pass


class RelationEvent(HookEvent):
    """An event about a relation: .relation, .app, .unit (None where the hook has none)."""

    def __init__(self, handle, relation=None, app=None, unit=None):
        super().__init__(handle)
        self.relation = relation
        self.app = app
        self.unit = unit

    def snapshot(self):
        snap = {'relation_name': self.relation.name, 'relation_id': self.relation.id}
        if self.app is not None:
            snap['app_name'] = self.app.name
        if self.unit is not None:
            snap['unit_name'] = self.unit.name
        return snap

    def restore(self, snapshot):
        model = self.framework.model
        self.relation = model.get_relation(snapshot['relation_name'], snapshot['relation_id'])
        self.app = model.get_app(snapshot['app_name']) if 'app_name' in snapshot else None
        self.unit = model.get_unit(snapshot['unit_name']) if 'unit_name' in snapshot else None


class RelationCreatedEvent(RelationEvent):
    pass


class RelationJoinedEvent(RelationEvent):
    pass


class RelationChangedEvent(RelationEvent):
    pass


class RelationDepartedEvent(RelationEvent):
    """relation-departed; .departing_unit is the unit leaving (maybe this unit itself)."""

    def __init__(self, handle, relation=None, app=None, unit=None, departing_unit_name=None):
        super().__init__(handle, relation, app, unit)
        self._departing_unit_name = departing_unit_name

    @property
    def departing_unit(self):
        if not self._departing_unit_name:
            return None
        return self.framework.model.get_unit(self._departing_unit_name)

    def snapshot(self):
        snap = super().snapshot()
        if self._departing_unit_name:
            snap['departing_unit'] = self._departing_unit_name
        return snap

    def restore(self, snapshot):
        super().restore(snapshot)
        self._departing_unit_name = snapshot.get('departing_unit')


class RelationBrokenEvent(RelationEvent):
    pass


class ActionEvent(EventBase):
    """An action: .params, .set_results(), .log(), .fail(); actions cannot be deferred."""

    def __init__(self, handle, id=None):
        super().__init__(handle)
        self.id = id
        self.params = {}

    def defer(self):
        raise RuntimeError('cannot defer action events')

    def _load_params(self):
        out, err, code = _tools.call(['action-get', '--format=json'])
        if code != 0:
            raise ModelError(err)
        self.params = json.loads(out) if out.strip() else {}

    def set_results(self, results):
        flat = _flatten(results)
        out, err, code = _tools.call(['action-set'] + [f'{k}={v}' for k, v in flat.items()])
        if code != 0:
            raise ModelError(err)

    def log(self, message):
        _tools.call(['action-log', message])

    def fail(self, message=''):
        _tools.call(['action-fail', message])


def _flatten(results, prefix=''):
    flat = {}
    for key, value in results.items():
        name = f'{prefix}.{key}' if prefix else str(key)
        if isinstance(value, dict):
            flat.update(_flatten(value, name))
        else:
            flat[name] = value
    return flat


class CharmEvents(ObjectEvents):
    install = EventSource(InstallEvent)
    start = EventSource(StartEvent)
    stop = EventSource(StopEvent)
    remove = EventSource(RemoveEvent)
    update_status = EventSource(UpdateStatusEvent)
    config_changed = EventSource(ConfigChangedEvent)
    upgrade_charm = EventSource(UpgradeCharmEvent)
    leader_elected = EventSource(LeaderElectedEvent)
    leader_settings_changed = EventSource(LeaderSettingsChangedEvent)


_RELATION_EVENTS = (('created', RelationCreatedEvent), ('joined', RelationJoinedEvent),
                    ('changed', RelationChangedEvent), ('departed', RelationDepartedEvent),
                    ('broken', RelationBrokenEvent))


class CharmMeta:
    """What the charm's metadata declares, as far as relviz reads it: endpoints and actions."""

    def __init__(self):
        self.name = context.app
        self.requires = {e['name']: e for e in context.endpoints if e['role'] == 'requires'}
        self.provides = {e['name']: e for e in context.endpoints if e['role'] == 'provides'}
        self.peers = {e['name']: e for e in context.endpoints if e['role'] == 'peers'}
        self.relations = {**self.requires, **self.provides, **self.peers}
        self.actions = {a['name']: a for a in context.actions}

    def __getattr__(self, name):
        _missing('ops.CharmMeta', name)


class CharmBase(Object):
    """Base class of a charm: `self.on` holds its events, `self.framework.observe` wires handlers."""

    on = CharmEvents()

    def __init__(self, framework):
        super().__init__(framework, None)
        meta = CharmMeta()
        self.framework.meta = meta
        events = type(self.on)
        for endpoint in meta.relations:
            base = endpoint.replace('-', '_')
            for suffix, event_type in _RELATION_EVENTS:
                if not hasattr(events, f'{base}_relation_{suffix}'):
                    events.define_event(f'{base}_relation_{suffix}', event_type)
        for action in meta.actions:
            name = f"{action.replace('-', '_')}_action"
            if not hasattr(events, name):
                events.define_event(name, ActionEvent)

    @property
    def app(self):
        return self.framework.model.app

    @property
    def unit(self):
        return self.framework.model.unit

    @property
    def meta(self):
        return self.framework.meta

    @property
    def charm_dir(self):
        import pathlib
        return pathlib.Path(os.environ.get('JUJU_CHARM_DIR', context.CHARM_DIR))

    @property
    def config(self):
        return self.framework.model.config

    def __getattr__(self, name):
        _missing('ops.CharmBase', name)


def __getattr__(name):
    _missing('ops.charm', name)
