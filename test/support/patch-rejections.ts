import type { ConfigurationRejection } from './configuration-rejections';
import { checkoutWith, nightlyWith } from './declarations';

/**
 * Refused `patches`: one list that both faces' rejection tests read (as configuration-rejections.ts).
 * Every refusal is the templates' (values.schema.json takes any merge patch), in the TypeScript words.
 */
export const PATCH_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'a patch of the selector',
    {
      declaration: checkoutWith({ patches: { Deployment: { object: { spec: { selector: { matchLabels: { tier: 'web' } } } } } } }),
      path: 'patches.Deployment.object.spec.selector',
      value: { matchLabels: { tier: 'web' } },
      rule: /a selector is immutable once created/,
      fix: /leave the selector alone/,
      helm: 'templates',
    },
  ],
  [
    "a patch of the pods' selector labels",
    {
      declaration: checkoutWith({ patches: { Deployment: { object: { spec: { template: { metadata: { labels: null } } } } } } }),
      path: 'patches.Deployment.object.spec.template.metadata.labels',
      value: null,
      rule: /names and selectors identify the objects and pods/,
      fix: /labels adds labels/,
      helm: 'templates',
    },
  ],
  [
    'a patch that tolerates every taint, bypassing acknowledge.tolerateEveryTaint',
    {
      declaration: checkoutWith({
        patches: { Deployment: { object: { spec: { template: { spec: { tolerations: [{ operator: 'Exists' }] } } } } } },
      }),
      path: 'patches.Deployment.object.spec.template.spec.tolerations',
      value: [{ operator: 'Exists' }],
      rule: /the list of tolerations comes from the declaration/,
      fix: /declare it with scheduling.tolerations instead of a patch/,
      helm: 'templates',
    },
  ],
  [
    'a patch of the Service ports',
    {
      declaration: checkoutWith({ patches: { Service: { object: { spec: { ports: [{ name: 'web', port: 80 }] } } } } }),
      path: 'patches.Service.object.spec.ports',
      rule: /Service ports and port names/,
      fix: /declare the port with port/,
      helm: 'templates',
    },
  ],
  [
    'a patch of a derived timing',
    {
      declaration: checkoutWith({ patches: { Deployment: { object: { spec: { minReadySeconds: 0 } } } } }),
      path: 'patches.Deployment.object.spec.minReadySeconds',
      value: 0,
      rule: /comes from the declaration/,
      fix: /overrides\.minReadySeconds/,
      helm: 'templates',
    },
  ],
  [
    "a patch of a CronJob's schedule",
    {
      declaration: nightlyWith({ patches: { CronJob: { object: { spec: { schedule: '* * * * *' } } } } }),
      path: 'patches.CronJob.object.spec.schedule',
      rule: /a CronJob's schedule comes from the declaration/,
      fix: /declare it with schedule/,
      helm: 'templates',
    },
  ],
  [
    "a patch of a container's probe",
    {
      declaration: checkoutWith({ patches: { Deployment: { containers: { checkout: { readinessProbe: { periodSeconds: 1 } } } } } }),
      path: 'patches.Deployment.containers.checkout.readinessProbe',
      rule: /the readinessProbe comes from the declaration/,
      fix: /health and overrides/,
      helm: 'templates',
    },
  ],
  [
    'a patch of a container that does not exist',
    {
      declaration: checkoutWith({ patches: { Deployment: { containers: { app: { stdin: false } } } } }),
      path: 'patches.Deployment.containers.app',
      rule: /no container named app \(they have checkout\)/,
      fix: /name one of checkout/,
      helm: 'templates',
    },
  ],
  [
    'a patch of an object the kind does not make',
    {
      declaration: checkoutWith({ patches: { CronJob: { object: { metadata: { annotations: { a: 'b' } } } } } }),
      path: 'patches.CronJob',
      rule: /this kind of workload makes no CronJob/,
      fix: /remove patches\.CronJob/,
      helm: 'templates',
    },
  ],
  [
    'a patch that breaks the restricted Pod Security Standard',
    {
      declaration: checkoutWith({ patches: { Deployment: { object: { spec: { template: { spec: { hostNetwork: true } } } } } } }),
      path: 'patches.Deployment',
      rule: /restricted Pod Security Standard \(hostNamespaces\).*spec\.template\.spec\.hostNetwork: hostNetwork must be unset or false/,
      fix: /this rule cannot be acknowledged here/,
      helm: 'templates',
    },
  ],
];
