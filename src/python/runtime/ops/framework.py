"""ops.framework: objects, events, observers, deferral and StoredState.

Written for relviz (not copied from ops), after ops' semantics: a handler that defers
an event keeps it, with its snapshot, for the unit's next hook, which re-emits it to
that handler before its own event; a re-deferred event stays. Deferred events and
StoredState live in the unit's file `.relviz-ops-state.json`, so a failed hook (whose
files Juju discards) loses them, as ops' state is lost with a failed hook's.
"""
import json
import os

from _relviz import context


def _missing(owner, name):
    if name.startswith('_'):
        raise AttributeError(name)
    raise context.not_implemented(f'{owner}.{name}')


class Handle:
    """An object's path in the framework: `parent/kind[key]`."""

    def __init__(self, parent, kind, key):
        if isinstance(parent, Object):
            parent = parent.handle
        self.parent = parent
        self.kind = kind
        self.key = key
        if parent is not None and parent.path:
            self.path = f'{parent.path}/{kind}' + (f'[{key}]' if key is not None else '')
        else:
            self.path = kind + (f'[{key}]' if key is not None else '')

    def __repr__(self):
        return f'Handle({self.path})'


class EventBase:
    """An event: defer() keeps it for the unit's next hook."""

    def __init__(self, handle):
        self.handle = handle
        self.deferred = False

    def defer(self):
        self.deferred = True

    def snapshot(self):
        return {}

    def restore(self, snapshot):
        pass

    def __repr__(self):
        return f'<{self.__class__.__name__} via {self.handle.path}>'


class EventSource:
    """Declares an event on an ObjectEvents class: `install = EventSource(InstallEvent)`."""

    def __init__(self, event_type):
        self.event_type = event_type
        self.event_kind = None

    def __set_name__(self, owner, name):
        self.event_kind = name

    def __get__(self, emitter, emitter_type=None):
        if emitter is None:
            return self
        return BoundEvent(emitter, self.event_type, self.event_kind)


class BoundEvent:
    def __init__(self, emitter, event_type, event_kind):
        self.emitter = emitter
        self.event_type = event_type
        self.event_kind = event_kind

    def emit(self, *args, **kwargs):
        framework = self.emitter.framework
        key = framework._next_event_key()
        event = self.event_type(Handle(self.emitter, self.event_kind, key), *args, **kwargs)
        event.framework = framework
        framework._emit(event, self.emitter, self.event_kind)

    def __repr__(self):
        return f'<BoundEvent {self.event_kind} bound to {self.emitter.handle.path}>'


class Object:
    handle_kind = None

    def __init__(self, parent, key=None):
        kind = self.handle_kind or type(self).__name__
        if isinstance(parent, Framework):
            self.framework = parent
            self.handle = Handle(None, kind, key)
        else:
            self.framework = parent.framework
            self.handle = Handle(parent, kind, key)
        self.framework._objects[self.handle.path] = self

    @property
    def model(self):
        return self.framework.model


class ObjectEvents(Object):
    """A set of events an object emits (`charm.on`)."""

    handle_kind = 'on'

    def __init__(self, parent=None, key=None):
        if parent is not None:
            super().__init__(parent, key)
        self._cache = {}

    def __get__(self, emitter, emitter_type=None):
        if emitter is None:
            return self
        bound = emitter.__dict__.get('_relviz_on')
        if bound is None:
            bound = type(self)(emitter)
            emitter.__dict__['_relviz_on'] = bound
        return bound

    @classmethod
    def define_event(cls, event_kind, event_type):
        if hasattr(cls, event_kind):
            raise RuntimeError(f'unable to define an event with event_kind that overlaps with an existing type or '
                               f'attribute: {event_kind}')
        source = EventSource(event_type)
        source.event_kind = event_kind
        setattr(cls, event_kind, source)

    def __getitem__(self, key):
        return getattr(self, key)

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        if '_relation_' in name or name.endswith('_action'):
            raise AttributeError(f'{type(self).__name__} has no event {name!r}: the charm\'s metadata declares no '
                                 f'such endpoint or action')
        _missing(f'{type(self).__name__}', name)


class _State:
    """The unit's ops state file: stored state and deferred events (written only when they change)."""

    def __init__(self):
        self.path = os.path.join(context.CHARM_DIR, context.OPS_STATE_FILE)
        self.data = {'stored': {}, 'deferred': []}
        self.loaded = None
        if os.path.exists(self.path):
            with open(self.path, encoding='utf-8') as f:
                self.loaded = f.read()
            self.data.update(json.loads(self.loaded))
        # Event keys continue after the deferred ones (they only name events kept for later).
        keys = [int(n['event'].rsplit('[', 1)[-1].rstrip(']')) for n in self.data['deferred']]
        self.next = max(keys, default=0)

    def save(self):
        text = json.dumps(self.data, indent=1, sort_keys=True)
        if self.loaded is None and not self.data['stored'] and not self.data['deferred']:
            return
        if text != self.loaded:
            with open(self.path, 'w', encoding='utf-8') as f:
                f.write(text)


