import type { ConfigurationRejection } from './configuration-rejections';
import { checkoutWith } from './declarations';

/**
 * Instance targets of an AWS load balancer, which the derived target group does not describe; and a
 * declared user or capability the restricted Pod Security Standard forbids: root and capabilities
 * beyond NET_BIND_SERVICE are a node agent's (kind daemon) only, with a written reason. Both faces'
 * rejection tests read these rows (see configuration-rejections.ts).
 */
const AGENT = {
  name: 'log-shipper',
  kind: 'daemon',
  image: 'docker.io/timberio/vector:0.42.0-distroless-libc',
  health: { liveness: { exec: ['vector', 'validate'] } },
  startup: { maxSeconds: 20 },
  drainSeconds: 15,
};

export const SECURITY_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'ALB instance targets, which route through every node instead of to the pods',
    {
      declaration: checkoutWith({
        traffic: { platform: 'aws-alb' },
        ingress: { annotations: { 'alb.ingress.kubernetes.io/target-type': 'instance' } },
      }),
      path: 'ingress.annotations.alb.ingress.kubernetes.io/target-type',
      value: 'instance',
      rule: /instance targets send the ALB's traffic to a NodePort on every node, from where kube-proxy forwards it to the pods: the target group holds nodes, not pods, so a stopping pod is never deregistered nor health-checked by it, and pod readiness gates are not injected; the deregistration delay and health check derived for the ALB \(invariants 14 and 15\) hold for IP targets only/,
      fix: /remove it: the derived IP targets send traffic straight to the pods, and need pods with VPC addresses/,
      helm: 'templates',
    },
  ],
  [
    'NLB instance targets',
    {
      declaration: checkoutWith({
        traffic: { platform: 'aws-nlb' },
        service: { type: 'LoadBalancer', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'instance' } },
      }),
      path: 'service.annotations.service.beta.kubernetes.io/aws-load-balancer-nlb-target-type',
      value: 'instance',
      rule: /instance targets send the NLB's traffic to a NodePort on every node/,
      fix: /remove it/,
      helm: 'templates',
    },
  ],
  [
    'root in a web workload',
    {
      declaration: checkoutWith({ securityContext: { runAsUser: 0 }, acknowledge: { runAsNonRoot: 'the image needs root' } }),
      path: 'securityContext.runAsUser',
      value: 0,
      rule: /user 0 is root, which the restricted Pod Security Standard forbids \(Running as Non-root\); only a node agent \(kind daemon\) may run as root, and kind web is not one/,
      fix: /use a non-zero user id/,
      helm: 'templates',
    },
  ],
  [
    'root in a node agent without a written reason',
    {
      declaration: { ...AGENT, securityContext: { runAsUser: 0 } },
      path: 'securityContext.runAsUser',
      value: 0,
      rule: /user 0 is root, which the restricted Pod Security Standard forbids \(Running as Non-root\): the departure needs a written reason/,
      fix: /add acknowledge.runAsNonRoot: "<what the agent reads or writes that only root can>"/,
      helm: 'templates',
    },
  ],
  [
    'a capability beyond NET_BIND_SERVICE in a worker',
    {
      declaration: checkoutWith({ securityContext: { capabilities: ['NET_BIND_SERVICE', 'NET_RAW'] } }),
      path: 'securityContext.capabilities',
      value: ['NET_BIND_SERVICE', 'NET_RAW'],
      rule: /lets a container add only NET_BIND_SERVICE \(Capabilities\); NET_RAW is for node agents \(kind daemon\) only, and kind web is not one/,
      fix: /remove NET_RAW from securityContext.capabilities/,
      helm: 'templates',
    },
  ],
  [
    'a capability in a node agent without a written reason',
    {
      declaration: {
        ...AGENT,
        securityContext: { runAsUser: 0, capabilities: ['DAC_READ_SEARCH'] },
        acknowledge: { runAsNonRoot: 'reads root-only logs' },
      },
      path: 'securityContext.capabilities',
      value: ['DAC_READ_SEARCH'],
      rule: /adding DAC_READ_SEARCH departs from the restricted Pod Security Standard, which allows only NET_BIND_SERVICE \(Capabilities\): the departure needs a written reason/,
      fix: /add acknowledge.capabilities: "<why the agent needs DAC_READ_SEARCH>", or remove them/,
      helm: 'templates',
    },
  ],
  [
    'a capability that Linux does not have',
    {
      declaration: checkoutWith({ securityContext: { capabilities: ['CAP_NET_RAW'] } }),
      path: 'securityContext.capabilities[0]',
      rule: /one of/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
  [
    'group 0',
    {
      declaration: checkoutWith({ securityContext: { fsGroup: 0 } }),
      path: 'securityContext.fsGroup',
      rule: /.+/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
  [
    'an acknowledgement of root without root',
    {
      declaration: { ...AGENT, securityContext: { runAsUser: 1000 }, acknowledge: { runAsNonRoot: 'reads root-only logs' } },
      path: 'acknowledge.runAsNonRoot',
      rule: /this one excuses nothing/,
      fix: /remove acknowledge.runAsNonRoot/,
      helm: 'templates',
    },
  ],
];
