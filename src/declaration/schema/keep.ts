import { z } from 'zod';
import { labelKey, labelValue } from './pod';
import { DNS_1035_LABEL, DNS_1123_LABEL, DNS_1123_SUBDOMAIN } from './primitives';

/**
 * What a workload brought over from existing manifests keeps of the objects it replaces (issue 20):
 * the pods' selector, the objects' names and the Service port's name, so that applying the result
 * is an in-place upgrade. A Deployment's, StatefulSet's or DaemonSet's `spec.selector` and a
 * StatefulSet's `spec.serviceName` cannot change after creation
 * (https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#label-selector-updates),
 * and clients reach Services and their ports by name.
 */

/**
 * The roles (src/kinds/table.ts) whose object may keep another name than the instance. Not the
 * controller: its name is `instance` (set that instead). Not the ConfigMap of the config files: its
 * name is `<instance>-config-<hash of its data>`, so that a change of the files rolls the pods
 * (src/declaration/resolve/volumes.ts); a fixed name would update the files under running pods.
 */
export const KEPT_NAME_ROLES = [
  'Service',
  'HeadlessService',
  'ServiceAccount',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'NetworkPolicy',
  'Ingress',
  'Route',
  'ServiceMonitor',
  'PodMonitor',
] as const;
export type KeptNameRole = (typeof KEPT_NAME_ROLES)[number];

/** A Service's name is a DNS-1035 label (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#rfc-1035-label-names). */
function serviceName(what: string, example: string) {
  return z
    .string()
    .regex(new RegExp(DNS_1035_LABEL))
    .optional()
    .meta({
      description: `Name of the ${what}.`,
      'x-default': what === 'headless Service' ? '`<instance>-headless`' : '`instance`',
      examples: [example],
      'x-rule': 'a Service name: a DNS-1035 label of lowercase letters, digits and "-", starting with a letter, at most 63 characters',
      'x-fix': `write the existing Service's metadata.name, e.g. ${example}`,
    });
}

/** Other objects' names are DNS-1123 subdomains (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names). */
function subdomainName(what: string, example: string) {
  return z
    .string()
    .max(253)
    .regex(new RegExp(DNS_1123_SUBDOMAIN))
    .optional()
    .meta({
      description: `Name of the ${what}.`,
      'x-default': '`instance`',
      examples: [example],
      'x-rule': `a ${what} name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters`,
      'x-fix': `write the existing ${what}'s metadata.name, e.g. ${example}`,
    });
}

export const keep = z
  .strictObject({
    selector: z
      .record(labelKey, labelValue)
      .optional()
      .meta({
        description:
          "The pods' selector labels, used instead of app.kubernetes.io/name and app.kubernetes.io/instance in every selector: the controller's, the Services', the PodDisruptionBudget's, the NetworkPolicy's, the monitors' and the spread and anti-affinity terms. The pods and every object carry them beside the usual labels.",
        'x-default': 'app.kubernetes.io/name: `name`, app.kubernetes.io/instance: `instance`',
        examples: [{ app: 'nginx' }],
      }),
    names: z
      .strictObject({
        Service: serviceName('Service', 'web'),
        HeadlessService: serviceName('headless Service', 'db-hl'),
        ServiceAccount: subdomainName('ServiceAccount', 'nginx'),
        PodDisruptionBudget: subdomainName('PodDisruptionBudget', 'nginx-pdb'),
        HorizontalPodAutoscaler: subdomainName('HorizontalPodAutoscaler', 'nginx-hpa'),
        NetworkPolicy: subdomainName('NetworkPolicy', 'nginx-netpol'),
        Ingress: subdomainName('Ingress', 'nginx-ingress'),
        Route: subdomainName('HTTPRoute or GRPCRoute', 'nginx-route'),
        ServiceMonitor: subdomainName('ServiceMonitor', 'nginx-metrics'),
        PodMonitor: subdomainName('PodMonitor', 'nginx-metrics'),
      })
      .optional()
      .meta({
        title: 'KeptNames',
        description:
          "Object names by role, for objects whose name differs from `instance`. The controller's name is `instance`; the config files' ConfigMap is named after its contents and cannot be kept.",
        'x-default': 'none: every object is named `instance` (the headless Service `<instance>-headless`)',
        examples: [{ Service: 'web', ServiceAccount: 'nginx', PodDisruptionBudget: 'nginx-pdb' }],
      }),
    servicePortName: z
      .string()
      .regex(new RegExp(DNS_1123_LABEL))
      .optional()
      .meta({
        description:
          "Name of the serving port in the workload's Services; the Ingress backend and the ServiceMonitor endpoint refer to it. The container's port keeps its name (`http`, `grpc`, ...), which the Service port targets.",
        'x-default': 'the protocol name: http, http2, grpc or tcp',
        examples: ['web'],
        'x-rule':
          'a Service port name: a DNS-1123 label of lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters',
        'x-fix': "write the existing Service port's name, e.g. web",
      }),
  })
  .optional()
  .meta({
    title: 'Keep',
    description:
      'What a workload brought over from existing manifests keeps of the objects it replaces, so that applying it is an in-place upgrade: selectors, names and the Service port name (README, "Keeping an existing workload\'s names and selectors").',
    'x-default': "none: this project's selectors, names and port names",
    examples: [{ selector: { app: 'nginx' }, names: { Service: 'web' }, servicePortName: 'web' }],
  });