class Framework(Object):
    """Observers, emission, deferral and the unit's stored state."""

    def __init__(self, model):
        self._objects = {}
        self._model = model
        self.framework = self
        self.handle = Handle(None, 'framework', None)
        self._observers = []
        self._state = _State()
        self._stored = {}

    @property
    def model(self):
        return self._model

    def observe(self, bound_event, observer):
        if not isinstance(bound_event, BoundEvent):
            raise TypeError(f'Framework.observe requires a BoundEvent as second parameter, got {bound_event}')
        owner = getattr(observer, '__self__', None)
        if not isinstance(owner, Object):
            raise TypeError(f'observer methods must be methods of an ops.Object (a charm or a component), '
                            f'not {observer!r}')
        self._observers.append((bound_event.emitter.handle.path, bound_event.event_kind, owner.handle.path,
                                observer.__name__))

    def _next_event_key(self):
        self._state.next += 1
        return str(self._state.next)

    def _observers_of(self, emitter_path, kind):
        return [(path, method) for (e, k, path, method) in self._observers if e == emitter_path and k == kind]

    def _emit(self, event, emitter, kind):
        # Recorded before its observers run, so a hook that fails in one still shows the event it failed in.
        seen = {'event': kind, 'reemitted': False, 'deferred': False}
        context.events.append(seen)
        for path, method in self._observers_of(emitter.handle.path, kind):
            event.deferred = False
            getattr(self._objects[path], method)(event)
            if event.deferred:
                seen['deferred'] = True
                self._state.data['deferred'].append({'event': event.handle.path, 'emitter': emitter.handle.path,
                                                     'kind': kind, 'observer': path, 'method': method,
                                                     'snapshot': event.snapshot()})

    def reemit(self):
        """Re-emits the events deferred by earlier hooks, in order; those deferred again stay."""
        notices = self._state.data['deferred']
        kept = []
        order = []
        for n in notices:
            if n['event'] not in order:
                order.append(n['event'])
        for event_path in order:
            group = [n for n in notices if n['event'] == event_path]
            first = group[0]
            emitter = self._objects.get(first['emitter'])
            source = getattr(type(emitter), first['kind'], None) if emitter is not None else None
            if not isinstance(source, EventSource):
                continue
            handle = Handle(emitter, first['kind'], event_path.rsplit('[', 1)[-1].rstrip(']'))
            event = source.event_type.__new__(source.event_type)
            EventBase.__init__(event, handle)
            event.framework = self
            event.restore(first['snapshot'])
            seen = {'event': first['kind'], 'reemitted': True, 'deferred': False}
            context.events.append(seen)
            for n in group:
                observer = self._objects.get(n['observer'])
                if observer is None or not hasattr(observer, n['method']):
                    continue
                event.deferred = False
                getattr(observer, n['method'])(event)
                if event.deferred:
                    seen['deferred'] = True
                    kept.append(dict(n, snapshot=event.snapshot()))
        self._state.data['deferred'] = kept

    def commit(self):
        for key, stored in self._stored.items():
            self._state.data['stored'][key] = _encode(stored._data)
        self._state.save()

    def _stored_data(self, key):
        return _decode(self._state.data['stored'].get(key, {}))

    def __getattr__(self, name):
        _missing('ops.Framework', name)


def _encode(value):
    if isinstance(value, (set, frozenset)):
        return {'__set__': [_encode(v) for v in sorted(value, key=repr)]}
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return value


def _decode(value):
    if isinstance(value, dict):
        if set(value) == {'__set__'}:
            return {_decode(v) for v in value['__set__']}
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


_STORABLE = (int, float, str, bool, type(None), list, dict, set, tuple)


def _check_storable(name, value):
    if isinstance(value, (list, tuple, set)):
        for v in value:
            _check_storable(name, v)
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_storable(name, k)
            _check_storable(name, v)
    elif not isinstance(value, _STORABLE):
        raise AttributeError(f'attribute {name!r} cannot be a {type(value).__name__}: '
                             f'must be int/float/dict/list/etc')


class BoundStoredState:
    def __init__(self, framework, key):
        self.__dict__['_framework'] = framework
        self.__dict__['_data'] = framework._stored_data(key)

    def __getattr__(self, key):
        data = self.__dict__['_data']
        if key not in data:
            raise AttributeError(f"attribute '{key}' is not stored")
        return data[key]

    def __setattr__(self, key, value):
        if key.startswith('_'):
            raise AttributeError(f"attribute '{key}' is reserved and cannot be set")
        _check_storable(key, value)
        self.__dict__['_data'][key] = value

    def set_default(self, **kwargs):
        for key, value in kwargs.items():
            if key not in self.__dict__['_data']:
                self.__setattr__(key, value)


class StoredState:
    """A class attribute whose values persist across the unit's hooks (saved when the hook ends well)."""

    def __init__(self):
        self.attr_name = None

    def __set_name__(self, owner, name):
        self.attr_name = name

    def __get__(self, parent, parent_type=None):
        if parent is None:
            return self
        bound = parent.__dict__.get(f'_relviz_stored_{self.attr_name}')
        if bound is None:
            key = f'{parent.handle.path}/StoredState[{self.attr_name}]'
            framework = parent.framework
            bound = framework._stored.get(key)
            if bound is None:
                bound = framework._stored[key] = BoundStoredState(framework, key)
            parent.__dict__[f'_relviz_stored_{self.attr_name}'] = bound
        return bound


def __getattr__(name):
    _missing('ops.framework', name)
