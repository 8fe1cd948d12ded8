import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { objectMetadata, selectorLabels } from '../metadata';
import { CLUSTER_DNS } from '../../declaration/schema/network-policy';
import { metricsPort } from '../../declaration/resolve/ports';
import { METRICS_DEFAULTS } from '../../declaration/schema/metrics';

/** Name resolution keeps working when egress is restricted: to the declared DNS servers, else the cluster DNS. */
function dnsEgress(servers: readonly Peer[] | undefined): Json<k8s.NetworkPolicyEgressRule> {
  return {
    to: (servers ?? CLUSTER_DNS).map(networkPolicyPeer),
    ports: [
      { port: 53, protocol: 'UDP' },
      { port: 53, protocol: 'TCP' },
    ],
  };
}

type Peer = NonNullable<ResolvedWorkload['spec']['networkPolicy']['ingressFrom']>[number];

function networkPolicyPeer(peer: Peer): Json<k8s.NetworkPolicyPeer> {
  if (peer.cidr !== undefined) return { ipBlock: { cidr: peer.cidr } };
  return {
    namespaceSelector: peer.namespaceLabels ? { matchLabels: peer.namespaceLabels } : undefined,
    podSelector: peer.podLabels ? { matchLabels: peer.podLabels } : undefined,
  };
}

/**
 * The peers declared anywhere, in a fixed order: the in-cluster clients, then what each way in
 * brings (the ingress controller, the Gateway, the NLB's clients). Undefined when none is declared:
 * then anyone may connect.
 */
export function declaredPeers(spec: ResolvedWorkload['spec']): Peer[] | undefined {
  const lists = [
    spec.networkPolicy.ingressFrom,
    spec.ingress?.from,
    spec.route?.from,
    spec.service?.type === 'LoadBalancer' ? spec.service.from : undefined,
  ];
  return lists.some((peers) => peers !== undefined) ? lists.flatMap((peers) => peers ?? []) : undefined;
}

/**
 * Both policy types, so that the policy is explicit in both directions: ingress only to the
 * declared port (nothing at all without one) from the declared peers, egress open unless
 * destinations are declared.
 */
export function networkPolicyProps(workload: ResolvedWorkload): Json<k8s.KubeNetworkPolicyProps> {
  const { port, networkPolicy } = workload.spec;
  const peers = declaredPeers(workload.spec);
  // Only kind stateful declares `stateful` (src/kinds/table.ts).
  const peerPorts = workload.spec.stateful?.peerPorts ?? [];
  const scraped = metricsPort(workload.spec, workload.servingPort);
  const ingress: Json<k8s.NetworkPolicyIngressRule>[] = [
    ...(port === undefined ? [] : [{ from: peers?.map(networkPolicyPeer), ports: [{ port: port, protocol: 'TCP' }] }]),
    // The members of a stateful cluster reach each other on their own ports, whoever else is admitted.
    ...(peerPorts.length === 0
      ? []
      : [
          {
            from: [{ podSelector: { matchLabels: selectorLabels(workload) } }],
            ports: peerPorts.map((peerPort) => ({ port: peerPort, protocol: 'TCP' })),
          },
        ]),
    // Each extra port admits its own peers only; one without peers admits no one.
    ...(workload.spec.ports ?? []).flatMap(({ port: extra, from }) =>
      from ? [{ from: from.map(networkPolicyPeer), ports: [{ port: extra, protocol: 'TCP' }] }] : [],
    ),
    // The metrics scraper, on the metrics port only.
    ...(scraped && workload.spec.metrics
      ? [
          {
            from: (workload.spec.metrics.from ?? METRICS_DEFAULTS.from).map(networkPolicyPeer),
            ports: [{ port: scraped.port, protocol: 'TCP' }],
          },
        ]
      : []),
  ];
  const egress: Json<k8s.NetworkPolicyEgressRule>[] = networkPolicy.egressTo
    ? [
        dnsEgress(networkPolicy.dns),
        ...networkPolicy.egressTo.map((destination) => ({
          to: [{ ipBlock: { cidr: destination.cidr } }],
          ports: destination.ports?.map((destinationPort) => ({ port: destinationPort, protocol: 'TCP' })),
        })),
      ]
    : [{}];
  return {
    metadata: objectMetadata(workload, undefined, 'NetworkPolicy'),
    spec: {
      podSelector: { matchLabels: selectorLabels(workload) },
      policyTypes: ['Ingress', 'Egress'],
      ingress,
      egress,
    },
  };
}
