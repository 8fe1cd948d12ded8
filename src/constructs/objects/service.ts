import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { objectMetadata, selectorLabels } from '../metadata';
import { annotationsWithLoadBalancer } from './load-balancer-annotations';
import type { ServingPort } from '../../declaration/resolve/ports';

/**
 * A Service port that sends to the container's port of the same name; the protocol's
 * appProtocol where it has one (src/declaration/protocols.ts).
 */
export function servicePort(
  { name, servicePortName, appProtocol }: Pick<ServingPort, 'name' | 'appProtocol'> & { readonly servicePortName?: string },
  port: number,
): Json<k8s.ServicePort> {
  return { name: servicePortName ?? name, port, targetPort: name, protocol: 'TCP', appProtocol };
}

/**
 * The Service: the same name, selector and port whatever its type, so that a ClusterIP Service
 * becomes an NLB's in place (Kubernetes allows that change). An NLB with IP targets sends traffic
 * to the pods directly, so no node port is opened on every node
 * (https://kubernetes.io/docs/concepts/services-networking/service/#load-balancer-nodeport-allocation).
 */
export function serviceProps(workload: ResolvedWorkload, port: ServingPort): Json<k8s.KubeServiceProps> {
  const service = workload.spec.service;
  const loadBalancer = service?.type === 'LoadBalancer';
  return {
    metadata: objectMetadata(workload, annotationsWithLoadBalancer(workload, 'aws-nlb', service?.annotations ?? {}), 'Service'),
    spec: {
      type: loadBalancer ? 'LoadBalancer' : 'ClusterIP',
      allocateLoadBalancerNodePorts: loadBalancer ? false : undefined,
      selector: selectorLabels(workload),
      // The extra ports too, so that clients and a ServiceMonitor reach them by name; the NetworkPolicy decides who may.
      ports: [
        servicePort(port, port.servicePort),
        // More ports on the serving port (service.extraPorts), named as declared, without the serving port's appProtocol.
        ...(service?.extraPorts ?? []).map(({ name, port: number }) => ({ ...servicePort({ name: port.name }, number), name })),
        // An extra port keeps its name; ports[].servicePort publishes it under another number (443 in front of 8443).
        ...(workload.spec.ports ?? []).map(({ name, port: number, servicePort: published }) => servicePort({ name }, published ?? number)),
      ],
    },
  };
}
