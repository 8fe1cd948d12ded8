import type { ResolvedWorkload } from '../../declaration/resolve';
import {
  ALB_BACKEND_PROTOCOL_VERSION,
  ANNOTATIONS,
  NLB_TYPE,
  NLB_TYPE_EXTERNAL,
  withDeregistrationDelay,
} from '../../load-balancers/aws-load-balancer-controller';
import type { LoadBalancerKind } from '../../timing/types';

/**
 * The annotations of the object that configures the load balancer (the ALB's Ingress, the NLB's
 * Service): the declared ones, and the target group settings derived for it — IP targets, the
 * health check of the readiness endpoint, and the deregistration delay joined to any declared
 * target group attributes. Numbers are strings, as annotations are. On an object that configures
 * no load balancer (`carrier`: the ALB configures the Ingress, the NLB the Service), the declared
 * annotations alone.
 */
export function annotationsWithLoadBalancer(
  workload: ResolvedWorkload,
  carrier: LoadBalancerKind,
  declared: Readonly<Record<string, string>>,
): Record<string, string> {
  const loadBalancer = workload.loadBalancer;
  const derived = workload.timings.loadBalancer;
  if (!loadBalancer || !derived || loadBalancer.kind !== carrier) return { ...declared };
  const names = ANNOTATIONS[loadBalancer.kind];
  const { healthCheck } = loadBalancer;
  return {
    ...declared,
    ...(loadBalancer.kind === 'aws-nlb' ? { [NLB_TYPE]: NLB_TYPE_EXTERNAL } : {}),
    [names.targetType]: 'ip',
    ...(healthCheck.grpc ? { [ALB_BACKEND_PROTOCOL_VERSION]: 'GRPC' } : {}),
    [names.healthCheckProtocol]: healthCheck.protocol,
    [names.healthCheckPort]: String(healthCheck.port),
    ...(healthCheck.path !== undefined ? { [names.healthCheckPath]: healthCheck.path } : {}),
    [names.healthCheckInterval]: String(derived.healthCheck.intervalSeconds),
    [names.healthCheckTimeout]: String(derived.healthCheck.timeoutSeconds),
    [names.healthyThreshold]: String(derived.healthCheck.healthyThresholdCount),
    [names.unhealthyThreshold]: String(derived.healthCheck.unhealthyThresholdCount),
    ...(healthCheck.successCodes !== undefined ? { [names.successCodes]: healthCheck.successCodes } : {}),
    [names.targetGroupAttributes]: withDeregistrationDelay(declared[names.targetGroupAttributes], derived.deregistrationDelaySeconds),
  };
}
