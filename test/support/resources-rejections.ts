import type { ConfigurationRejection } from './configuration-rejections';
import { checkoutWith } from './declarations';

/**
 * Invalid resources, autoscaling, spread and preset merges (issue 17): rows in the shape of
 * CONFIGURATION_REJECTIONS, which both faces' rejection tests read.
 */
export const RESOURCES_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'a spread for a daemon, which has one pod on every node',
    {
      declaration: checkoutWith({
        kind: 'daemon',
        port: undefined,
        health: { liveness: { exec: ['/bin/alive'] } },
        service: undefined,
        replicas: undefined,
        scheduling: { spread: 'required' },
      }),
      path: 'scheduling.spread',
      value: 'required',
      rule: /a daemon runs one pod on every node, so it has no spread over nodes and zones/,
      fix: /remove scheduling.spread/,
      helm: 'templates',
    },
  ],
  [
    'a spread that is neither required nor preferred',
    {
      declaration: checkoutWith({ scheduling: { spread: 'strict' } }),
      path: 'scheduling.spread',
      rule: /one of|must be one of/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
];
