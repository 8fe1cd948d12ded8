import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { objectMetadata, selectorLabels } from '../metadata';
import { servicePort } from './service';

import { headlessServiceName } from '../../declaration/instances';

export { headlessServiceName };

/**
 * The StatefulSet's governing Service: no cluster IP, only a DNS record per pod
 * (<instance>-N.<instance>-headless.<namespace>.svc), so that members find each other by stable
 * names. It publishes pods that are not ready yet, because members of a cluster must find their
 * peers in order to become ready (a new replica looks up the others to join or elect a leader);
 * clients use the ordinary Service, which lists ready pods only
 * (https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id).
 */
/** cdk8s-plus-28 spells the field clusterIp (its mappers rename it); a manifest says clusterIP. */
type HeadlessServiceProps = Omit<Json<k8s.KubeServiceProps>, 'spec'> & {
  spec: Omit<Json<k8s.ServiceSpec>, 'clusterIp'> & { clusterIP: 'None' };
};

export function headlessServiceProps(workload: ResolvedWorkload): HeadlessServiceProps {
  const { servingPort } = workload;
  const base = objectMetadata(workload, undefined, 'HeadlessService');
  return {
    metadata: base,
    spec: {
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: selectorLabels(workload),
      // The container's port: members reach each other pod to pod, never through a Service port of another number.
      ports: servingPort ? [servicePort(servingPort, servingPort.containerPort)] : undefined,
    },
  };
}
