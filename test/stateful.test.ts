import { App, Chart } from 'cdk8s';
import {
  checkManifests,
  explainText,
  HardenedStatefulSet,
  HardenedWorkload,
  hardenedWorkload,
  resolveWorkload,
  type WorkloadSpec,
} from '../src';
import { ACKNOWLEDGED_ANNOTATION, TIMINGS_ANNOTATION } from '../src/constructs/metadata';
import { restrictedPodFindings } from '../src/manifests/pod-security';
import { deriveTimings } from '../src/timing/derive';
import type { TimingInput } from '../src/timing/types';
import { objectSchemaErrors } from './support/gateway-api-schema';
import { mainContainer, problemsOf, rolloutOf, synth, theOnly, yamlOf } from './support/manifests';

/**
 * Kind stateful: a StatefulSet with its headless Service, volume claims and claim retention; the
 * pod's timings as for web (with a port) or worker (without); the worst-case rollout instead of a
 * progress deadline.
 */

/** A Redis-compatible store of three shards, each with its own volume. */
const STORE: WorkloadSpec = {
  name: 'sessions',
  kind: 'stateful',
  image: 'docker.io/valkey/valkey:8.0.1',
  port: 6379,
  replicas: 3,
  kubernetesVersion: '1.30',
  health: { readiness: { exec: ['valkey-cli', 'ping'] } },
  startup: { maxSeconds: 90 },
  drainSeconds: 20,
  stateful: { volumeClaims: { data: { size: '10Gi', mountPath: '/data', storageClass: 'gp3' } } },
};

