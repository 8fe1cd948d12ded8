import { z } from 'zod';
import { ingressPeers } from './network-policy';
import { DNS_1123_LABEL, DNS_1123_SUBDOMAIN, HOSTNAME, portNumber, QUALIFIED_NAME, ROUTE_PATH } from './primitives';

/**
 * The ways traffic comes in (web workloads): an Ingress, a Gateway API route, and the Service
 * itself as an AWS Network Load Balancer. Each names the clients it brings (`from`), so that the
 * NetworkPolicy lets them in; their load-balancer settings are derived (src/timing/load-balancer.ts).
 */

const hostname = z.string().max(253).regex(new RegExp(HOSTNAME)).meta({
  'x-rule':
    'a DNS name in lowercase letters, digits, "-" and ".", optionally starting with the wildcard label "*.", not an IP address; internationalized names in their xn-- form',
  'x-fix': 'write it like shop.example.com or *.example.com',
});

const routePath = z.string().max(1024).regex(new RegExp(ROUTE_PATH)).meta({
  'x-rule': 'an absolute path of URL characters, without "//", "/./", "/../", "%2f" or "#", not ending in "/." or "/.."',
  'x-fix': 'write it like / or /api/v1',
});

const objectName = (what: string, example: string) =>
  z
    .string()
    .max(253)
    .regex(new RegExp(DNS_1123_SUBDOMAIN))
    .meta({
      'x-rule': `${what} is a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit`,
      'x-fix': `write it like ${example}`,
    });

const annotations = (example: Record<string, string>, description: string) =>
  z
    .record(
      z.string().regex(new RegExp(QUALIFIED_NAME)).meta({
        'x-rule': 'an annotation key: an optional DNS prefix and "/", then at most 63 letters, digits, "-", "_" or "."',
        'x-fix': 'write it like example.com/owner',
      }),
      z.string(),
    )
    .default({})
    .meta({ description, examples: [example] });

const from = (who: string, example: unknown) =>
  ingressPeers.optional().meta({
    description: `Who this traffic comes from (${who}); the NetworkPolicy admits them to \`port\`.`,
    'x-default': 'none; with no peers declared anywhere, anyone may connect',
    examples: [example],
  });

