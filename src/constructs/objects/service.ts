import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { objectMetadata, selectorLabels } from '../metadata';
import { SERVING_PORT_NAME } from './pod/containers';

export function serviceProps(workload: ResolvedWorkload, port: number): Json<k8s.KubeServiceProps> {
  return {
    metadata: objectMetadata(workload),
    spec: {
      type: 'ClusterIP',
      selector: selectorLabels(workload),
      ports: [{ name: SERVING_PORT_NAME, port, targetPort: SERVING_PORT_NAME, protocol: 'TCP' }],
    },
  };
}