const storeWith = (changes: Record<string, unknown>) => ({ ...STORE, ...changes }) as WorkloadSpec;
describe('objects', () => {
  const objects = synth(STORE);

  test("peer ports admit the members to each other's cluster ports, whatever other peers are declared", () => {
    const cluster = storeWith({
      stateful: { ...STORE.stateful, peerPorts: [6379, 16379] },
      networkPolicy: { ingressFrom: [{ podLabels: { 'app.kubernetes.io/part-of': 'storefront' } }] },
    });
    const { ingress } = theOnly(synth(cluster), 'NetworkPolicy').spec;
    expect(ingress).toEqual([
      { from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'storefront' } } }], ports: [{ port: 6379, protocol: 'TCP' }] },
      {
        from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'sessions', 'app.kubernetes.io/name': 'sessions' } } }],
        ports: [
          { port: 6379, protocol: 'TCP' },
          { port: 16379, protocol: 'TCP' },
        ],
      },
    ]);
  });

  test('without peer ports the NetworkPolicy admits only the serving port, as for the other kinds', () => {
    expect(theOnly(objects, 'NetworkPolicy').spec.ingress).toEqual([{ ports: [{ port: 6379, protocol: 'TCP' }] }]);
  });

  test('a stateful workload makes a ServiceAccount, a StatefulSet, its headless Service, a Service, a PodDisruptionBudget and a NetworkPolicy', () => {
    expect(objects.map((object) => `${object.kind}/${object.metadata?.name}`)).toEqual([
      'ServiceAccount/sessions',
      'StatefulSet/sessions',
      'Service/sessions-headless',
      'Service/sessions',
      'PodDisruptionBudget/sessions',
      'NetworkPolicy/sessions',
    ]);
  });

  test('every object is valid against the Kubernetes 1.28 API schema and the pod is "restricted"', () => {
    for (const object of objects)
      expect({ kind: object.kind, errors: objectSchemaErrors(object) }).toEqual({ kind: object.kind, errors: [] });
    const { template } = theOnly(objects, 'StatefulSet').spec;
    expect(restrictedPodFindings(template.spec, template.metadata.annotations)).toEqual([]);
  });

  test('the StatefulSet names its headless Service, keeps its volumes and updates one pod at a time down to the partition', () => {
    const { spec } = theOnly(objects, 'StatefulSet');
    expect(spec).toMatchObject({
      replicas: 3,
      serviceName: 'sessions-headless',
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      minReadySeconds: 15,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'gp3', resources: { requests: { storage: '10Gi' } } },
        },
      ],
    });
    expect(spec.progressDeadlineSeconds).toBeUndefined();
    expect(spec.strategy).toBeUndefined();
  });

  test('each claim is mounted writable into the application container at its mount path', () => {
    expect(mainContainer(objects, 'StatefulSet').volumeMounts).toContainEqual({ name: 'data', mountPath: '/data' });
  });

  test('the headless Service has no cluster IP and publishes pods before they are ready, so that peers find each other', () => {
    const headless = objects.find((object) => object.metadata?.name === 'sessions-headless')!;
    expect(headless.spec).toEqual({
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: { 'app.kubernetes.io/name': 'sessions', 'app.kubernetes.io/instance': 'sessions' },
      ports: [{ name: 'http', port: 6379, targetPort: 'http', protocol: 'TCP' }],
    });
  });

  test("the spread is computed per revision with the StatefulSet's own revision label", () => {
    const { topologySpreadConstraints } = theOnly(objects, 'StatefulSet').spec.template.spec;
    expect(topologySpreadConstraints.map((constraint: { matchLabelKeys: string[] }) => constraint.matchLabelKeys)).toEqual([
      ['controller-revision-hash'],
      ['controller-revision-hash'],
    ]);
  });

  test('without a port there is no Service, the headless Service has no ports, and the pods are stopped like a worker: no preStop, no propagation', () => {
    const quiet = synth(storeWith({ port: undefined, health: { liveness: { exec: ['valkey-cli', 'ping'] } } }));
    expect(quiet.filter((object) => object.kind === 'Service').map((object) => object.metadata?.name)).toEqual(['sessions-headless']);
    expect(quiet.find((object) => object.kind === 'Service')!.spec.ports).toBeUndefined();
    expect(mainContainer(quiet, 'StatefulSet').lifecycle).toBeUndefined();
    const { timings } = resolveWorkload(storeWith({ port: undefined, health: { liveness: { exec: ['valkey-cli', 'ping'] } } }));
    expect(timings).toMatchObject({ servesTraffic: false, propagationSeconds: 0, preStop: { mechanism: 'none', seconds: 0 } });
  });

  test('with a port the pods are served like a web workload: the preStop delay covers propagation', () => {
    expect(mainContainer(synth(STORE), 'StatefulSet').lifecycle).toEqual({ preStop: { sleep: { seconds: 10 } } });
  });

  test('declared claim settings, pod management policy, partition and retention reach the StatefulSet', () => {
    const { spec } = theOnly(
      synth(
        storeWith({
          stateful: {
            volumeClaims: { wal: { size: '1Gi', mountPath: '/wal', accessMode: 'ReadWriteOncePod' } },
            podManagementPolicy: 'Parallel',
            partition: 2,
            claimRetention: { whenScaled: 'Delete' },
          },
          acknowledge: { deleteVolumeClaims: 'shards are rebuilt from the primary store on start' },
        }),
      ),
      'StatefulSet',
    );
    expect(spec).toMatchObject({
      podManagementPolicy: 'Parallel',
      updateStrategy: { rollingUpdate: { partition: 2 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' },
      volumeClaimTemplates: [
        { metadata: { name: 'wal' }, spec: { accessModes: ['ReadWriteOncePod'], resources: { requests: { storage: '1Gi' } } } },
      ],
    });
    expect(spec.volumeClaimTemplates[0].spec.storageClassName).toBeUndefined();
  });
});

