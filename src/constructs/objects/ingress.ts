import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import type { ParsedSpec } from '../../declaration/schema';
import { ALB_INGRESS_CLASS } from '../../load-balancers/aws-load-balancer-controller';
import { nameOf, objectMetadata } from '../metadata';
import { annotationsWithLoadBalancer } from './load-balancer-annotations';
import type { ServingPort } from '../../declaration/resolve/ports';

export const DEFAULT_PATHS = ['/'];

/**
 * An Ingress to the workload's Service by its named port: one rule per host (or one for every
 * host), a Prefix path each, and with traffic.platform aws-alb the ALB's derived settings in its
 * annotations and the controller's IngressClass unless another is declared.
 */
export function ingressProps(
  workload: ResolvedWorkload,
  ingress: NonNullable<ParsedSpec['ingress']>,
  servingPort: ServingPort,
): Json<k8s.KubeIngressProps> {
  const className = ingress.className ?? (workload.spec.traffic.platform === 'aws-alb' ? ALB_INGRESS_CLASS : undefined);
  const backend = { service: { name: nameOf(workload, 'Service'), port: { name: servingPort.servicePortName } } };
  const paths = (ingress.paths ?? DEFAULT_PATHS).map((path) => ({ path, pathType: 'Prefix', backend }));
  const hosts: ReadonlyArray<string | undefined> = ingress.hosts ?? [undefined];
  return {
    metadata: objectMetadata(workload, annotationsWithLoadBalancer(workload, 'aws-alb', ingress.annotations), 'Ingress'),
    spec: {
      ingressClassName: className,
      tls:
        ingress.tlsSecretName !== undefined
          ? [{ hosts: ingress.hosts ? [...ingress.hosts] : undefined, secretName: ingress.tlsSecretName }]
          : undefined,
      rules: hosts.map((host) => ({ host, http: { paths } })),
    },
  };
}
