"""relviz's ops: an ops-compatible API written for relviz (not canonical/operator's code).

What it implements, and what it does not, is in docs/python-charms.md; anything not
implemented raises NotImplementedError saying so, never a silent no-op.
"""
from _relviz import context as _context

from . import charm, framework, model
from . import main as _main_module
from .charm import (ActionEvent, CharmBase, CharmEvents, CharmMeta, ConfigChangedEvent, HookEvent, InstallEvent,
                    LeaderElectedEvent, LeaderSettingsChangedEvent, RelationBrokenEvent, RelationChangedEvent,
                    RelationCreatedEvent, RelationDepartedEvent, RelationEvent, RelationJoinedEvent, RemoveEvent,
                    StartEvent, StopEvent, UpdateStatusEvent, UpgradeCharmEvent)
from .framework import (BoundEvent, EventBase, EventSource, Framework, Handle, Object, ObjectEvents, StoredState)
from .model import (ActiveStatus, Application, BlockedStatus, ConfigData, ErrorStatus, MaintenanceStatus, Model,
                    ModelError, Relation, RelationData, RelationDataAccessError, RelationDataContent,
                    RelationDataError, RelationDataTypeError, RelationMapping, RelationNotFoundError, StatusBase,
                    TooManyRelatedAppsError, Unit, UnknownStatus, WaitingStatus, InvalidStatusError)


class _Main:
    """`ops.main(Charm)` and `ops.main.main(Charm)` both run the charm."""

    def __call__(self, charm_class, use_juju_for_storage=None):
        return _main_module.main(charm_class, use_juju_for_storage)

    main = staticmethod(_main_module.main)

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        raise _context.not_implemented(f'ops.main.{name}')


main = _Main()


def __getattr__(name):
    if name.startswith('__'):
        raise AttributeError(name)
    raise _context.not_implemented(f'ops.{name}')
