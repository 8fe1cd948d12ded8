/**
 * How long, after a pod starts terminating, traffic may still arrive at it: the time every
 * router needs to notice the endpoint is gone. The preStop delay must cover it (invariant 6 in docs/derivation.md).
 */
export const TRAFFIC_PLATFORMS = ['kube-proxy', 'aws-alb', 'aws-nlb'] as const;
export type TrafficPlatform = (typeof TRAFFIC_PLATFORMS)[number];

export const PROPAGATION_SECONDS: Readonly<Record<TrafficPlatform, number>> = {
  // Endpoint removal reaches kube-proxy and ingress controllers within a few seconds.
  'kube-proxy': 10,
  // The AWS Load Balancer Controller deregisters targets asynchronously; the ALB keeps routing
  // to a draining target until deregistration has propagated.
  'aws-alb': 30,
  // NLB target deregistration is slower still and cannot be hurried.
  'aws-nlb': 120,
};