export const ingress = z
  .strictObject({
    className: objectName('an IngressClass name', 'alb or nginx')
      .optional()
      .meta({
        description: 'IngressClass of the Ingress (spec.ingressClassName).',
        'x-default': "alb with traffic.platform aws-alb, else none: the cluster's default IngressClass",
        examples: ['nginx'],
      }),
    hosts: z
      .array(hostname)
      .min(1)
      .optional()
      .meta({
        description: 'Host names the Ingress serves, one rule each; "*.example.com" matches every subdomain.',
        'x-default': 'none: one rule for every host',
        examples: [['shop.example.com']],
      }),
    paths: z
      .array(routePath)
      .min(1)
      .optional()
      .meta({ description: 'Path prefixes routed to the workload (pathType Prefix).', 'x-default': '["/"]', examples: [['/api']] }),
    tlsSecretName: objectName('a Secret name', 'shop-example-com-tls')
      .optional()
      .meta({
        description: 'Secret holding the TLS certificate of the hosts (spec.tls). An ALB takes its certificate from ACM instead.',
        'x-default': 'none: no TLS section',
        examples: ['shop-example-com-tls'],
      }),
    annotations: annotations(
      { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' },
      'Extra annotations of the Ingress. Those the derivation sets are refused; alb.ingress.kubernetes.io/target-group-attributes is joined with the derived deregistration delay.',
    ),
    from: from("the ingress controller's pods, or with aws-alb the subnets of the load balancer", [
      { namespaceLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
    ]),
  })
  .meta({ title: 'IngressSettings', description: 'An Ingress (networking.k8s.io/v1) to the Service, named like every object.' });

const gatewayReference = z
  .strictObject({
    name: objectName('a Gateway name', 'public-gateway').meta({ description: 'Name of the Gateway.', examples: ['public-gateway'] }),
    namespace: z
      .string()
      .regex(new RegExp(DNS_1123_LABEL))
      .optional()
      .meta({
        description: 'Namespace of the Gateway.',
        'x-default': "the route's own namespace",
        examples: ['gateways'],
        'x-rule': 'a namespace name: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit',
        'x-fix': 'write it like gateways',
      }),
    sectionName: objectName('a listener name', 'https')
      .optional()
      .meta({
        description: 'Listener of the Gateway to attach to.',
        'x-default': 'none: every listener that allows the route',
        examples: ['https'],
      }),
  })
  .meta({ title: 'GatewayReference', description: 'A Gateway the route attaches to (a parentRef).' });

export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute'] as const;

export const route = z
  .strictObject({
    kind: z
      .enum(ROUTE_KINDS)
      .default('HTTPRoute')
      .meta({ description: 'HTTPRoute, or GRPCRoute for a gRPC service (Gateway API v1).', examples: ['GRPCRoute'] }),
    parentRefs: z
      .array(gatewayReference)
      .min(1)
      .max(32)
      .meta({ description: 'Gateways the route attaches to.', examples: [[{ name: 'public-gateway', namespace: 'gateways' }]] }),
    hostnames: z
      .array(hostname)
      .min(1)
      .max(16)
      .optional()
      .meta({
        description: 'Host names the route serves; "*.example.com" matches every subdomain.',
        'x-default': "none: the Gateway listener's host names",
        examples: [['shop.example.com']],
      }),
    paths: z
      .array(routePath)
      .min(1)
      .max(64)
      .optional()
      .meta({
        description: 'Path prefixes routed to the workload (HTTPRoute only; PathPrefix matches).',
        'x-default': '["/"]',
        examples: [['/api']],
      }),
    services: z
      .array(
        z
          .string()
          .max(1024)
          .regex(/^\.?[A-Za-z_][A-Za-z_0-9]*(\.[A-Za-z_][A-Za-z_0-9]*)*$/)
          .meta({
            'x-rule': 'a fully qualified gRPC service name such as checkout.v1.Checkout',
            'x-fix': 'write the package and service, e.g. checkout.v1.Checkout',
          }),
      )
      .min(1)
      .max(8)
      .optional()
      .meta({
        description: 'gRPC services routed to the workload (GRPCRoute only).',
        'x-default': 'none: every service',
        examples: [['checkout.v1.Checkout']],
      }),
    from: from("the Gateway's pods", [{ namespaceLabels: { 'kubernetes.io/metadata.name': 'gateways' } }]),
  })
  .meta({ title: 'GatewayRouteSettings', description: 'A Gateway API route to the Service, named like every object.' });

export const SERVICE_TYPES = ['ClusterIP', 'LoadBalancer'] as const;

export const service = z
  .strictObject({
    type: z
      .enum(SERVICE_TYPES)
      .default('ClusterIP')
      .meta({
        description:
          'ClusterIP, or LoadBalancer for an AWS Network Load Balancer with IP targets (traffic.platform aws-nlb): the same Service, name, selector and port.',
        examples: ['LoadBalancer'],
      }),
    port: portNumber.optional().meta({
      description:
        "Port of the Service when clients connect to another than the container's (80 in front of 8080). The Ingress and Gateway API routes send to it; the NetworkPolicy admits the container's port, where the traffic arrives.",
      'x-default': '`port`',
      examples: [80],
    }),
    extraPorts: z
      .array(
        z
          .strictObject({
            name: z
              .string()
              .regex(new RegExp(DNS_1123_LABEL))
              .meta({
                description: "Name of the Service port, unique among the Service's ports.",
                examples: ['https'],
                'x-rule':
                  'a Service port name: a DNS-1123 label of lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters',
                'x-fix': 'write a name such as https',
              }),
            port: portNumber.meta({
              description: "Number the Service publishes it on, unique among the Service's ports.",
              examples: [443],
            }),
          })
          .meta({ title: 'ServiceExtraPort', description: 'One more Service port that sends to the serving port.' }),
      )
      .optional()
      .meta({
        description:
          "More Service ports that send to the serving port, for clients that connect under another name or number (argo-cd's server: http on 80 and https on 443, both to 8080). Each targets the serving container port by name, without an appProtocol (Istio reads the protocol from the name); the Ingress and routes send to `service.port`, the NetworkPolicy admits the container's `port`.",
        'x-default': 'none',
        examples: [[{ name: 'https', port: 443 }]],
      }),
    annotations: annotations(
      { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' },
      'Extra annotations of the Service. Those the derivation sets are refused; service.beta.kubernetes.io/aws-load-balancer-target-group-attributes is joined with the derived deregistration delay.',
    ),
    from: from('LoadBalancer only: the subnets of the load balancer, or the clients when it preserves their addresses', [
      { cidr: '10.0.0.0/16' },
    ]),
  })
  .meta({ title: 'ServiceSettings', description: 'The Service in front of the pods (web workloads).' });
