import type { ConfigurationRejection } from './configuration-rejections';
import { checkoutWith } from './declarations';

/**
 * Invalid `keep` (issue 20: what an adopted workload keeps of the objects it replaces), in the
 * shape of configuration-rejections.ts: both faces' rejection tests read this list too.
 */
export const KEEP_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'an empty kept selector',
    {
      declaration: checkoutWith({ keep: { selector: {} } }),
      path: 'keep.selector',
      value: {},
      rule: /an empty selector selects every pod of the namespace/,
      fix: /write the labels of the existing selector, e.g. \{ app: nginx \}, or remove keep.selector/,
      helm: 'templates',
    },
  ],
  [
    'a kept selector label key with a space',
    {
      declaration: checkoutWith({ keep: { selector: { 'my app': 'nginx' } } }),
      path: 'keep.selector.my app',
      rule: /a label key/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
  [
    'a kept selector label value too long',
    {
      declaration: checkoutWith({ keep: { selector: { app: 'n'.repeat(64) } } }),
      path: 'keep.selector.app',
      rule: /a label value/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
  [
    'a label that contradicts the kept selector',
    {
      declaration: checkoutWith({ labels: { app: 'shop' }, keep: { selector: { app: 'nginx' } } }),
      path: 'labels.app',
      value: 'shop',
      rule: /keep.selector selects pods by app: nginx, and every pod and object must carry that label/,
      fix: /remove labels.app, or give it the value nginx/,
      helm: 'templates',
    },
  ],
  [
    "the namespace's default ServiceAccount kept as the workload's own",
    {
      declaration: checkoutWith({ keep: { names: { ServiceAccount: 'default' } } }),
      path: 'keep.names.ServiceAccount',
      value: 'default',
      rule: /every namespace has a ServiceAccount named default/,
      fix: /remove keep.names.ServiceAccount/,
      helm: 'templates',
    },
  ],
  [
    'a kept Service name that is no DNS-1035 label',
    {
      declaration: checkoutWith({ keep: { names: { Service: '1web' } } }),
      path: 'keep.names.Service',
      value: '1web',
      rule: /a Service name: a DNS-1035 label/,
      fix: /write the existing Service's metadata.name/,
      helm: 'schema',
    },
  ],
  [
    'a kept PodDisruptionBudget name in capitals',
    {
      declaration: checkoutWith({ keep: { names: { PodDisruptionBudget: 'Nginx-PDB' } } }),
      path: 'keep.names.PodDisruptionBudget',
      value: 'Nginx-PDB',
      rule: /a PodDisruptionBudget name: lowercase letters, digits/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
  [
    "a kept name for the config files' ConfigMap, which is named after its contents",
    {
      declaration: checkoutWith({ keep: { names: { ConfigMap: 'nginx-config' } } }),
      path: 'keep.names.ConfigMap',
      rule: /.+/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
  [
    'a kept name for an object the kind does not make',
    {
      declaration: checkoutWith({
        kind: 'worker',
        port: undefined,
        health: { liveness: { exec: ['/bin/alive'] } },
        keep: { names: { Service: 'web' } },
      }),
      path: 'keep.names.Service',
      value: 'web',
      rule: /kind worker makes no Service, so there is no name to keep/,
      fix: /remove keep.names.Service/,
      helm: 'templates',
    },
  ],
  [
    "a StatefulSet's Service kept under its headless Service's name",
    {
      declaration: checkoutWith({ kind: 'stateful', keep: { names: { Service: 'checkout-headless' } } }),
      path: 'keep.names.Service',
      value: 'checkout-headless',
      rule: /the Service and the headless Service would both be named "checkout-headless"/,
      fix: /keep another name for one of them/,
      helm: 'templates',
    },
  ],
  [
    'a kept Service port name with an underscore',
    {
      declaration: checkoutWith({ keep: { servicePortName: 'web_1' } }),
      path: 'keep.servicePortName',
      value: 'web_1',
      rule: /a Service port name: a DNS-1123 label/,
      fix: /write the existing Service port's name/,
      helm: 'schema',
    },
  ],
  [
    'a kept Service port name without a Service',
    {
      declaration: checkoutWith({
        kind: 'worker',
        port: undefined,
        health: { liveness: { exec: ['/bin/alive'] } },
        keep: { servicePortName: 'web' },
      }),
      path: 'keep.servicePortName',
      value: 'web',
      rule: /keep.servicePortName names the serving port of the Service, and this workload has no Service/,
      fix: /remove keep.servicePortName/,
      helm: 'templates',
    },
  ],
  [
    'a kept Service port name another port of the Service has',
    {
      declaration: checkoutWith({ ports: [{ name: 'admin', port: 9000 }], keep: { servicePortName: 'admin' } }),
      path: 'keep.servicePortName',
      value: 'admin',
      rule: /the Service's port names must be unique, and ports\[0\] is already called "admin" there/,
      fix: /keep another name, or rename ports\[0\]/,
      helm: 'templates',
    },
  ],
  [
    'a patch of a kept selector label on the pods',
    {
      declaration: checkoutWith({
        keep: { selector: { app: 'nginx' } },
        patches: { Deployment: { object: { spec: { template: { metadata: { labels: { app: 'shop' } } } } } } },
      }),
      path: 'patches.Deployment.object.spec.template.metadata.labels.app',
      value: 'shop',
      rule: /names and selectors identify the objects and pods across upgrades/,
      fix: /leave the kept selector labels alone \(keep.selector\)/,
      helm: 'templates',
    },
  ],
  [
    'a patch of a kept selector label on the Service',
    {
      declaration: checkoutWith({
        keep: { selector: { app: 'nginx' } },
        patches: { Service: { object: { metadata: { labels: { app: null } } } } },
      }),
      path: 'patches.Service.object.metadata.labels.app',
      value: null,
      rule: /names and selectors identify the objects and pods across upgrades/,
      fix: /leave the kept selector labels alone \(keep.selector\)/,
      helm: 'templates',
    },
  ],
];
