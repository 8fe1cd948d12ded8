import { App, Chart } from 'cdk8s';
import {
  checkManifests,
  explainText,
  HardenedDaemonSet,
  HardenedWorkload,
  hardenedWorkload,
  resolveWorkload,
  type WorkloadSpec,
} from '../src';
import { ACKNOWLEDGED_ANNOTATION, TIMINGS_ANNOTATION } from '../src/constructs/metadata';
import { restrictedPodFindings } from '../src/manifests/pod-security';
import { objectSchemaErrors } from './support/gateway-api-schema';
import { mainContainer, problemsOf, rolloutOf, synth, theOnly, yamlOf } from './support/manifests';

/**
 * Kind daemon: a DaemonSet, one pod per node, updated node by node; no Service, no
 * PodDisruptionBudget, no spread; restricted but for the declared, acknowledged host paths.
 */

/** A log shipper reading the node's logs. */
const SHIPPER: WorkloadSpec = {
  name: 'log-shipper',
  kind: 'daemon',
  image: 'docker.io/timberio/vector:0.42.0-distroless-libc',
  health: { liveness: { exec: ['vector', 'validate', '--no-environment'] } },
  startup: { maxSeconds: 20 },
  drainSeconds: 15,
  scheduling: { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] },
  daemon: { hostPaths: { logs: { path: '/var/log' } } },
  acknowledge: { volumeTypes: 'reads the container logs of its node from /var/log, read-only' },
};

const shipperWith = (changes: Record<string, unknown>) => ({ ...SHIPPER, ...changes }) as WorkloadSpec;
describe('objects', () => {
  const objects = synth(SHIPPER);
  const daemonSet = theOnly(objects, 'DaemonSet');

  test('a daemon makes a ServiceAccount, a DaemonSet and a NetworkPolicy: no Service, no PodDisruptionBudget', () => {
    expect(objects.map((object) => `${object.kind}/${object.metadata?.name}`)).toEqual([
      'ServiceAccount/log-shipper',
      'DaemonSet/log-shipper',
      'NetworkPolicy/log-shipper',
    ]);
  });

  test('every object is valid against the Kubernetes 1.28 API schema', () => {
    for (const object of objects)
      expect({ kind: object.kind, errors: objectSchemaErrors(object) }).toEqual({ kind: object.kind, errors: [] });
  });

  test('the pod departs from the restricted profile by the declared host path only', () => {
    const { template } = daemonSet.spec;
    expect(restrictedPodFindings(template.spec, template.metadata.annotations)).toEqual([
      {
        control: 'Volume Types',
        field: 'volumes[1]',
        problem:
          'type hostPath is not allowed (only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret)',
      },
    ]);
  });

  test('the host path is a volume of the pod, mounted read-only by default', () => {
    expect(daemonSet.spec.template.spec.volumes).toContainEqual({ name: 'host-logs', hostPath: { path: '/var/log', type: 'Directory' } });
    expect(mainContainer(objects, 'DaemonSet').volumeMounts).toContainEqual({ name: 'host-logs', mountPath: '/var/log', readOnly: true });
  });

  test('a host path declared writable, at a mount path of its own and of a type of its own, is mounted so', () => {
    const writable = synth(
      shipperWith({
        daemon: { hostPaths: { state: { path: '/var/lib/agent', mountPath: '/state', readOnly: false, type: 'DirectoryOrCreate' } } },
        acknowledge: {
          volumeTypes: 'keeps its state on the node',
          writableHostPath: 'keeps its read positions across restarts',
        },
      }),
    );
    expect(theOnly(writable, 'DaemonSet').spec.template.spec.volumes).toContainEqual({
      name: 'host-state',
      hostPath: { path: '/var/lib/agent', type: 'DirectoryOrCreate' },
    });
    expect(mainContainer(writable, 'DaemonSet').volumeMounts).toContainEqual({ name: 'host-state', mountPath: '/state' });
  });

  test('the acknowledgement is recorded in the annotation', () => {
    expect(daemonSet.metadata?.annotations?.[ACKNOWLEDGED_ANNOTATION]).toBe(
      'volumeTypes: reads the container logs of its node from /var/log, read-only',
    );
  });

  test('no spread and no anti-affinity, but the declared tolerations', () => {
    const pod = daemonSet.spec.template.spec;
    expect(pod.topologySpreadConstraints).toBeUndefined();
    expect(pod.affinity).toBeUndefined();
    expect(pod.tolerations).toEqual([{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }]);
  });

  test('declared node affinity is kept, without anti-affinity', () => {
    const nodeAffinity = { required: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] }] };
    const pod = theOnly(synth(shipperWith({ scheduling: { nodeAffinity } })), 'DaemonSet').spec.template.spec;
    expect(Object.keys(pod.affinity)).toEqual(['nodeAffinity']);
  });

  test('the DaemonSet updates node by node with the derived budgets and minReadySeconds, and has no replicas', () => {
    expect(daemonSet.spec).toMatchObject({
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
      minReadySeconds: 30,
    });
    expect(daemonSet.spec.replicas).toBeUndefined();
    expect(daemonSet.spec.progressDeadlineSeconds).toBeUndefined();
  });

  test('a port is probed, but no Service sends traffic to it: no preStop, no propagation', () => {
    const declaration = shipperWith({ port: 8686, health: { readiness: { path: '/health' } } });
    expect(synth(declaration).filter((object) => object.kind === 'Service')).toEqual([]);
    expect(mainContainer(synth(declaration), 'DaemonSet').lifecycle).toBeUndefined();
    expect(resolveWorkload(declaration).timings).toMatchObject({ servesTraffic: false, propagationSeconds: 0 });
  });
});

