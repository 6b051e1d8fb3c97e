#!/usr/bin/env python3
"""A database provider, written the way the ops integration guide means it.

- The leader creates credentials in ``database-relation-created`` and publishes them
  in its *own* application databag, which every unit of the requirer can read.
- ``database-relation-broken`` drops the database, on the leader only.
- A peer relation, ``replicas``, carries the primary's name in the peer
  application databag; every unit shows it in its status.
"""

import logging
import random

import ops

logger = logging.getLogger(__name__)

SECRET_CHARS = "abcdefghijklmnopqrstuv0123456789"


def new_secret_id() -> str:
    """A made-up secret id (relviz has no secrets): 12 random characters."""
    return "secret:" + "".join(SECRET_CHARS[int(random.random() * 32)] for _ in range(12))


class DatabaseProviderCharm(ops.CharmBase):
    def __init__(self, framework: ops.Framework):
        super().__init__(framework)
        framework.observe(self.on.start, self._update_status)
        framework.observe(self.on.leader_elected, self._on_leader_elected)
        framework.observe(self.on.replicas_relation_changed, self._update_status)
        framework.observe(self.on.replicas_relation_departed, self._on_replica_departed)
        framework.observe(self.on.database_relation_created, self._on_database_relation_created)
        framework.observe(self.on.database_relation_broken, self._on_database_relation_broken)

    # --- the peer relation -------------------------------------------------------

    def _primary(self) -> str:
        """The primary's unit name, from the peer application databag ('' if unset)."""
        peers = self.model.get_relation("replicas")
        if peers is None:
            return ""
        # Any unit may *read* its own application's bag on a peer relation;
        # only the leader may write it.
        return peers.data[self.app].get("primary", "")

    def _update_status(self, _event: ops.EventBase):
        primary = self._primary()
        self.unit.status = ops.ActiveStatus(f"primary: {primary}" if primary else "")

    def _on_leader_elected(self, _event: ops.LeaderElectedEvent):
        peers = self.model.get_relation("replicas")
        if peers is not None:
            peers.data[self.app]["primary"] = self.unit.name

    def _on_replica_departed(self, event: ops.RelationDepartedEvent):
        logger.info(f"replica {event.unit.name} left")

    # --- the database relation ---------------------------------------------------

    def _on_database_relation_created(self, event: ops.RelationCreatedEvent):
        # Only the leader may write the application databag.
        if not self.unit.is_leader():
            return
        credentials = self._create_database(event.app.name)
        # Our own application's bag: the requirer reads it as the remote app's data.
        # (The guide prints event.relation.data[event.app] here: that is the *remote*
        # application's bag, and ops refuses to write it. See database-provider-bug.)
        event.relation.data[self.app].update(credentials)

    def _on_database_relation_broken(self, event: ops.RelationBrokenEvent):
        if not self.unit.is_leader():
            return
        # A leader that is itself being removed is still the leader here, and can
        # still read what it wrote (which database) from its application bag.
        database = event.relation.data[self.app].get("database") or event.app.name
        self._drop_database(database)

    # --- the "workload" ----------------------------------------------------------

    def _create_database(self, name: str) -> dict:
        logger.info(f"created database {name}")
        return {"credentials": new_secret_id(), "database": name}

    def _drop_database(self, name: str):
        logger.info(f"dropped database {name}")


if __name__ == "__main__":
    ops.main(DatabaseProviderCharm)
