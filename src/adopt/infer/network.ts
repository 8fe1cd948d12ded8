import { METRICS_DEFAULTS } from '../../declaration/schema/metrics';
import { CLUSTER_DNS } from '../../declaration/schema/network-policy';
import type { KubernetesObject, Node } from '../../manifests/objects';
import type { Ledger } from './ledger';

const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/** A NetworkPolicy peer in the schema's words, or why it cannot be said. https://kubernetes.io/docs/concepts/services-networking/network-policies/ */
function peerOf(peer: Node): { peer: Record<string, unknown> } | { why: string } {
  if (peer.ipBlock) {
    if (peer.ipBlock.except !== undefined) return { why: 'an ipBlock with except' };
    return { peer: { cidr: String(peer.ipBlock.cidr) } };
  }
  if (peer.namespaceSelector?.matchExpressions || peer.podSelector?.matchExpressions) return { why: 'a selector with matchExpressions' };
  return {
    peer: {
      ...(peer.namespaceSelector ? { namespaceLabels: peer.namespaceSelector.matchLabels ?? {} } : {}),
      ...(peer.podSelector ? { podLabels: peer.podSelector.matchLabels ?? {} } : {}),
    },
  };
}

/**
 * The NetworkPolicy that selects the pods, read back into the declaration: who may reach the
 * serving port (networkPolicy.ingressFrom, which the synthesis joins with the ways in's own peers),
 * each extra port (ports[].from), the metrics port (metrics.from), the members' own ports
 * (stateful.peerPorts), and where the pods may connect (networkPolicy.egressTo, dns). Without one,
 * the synthesis writes its default: ingress to the declared ports, egress open.
 */
export function inferNetworkPolicy(
  ledger: Ledger,
  policies: readonly KubernetesObject[],
  selector: Readonly<Record<string, string>>,
): void {
  const policy = policies[0];
  if (!policy) return;
  if (policies.length > 1)
    ledger.ambiguous(`${policies.length} NetworkPolicies select the pods; the first is the declaration's`, 'networkPolicy');
  const object = `NetworkPolicy/${policy.metadata?.namespace ? `${policy.metadata.namespace}/` : ''}${policy.metadata?.name}`;
  ledger.consume(object, 'apiVersion', 'kind', 'metadata', 'spec');
  const spec: Node = policy.spec ?? {};
  const peers = (list: Node[] | undefined, path: string) =>
    list?.flatMap((peer, index) => {
      const read = peerOf(peer);
      if ('why' in read) {
        ledger.drop(object, `${path}.${index}`, `${read.why} is not a peer the schema can say`);
        return [];
      }
      return [read.peer];
    });
  const servingPort = ledger.get(['port']);
  const extraPorts = (ledger.get(['ports']) as Array<{ name: string; port: number }> | undefined) ?? [];
  const metricsPortName = (ledger.get(['metrics', 'port']) as string | undefined) ?? undefined;
  const metricsPort = !ledger.has(['metrics'])
    ? undefined
    : metricsPortName === undefined
      ? servingPort
      : (extraPorts.find((port) => port.name === metricsPortName)?.port ?? servingPort);
  let servingSeen = false;
  const rules = (spec.ingress as Node[] | undefined) ?? [];
  const only = (rule: Node, port: unknown) => ((rule.ports as Node[] | undefined) ?? []).length === 1 && rule.ports[0].port === port;
  /** Whether a later rule (or, with `later` false, an earlier one) is also for exactly this port: the synthesis writes a port's own peers before the scraper's. */
  const rulesBefore = (index: number, port: unknown, later: boolean) =>
    rules.some((rule, other) => (later ? other > index : other < index) && only(rule, port));
  for (const [index, rule] of ((spec.ingress as Node[] | undefined) ?? []).entries()) {
    const path = `spec.ingress.${index}`;
    const ports = ((rule.ports as Node[] | undefined) ?? []).map((port) => port.port);
    const from = peers(rule.from as Node[] | undefined, `${path}.from`);
    const selfOnly =
      (rule.from as Node[] | undefined)?.length === 1 &&
      same(rule.from[0].podSelector?.matchLabels, selector) &&
      !rule.from[0].namespaceSelector;
    if (selfOnly && !ports.includes(servingPort)) {
      ledger.set(['stateful', 'peerPorts'], ports, `${object} ${path}: the pods reach each other on these ports`);
    } else if (ports.includes(servingPort) && !servingSeen) {
      servingSeen = true;
      if (from && from.length > 0) servingPeers(ledger, from, `${object} ${path}.from`);
    } else if (
      metricsPort !== undefined &&
      ports.length === 1 &&
      ports[0] === metricsPort &&
      (metricsPort === servingPort || !rulesBefore(index, metricsPort, true))
    ) {
      if (from && !same(from, METRICS_DEFAULTS.from)) ledger.set(['metrics', 'from'], from, `${object} ${path}.from`);
    } else {
      const extraIndex = extraPorts.findIndex((port) => ports.length === 1 && port.port === ports[0]);
      if (extraIndex >= 0 && from && from.length > 0) ledger.set(['ports', String(extraIndex), 'from'], from, `${object} ${path}.from`);
      else
        ledger.drop(
          object,
          path,
          `a rule for ports ${ports.join(', ') || 'all'} that is neither the serving port's nor a declared port's: the synthesis admits ingress to the declared ports only`,
        );
    }
  }
  const egress = (spec.egress as Node[] | undefined) ?? [];
  if (egress.length === 0 || egress.some((rule) => Object.keys(rule).length === 0)) return; // open, the synthesis's default
  const destinations: Array<Record<string, unknown>> = [];
  for (const [index, rule] of egress.entries()) {
    const path = `spec.egress.${index}`;
    const ports = ((rule.ports as Node[] | undefined) ?? []).map((port) => port.port);
    if (ports.length > 0 && ports.every((port) => port === 53)) {
      const dns = peers(rule.to as Node[] | undefined, `${path}.to`) ?? [];
      if (!same(dns, CLUSTER_DNS)) ledger.set(['networkPolicy', 'dns'], dns, `${object} ${path}: name resolution`);
      continue;
    }
    for (const [peerIndex, peer] of ((rule.to as Node[] | undefined) ?? []).entries()) {
      if (!peer.ipBlock || peer.ipBlock.except) {
        ledger.drop(object, `${path}.to.${peerIndex}`, 'the schema says egress destinations as networks (cidr) only');
        continue;
      }
      destinations.push({ cidr: String(peer.ipBlock.cidr), ...(ports.length > 0 ? { ports } : {}) });
    }
  }
  ledger.set(['networkPolicy', 'egressTo'], destinations, `${object} spec.egress`);
}

