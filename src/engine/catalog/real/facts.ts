/**
 * Real charms' endpoints: facts read from each charm's `metadata.yaml` /
 * `charmcraft.yaml` at the commit named beside it (and, for reactive charms, from the
 * included layers the built charm takes endpoints from). Only facts are kept — endpoint
 * names, roles, interfaces, limits, scopes, `optional`, `subordinate`; each summary is
 * our own few words, not the charm's. The fixture charms (COS Lite, Charmed Kubernetes)
 * are checked against the fixture files by test/engine/realCharms.test.ts.
 *
 * To add a charm: read its metadata at a commit, write the endpoints in the same shape
 * as the YAML (`name: interface`, or `{ interface, limit?, scope?, optional? }`), in
 * the file's order, and record `source` with the full commit.
 */
import type { SourceFile } from '../../charm.ts';

export interface EndpointFact {
  readonly interface: string;
  readonly limit?: number;
  readonly scope?: 'container';
  readonly optional?: true;
}

/** An endpoint as the metadata writes it: the short form is just its interface. */
export type EndpointFacts = Readonly<Record<string, string | EndpointFact>>;

export interface RealCharmFacts {
  readonly name: string;
  /** Our own words; never the charm's summary or description. */
  readonly summary: string;
  readonly subordinate?: true;
  readonly source: SourceFile;
  /** Included layers whose endpoints the built (reactive) charm also has. */
  readonly layers?: readonly SourceFile[];
  readonly provides?: EndpointFacts;
  readonly requires?: EndpointFacts;
  readonly peers?: EndpointFacts;
}

