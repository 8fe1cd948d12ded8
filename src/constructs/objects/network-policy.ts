import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { objectMetadata, selectorLabels } from '../metadata';

/** Name resolution must keep working when egress is restricted. */
const DNS_EGRESS: Json<k8s.NetworkPolicyEgressRule> = {
  ports: [
    { port: 53, protocol: 'UDP' },
    { port: 53, protocol: 'TCP' },
  ],
};

/**
 * Both policy types, so that the policy is explicit in both directions: ingress only to the
 * declared port (nothing at all without one), egress open unless destinations are declared.
 */
export function networkPolicyProps(workload: ResolvedWorkload): Json<k8s.KubeNetworkPolicyProps> {
  const { port, networkPolicy } = workload.spec;
  const ingress: Json<k8s.NetworkPolicyIngressRule>[] =
    port === undefined
      ? []
      : [
          {
            ...(networkPolicy.ingressFrom
              ? {
                  from: networkPolicy.ingressFrom.map((peer) => ({
                    ...(peer.namespaceLabels ? { namespaceSelector: { matchLabels: peer.namespaceLabels } } : {}),
                    ...(peer.podLabels ? { podSelector: { matchLabels: peer.podLabels } } : {}),
                  })),
                }
              : {}),
            ports: [{ port: port, protocol: 'TCP' }],
          },
        ];
  const egress: Json<k8s.NetworkPolicyEgressRule>[] = networkPolicy.egressTo
    ? [
        DNS_EGRESS,
        ...networkPolicy.egressTo.map((destination) => ({
          to: [{ ipBlock: { cidr: destination.cidr } }],
          ...(destination.ports
            ? {
                ports: destination.ports.map((destinationPort) => ({ port: destinationPort, protocol: 'TCP' })),
              }
            : {}),
        })),
      ]
    : [{}];
  return {
    metadata: objectMetadata(workload),
    spec: {
      podSelector: { matchLabels: selectorLabels(workload) },
      policyTypes: ['Ingress', 'Egress'],
      ingress,
      egress,
    },
  };
}
