import { z } from 'zod';
import { labelKey, labelValue } from './pod';
import { CIDR, portNumber } from './primitives';

/**
 * Who may connect: pods (by the labels of their namespace, their own labels, or both) or a network
 * (an address range, for load balancers that connect from their own addresses). Kubernetes takes
 * one or the other in one peer; a peer that names both is refused (src/declaration/resolve/routes.ts).
 */
export const ingressPeer = z
  .strictObject({
    namespaceLabels: z
      .record(labelKey, labelValue)
      .optional()
      .meta({
        description: 'Namespaces with these labels.',
        'x-default': "none: the workload's own namespace",
        examples: [{ 'kubernetes.io/metadata.name': 'ingress-nginx' }],
      }),
    podLabels: z
      .record(labelKey, labelValue)
      .optional()
      .meta({ description: 'Pods with these labels.', 'x-default': 'none: every pod', examples: [{ role: 'frontend' }] }),
    cidr: z
      .string()
      .regex(new RegExp(CIDR))
      .optional()
      .meta({
        description:
          'Addresses in this range, e.g. the subnets of a load balancer that sends traffic from its own addresses; instead of labels.',
        'x-default': 'none: pods by their labels',
        examples: ['10.0.0.0/16'],
        'x-rule': 'an IPv4 or IPv6 CIDR such as 10.0.0.0/16',
        'x-fix': 'write the network address and prefix length, e.g. 10.0.0.0/16',
      }),
  })
  .meta({ title: 'IngressPeer', description: 'Who may connect: pods by namespace labels, pod labels or both; or a network by its cidr.' });

/**
 * A list of peers, as every way in declares the clients it brings. Never empty: Kubernetes reads a
 * rule's empty `from` as "anyone", while an empty list next to other peers would admit no one
 * through that way in, so an empty list could mean either.
 */
export const ingressPeers = z.array(ingressPeer).min(1).meta({
  'x-rule':
    'an empty list of peers is ambiguous (Kubernetes reads an empty from as anyone; beside other peers it would admit no one), so it is refused',
  'x-fix': 'name at least one peer, or remove the field (with no peers declared anywhere, anyone may connect)',
});

/**
 * Where name resolution goes when egress is restricted, unless declared: the cluster DNS, CoreDNS
 * or kube-dns behind the kube-dns Service, whose pods carry `k8s-app: kube-dns` in kube-system
 * (https://kubernetes.io/docs/tasks/administer-cluster/dns-custom-nameservers/). Both faces read it.
 */
export const CLUSTER_DNS = [{ namespaceLabels: { 'kubernetes.io/metadata.name': 'kube-system' }, podLabels: { 'k8s-app': 'kube-dns' } }];

/** The NetworkPolicy's declared peers and destinations. */
export const networkPolicy = z
  .strictObject({
    ingressFrom: ingressPeers.optional().meta({
      description: 'Who may connect to `port`, besides the peers the ways in declare (ingress.from, route.from, service.from).',
      'x-default': 'none; with no peers declared anywhere, anyone may connect',
      examples: [[{ podLabels: { role: 'frontend' } }]],
    }),
    egressTo: z
      .array(
        z
          .strictObject({
            cidr: z
              .string()
              .regex(new RegExp(CIDR))
              .meta({
                description: 'Destination network.',
                examples: ['10.0.0.0/8'],
                'x-rule':
                  'an IPv4 or IPv6 CIDR such as 10.0.0.0/8: the API refuses anything else, and the workload would run without its NetworkPolicy',
                'x-fix': 'write the network address and prefix length, e.g. 10.0.0.0/8',
              }),
            ports: z
              .array(portNumber)
              .optional()
              .meta({ description: 'TCP ports.', 'x-default': 'all', examples: [[5432]] }),
          })
          .meta({ title: 'EgressDestination', description: 'A network the pods may connect to.' }),
      )
      .optional()
      .meta({
        description: 'Where the pods may connect (name resolution is allowed too, to `dns`).',
        'x-default': 'anywhere',
        examples: [[{ cidr: '10.0.0.0/8', ports: [5432] }]],
      }),
    dns: z
      .array(ingressPeer)
      .min(1)
      .optional()
      .meta({
        description:
          'Where the pods may resolve names (UDP and TCP port 53) when `egressTo` restricts egress. For node-local DNS, add its address, e.g. [{ cidr: 169.254.20.10/32 }, <the default>].',
        'x-default':
          'the cluster DNS: [{ namespaceLabels: { kubernetes.io/metadata.name: kube-system }, podLabels: { k8s-app: kube-dns } }]',
        examples: [[{ cidr: '169.254.20.10/32' }, ...CLUSTER_DNS]],
        'x-rule': 'an empty list would leave the pods no name resolution',
        'x-fix': 'name the DNS servers, or remove the field for the cluster DNS',
      }),
  })
  .prefault({})
  .meta({
    description: 'The NetworkPolicy: ingress only to declared ports, egress open unless declared.',
    examples: [{ egressTo: [{ cidr: '10.0.0.0/8' }] }],
  });
