import { Testing } from 'cdk8s';
import { stringify } from 'yaml';
import { checkManifests, HardenedWorkload, resolveWorkload, synthesizeYaml, type WorkloadSpec } from '../src';
import { ACKNOWLEDGED_ANNOTATION } from '../src/constructs/metadata';
import type { KubernetesObject } from '../src/manifests/facts';
import { checkoutWith } from './support/declarations';
import { mainContainer, theOnly } from './support/manifests';

/** Issue 17 §1: resources, autoscaling and spread that real services need. */

function synth(declaration: WorkloadSpec): KubernetesObject[] {
  const chart = Testing.chart();
  new HardenedWorkload(chart, 'workload', declaration);
  return Testing.synth(chart) as KubernetesObject[];
}

const podSpec = (declaration: WorkloadSpec) => theOnly(synth(declaration), 'Deployment').spec.template.spec;

describe('scheduling.spread', () => {
  test('preferred (the default) keeps the spread and the host anti-affinity soft', () => {
    expect(podSpec(checkoutWith({ scheduling: { spread: 'preferred' } }))).toEqual(podSpec(checkoutWith({})));
  });
  test('required makes the zone and node spread DoNotSchedule', () => {
    const pod = podSpec(checkoutWith({ scheduling: { spread: 'required' } }));
    expect(pod.topologySpreadConstraints.map((constraint: { whenUnsatisfiable: string }) => constraint.whenUnsatisfiable)).toEqual([
      'DoNotSchedule',
      'DoNotSchedule',
    ]);
  });
  test('required makes the host anti-affinity required: no two pods on one node', () => {
    const pod = podSpec(checkoutWith({ scheduling: { spread: 'required' } }));
    expect(pod.affinity.podAntiAffinity).toEqual({
      requiredDuringSchedulingIgnoredDuringExecution: [
        {
          topologyKey: 'kubernetes.io/hostname',
          labelSelector: { matchLabels: pod.topologySpreadConstraints[0].labelSelector.matchLabels },
        },
      ],
    });
  });
});

describe('resources.memoryLimit', () => {
  test('left out, the memory limit is the request', () => {
    expect(mainContainer(synth(checkoutWith({ resources: { memory: '1Gi' } }))).resources.limits.memory).toBe('1Gi');
  });
  const reason = { memoryLimit: 'a JVM whose off-heap use peaks at start' };
  test('declared and acknowledged, it is the limit while the request stays', () => {
    const declaration = checkoutWith({ resources: { memory: '1Gi', memoryLimit: '1536Mi' }, acknowledge: reason });
    const { resources } = mainContainer(synth(declaration));
    expect([resources.requests.memory, resources.limits.memory]).toEqual(['1Gi', '1536Mi']);
  });
  test("a sidecar without resources of its own takes the main container's limit", () => {
    const objects = synth(
      checkoutWith({
        resources: { memoryLimit: '512Mi' },
        sidecars: [{ name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0' }],
        acknowledge: reason,
      }),
    );
    const pod = theOnly(objects, 'Deployment').spec.template.spec;
    const proxy = [...(pod.initContainers ?? []), ...pod.containers].find((each: { name: string }) => each.name === 'proxy');
    expect(proxy.resources.limits.memory).toBe('512Mi');
  });
});

test('check reports a memory limit above the request as acknowledged, with the reason', () => {
  const declaration = checkoutWith({
    resources: { memory: '1Gi', memoryLimit: '1536Mi' },
    acknowledge: { memoryLimit: 'a JVM whose off-heap use peaks at start' },
  });
  const report = checkManifests([{ name: 'out.yaml', text: synthesizeYaml([declaration]) }]);
  const findings = report.findings.filter((finding) => finding.ruleId === 'memoryLimit');
  expect(findings.map((finding) => finding.suppressed)).toEqual([{ reason: 'a JVM whose off-heap use peaks at start' }]);
});

describe('resources.ephemeralStorage', () => {
  test('left out, the container neither requests nor limits node disk', () => {
    const { resources } = mainContainer(synth(checkoutWith({})));
    expect([resources.requests['ephemeral-storage'], resources.limits['ephemeral-storage']]).toEqual([undefined, undefined]);
  });
  test('declared, the request and the limit are the ephemeral-storage request and limit', () => {
    const { resources } = mainContainer(synth(checkoutWith({ resources: { ephemeralStorage: { request: '1Gi', limit: '4Gi' } } })));
    expect([resources.requests['ephemeral-storage'], resources.limits['ephemeral-storage']]).toEqual(['1Gi', '4Gi']);
  });
});

describe('invariant 19 (ephemeralStorageCoversFolders)', () => {
  const tight = { resources: { ephemeralStorage: { limit: '1Gi' } } };
  test('folders in memory do not count against the ephemeral-storage limit', () => {
    expect(() => synth(checkoutWith({ ...tight, tmp: { medium: 'memory', sizeLimit: '64Mi' } }))).not.toThrow();
  });
  test('a deliberate violation is recorded with its reason in the acknowledged annotation', () => {
    const objects = synth(checkoutWith({ ...tight, acknowledge: { ephemeralStorageCoversFolders: '/tmp never holds more than 100Mi' } }));
    expect(theOnly(objects, 'Deployment').metadata!.annotations![ACKNOWLEDGED_ANNOTATION]).toContain(
      'ephemeralStorageCoversFolders: /tmp never holds more than 100Mi',
    );
  });

  const deployment = (limit: string | undefined, volumes: unknown[]) =>
    stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'cache' },
      spec: {
        selector: { matchLabels: { app: 'cache' } },
        template: {
          metadata: { labels: { app: 'cache' } },
          spec: {
            containers: [
              {
                name: 'app',
                image: 'registry.example/app:1.0.0',
                resources: limit === undefined ? {} : { limits: { 'ephemeral-storage': limit } },
              },
            ],
            volumes,
          },
        },
      },
    });
  const findings = (text: string) =>
    checkManifests([{ name: 'input.yaml', text }]).findings.filter((finding) => finding.ruleId === 'ephemeralStorageCoversFolders');

  test('check finds a foreign limit that its emptyDirs on disk fill, at the limit', () => {
    const [finding, ...others] = findings(deployment('1.5Gi', [{ name: 'cache', emptyDir: { sizeLimit: '2Gi' } }]));
    expect(others).toEqual([]);
    expect(finding!.fieldPath).toBe('spec.template.spec.containers[0].resources.limits.ephemeral-storage');
    expect(finding!.message).toBe(
      'ephemeral-storage limits app 1.5Gi = 1610612736 bytes vs emptyDirs on disk cache 2Gi = 2147483648 bytes',
    );
  });
  test('check finds an emptyDir on disk without a size limit beside an ephemeral-storage limit', () => {
    const [finding] = findings(deployment('4Gi', [{ name: 'cache', emptyDir: {} }]));
    expect(finding!.fix).toBe('Give emptyDir cache a sizeLimit below the ephemeral-storage limits.');
  });
  test('check accepts limits larger than the folders on disk, and ignores folders in memory', () => {
    const volumes = [
      { name: 'cache', emptyDir: { sizeLimit: '1Gi' } },
      { name: 'shm', emptyDir: { medium: 'Memory', sizeLimit: '8Gi' } },
    ];
    expect(findings(deployment('2Gi', volumes))).toEqual([]);
  });
  test('check says nothing about a pod without an ephemeral-storage limit', () => {
    expect(findings(deployment(undefined, [{ name: 'cache', emptyDir: {} }]))).toEqual([]);
  });
});