describe('constructs', () => {
  test('HardenedStatefulSet exposes its StatefulSet, headless Service and Service', () => {
    const chart = new Chart(new App(), 'chart');
    const { kind: _, ...props } = STORE;
    const store = new HardenedStatefulSet(chart, 'sessions', props);
    expect(store.statefulSet.kind).toBe('StatefulSet');
    expect(store.headlessService.name).toBe('sessions-headless');
    expect(store.service?.name).toBe('sessions');
    expect(store.podDisruptionBudget?.kind).toBe('PodDisruptionBudget');
  });

  test('hardenedWorkload() makes kind stateful with HardenedStatefulSet', () => {
    expect(hardenedWorkload(new Chart(new App(), 'chart'), 'sessions', STORE)).toBeInstanceOf(HardenedStatefulSet);
  });

  test('the wrong class for the kind is a DeclarationError naming the class to use', () => {
    expect(() => new HardenedWorkload(new Chart(new App(), 'chart'), 'sessions', STORE)).toThrow(
      /kind: "stateful"\n {4}rule: HardenedWorkload makes workloads of kind web or worker\n {4}fix: {2}use HardenedStatefulSet for kind stateful, or hardenedWorkload\(\), which picks the class from the kind/,
    );
  });
});

describe('rollout rule: worst case = (replicas − partition) × (G + I + W_s + minReadySeconds)', () => {
  test('three pods of the store: G 35 (preStop 10 + drain 20 + margin 5), W_s 135, minReady 15 → 3 × 185 = 555 s', () => {
    expect(rolloutOf(STORE, 'StatefulSet')).toEqual({
      controller: 'StatefulSet',
      minReadySeconds: 15,
      podManagementPolicy: 'OrderedReady',
      partition: 0,
      updatedPods: 3,
      podSeconds: 185,
      worstCaseSeconds: 555,
    });
  });

  test('pods below the partition are not updated: partition 2 of 3 → 1 × 185 = 185 s', () => {
    expect(rolloutOf(storeWith({ stateful: { partition: 2 } }), 'StatefulSet').worstCaseSeconds).toBe(185);
  });

  test('the init phase counts in every pod: a 40 s init container → 3 × 225 = 675 s', () => {
    const declaration = storeWith({ initContainers: [{ name: 'restore', image: 'docker.io/valkey/valkey:8.0.1', maxSeconds: 40 }] });
    expect(rolloutOf(declaration, 'StatefulSet')).toMatchObject({ podSeconds: 225, worstCaseSeconds: 675 });
  });

  test('Parallel pod management does not shorten an update: the controller still replaces one pod at a time', () => {
    expect(rolloutOf(storeWith({ stateful: { podManagementPolicy: 'Parallel' } }), 'StatefulSet').worstCaseSeconds).toBe(555);
  });

  test('the rule is explained with its inputs, and the annotation states the worst case', () => {
    const workload = resolveWorkload(STORE);
    expect(workload.explanations.find(({ key }) => key === 'rollout.worstCaseSeconds')).toEqual({
      key: 'rollout.worstCaseSeconds',
      value: 555,
      source: 'derived',
      formula: '(replicas − partition) × (G + I + W_s + minReadySeconds)',
      inputs: { replicas: 3, partition: 0, G: 35, I: 0, W_s: 135, minReadySeconds: 15 },
      reason: expect.stringContaining('no progress deadline'),
    });
    const annotation = theOnly(synth(STORE), 'StatefulSet').metadata?.annotations?.[TIMINGS_ANNOTATION];
    expect(annotation).toContain('rollout: OrderedReady, partition 0, minReadySeconds 15, worst case 3 x 185s = 555s');
  });

  test("a StatefulSet's rollout has no surge, no unavailability budget and no progress deadline to explain", () => {
    const keys = resolveWorkload(STORE).explanations.map(({ key }) => key);
    expect(keys.filter((key) => /maxSurge|maxUnavailable|progressDeadline/.test(key))).toEqual([]);
  });

  test('the pure rule: a timing input of kind stateful without its settings is a programming error', () => {
    const input: TimingInput = {
      kind: 'stateful',
      startupMaxSeconds: 90,
      drainSeconds: 20,
      platform: 'kube-proxy',
      probeLatencyMs: 500,
      kubernetesVersion: '1.30',
      preStopType: 'auto',
      probes: { readiness: true, liveness: true, startup: true },
      overrides: {},
    };
    expect(() => deriveTimings(input)).toThrow(/needs the declared update settings \(TimingInput.statefulSet\)/);
  });
});

