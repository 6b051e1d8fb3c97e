// STAND-IN until pycharms' src/python/templates/index.ts lands: delete before the final commit.
export interface CharmTemplate {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly style: 'hookenv' | 'ops';
  readonly main: string;
}

const OPS_META = `name: replicas
summary: A peers example.
peers:
  replicas:
    interface: charm_gossip
`;
const OPS_CHARM = `#!/usr/bin/env python3
import logging
import ops

logger = logging.getLogger(__name__)


class ReplicasCharm(ops.CharmBase):
    def __init__(self, framework):
        super().__init__(framework)
        framework.observe(self.on.replicas_relation_joined, self._on_joined)
        framework.observe(self.on.replicas_relation_changed, self._on_changed)

    def _on_joined(self, event):
        logger.info("joined by %s", event.unit.name)
        event.relation.data[self.unit]["hello"] = self.unit.name

    def _on_changed(self, event):
        if "ready" not in event.relation.data[event.app]:
            event.defer()
            return
        self.unit.status = ops.ActiveStatus("ready")


if __name__ == "__main__":
    ops.main(ReplicasCharm)
`;
const HOOK_META = `name: master
summary: The masterworker master, charmhelpers style.
provides:
  master-application:
    interface: exchange
`;
const HOOK_JOINED = `#!/usr/bin/env python3
from charmhelpers.core.hookenv import log, relation_set, remote_unit

log("joined by " + remote_unit())
relation_set(relation_settings={"hello": "world"})
`;

const FILES: Record<string, Record<string, string>> = {
  peers: { 'metadata.yaml': OPS_META, 'src/charm.py': OPS_CHARM },
  master: { 'metadata.yaml': HOOK_META, 'hooks/master-application-relation-joined': HOOK_JOINED, 'hooks/install': '#!/usr/bin/env python3\nfrom charmhelpers.core.hookenv import log\nlog("installed")\n' },
};

export const CHARM_TEMPLATES: readonly CharmTemplate[] = [
  { id: 'peers', title: 'Peer relation (ops)', summary: 'replicas over charm_gossip', style: 'ops', main: 'src/charm.py' },
  { id: 'master', title: 'master (charmhelpers)', summary: 'the masterworker master', style: 'hookenv', main: 'hooks/master-application-relation-joined' },
];

export function templateFiles(id: string): Promise<Record<string, string>> {
  return Promise.resolve({ ...FILES[id] });
}
