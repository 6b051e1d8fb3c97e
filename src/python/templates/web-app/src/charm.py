#!/usr/bin/env python3
"""A web application that requires a database, as in the ops integration guide.

One *holistic* handler, ``_update_status``, observes every event that can change
what the application needs (start, config-changed, the relations' changed events)
and recomputes the status from the relations as they are now, rather than from the
event that happened to arrive.
"""

import ops


class WebAppCharm(ops.CharmBase):
    def __init__(self, framework: ops.Framework):
        super().__init__(framework)
        framework.observe(self.on.config_changed, self._update_status)
        framework.observe(self.on.start, self._update_status)
        framework.observe(self.on.db_relation_changed, self._update_status)
        framework.observe(self.on.smtp_relation_changed, self._update_status)
        framework.observe(self.on.db_relation_broken, self._on_db_relation_broken)

    def _update_status(self, _event: ops.EventBase):
        # limit: 1 on the endpoint, so get_relation (which wants at most one) is safe.
        db = self.model.get_relation("db")
        if db is None:
            self.unit.status = ops.BlockedStatus("needs a database relation")
            return
        # The provider's leader publishes the credentials in *its* application bag:
        # here that is the remote application's bag, db.app. (The guide reads
        # db_relation.data[self.model.app]: our own app bag, which a non-leader of a
        # non-peer relation may not even read.)
        credentials = db.data[db.app].get("credentials") if db.app is not None else None
        if not credentials:
            # Not there yet: a later db-relation-changed brings it.
            self.unit.status = ops.WaitingStatus("waiting for database credentials")
            return
        mail = ""
        smtp_relations = self.model.relations["smtp"]
        if smtp_relations:
            smtp = smtp_relations[0]
            # The smtp provider keeps one credential per requirer unit in its own unit
            # bag, under "<our unit name>.smtp_credentials".
            for provider in smtp.units:
                if smtp.data[provider].get(f"{self.unit.name}.smtp_credentials"):
                    mail = ", mail on"
        self.unit.status = ops.ActiveStatus(f"database ready{mail}")

    def _on_db_relation_broken(self, _event: ops.RelationBrokenEvent):
        self.unit.status = ops.BlockedStatus("needs a database relation")


if __name__ == "__main__":
    ops.main(WebAppCharm)