/**
 * metrics.* from the Prometheus Operator ServiceMonitor or PodMonitor that scrapes the pods: the
 * port by name, the path and interval where they are not the defaults.
 * https://prometheus-operator.dev/docs/api-reference/api/#monitoring.coreos.com/v1.Endpoint
 */
export function inferMetrics(ledger: Ledger, monitors: readonly KubernetesObject[]): void {
  const monitor = monitors[0];
  if (!monitor) return;
  const object = `${monitor.kind}/${monitor.metadata?.namespace ? `${monitor.metadata.namespace}/` : ''}${monitor.metadata?.name}`;
  ledger.consume(object, 'apiVersion', 'kind', 'metadata', 'spec');
  const endpoints = ((monitor.spec?.endpoints ?? monitor.spec?.podMetricsEndpoints) as Node[] | undefined) ?? [];
  const endpoint = endpoints[0];
  if (!endpoint) return;
  if (endpoints.length > 1) ledger.ambiguous(`${object} has ${endpoints.length} endpoints; the first is the declaration's`, 'metrics');
  const grpcReadiness = (ledger.get(['health', 'readiness']) as Record<string, unknown> | undefined)?.grpc !== undefined;
  const servingName = String(ledger.get(['keep', 'servicePortName']) ?? ledger.get(['protocol']) ?? (grpcReadiness ? 'grpc' : 'http'));
  const port = endpoint.port === undefined ? undefined : String(endpoint.port);
  ledger.set(['metrics'], {}, `${object}`);
  if (port !== undefined && port !== servingName) ledger.set(['metrics', 'port'], port, `${object} endpoint port`);
  if (endpoint.path !== undefined && endpoint.path !== METRICS_DEFAULTS.path)
    ledger.set(['metrics', 'path'], String(endpoint.path), `${object} endpoint path`);
  const interval = /^(\d+)s$/.exec(String(endpoint.interval ?? ''))?.[1];
  if (interval !== undefined && Number(interval) !== METRICS_DEFAULTS.interval)
    ledger.set(['metrics', 'interval'], Number(interval), `${object} endpoint interval`);
}

/**
 * The serving port's peers. The synthesis admits networkPolicy.ingressFrom, then each way in's own
 * `from` (ingress, route, a LoadBalancer Service), and every way in needs peers of its own once any
 * are declared; so the last peers go one to each way in, the rest to networkPolicy.ingressFrom.
 */
function servingPeers(ledger: Ledger, peers: Array<Record<string, unknown>>, source: string): void {
  const ways = [
    ...(ledger.has(['ingress']) ? [['ingress', 'from']] : []),
    ...(ledger.has(['route']) ? [['route', 'from']] : []),
    ...(ledger.get(['service', 'type']) === 'LoadBalancer' ? [['service', 'from']] : []),
  ];
  if (peers.length < ways.length) {
    ledger.ambiguous(
      `${source} admits ${peers.length} peer(s) to the serving port, and each of ${ways.map((way) => way[0]).join(', ')} needs its own`,
      ways.map((way) => way.join('.')).join(', '),
    );
    ledger.set(['networkPolicy', 'ingressFrom'], peers, source);
    return;
  }
  const own = peers.slice(0, peers.length - ways.length);
  if (own.length > 0) ledger.set(['networkPolicy', 'ingressFrom'], own, source);
  ways.forEach((way, index) => ledger.set(way, [peers[own.length + index]], `${source}: the peer of ${way[0]}`));
}