export const REAL_CHARM_FACTS: readonly RealCharmFacts[] = [
  {
    name: 'traefik-k8s',
    summary: 'Ingress and reverse proxy (Traefik, Kubernetes)',
    source: { repo: 'github.com/canonical/traefik-k8s-operator', path: 'metadata.yaml', commit: '9b354b6e5f49' },
    provides: {
      ingress: 'ingress',
      'ingress-per-unit': 'ingress_per_unit',
      'metrics-endpoint': 'prometheus_scrape',
      'traefik-route': 'traefik_route',
      'grafana-dashboard': 'grafana_dashboard',
    },
    requires: {
      certificates: { interface: 'tls-certificates', limit: 1, optional: true },
      'experimental-forward-auth': { interface: 'forward_auth', limit: 1, optional: true },
      logging: { interface: 'loki_push_api', optional: true },
      'charm-tracing': { interface: 'tracing', limit: 1, optional: true },
      'workload-tracing': { interface: 'tracing', limit: 1, optional: true },
      'receive-ca-cert': { interface: 'certificate_transfer', limit: 1, optional: true },
    },
    peers: { peers: 'traefik_peers' },
  },
  {
    name: 'alertmanager-k8s',
    summary: 'Groups and routes alerts (Alertmanager, Kubernetes)',
    source: { repo: 'github.com/canonical/alertmanager-k8s-operator', path: 'charmcraft.yaml', commit: 'fe6c70aa6104' },
    provides: {
      alerting: { interface: 'alertmanager_dispatch', optional: true },
      'karma-dashboard': { interface: 'karma_dashboard', optional: true },
      'self-metrics-endpoint': { interface: 'prometheus_scrape', optional: true },
      'grafana-dashboard': { interface: 'grafana_dashboard', optional: true },
      'grafana-source': { interface: 'grafana_datasource', optional: true },
    },
    requires: {
      ingress: { interface: 'ingress', limit: 1, optional: true },
      'remote-configuration': { interface: 'alertmanager_remote_configuration', limit: 1, optional: true },
      catalogue: { interface: 'catalogue', optional: true },
      certificates: { interface: 'tls-certificates', limit: 1, optional: true },
      tracing: { interface: 'tracing', limit: 1, optional: true },
    },
    peers: { replicas: 'alertmanager_replica' },
  },
  {
    name: 'prometheus-k8s',
    summary: 'Scrapes and stores metrics (Prometheus, Kubernetes)',
    source: { repo: 'github.com/canonical/prometheus-k8s-operator', path: 'charmcraft.yaml', commit: '0df3eb6a262a' },
    provides: {
      'self-metrics-endpoint': { interface: 'prometheus_scrape', optional: true },
      'grafana-source': { interface: 'grafana_datasource', optional: true },
      'grafana-dashboard': { interface: 'grafana_dashboard', optional: true },
      'receive-remote-write': { interface: 'prometheus_remote_write', optional: true },
      'send-datasource': { interface: 'grafana_datasource_exchange', optional: true },
      'prometheus-api': { interface: 'prometheus_api', optional: true },
    },
    requires: {
      'metrics-endpoint': { interface: 'prometheus_scrape', optional: true },
      alertmanager: { interface: 'alertmanager_dispatch', optional: true },
      ingress: { interface: 'ingress_per_unit', limit: 1, optional: true },
      catalogue: { interface: 'catalogue', limit: 1, optional: true },
      certificates: { interface: 'tls-certificates', limit: 1, optional: true },
      'charm-tracing': { interface: 'tracing', limit: 1, optional: true },
      'workload-tracing': { interface: 'tracing', limit: 1, optional: true },
    },
    peers: { 'prometheus-peers': 'prometheus_peers' },
  },
  {
    name: 'grafana-k8s',
    summary: 'Dashboards over metrics and logs (Grafana, Kubernetes)',
    source: { repo: 'github.com/canonical/grafana-k8s-operator', path: 'charmcraft.yaml', commit: 'd6640a4637ed' },
    provides: {
      'profiling-endpoint': { interface: 'parca_scrape', optional: true },
      'metrics-endpoint': { interface: 'prometheus_scrape', optional: true },
      'grafana-metadata': { interface: 'grafana_metadata', optional: true },
    },
    requires: {
      'grafana-source': { interface: 'grafana_datasource', optional: true },
      'grafana-dashboard': { interface: 'grafana_dashboard', optional: true },
      'grafana-auth': { interface: 'grafana_auth', optional: true },
      database: { interface: 'db', limit: 1, optional: true },
      catalogue: { interface: 'catalogue', optional: true },
      ingress: { interface: 'traefik_route', limit: 1, optional: true },
      certificates: { interface: 'tls-certificates', limit: 1, optional: true },
      'receive-ca-cert': { interface: 'certificate_transfer', limit: 1, optional: true },
      oauth: { interface: 'oauth', limit: 1, optional: true },
      'charm-tracing': { interface: 'tracing', limit: 1, optional: true },
      'workload-tracing': { interface: 'tracing', limit: 1, optional: true },
    },
    peers: { grafana: 'grafana_peers', replicas: 'grafana_replicas' },
  },
  {
    name: 'catalogue-k8s',
    summary: 'A landing page linking the web UIs of a model (Kubernetes)',
    source: { repo: 'github.com/canonical/catalogue-k8s-operator', path: 'charm/charmcraft.yaml', commit: '8d18e640f50b' },
    provides: { catalogue: 'catalogue' },
    requires: {
      'catalogue-item': 'catalogue',
      ingress: { interface: 'ingress', limit: 1 },
      certificates: { interface: 'tls-certificates', limit: 1 },
      tracing: { interface: 'tracing', limit: 1 },
    },
    peers: { replicas: 'catalogue_replica' },
  },
  {
    name: 'loki-k8s',
    summary: 'Stores and queries logs (Loki, Kubernetes)',
    source: { repo: 'github.com/canonical/loki-k8s-operator', path: 'charmcraft.yaml', commit: '91b11606f941' },
    provides: {
      logging: { interface: 'loki_push_api', optional: true },
      'grafana-source': { interface: 'grafana_datasource', optional: true },
      'metrics-endpoint': { interface: 'prometheus_scrape', optional: true },
      'grafana-dashboard': { interface: 'grafana_dashboard', optional: true },
      'send-datasource': { interface: 'grafana_datasource_exchange', optional: true },
    },
    requires: {
      alertmanager: { interface: 'alertmanager_dispatch', optional: true },
      ingress: { interface: 'ingress_per_unit', limit: 1, optional: true },
      certificates: { interface: 'tls-certificates', limit: 1, optional: true },
      catalogue: { interface: 'catalogue', optional: true },
      'charm-tracing': { interface: 'tracing', limit: 1, optional: true },
      'workload-tracing': { interface: 'tracing', limit: 1, optional: true },
    },
    peers: { replicas: 'loki_replica' },
  },
  {
    name: 'self-signed-certificates',
    summary: 'Issues TLS certificates signed by its own CA',
    source: { repo: 'github.com/canonical/self-signed-certificates-operator', path: 'charmcraft.yaml', commit: '3196fd5817e8' },
    provides: { certificates: 'tls-certificates', 'send-ca-cert': 'certificate_transfer' },
    requires: { tracing: { interface: 'tracing', limit: 1, optional: true } },
  },
  {
    name: 'avalanche-k8s',
    summary: 'Generates synthetic metrics for load tests (Kubernetes)',
    source: { repo: 'github.com/canonical/avalanche-k8s-operator', path: 'charmcraft.yaml', commit: 'a8419e26a305' },
    provides: { 'metrics-endpoint': 'prometheus_scrape', 'grafana-dashboard': 'grafana_dashboard' },
    requires: { 'send-remote-write': 'prometheus_remote_write' },
    peers: { replicas: 'avalanche_replica' },
  },
  {
    name: 'kubernetes-control-plane',
    summary: 'Kubernetes control plane: API server, scheduler, controllers',
    source: { repo: 'github.com/charmed-kubernetes/charm-kubernetes-control-plane', path: 'charmcraft.yaml', commit: '2d587307c607' },
    provides: {
      cni: { interface: 'kubernetes-cni', scope: 'container' },
      'container-runtime': { interface: 'container-runtime', scope: 'container' },
      'cos-agent': 'cos_agent',
      'kube-control': 'kube-control',
      tokens: 'tokens',
    },
    requires: {
      'ceph-client': 'ceph-client',
      aws: 'aws-integration',
      gcp: 'gcp-integration',
      azure: 'azure-integration',
      openstack: 'openstack-integration',
      'keystone-credentials': 'keystone-credentials',
      certificates: 'tls-certificates',
      'dns-provider': 'kube-dns',
      etcd: 'etcd',
      ha: 'hacluster',
      'loadbalancer-external': 'loadbalancer',
      'loadbalancer-internal': 'loadbalancer',
      'external-cloud-provider': 'external_cloud_provider',
      'vault-kv': 'vault-kv',
    },
    peers: { coordinator: 'coordinator', peer: 'kubernetes-control-plane-peer' },
  },
  {
    name: 'kubernetes-worker',
    summary: 'Kubernetes node that runs the pods',
    source: { repo: 'github.com/charmed-kubernetes/charm-kubernetes-worker', path: 'charmcraft.yaml', commit: 'b702c9631545' },
    provides: {
      cni: { interface: 'kubernetes-cni', scope: 'container' },
      'container-runtime': { interface: 'container-runtime', scope: 'container' },
      'cos-agent': 'cos_agent',
      'ingress-proxy': 'http',
    },
    requires: {
      aws: 'aws-integration',
      gcp: 'gcp-integration',
      azure: 'azure-integration',
      certificates: 'tls-certificates',
      'kube-control': 'kube-control',
      tokens: 'tokens',
    },
    peers: { coordinator: 'coordinator' },
  },
  {
    name: 'kubeapi-load-balancer',
    summary: 'Load balancer in front of the Kubernetes API servers',
    source: { repo: 'github.com/charmed-kubernetes/charm-kubeapi-load-balancer', path: 'charmcraft.yaml', commit: 'cd0b65d397a2' },
    provides: { 'lb-consumers': 'loadbalancer', 'cos-agent': 'cos_agent' },
    requires: { apiserver: 'http', certificates: 'tls-certificates', ha: 'hacluster' },
  },
  {
    name: 'calico',
    summary: 'Container networking for Kubernetes nodes',
    subordinate: true,
    source: { repo: 'github.com/charmed-kubernetes/charm-calico', path: 'metadata.yaml', commit: '0e0101314312' },
    requires: { etcd: 'etcd', cni: { interface: 'kubernetes-cni', scope: 'container' } },
  },
  {
    name: 'containerd',
    summary: 'Container runtime for Kubernetes nodes',
    subordinate: true,
    source: { repo: 'github.com/charmed-kubernetes/charm-containerd', path: 'src/metadata.yaml', commit: '82d0953638ba' },
    provides: { untrusted: { interface: 'untrusted-container-runtime', scope: 'container' } },
    requires: { containerd: { interface: 'container-runtime', scope: 'container' }, 'docker-registry': 'docker-registry' },
  },
  {
    name: 'easyrsa',
    summary: 'A small certificate authority for Charmed Kubernetes',
    source: { repo: 'github.com/charmed-kubernetes/layer-easyrsa', path: 'src/metadata.yaml', commit: '3cb8d83f3a33' },
    provides: { client: 'tls-certificates' },
  },
  {
    name: 'etcd',
    summary: 'Distributed key-value store (etcd)',
    source: { repo: 'github.com/charmed-kubernetes/layer-etcd', path: 'src/metadata.yaml', commit: '233f62a8ff1f' },
    layers: [{ repo: 'github.com/juju-solutions/layer-tls-client', path: 'metadata.yaml', commit: 'ed989b244333' }, { repo: 'github.com/charmed-kubernetes/layer-nagios', path: 'metadata.yaml', commit: '47dfcd4920ef' }],
    provides: {
      db: 'etcd',
      proxy: 'etcd-proxy',
      prometheus: 'prometheus-manual',
      grafana: 'grafana-dashboard',
      'nrpe-external-master': { interface: 'nrpe-external-master', scope: 'container' },
    },
    requires: { certificates: 'tls-certificates' },
    peers: { cluster: 'etcd' },
  },
  {
    name: 'vault',
    summary: 'Secrets store and certificate authority (Vault, machine charm)',
    source: { repo: 'github.com/openstack/charm-vault', path: 'src/metadata.yaml', commit: '5a0c525ee5286391fdc42242e82816021c469cb3' },
    provides: {
      'nrpe-external-master': { interface: 'nrpe-external-master', scope: 'container' },
      secrets: 'vault-kv',
      certificates: 'tls-certificates',
    },
    requires: {
      db: 'pgsql',
      'shared-db': 'mysql-shared',
      etcd: 'etcd',
      ha: { interface: 'hacluster', scope: 'container' },
      'lb-provider': { interface: 'loadbalancer', limit: 1 },
    },
    peers: { cluster: 'vault-ha' },
  },
  {
    name: 'mysql-innodb-cluster',
    summary: 'Highly available MySQL cluster (machine charm)',
    source: { repo: 'github.com/openstack/charm-mysql-innodb-cluster', path: 'src/metadata.yaml', commit: '342d84b62847347a1789c7973b4f25b3423012b9' },
    layers: [{ repo: 'github.com/openstack/charm-layer-openstack', path: 'metadata.yaml', commit: '34af2ff514d4ee1108ae21daeef269a10dd0299f' }],
    provides: {
      'shared-db': 'mysql-shared',
      'db-router': 'mysql-router',
      'db-monitor': { interface: 'mysql-monitor', scope: 'container' },
      prometheus: 'http',
    },
    requires: { certificates: 'tls-certificates' },
    peers: { cluster: 'mysql-innodb-cluster' },
  },
  {
    name: 'mysql-router',
    summary: 'MySQL Router beside a client application',
    subordinate: true,
    source: { repo: 'github.com/openstack/charm-mysql-router', path: 'src/metadata.yaml', commit: '49f991e501bcf83cfeb82c9d63f3d9604f0f716b' },
    layers: [{ repo: 'github.com/openstack/charm-layer-openstack', path: 'metadata.yaml', commit: '34af2ff514d4ee1108ae21daeef269a10dd0299f' }],
    provides: { 'shared-db': { interface: 'mysql-shared', scope: 'container' } },
    requires: {
      'juju-info': { interface: 'juju-info', scope: 'container' },
      'db-router': 'mysql-router',
      certificates: 'tls-certificates',
    },
  },
  {
    name: 'postgresql',
    summary: 'PostgreSQL database (machine charm)',
    source: { repo: 'github.com/canonical/postgresql-operator', path: 'metadata.yaml', commit: '9251d5db4504081ba906c71056c6abae9981ba18' },
    provides: {
      'replication-offer': { interface: 'postgresql_async', limit: 1, optional: true },
      database: 'postgresql_client',
      db: { interface: 'pgsql', optional: true },
      'db-admin': { interface: 'pgsql', optional: true },
      'cos-agent': { interface: 'cos_agent', limit: 1, optional: true },
    },
    requires: {
      replication: { interface: 'postgresql_async', limit: 1, optional: true },
      certificates: { interface: 'tls-certificates', limit: 1, optional: true },
      'receive-ca-cert': { interface: 'certificate_transfer', optional: true },
      's3-parameters': { interface: 's3', limit: 1, optional: true },
      ldap: { interface: 'ldap', limit: 1, optional: true },
      tracing: { interface: 'tracing', limit: 1, optional: true },
    },
    peers: { 'database-peers': 'postgresql_peers', restart: 'rolling_op', upgrade: 'upgrade' },
  },
  {
    name: 'postgresql-k8s',
    summary: 'PostgreSQL database (Kubernetes)',
    source: { repo: 'github.com/canonical/postgresql-k8s-operator', path: 'metadata.yaml', commit: '59f9b594cbd13051844942275e837142233858d2' },
    provides: {
      'replication-offer': { interface: 'postgresql_async', limit: 1, optional: true },
      database: 'postgresql_client',
      db: { interface: 'pgsql', optional: true },
      'db-admin': { interface: 'pgsql', optional: true },
      'metrics-endpoint': { interface: 'prometheus_scrape', optional: true },
      'grafana-dashboard': { interface: 'grafana_dashboard', optional: true },
    },
    requires: {
      replication: { interface: 'postgresql_async', limit: 1, optional: true },
      certificates: { interface: 'tls-certificates', limit: 1, optional: true },
      'receive-ca-cert': { interface: 'certificate_transfer', optional: true },
      's3-parameters': { interface: 's3', limit: 1, optional: true },
      ldap: { interface: 'ldap', limit: 1, optional: true },
      logging: { interface: 'loki_push_api', limit: 1, optional: true },
      tracing: { interface: 'tracing', limit: 1, optional: true },
    },
    peers: { 'database-peers': 'postgresql_peers', restart: 'rolling_op', upgrade: 'upgrade' },
  },
  {
    name: 'mysql',
    summary: 'MySQL database (machine charm)',
    source: { repo: 'github.com/canonical/mysql-operator', path: 'metadata.yaml', commit: '8b73ff31c76ab3234acd4e4172b0347073def2fa' },
    provides: {
      database: 'mysql_client',
      mysql: 'mysql',
      'db-router': 'mysql-router',
      'shared-db': 'mysql-shared',
      'cos-agent': { interface: 'cos_agent', limit: 1 },
      'replication-offer': { interface: 'mysql_async', limit: 1 },
    },
    requires: {
      certificates: { interface: 'tls-certificates', limit: 1, optional: true },
      's3-parameters': { interface: 's3', limit: 1, optional: true },
      replication: { interface: 'mysql_async', limit: 1, optional: true },
      tracing: { interface: 'tracing', limit: 1, optional: true },
    },
    peers: { 'database-peers': 'mysql_peers', upgrade: 'upgrade', restart: 'rolling_op' },
  },
  {
    name: 'mysql-k8s',
    summary: 'MySQL database (Kubernetes)',
    source: { repo: 'github.com/canonical/mysql-k8s-operator', path: 'metadata.yaml', commit: '26394f9457907410180b559fdd5fe9e9e9d511ec' },
    provides: {
      database: 'mysql_client',
      mysql: 'mysql',
      'mysql-root': 'mysql',
      'metrics-endpoint': 'prometheus_scrape',
      'grafana-dashboard': 'grafana_dashboard',
    },
    requires: {
      certificates: { interface: 'tls-certificates', limit: 1, optional: true },
      's3-parameters': { interface: 's3', limit: 1, optional: true },
      logging: { interface: 'loki_push_api', limit: 1, optional: true },
    },
    peers: { 'database-peers': 'mysql_peers', upgrade: 'upgrade', restart: 'rolling_op' },
  },
  {
    name: 'grafana-agent',
    summary: 'Telemetry collector beside a machine application',
    subordinate: true,
    source: { repo: 'github.com/canonical/grafana-agent-operator', path: 'charmcraft.yaml', commit: 'de1252e7966c0b2ff1c613dbec341efd303d708b' },
    provides: { 'grafana-dashboards-provider': { interface: 'grafana_dashboard', optional: true } },
    requires: {
      certificates: { interface: 'tls-certificates', limit: 1, optional: true },
      'juju-info': { interface: 'juju-info', scope: 'container', optional: true },
      'cos-agent': { interface: 'cos_agent', scope: 'container', optional: true },
      'send-remote-write': { interface: 'prometheus_remote_write', optional: true },
      'logging-consumer': { interface: 'loki_push_api', optional: true },
      'grafana-cloud-config': { interface: 'grafana_cloud_config', limit: 1, optional: true },
      'receive-ca-cert': { interface: 'certificate_transfer', optional: true },
      tracing: { interface: 'tracing', limit: 1, optional: true },
    },
    peers: { peers: 'grafana_agent_replica' },
  },
  {
    name: 'grafana-agent-k8s',
    summary: 'Telemetry collector (Kubernetes)',
    source: { repo: 'github.com/canonical/grafana-agent-k8s-operator', path: 'charmcraft.yaml', commit: '98fdd07848db68d76a805eca9767724ba5170ccd' },
    provides: {
      'tracing-provider': { interface: 'tracing', optional: true },
      'logging-provider': { interface: 'loki_push_api', optional: true },
      'grafana-dashboards-provider': { interface: 'grafana_dashboard', optional: true },
    },
    requires: {
      certificates: { interface: 'tls-certificates', limit: 1, optional: true },
      'send-remote-write': { interface: 'prometheus_remote_write', optional: true },
      'metrics-endpoint': { interface: 'prometheus_scrape', optional: true },
      'logging-consumer': { interface: 'loki_push_api', optional: true },
      'grafana-dashboards-consumer': { interface: 'grafana_dashboard', optional: true },
      'grafana-cloud-config': { interface: 'grafana_cloud_config', limit: 1, optional: true },
      'receive-ca-cert': { interface: 'certificate_transfer', optional: true },
      tracing: { interface: 'tracing', limit: 1, optional: true },
    },
    peers: { peers: 'grafana_agent_replica' },
  },
  {
    name: 'nginx-ingress-integrator',
    summary: 'Sets up Kubernetes NGINX ingress for an application',
    source: { repo: 'github.com/canonical/nginx-ingress-integrator-operator', path: 'charmcraft.yaml', commit: '8f872b9ea7484e2c1c618c61e318e1d98b70d21d' },
    provides: { ingress: { interface: 'ingress', limit: 1 }, 'nginx-route': { interface: 'nginx-route', limit: 1 } },
    requires: { certificates: { interface: 'tls-certificates', limit: 1 } },
    peers: { 'nginx-peers': 'nginx-instance' },
  },
  {
    name: 'data-integrator',
    summary: 'Asks a database or broker for credentials on behalf of a client outside Juju',
    source: { repo: 'github.com/canonical/data-integrator', path: 'metadata.yaml', commit: 'c3c60e17f6fff02292bbb05bf2a32eee6e90ddcc' },
    provides: { mongos: { interface: 'mongos_client', limit: 1 } },
    requires: {
      mysql: { interface: 'mysql_client', limit: 1 },
      postgresql: { interface: 'postgresql_client', limit: 1 },
      mongodb: { interface: 'mongodb_client', limit: 1 },
      kafka: { interface: 'kafka_client', limit: 1 },
      zookeeper: { interface: 'zookeeper', limit: 1 },
      opensearch: { interface: 'opensearch_client', limit: 1 },
      kyuubi: { interface: 'kyuubi_client', limit: 1 },
      etcd: { interface: 'etcd_client', limit: 1 },
      cassandra: { interface: 'cassandra_client', limit: 1 },
      valkey: { interface: 'valkey_client', limit: 1 },
    },
    peers: { 'data-integrator-peers': 'data-integrator-peers' },
  },
  {
    name: 'redis-k8s',
    summary: 'Redis key-value store (Kubernetes)',
    source: { repo: 'github.com/canonical/redis-k8s-operator', path: 'metadata.yaml', commit: 'e5cb64629442f3c9879e6ddb189421a35369e96b' },
    provides: { redis: 'redis', 'metrics-endpoint': 'prometheus_scrape', 'grafana-dashboard': 'grafana_dashboard' },
    requires: { logging: { interface: 'loki_push_api', optional: true } },
    peers: { 'redis-peers': { interface: 'redis-peers', optional: true } },
  },
  {
    name: 'kafka',
    summary: 'Kafka message broker (machine charm)',
    source: { repo: 'github.com/canonical/kafka-operator', path: 'machine/metadata.yaml', commit: '3c25f095a1e92cf0a8161f7a716929643682519a' },
    provides: {
      'kafka-client': { interface: 'kafka_client', optional: true },
      'cos-agent': { interface: 'cos_agent', optional: true },
      'peer-cluster-orchestrator': { interface: 'peer_cluster', limit: 1, optional: true },
    },
    requires: {
      certificates: { interface: 'tls-certificates', limit: 1, optional: true },
      'peer-certificates': { interface: 'tls-certificates', limit: 1, optional: true },
      'client-cas': { interface: 'certificate_transfer', optional: true },
      'peer-cluster': { interface: 'peer_cluster', optional: true },
      oauth: { interface: 'oauth', limit: 1, optional: true },
    },
    peers: { cluster: 'cluster', restart: 'rolling_op', 'refresh-v-three': 'refresh-v-three' },
  },
  {
    name: 'zookeeper',
    summary: 'ZooKeeper coordination service (machine charm)',
    source: { repo: 'github.com/canonical/zookeeper-operator', path: 'metadata.yaml', commit: '7004c99b2759765242af2de1db3f92e964b9b4c7' },
    provides: { zookeeper: 'zookeeper', 'cos-agent': { interface: 'cos_agent', limit: 1 } },
    requires: {
      certificates: { interface: 'tls-certificates', limit: 1, optional: true },
      's3-credentials': { interface: 's3', limit: 1, optional: true },
    },
    peers: { cluster: 'cluster', restart: 'rolling_op', upgrade: 'upgrade' },
  },
  {
    name: 'vault-k8s',
    summary: 'Secrets store and certificate authority (Vault, Kubernetes)',
    source: { repo: 'github.com/canonical/vault-k8s-operator', path: 'k8s/charmcraft.yaml', commit: '619be7dc56b3be8846af48e57f86c378e8ec4003' },
    provides: {
      'vault-autounseal-provides': { interface: 'vault-autounseal', optional: true },
      'vault-kv': { interface: 'vault-kv', optional: true },
      'vault-pki': { interface: 'tls-certificates', optional: true },
      'metrics-endpoint': { interface: 'prometheus_scrape', optional: true },
      'send-ca-cert': { interface: 'certificate_transfer', optional: true },
      'grafana-dashboard': { interface: 'grafana_dashboard', optional: true },
    },
    requires: {
      'vault-autounseal-requires': { interface: 'vault-autounseal', limit: 1, optional: true },
      ingress: { interface: 'ingress', limit: 1, optional: true },
      'ingress-per-unit': { interface: 'ingress_per_unit', limit: 1, optional: true },
      'tls-certificates-access': { interface: 'tls-certificates', limit: 1, optional: true },
      'tls-certificates-pki': { interface: 'tls-certificates', limit: 1, optional: true },
      'tls-certificates-acme': { interface: 'tls-certificates', limit: 1, optional: true },
      logging: { interface: 'loki_push_api', optional: true },
      's3-parameters': { interface: 's3', optional: true },
      tracing: { interface: 'tracing', limit: 1, optional: true },
    },
    peers: { 'vault-peers': 'vault-peer' },
  },
  {
    name: 'haproxy',
    summary: 'HAProxy load balancer and ingress (machine charm)',
    source: { repo: 'github.com/canonical/haproxy-operator', path: 'haproxy-operator/charmcraft.yaml', commit: '165497fbc413b6ae874d5215edbd34abc36c0af2' },
    provides: {
      ingress: 'ingress',
      'ingress-per-unit': 'ingress_per_unit',
      'cos-agent': { interface: 'cos_agent', optional: true },
      website: { interface: 'http', optional: true },
      'haproxy-route': 'haproxy-route',
      'haproxy-route-tcp': 'haproxy-route-tcp',
    },
    requires: {
      certificates: { interface: 'tls-certificates', limit: 1 },
      reverseproxy: 'http',
      ha: 'hacluster',
      'receive-ca-certs': { interface: 'certificate_transfer', optional: true },
      'spoe-auth': { interface: 'spoe-auth', optional: true },
      'ddos-protection': { interface: 'ddos_protection', limit: 1, optional: true },
      'haproxy-route-policy': { interface: 'haproxy-route-policy', limit: 1, optional: true },
    },
    peers: { 'haproxy-peers': 'haproxy-peers' },
  },
  {
    name: 'wordpress-k8s',
    summary: 'WordPress website (Kubernetes)',
    source: { repo: 'github.com/canonical/wordpress-k8s-operator', path: 'metadata.yaml', commit: '24deb36c5843c1e9eb739b08a057a67bc33cdfbf' },
    provides: { 'metrics-endpoint': 'prometheus_scrape', 'grafana-dashboard': 'grafana_dashboard' },
    requires: { database: 'mysql_client', 'nginx-route': { interface: 'nginx-route', limit: 1 }, logging: 'loki_push_api' },
    peers: { 'wordpress-replica': 'wordpress-replica' },
  },
];
