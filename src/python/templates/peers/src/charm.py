#!/usr/bin/env python3
"""Units of one application sharing data over a peer relation.

A peer relation is the one relation Juju makes by itself: it exists from deploy, and
every unit of the application joins it. Its databags work as usual with one twist:
the application bag is *readable by every unit* (only the leader may write it),
whereas on a regular relation a non-leader cannot even read its own application bag.

- ``leader-elected``: the leader names itself primary in the peer application bag.
- ``start``: each unit publishes its role in its own peer unit bag.
- ``replicas-relation-joined``: count the peers met, in StoredState (kept from hook
  to hook, per unit).
- ``replicas-relation-changed``: until a primary is known, *defer* the event: ops
  re-emits it before the next event on this unit.
- ``replicas-relation-departed``: the departing_unit check again; peer relations
  never get relation-broken, not even when a unit leaves.
"""

import logging

import ops

logger = logging.getLogger(__name__)


class PeerClusterCharm(ops.CharmBase):
    _stored = ops.StoredState()

    def __init__(self, framework: ops.Framework):
        super().__init__(framework)
        self._stored.set_default(peers_met=0)
        framework.observe(self.on.leader_elected, self._on_leader_elected)
        framework.observe(self.on.start, self._on_start)
        framework.observe(self.on.replicas_relation_joined, self._on_replicas_joined)
        framework.observe(self.on.replicas_relation_changed, self._on_replicas_changed)
        framework.observe(self.on.replicas_relation_departed, self._on_replicas_departed)

    @property
    def _peers(self) -> "ops.Relation | None":
        return self.model.get_relation("replicas")

    def _primary(self) -> str:
        peers = self._peers
        return peers.data[self.app].get("primary", "") if peers is not None else ""

    def _on_leader_elected(self, _event: ops.LeaderElectedEvent):
        if self._peers is not None:
            self._peers.data[self.app]["primary"] = self.unit.name
            logger.info(f"{self.unit.name} is the primary now")

    def _on_start(self, _event: ops.StartEvent):
        if self._peers is not None:
            role = "primary" if self.unit.is_leader() else "replica"
            self._peers.data[self.unit]["role"] = role
        self._update_status()

    def _on_replicas_joined(self, event: ops.RelationJoinedEvent):
        self._stored.peers_met += 1
        logger.info(f"met {event.unit.name} ({self._stored.peers_met} peers met so far)")

    def _on_replicas_changed(self, event: ops.RelationChangedEvent):
        if not self._primary():
            # Nothing to do without a primary. Deferring keeps the event: ops runs
            # this handler again, first thing, on this unit's next hook.
            self.unit.status = ops.WaitingStatus("waiting for a primary")
            event.defer()
            return
        self._update_status()

    def _on_replicas_departed(self, event: ops.RelationDepartedEvent):
        if self.unit == event.departing_unit:
            logger.info("leaving the cluster")
        else:
            logger.info(f"{event.unit.name} left the cluster")
            self._update_status()

    def _update_status(self):
        peers = self._peers
        primary = self._primary()
        if peers is None or not primary:
            self.unit.status = ops.WaitingStatus("waiting for a primary")
            return
        # relation.units: the *other* units of the application on this relation.
        self.unit.status = ops.ActiveStatus(f"primary: {primary}, {len(peers.units)} peer(s)")


if __name__ == "__main__":
    ops.main(PeerClusterCharm)
