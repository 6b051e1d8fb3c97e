/**
 * `guide-postgresql`: the ops guide's database provider with its relation-created
 * snippet as printed ("How to add an integration to a charm"):
 *
 *     def _on_db_relation_created(self, event):
 *         if not self.unit.is_leader():
 *             return
 *         credentials = self.create_database(event.app.name)
 *         event.relation.data[event.app].update(credentials)
 *
 * `event.app` is the *remote* application, and ops refuses to write its bag: the
 * leader's hook fails with ops's own RelationDataAccessError (`ops/model.py`,
 * `RelationDataContent._validate_write_access`), so the unit goes into error. The
 * rest is the catalog's `postgresql`, which writes its own application bag instead.
 * It exists for the "spot the bug" step of the integration-guide tutorial.
 */
import { type Charm } from '../behaviour.ts';
import { postgresql } from './opsGuide.ts';

/** What ops raises for a databag the unit may not touch; a Python traceback ends with this name. */
class RelationDataAccessError extends Error {
  override name = 'ops.model.RelationDataAccessError';
}

export const guidePostgresql: Charm = {
  meta: {
    ...postgresql.meta,
    name: 'guide-postgresql',
    summary: "The ops guide's database provider, snippet as printed: it writes the remote application's bag, and ops refuses.",
  },
  behaviour: {
    hooks: {
      ...postgresql.behaviour.hooks,
      'database-relation-created': (ctx) => {
        if (!ctx.isLeader()) return;
        const remoteApp = ctx.env['JUJU_REMOTE_APP'] ?? '';
        ctx.jujuLog(`created database ${remoteApp}`);
        // event.relation.data[event.app].update(credentials): event.app is the remote application.
        throw new RelationDataAccessError(`${ctx.unit.app} cannot write the data of remote application ${remoteApp}`);
      },
    },
    actions: {},
  },
};
