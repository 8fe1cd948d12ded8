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
  containerPorts: ReadonlyMap<string, number> = new Map(),
): void {
  const policy = policies[0];
  if (!policy) return;
  if (policies.length > 1)
    ledger.ambiguous(`${policies.length} NetworkPolicies select the pods; the first is the declaration's`, 'networkPolicy');
  const object = `NetworkPolicy/${policy.metadata?.namespace ? `${policy.metadata.namespace}/` : ''}${policy.metadata?.name}`;
  ledger.consume(object, 'apiVersion', 'kind', 'metadata', 'spec');
  const spec: Node = policy.spec ?? {};
  /** Peers that cannot be said are dropped, which narrows what the rule admits; a list left empty would admit anyone, so it is an open question instead. */
  const peers = (list: Node[] | undefined, path: string) =>
    list?.flatMap((peer, index) => {
      const read = peerOf(peer);
      if ('why' in read) {
        ledger.drop(
          object,
          `${path}.${index}`,
          `${read.why} is not a peer the schema can say: the declaration admits fewer callers than the input`,
        );
        return [];
      }
      return [read.peer];
    });
  // A rule's port may be a container port's name: https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicySpec
  const portOf = (port: unknown) => (typeof port === 'string' ? (containerPorts.get(port) ?? port) : port);
  const servingPort = ledger.get(['port']);
  const extraPorts = (ledger.get(['ports']) as Array<{ name: string; port: number }> | undefined) ?? [];
  const metricsPortName = (ledger.get(['metrics', 'port']) as string | undefined) ?? undefined;
  const metricsPort = !ledger.has(['metrics'])
    ? undefined
    : metricsPortName === undefined
      ? servingPort
      : (extraPorts.find((port) => port.name === metricsPortName)?.port ?? servingPort);
  let servingSeen = false;
  /** Each declared extra port among `ports` admits `from` (ports[].from), unless an earlier rule said its callers; false when one is not a declared port. */
  const extraPeers = (ports: readonly unknown[], from: Array<Record<string, unknown>>, path: string) => {
    const indices = ports.map((port) => extraPorts.findIndex((extra) => extra.port === port));
    if (indices.some((extraIndex) => extraIndex < 0)) return false;
    for (const extraIndex of indices)
      if (!ledger.has(['ports', String(extraIndex), 'from']))
        ledger.set(['ports', String(extraIndex), 'from'], from, `${object} ${path}.from`);
    return true;
  };
  const rules = (spec.ingress as Node[] | undefined) ?? [];
  const only = (rule: Node, port: unknown) =>
    ((rule.ports as Node[] | undefined) ?? []).length === 1 && portOf(rule.ports[0].port) === port;
  /** Whether a later rule (or, with `later` false, an earlier one) is also for exactly this port: the synthesis writes a port's own peers before the scraper's. */
  const rulesBefore = (index: number, port: unknown, later: boolean) =>
    rules.some((rule, other) => (later ? other > index : other < index) && only(rule, port));
  for (const [index, rule] of ((spec.ingress as Node[] | undefined) ?? []).entries()) {
    const path = `spec.ingress.${index}`;
    const written = ((rule.ports as Node[] | undefined) ?? []).map((port) => portOf(port.port));
    // A rule without ports covers every port: the declaration's are the ones it can say.
    const ports = written.length > 0 ? written : [servingPort, ...extraPorts.map((port) => port.port)].filter((port) => port !== undefined);
    if (written.length === 0)
      ledger.drop(
        object,
        `${path}.ports`,
        "a rule without ports admits its callers to every port; the synthesis admits ingress to the declared ports only, so the pods' other ports admit no one",
      );
    const from = peers(rule.from as Node[] | undefined, `${path}.from`);
    // Only a stateful workload's members reach each other (stateful.peerPorts); a Job's selector is empty, as {} selects every pod.
    const selfOnly =
      ledger.get(['kind']) === 'stateful' &&
      (rule.from as Node[] | undefined)?.length === 1 &&
      same(rule.from[0].podSelector?.matchLabels, selector) &&
      !rule.from[0].namespaceSelector;
    if (selfOnly && !ports.includes(servingPort)) {
      ledger.set(['stateful', 'peerPorts'], ports, `${object} ${path}: the pods reach each other on these ports`);
    } else if (ports.includes(servingPort) && !servingSeen) {
      servingSeen = true;
      if (from && from.length > 0) {
        servingPeers(ledger, from, `${object} ${path}.from`);
        // The rule's other declared ports admit the same callers (argo-cd's dex: http and grpc).
        extraPeers(
          ports.filter((port) => port !== servingPort && port !== metricsPort),
          from,
          path,
        );
      }
    } else if (
      metricsPort !== undefined &&
      ports.length === 1 &&
      ports[0] === metricsPort &&
      (metricsPort === servingPort || !rulesBefore(index, metricsPort, true))
    ) {
      if (from && !same(from, METRICS_DEFAULTS.from)) ledger.set(['metrics', 'from'], from, `${object} ${path}.from`);
    } else if (!(ports.length > 0 && from && from.length > 0 && extraPeers(ports, from, path)))
      ledger.drop(
        object,
        path,
        `a rule for ports ${ports.join(', ') || 'all'} that is neither the serving port's nor a declared port's: the synthesis admits ingress to the declared ports only`,
      );
  }
  notWidened(ledger, object, spec, portOf, servingPort);
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
      // `ports: []` is written as it is (every port, as the field left out is): the synthesis writes the declared list back.
      destinations.push({ cidr: String(peer.ipBlock.cidr), ...(rule.ports !== undefined ? { ports } : {}) });
    }
  }
  ledger.set(['networkPolicy', 'egressTo'], destinations, `${object} spec.egress`);
}

/**
 * A policy that restricts ingress admits no one to a port that none of its rules names, and only
 * the named callers to a port whose every rule names callers. Where the declaration says no
 * callers for the serving port, its NetworkPolicy would admit anyone there: a widening adopt never makes
 * silently, so it is an open question (exit 3) the user answers by naming the callers.
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
 */
function notWidened(ledger: Ledger, object: string, spec: Node, portOf: (port: unknown) => unknown, servingPort: unknown): void {
  const types = spec.policyTypes as string[] | undefined;
  if (types !== undefined && !types.includes('Ingress')) return; // ingress is not restricted
  const rules = (spec.ingress as Node[] | undefined) ?? [];
  const covering = (port: unknown) =>
    rules.filter((rule) => {
      const ports = ((rule.ports as Node[] | undefined) ?? []).map((each) => portOf(each.port));
      return ports.length === 0 || ports.includes(port);
    });
  const restricted = (port: unknown) => covering(port).every((rule) => ((rule.from as Node[] | undefined) ?? []).length > 0);
  const said = (value: unknown) => Array.isArray(value) && value.length > 0;
  const servingOpen = !['networkPolicy.ingressFrom', 'ingress.from', 'route.from', 'service.from'].some((field) =>
    said(ledger.get(field.split('.'))),
  );
  // A declared extra port without callers admits no one (src/constructs/objects/network-policy.ts): never wider than the input.
  const open =
    servingPort !== undefined && servingOpen && restricted(servingPort) ? [{ port: servingPort, field: 'networkPolicy.ingressFrom' }] : [];
  for (const { port, field } of open)
    ledger.ambiguous(
      `${object} admits ${covering(port).length === 0 ? 'no one' : 'only callers the schema cannot say'} to port ${String(port)}, and the declaration names no callers for it, so its NetworkPolicy would admit anyone`,
      `${field} (name the callers)`,
    );
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