describe('timeline', () => {
  test("the start section states the StatefulSet's update: one pod at a time, and its worst case", () => {
    const text = explainText(resolveWorkload(STORE));
    expect(text).toContain(
      'rollout: 3 of 3 pods (ordinals 0 and up, partition 0), one at a time from the highest ordinal, each deleted before its replacement starts',
    );
    expect(text).toContain(
      'worst case 3 x 185s = 555s (grace + init + startup window + minReadySeconds); a StatefulSet has no progress deadline',
    );
  });
});

describe('maintenance window: a warning, not an invariant', () => {
  test('explain warns when the worst case exceeds the declared window, and the annotation records the window', () => {
    const declaration = storeWith({ stateful: { ...STORE.stateful, maintenanceWindowSeconds: 300 } });
    const text = explainText(resolveWorkload(declaration));
    expect(text).toContain('An update may take up to 555s (3 pods x 185s, one at a time), longer than the maintenance window of 300s');
    expect(theOnly(synth(declaration), 'StatefulSet').metadata?.annotations?.[TIMINGS_ANNOTATION]).toContain(
      'worst case 3 x 185s = 555s, maintenance window 300s',
    );
  });

  test('no warning when the worst case fits the window', () => {
    const declaration = storeWith({ stateful: { ...STORE.stateful, maintenanceWindowSeconds: 555 } });
    expect(resolveWorkload(declaration).notes.filter((note) => note.includes('maintenance window'))).toEqual([]);
  });
});

describe('invariants', () => {
  test("a Deployment's invariants 9 and 10 are not applied to a StatefulSet; every other one is", () => {
    const ids = resolveWorkload(STORE).invariants.map(({ id }) => id);
    expect(ids).not.toContain('surgeWhenNoUnavailable');
    expect(ids).not.toContain('progressDeadline');
    expect(ids).toEqual(expect.arrayContaining(['startupWindow', 'livenessAfterReadiness', 'graceCoversShutdown', 'pdbAllowsDisruption']));
  });

  test.each([
    ['with a port', STORE],
    [
      'without a port (its headless Service has no ports and sends no traffic)',
      storeWith({ port: undefined, health: { liveness: { exec: ['valkey-cli', 'ping'] } } }),
    ],
  ])('`check` of the synthesized objects finds nothing, %s', (_, declaration) => {
    expect(checkManifests([{ name: 'store.yaml', text: yamlOf(declaration) }]).findings).toEqual([]);
  });
});

