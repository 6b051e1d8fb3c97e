#!/usr/bin/env python3
"""An smtp provider with per-unit credentials, as in the ops integration guide.

- ``smtp-relation-joined`` runs once per requirer unit: make an smtp user for it and
  publish its credentials in *our* unit bag, under a key that names the requirer unit.
- ``smtp-relation-departed`` removes that user again, *unless this unit is the one
  leaving*. Juju runs departed on both sides: when ``webapp/1`` is removed, every
  smtp-server unit runs departed for it (``event.departing_unit`` is webapp/1: clean
  up); when ``smtp-server/1`` is removed, smtp-server/1 itself runs departed for every
  webapp unit, with ``event.departing_unit`` being smtp-server/1 (itself: the users
  must stay, the other smtp-server units still serve them).
"""

import logging
import random

import ops

logger = logging.getLogger(__name__)

SECRET_CHARS = "abcdefghijklmnopqrstuv0123456789"


def new_secret_id() -> str:
    """A made-up secret id (relviz has no secrets): 12 random characters."""
    return "secret:" + "".join(SECRET_CHARS[int(random.random() * 32)] for _ in range(12))


class SmtpProviderCharm(ops.CharmBase):
    def __init__(self, framework: ops.Framework):
        super().__init__(framework)
        framework.observe(self.on.start, self._on_start)
        framework.observe(self.on.smtp_relation_joined, self._on_smtp_relation_joined)
        framework.observe(self.on.smtp_relation_departed, self._on_smtp_relation_departed)

    def _on_start(self, _event: ops.StartEvent):
        self.unit.status = ops.ActiveStatus()

    def _on_smtp_relation_joined(self, event: ops.RelationJoinedEvent):
        # event.unit is the requirer unit that joined. Its credentials go in OUR unit
        # bag: a unit can only ever write its own bag. (The guide prints
        # event.relation.data[event.unit] here, the remote unit's bag: ops refuses it.)
        secret_id = self._create_smtp_user(event.unit.name)
        event.relation.data[self.unit][f"{event.unit.name}.smtp_credentials"] = secret_id

    def _on_smtp_relation_departed(self, event: ops.RelationDepartedEvent):
        # The guide's check: is it me who is leaving? Then leave the users alone.
        if self.unit != event.departing_unit:
            self._remove_smtp_user(event.relation, event.unit.name)

    def _create_smtp_user(self, unit_name: str) -> str:
        logger.info(f"created smtp user for {unit_name}")
        return new_secret_id()

    def _remove_smtp_user(self, relation: ops.Relation, unit_name: str):
        logger.info(f"removed smtp user for {unit_name}")
        # Setting a key to "" deletes it from the bag.
        relation.data[self.unit][f"{unit_name}.smtp_credentials"] = ""


if __name__ == "__main__":
    ops.main(SmtpProviderCharm)
