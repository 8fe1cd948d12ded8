import type { ConfigurationRejection } from './configuration-rejections';
import { checkoutWith } from './declarations';

/**
 * Invalid resources, autoscaling, spread and preset merges (issue 17): rows in the shape of
 * CONFIGURATION_REJECTIONS, which both faces' rejection tests read.
 */
export const RESOURCES_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  // Acknowledgement keys renamed with their check rules (ACKNOWLEDGEMENT_ALIASES): either name works, not both.
  [
    'a removed CPU limit acknowledged under both names, cpuLimit and its old name noCpuLimit',
    {
      declaration: checkoutWith({
        resources: { cpu: '250m', memory: '256Mi', cpuLimit: false },
        acknowledge: { cpuLimit: 'latency-sensitive, throttling hurts', noCpuLimit: 'latency-sensitive, as before' },
      }),
      path: 'acknowledge.cpuLimit',
      value: 'latency-sensitive, throttling hurts',
      rule: /^acknowledges the same departure as acknowledge\.noCpuLimit, its old name$/,
      fix: /^keep acknowledge\.cpuLimit only$/,
      helm: 'templates',
    },
  ],
  [
    'an acknowledgement under its new name, probeTimeout, that excuses nothing is reported at that name',
    {
      declaration: checkoutWith({ acknowledge: { probeTimeout: 'the endpoint is measured at 2 ms' } }),
      path: 'acknowledge.probeTimeout',
      value: 'the endpoint is measured at 2 ms',
      rule: /this one excuses nothing/,
      fix: /^remove acknowledge\.probeTimeout, so that the recorded reasons stay true$/,
      helm: 'templates',
    },
  ],
  [
    'a CPU limit removed without a reason: the fix names the new key, cpuLimit',
    {
      declaration: checkoutWith({ resources: { cpu: '250m', memory: '256Mi', cpuLimit: false } }),
      path: 'resources.cpuLimit',
      value: false,
      rule: /removing the CPU limit needs a written reason/,
      fix: /or add acknowledge\.cpuLimit: "<why>"$/,
      helm: 'templates',
    },
  ],
  [
    'a memory limit below the memory request',
    {
      declaration: checkoutWith({ resources: { memory: '1Gi', memoryLimit: '512Mi' } }),
      path: 'resources.memoryLimit',
      value: '512Mi',
      rule: /the memory limit must be at least the memory request \(1Gi\)/,
      fix: /raise resources.memoryLimit to 1Gi or more, or leave it out for the default \(the request\)/,
      helm: 'templates',
    },
  ],
  [
    "a sidecar's memory limit below its request",
    {
      declaration: checkoutWith({
        sidecars: [{ name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0', resources: { memory: '128Mi', memoryLimit: '64Mi' } }],
      }),
      path: 'sidecars[0].resources.memoryLimit',
      value: '64Mi',
      rule: /the memory limit must be at least the memory request \(128Mi\)/,
      fix: /raise sidecars\[0\].resources.memoryLimit to 128Mi or more/,
      helm: 'templates',
    },
  ],
  [
    'a memory limit above the request without a written reason',
    {
      declaration: checkoutWith({ resources: { memory: '1Gi', memoryLimit: '1536Mi' } }),
      path: 'resources.memoryLimit',
      value: '1536Mi',
      rule: /a memory limit above the request \(1Gi\) needs a written reason: above its request the container is the first the node kills when memory runs short/,
      fix: /raise resources.memory to 1536Mi or leave memoryLimit out, or add acknowledge.memoryLimit: "<why>"/,
      helm: 'templates',
    },
  ],
  [
    'a memory limit that is no quantity',
    {
      declaration: checkoutWith({ resources: { memoryLimit: '2 GB' } }),
      path: 'resources.memoryLimit',
      rule: /a whole memory quantity such as 512Mi or 2Gi/,
      fix: /write it like 512Mi or 2Gi/,
      helm: 'schema',
    },
  ],
  [
    'folders in memory that fill the declared memory limit',
    {
      declaration: checkoutWith({
        resources: { memory: '256Mi', memoryLimit: '512Mi' },
        tmp: { medium: 'memory', sizeLimit: '512Mi' },
        acknowledge: { memoryLimit: 'a JVM whose off-heap use peaks at start' },
      }),
      path: 'resources.memoryLimit',
      value: '512Mi',
      rule: /the memory limit must be larger than the scratch space kept in memory, whose files count against it \(tmp 512Mi\)/,
      fix: /raise resources.memoryLimit, lower those size limits, or keep the folders on disk/,
      helm: 'templates',
    },
  ],
  [
    'an ephemeral-storage limit below its request',
    {
      declaration: checkoutWith({ resources: { ephemeralStorage: { request: '4Gi', limit: '2Gi' } } }),
      path: 'resources.ephemeralStorage.limit',
      value: '2Gi',
      rule: /the ephemeral-storage limit must be at least its request \(4Gi\)/,
      fix: /raise resources.ephemeralStorage.limit to 4Gi or more, or lower the request/,
      helm: 'templates',
    },
  ],
  [
    'an ephemeral-storage limit that the folders on disk fill (invariant 19)',
    {
      declaration: checkoutWith({
        resources: { ephemeralStorage: { limit: '2Gi' } },
        scratch: { cache: { path: '/var/cache/app', sizeLimit: '1Gi' } },
      }),
      path: 'resources.ephemeralStorage.limit',
      value: '2Gi',
      rule: /^invariant 19 \(ephemeralStorageCoversFolders\): .* Here: ephemeral-storage limits checkout 2Gi = 2147483648 bytes vs emptyDirs on disk tmp 1Gi \+ scratch-cache 1Gi = 2147483648 bytes$/,
      fix: /^raise resources.ephemeralStorage.limit above 2147483648 bytes, or lower tmp.sizeLimit and scratch.<name>.sizeLimit \(or set their medium: memory\); if this is deliberate, add acknowledge.ephemeralStorageCoversFolders: "<reason>"$/,
      helm: 'templates',
    },
  ],
  [
    "a sidecar's own ephemeral-storage limit that with the application's does not cover the folders (invariant 19)",
    {
      declaration: checkoutWith({
        resources: { ephemeralStorage: { limit: '600Mi' } },
        sidecars: [{ name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0', resources: { ephemeralStorage: { limit: '400Mi' } } }],
      }),
      path: 'resources.ephemeralStorage.limit',
      rule: /Here: ephemeral-storage limits checkout 600Mi \+ proxy 400Mi = 1048576000 bytes vs emptyDirs on disk tmp 1Gi = 1073741824 bytes$/,
      fix: /^raise resources.ephemeralStorage.limit above 1073741824 bytes/,
      helm: 'templates',
    },
  ],
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
  [
    "a GUNICORN_CMD_ARGS whose --graceful-timeout contradicts drainSeconds (the gunicorn preset's)",
    {
      declaration: checkoutWith({ preset: 'gunicorn', env: [{ name: 'GUNICORN_CMD_ARGS', value: '--workers 4 --graceful-timeout=10' }] }),
      path: 'env[0]',
      value: '--workers 4 --graceful-timeout=10',
      rule: /^GUNICORN_CMD_ARGS sets --graceful-timeout 10, but the gunicorn preset sets --graceful-timeout 30 from drainSeconds \(30\)/,
      fix: /^remove --graceful-timeout 10 from GUNICORN_CMD_ARGS \(the preset appends --graceful-timeout 30\), or set drainSeconds to match$/,
      helm: 'templates',
    },
  ],
  [
    "a SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE other than the spring-boot preset's",
    {
      declaration: checkoutWith({ preset: 'spring-boot', env: { SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE: '5s' } }),
      path: 'env.SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE',
      value: '5s',
      rule: /^the spring-boot preset sets SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE to 30s for its graceful shutdown after drainSeconds \(30\); another value/,
      fix: /^leave SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE out so that the preset sets it, or set it to 30s$/,
      helm: 'templates',
    },
  ],
  [
    "a preset's variable taken from a ConfigMap, which cannot be merged",
    {
      declaration: checkoutWith({
        preset: 'uvicorn',
        env: { UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN: { configMap: { name: 'app', key: 'timeout' } } },
      }),
      path: 'env.UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN',
      rule: /^the uvicorn preset sets UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN \(30\) for its graceful shutdown after drainSeconds \(30\), and a value from configMap cannot be merged with it$/,
      fix: /^write UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN out as a value, or leave it out so that the preset sets it$/,
      helm: 'templates',
    },
  ],
  [
    'a second CPU target among the autoscaling metrics',
    {
      declaration: checkoutWith({
        replicas: undefined,
        autoscaling: {
          maxReplicas: 6,
          metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
        },
      }),
      path: 'autoscaling.metrics[0].resource.name',
      value: 'cpu',
      rule: /^the autoscaler always scales on CPU, at autoscaling.targetCPUUtilizationPercentage; a second CPU target would contradict it$/,
      fix: /^remove autoscaling.metrics\[0\] and set autoscaling.targetCPUUtilizationPercentage$/,
      helm: 'templates',
    },
  ],
  [
    'a scale-down stabilization window beyond the API maximum of 3600 s',
    {
      declaration: checkoutWith({
        replicas: undefined,
        autoscaling: { maxReplicas: 6, behavior: { scaleDown: { stabilizationWindowSeconds: 3601 } } },
      }),
      path: 'autoscaling.behavior.scaleDown.stabilizationWindowSeconds',
      rule: /3600/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
  [
    'a scaling policy period beyond the API maximum of 1800 s',
    {
      declaration: checkoutWith({
        replicas: undefined,
        autoscaling: { maxReplicas: 6, behavior: { scaleUp: { policies: [{ type: 'Pods', value: 4, periodSeconds: 1801 }] } } },
      }),
      path: 'autoscaling.behavior.scaleUp.policies[0].periodSeconds',
      rule: /1800/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
  [
    'scaling rules with an empty list of policies',
    {
      declaration: checkoutWith({ replicas: undefined, autoscaling: { maxReplicas: 6, behavior: { scaleDown: { policies: [] } } } }),
      path: 'autoscaling.behavior.scaleDown.policies',
      rule: /at least 1/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
  [
    'a selectPolicy the API does not know',
    {
      declaration: checkoutWith({
        replicas: undefined,
        autoscaling: { maxReplicas: 6, behavior: { scaleDown: { selectPolicy: 'Fastest' } } },
      }),
      path: 'autoscaling.behavior.scaleDown.selectPolicy',
      rule: /Max|Min|Disabled/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
  [
    'an External metric with a Utilization target, which only Resource metrics take',
    {
      declaration: checkoutWith({
        replicas: undefined,
        autoscaling: {
          maxReplicas: 6,
          metrics: [
            {
              type: 'External',
              external: { metric: { name: 'kafka_consumergroup_lag' }, target: { type: 'Utilization', averageUtilization: 50 } },
            },
          ],
        },
      }),
      path: 'autoscaling.metrics[0].external.target.averageUtilization',
      rule: /unknown field/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
  [
    'a metric whose source does not match its type',
    {
      declaration: checkoutWith({
        replicas: undefined,
        autoscaling: {
          maxReplicas: 6,
          metrics: [
            {
              type: 'Pods',
              external: {
                type: 'External',
                external: { metric: { name: 'kafka_consumergroup_lag' }, target: { type: 'AverageValue', averageValue: '1000' } },
              }.external,
            },
          ],
        },
      }),
      path: 'autoscaling.metrics[0].type',
      rule: /must be one of "External"/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
  [
    'a target value of zero',
    {
      declaration: checkoutWith({
        replicas: undefined,
        autoscaling: {
          maxReplicas: 6,
          metrics: [{ type: 'External', external: { metric: { name: 'queue_depth' }, target: { type: 'Value', value: '0' } } }],
        },
      }),
      path: 'autoscaling.metrics[0].external.target.value',
      rule: /a positive quantity such as 100, 500m or 2k/,
      fix: /.+/,
      helm: 'schema',
    },
  ],
];