describe('constructs', () => {
  test('HardenedDaemonSet exposes its DaemonSet', () => {
    const { kind: _, ...props } = SHIPPER;
    expect(new HardenedDaemonSet(new Chart(new App(), 'chart'), 'shipper', props).daemonSet.kind).toBe('DaemonSet');
  });

  test('hardenedWorkload() makes kind daemon with HardenedDaemonSet', () => {
    expect(hardenedWorkload(new Chart(new App(), 'chart'), 'shipper', SHIPPER)).toBeInstanceOf(HardenedDaemonSet);
  });

  test('HardenedWorkload refuses kind daemon and names the class to use', () => {
    expect(() => new HardenedWorkload(new Chart(new App(), 'chart'), 'shipper', SHIPPER)).toThrow(
      /use HardenedDaemonSet for kind daemon, or hardenedWorkload\(\), which picks the class from the kind/,
    );
  });
});

describe('rollout rules', () => {
  test('maxUnavailable 1, maxSurge 0: the old pod stops first, and a node may go without its agent for G + I + W_s + minReady = 20 + 0 + 30 + 30 = 80 s', () => {
    expect(rolloutOf(SHIPPER, 'DaemonSet')).toEqual({
      controller: 'DaemonSet',
      maxSurge: 0,
      maxUnavailable: 1,
      minReadySeconds: 30,
      nodeSeconds: 80,
      nodeGapSeconds: 80,
    });
  });

  test('with surge, maxSurge 1 and maxUnavailable 0: no node is without its agent, and a node takes at most I + W_s + minReady = 60 s', () => {
    expect(rolloutOf(shipperWith({ daemon: { ...SHIPPER.daemon, surge: true } }), 'DaemonSet')).toEqual({
      controller: 'DaemonSet',
      maxSurge: 1,
      maxUnavailable: 0,
      minReadySeconds: 30,
      nodeSeconds: 60,
      nodeGapSeconds: 0,
    });
  });

  test('an init container lengthens every node: I 45 → 125 s', () => {
    const declaration = shipperWith({ initContainers: [{ name: 'prepare', image: SHIPPER.image, maxSeconds: 45 }] });
    expect(rolloutOf(declaration, 'DaemonSet').nodeSeconds).toBe(125);
  });

  test('overrides replace the budgets, and each rule is explained', () => {
    const declaration = shipperWith({ overrides: { maxUnavailable: '10%' } });
    expect(rolloutOf(declaration, 'DaemonSet')).toMatchObject({ maxUnavailable: '10%', maxSurge: 0, nodeGapSeconds: 80 });
    const explained = resolveWorkload(SHIPPER).explanations.filter(({ key }) => key.startsWith('rollout.'));
    expect(explained.map(({ key, formula }) => [key, formula])).toEqual([
      ['rollout.minReadySeconds', 'W_l (no readiness probe)'],
      ['rollout.maxUnavailable', '1'],
      ['rollout.maxSurge', '0'],
      ['rollout.nodeSeconds', 'G + I + W_s + minReadySeconds'],
    ]);
  });

  test('the annotation states the worst case per node and how much of it the node is without its agent', () => {
    expect(theOnly(synth(SHIPPER), 'DaemonSet').metadata?.annotations?.[TIMINGS_ANNOTATION]).toContain(
      'rollout: maxSurge 0, maxUnavailable 1, minReadySeconds 30, worst case per node 80s, 80s of it without an agent',
    );
  });
});

describe('timeline', () => {
  test("the start section states the DaemonSet's update node by node, and how long a node may go without its agent", () => {
    const text = explainText(resolveWorkload(SHIPPER));
    expect(text).toContain('rollout: node by node, the old pod stopped before the new one starts (maxSurge 0, maxUnavailable 1)');
    expect(text).toContain('worst case per node 80s (grace + init + startup window + minReadySeconds), all of it without an agent');
  });

  test('with surge the timeline says no node is without its agent', () => {
    const text = explainText(resolveWorkload(shipperWith({ daemon: { ...SHIPPER.daemon, surge: true } })));
    expect(text).toContain('the new pod started beside the old one (maxSurge 1, maxUnavailable 0): no node is without its agent');
  });
});