describe('autoscaling.metrics and autoscaling.behavior', () => {
  const lag = {
    type: 'External',
    external: { metric: { name: 'kafka_consumergroup_lag' }, target: { type: 'AverageValue', averageValue: '1000' } },
  };
  const behavior = { scaleDown: { stabilizationWindowSeconds: 600, policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }] } };
  const hpa = () =>
    theOnly(
      synth(checkoutWith({ replicas: undefined, autoscaling: { maxReplicas: 8, metrics: [lag], behavior } })),
      'HorizontalPodAutoscaler',
    );
  test('the declared metrics come after the CPU target, as declared', () => {
    expect(hpa().spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
      lag,
    ]);
  });
  test('the declared behavior is the autoscaler’s behavior', () => {
    expect(hpa().spec.behavior).toEqual(behavior);
  });
  test('left out, the autoscaler has no behavior of its own (the API’s defaults)', () => {
    const plain = theOnly(synth(checkoutWith({ replicas: undefined, autoscaling: { maxReplicas: 8 } })), 'HorizontalPodAutoscaler');
    expect(plain.spec.behavior).toBeUndefined();
  });
});

/** Issue 21 §4 renamed two check rules; the declaration's acknowledgement keys follow (ACKNOWLEDGEMENT_ALIASES). */
describe('acknowledgement keys renamed with their check rules: cpuLimit and probeTimeout', () => {
  const noLimit = { cpu: '250m', memory: '256Mi', cpuLimit: false } as const;
  const reason = 'latency-sensitive, throttling hurts more';
  const slowProbe = { overrides: { readiness: { timeoutSeconds: 1 } } };

  test.each([
    ['cpuLimit', 'noCpuLimit', { resources: noLimit }],
    ['probeTimeout', 'readinessTimeout', slowProbe],
  ] as const)('%s acknowledges what its old name %s does, with the same output', (key, old, change) => {
    const written = (id: string) => synthesizeYaml([checkoutWith({ ...change, acknowledge: { [id]: reason } })]);
    expect(written(key)).toBe(written(old));
  });

  test('the old names keep working, with a note naming the new key; the new names have none', () => {
    const notes = (acknowledge: Record<string, string>) => resolveWorkload(checkoutWith({ resources: noLimit, acknowledge })).notes;
    expect(notes({ noCpuLimit: reason })).toContain(
      'acknowledge.noCpuLimit is now called acknowledge.cpuLimit, after the check rule it answers for; the old key still works, but write cpuLimit',
    );
    expect(notes({ cpuLimit: reason }).filter((note) => note.includes('is now called'))).toEqual([]);
  });

  test('an invariant 5 violation tells to acknowledge probeTimeout, and check suppresses its finding either way', () => {
    expect(() => resolveWorkload(checkoutWith(slowProbe))).toThrow('if this is deliberate, add acknowledge.probeTimeout: "<reason>"');
    const report = checkManifests([
      { name: 'out.yaml', text: synthesizeYaml([checkoutWith({ ...slowProbe, acknowledge: { probeTimeout: reason } })]) },
    ]);
    const findings = report.findings.filter((finding) => finding.ruleId === 'probeTimeout');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.suppressed?.reason === reason)).toBe(true);
  });
});