describe('rejections', () => {
  test('`stateful` applies to kind stateful only', () => {
    expect(problemsOf({ ...STORE, kind: 'web', health: { readiness: { path: '/readyz' } } })).toEqual([
      { path: 'stateful', rule: 'stateful applies to kind stateful only (this workload is kind web)' },
    ]);
  });

  test('a stateful workload is not autoscaled', () => {
    expect(problemsOf(storeWith({ replicas: undefined, autoscaling: { maxReplicas: 5 } }))).toContainEqual({
      path: 'autoscaling',
      rule: 'autoscaling applies to kind web or worker only (this workload is kind stateful)',
    });
  });

  test("a Deployment's rollout overrides are refused", () => {
    expect(problemsOf(storeWith({ overrides: { maxSurge: 1, progressDeadlineSeconds: 900 } }))).toEqual([
      {
        path: 'overrides.maxSurge',
        rule: "maxSurge is a Deployment's setting: a StatefulSet updates one pod at a time and has no progress deadline",
      },
      {
        path: 'overrides.progressDeadlineSeconds',
        rule: "progressDeadlineSeconds is a Deployment's setting: a StatefulSet updates one pod at a time and has no progress deadline",
      },
    ]);
  });

  test('with a port a readiness check is required', () => {
    expect(problemsOf(storeWith({ health: {} }))).toEqual([
      {
        path: 'health.readiness',
        rule: 'a stateful workload with a port needs a readiness check, or traffic reaches pods that cannot serve it yet',
      },
    ]);
  });

  test('a partition beyond the pods would never update anything', () => {
    expect(problemsOf(storeWith({ stateful: { partition: 4 } }))).toEqual([
      { path: 'stateful.partition', rule: 'the partition is an ordinal among the 3 pods: a larger one updates nothing, ever' },
    ]);
  });

  test('a peer port listed twice is refused', () => {
    expect(problemsOf(storeWith({ stateful: { peerPorts: [16379, 6379, 16379] } }))).toEqual([
      { path: 'stateful.peerPorts[2]', rule: 'each peer port is listed once, and 16379 is already stateful.peerPorts[0]' },
    ]);
  });

  test('deleting the volumes needs a written reason, which is recorded in the annotation', () => {
    const deleting = storeWith({ stateful: { claimRetention: { whenDeleted: 'Delete' } } });
    expect(problemsOf(deleting)).toEqual([
      {
        path: 'stateful.claimRetention.whenDeleted',
        rule: 'deleting the volume claims when the workload is deleted deletes their data, which needs a written reason',
      },
    ]);
    const acknowledged = { ...deleting, acknowledge: { deleteVolumeClaims: 'a cache, refilled from the database' } } as WorkloadSpec;
    const annotations = theOnly(synth(acknowledged), 'StatefulSet').metadata?.annotations;
    expect(annotations?.[ACKNOWLEDGED_ANNOTATION]).toBe('deleteVolumeClaims: a cache, refilled from the database');
  });

  test('`check` reports volumes deleted with our recorded reason as an acknowledged finding', () => {
    const acknowledged = storeWith({
      stateful: { claimRetention: { whenScaled: 'Delete' } },
      acknowledge: { deleteVolumeClaims: 'a cache, refilled from the database' },
    });
    const report = checkManifests([{ name: 'store.yaml', text: yamlOf(acknowledged) }]);
    expect(report.findings.map(({ ruleId, fieldPath, suppressed }) => ({ ruleId, fieldPath, suppressed }))).toEqual([
      {
        ruleId: 'deleteVolumeClaims',
        fieldPath: 'spec.persistentVolumeClaimRetentionPolicy.whenScaled',
        suppressed: { reason: 'a cache, refilled from the database' },
      },
    ]);
  });

  test('an acknowledgement of deletion that deletes nothing excuses nothing', () => {
    expect(problemsOf(storeWith({ acknowledge: { deleteVolumeClaims: 'a cache, refilled from the database' } }))).toEqual([
      {
        path: 'acknowledge.deleteVolumeClaims',
        rule: 'an acknowledgement must excuse something this declaration does; this one excuses nothing',
      },
    ]);
  });

  test("a claim may not take the name of one of the pod's own volumes, nor the mount path of another mount", () => {
    expect(
      problemsOf(
        storeWith({
          stateful: {
            volumeClaims: { data: { size: '1Gi', mountPath: '/data' }, tmp: { size: '1Gi', mountPath: '/data' } },
          },
        }),
      ),
    ).toEqual([
      { path: 'stateful.volumeClaims.tmp.mountPath', rule: 'stateful.volumeClaims.data.mountPath already mounts /data' },
      {
        path: 'stateful.volumeClaims.tmp',
        rule: "the claim's name is the name of its volume in the pod, and tmp is the pod's own (tmp, config-files, files-*, scratch-*)",
      },
    ]);
  });
});