describe('invariants', () => {
  test('invariant 9 holds a DaemonSet: maxUnavailable 0 without surge is refused', () => {
    expect(problemsOf(shipperWith({ overrides: { maxUnavailable: 0 } }))).toEqual([
      {
        path: 'overrides.maxUnavailable',
        rule: 'invariant 9 (surgeWhenNoUnavailable): maxSurge ≥ 1 whenever maxUnavailable is 0, or the rollout cannot progress (API rule). Here: maxUnavailable 0, maxSurge 0',
      },
    ]);
  });

  test('the invariants of a progress deadline and a PodDisruptionBudget are not applied to a DaemonSet', () => {
    const ids = resolveWorkload(SHIPPER).invariants.map(({ id }) => id);
    expect(ids).toContain('surgeWhenNoUnavailable');
    expect(ids).not.toContain('progressDeadline');
    expect(ids).not.toContain('pdbAllowsDisruption');
  });

  test('`check` reports the host path as an acknowledged finding, with our recorded reason, and nothing else', () => {
    const { findings } = checkManifests([{ name: 'shipper.yaml', text: yamlOf(SHIPPER) }]);
    expect(findings.map(({ ruleId, fieldPath, suppressed }) => ({ ruleId, fieldPath, suppressed }))).toEqual([
      {
        ruleId: 'volumeTypes',
        fieldPath: 'spec.template.spec.volumes[1]',
        suppressed: { reason: 'reads the container logs of its node from /var/log, read-only' },
      },
    ]);
  });

  test("`check` reads a foreign DaemonSet's updateStrategy: maxUnavailable 0 without surge is reported", () => {
    const foreign = [
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata: { name: agent }',
      'spec:',
      '  selector: { matchLabels: { app: agent } }',
      '  updateStrategy: { type: RollingUpdate, rollingUpdate: { maxUnavailable: 0 } }',
      '  template:',
      '    metadata: { labels: { app: agent } }',
      '    spec:',
      '      containers: [{ name: agent, image: registry.example/agent:1.0.0 }]',
    ].join('\n');
    const ruleIds = checkManifests([{ name: 'agent.yaml', text: foreign }]).findings.map(({ ruleId }) => ruleId);
    expect(ruleIds).toContain('surgeWhenNoUnavailable');
    expect(ruleIds).not.toContain('progressDeadline');
    expect(ruleIds).not.toContain('podDisruptionBudget');
    expect(ruleIds).not.toContain('zoneSpread');
  });
});

describe('rejections', () => {
  test('a host path needs a written reason', () => {
    const { acknowledge: _, ...unacknowledged } = SHIPPER;
    expect(problemsOf(unacknowledged)).toEqual([
      {
        path: 'daemon.hostPaths',
        rule: "host paths (/var/log) give the pod the node's files, which the restricted Pod Security Standard forbids (Volume Types): the departure needs a written reason",
      },
    ]);
  });

  test('a reason without a host path excuses nothing', () => {
    expect(problemsOf(shipperWith({ daemon: {} }))).toEqual([
      { path: 'acknowledge.volumeTypes', rule: 'an acknowledgement must excuse something this declaration does; this one excuses nothing' },
    ]);
  });

  test('a daemon has no replicas, no autoscaling and no progress deadline', () => {
    expect(problemsOf(shipperWith({ replicas: 3, overrides: { progressDeadlineSeconds: 900 } }))).toEqual([
      { path: 'replicas', rule: 'replicas applies to kind web, worker or stateful only (this workload is kind daemon)' },
      {
        path: 'overrides.progressDeadlineSeconds',
        rule: "progressDeadlineSeconds is a Deployment's setting: a DaemonSet has no progress deadline",
      },
    ]);
    expect(problemsOf(shipperWith({ autoscaling: { maxReplicas: 3 } }))).toContainEqual({
      path: 'autoscaling',
      rule: 'autoscaling applies to kind web or worker only (this workload is kind daemon)',
    });
  });

  test('`daemon` applies to kind daemon only', () => {
    expect(problemsOf({ ...SHIPPER, kind: 'worker' })).toContainEqual({
      path: 'daemon',
      rule: 'daemon applies to kind daemon only (this workload is kind worker)',
    });
  });

  test('no preStop hook: no Service sends a daemon traffic', () => {
    expect(problemsOf(shipperWith({ preStop: { type: 'exec' } }))).toEqual([
      { path: 'preStop.type', rule: 'daemon workloads receive no Service traffic and get no preStop hook' },
    ]);
  });

  test('a host path may not be mounted where another mount is', () => {
    expect(problemsOf(shipperWith({ daemon: { hostPaths: { logs: { path: '/var/log', mountPath: '/tmp' } } } }))).toEqual([
      { path: 'daemon.hostPaths.logs.mountPath', rule: 'tmp already mounts /tmp' },
    ]);
  });
});
