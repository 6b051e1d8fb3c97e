"""ops.main: builds the model and the charm, re-emits deferred events, emits the hook's event."""
import logging
import os

from _relviz import context, tools

from .charm import ActionEvent
from .framework import Framework
from .model import Model, _Backend


class JujuLogHandler(logging.Handler):
    """Python logging to juju-log, at the record's level (ops' own handler does the same)."""

    def emit(self, record):
        tools.call(['juju-log', '--log-level', record.levelname, self.format(record)])


def _setup_logging():
    root = logging.getLogger()
    handler = JujuLogHandler()
    handler._relviz = True
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)


def _event_for(charm, model):
    """The hook's event and its arguments, from JUJU_HOOK_NAME and the relation environment."""
    hook = context.hook
    env = os.environ
    if context.kind == 'action':
        return f"{hook.replace('-', '_')}_action", (env.get('JUJU_ACTION_UUID'),)
    if context.kind.startswith('relation-'):
        endpoint = env.get('JUJU_RELATION', '')
        suffix = context.kind.split('-', 1)[1]
        relation = model.get_relation(endpoint, int(env['JUJU_RELATION_ID'].split(':')[-1]))
        app = model.get_app(env['JUJU_REMOTE_APP']) if env.get('JUJU_REMOTE_APP') else None
        unit = model.get_unit(env['JUJU_REMOTE_UNIT']) if env.get('JUJU_REMOTE_UNIT') else None
        args = (relation, app, unit)
        if suffix == 'departed':
            args += (env.get('JUJU_DEPARTING_UNIT') or None,)
        return f"{endpoint.replace('-', '_')}_relation_{suffix}", args
    return hook.replace('-', '_'), ()


def main(charm_class, use_juju_for_storage=None):
    """Runs the charm for this hook: deferred events first, then the hook's own event, then saves state."""
    _setup_logging()
    model = Model(_Backend())
    framework = Framework(model)
    charm = charm_class(framework)
    framework.reemit()
    kind, args = _event_for(charm, model)
    source = getattr(type(charm.on), kind, None)
    if source is not None:
        bound = getattr(charm.on, kind)
        if source.event_type is ActionEvent or issubclass(source.event_type, ActionEvent):
            _emit_action(framework, bound, args[0])
        else:
            bound.emit(*args)
    framework.commit()
    return charm


def _emit_action(framework, bound, action_id):
    from .framework import Handle
    event = bound.event_type(Handle(bound.emitter, bound.event_kind, framework._next_event_key()), action_id)
    event.framework = framework
    event._load_params()
    framework._emit(event, bound.emitter, bound.event_kind)
