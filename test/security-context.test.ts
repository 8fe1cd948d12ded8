import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkManifests, explainText, resolveWorkload, type WorkloadSpec } from '../src';
import { ACKNOWLEDGED_ANNOTATION } from '../src/constructs/metadata';
import { restrictedPodFindings } from '../src/manifests/pod-security';
import { CHECKOUT, checkoutWith, CLOUD_SQL_PROXY } from './support/declarations';
import { objectSchemaErrors } from './support/gateway-api-schema';
import { helmFace, helmTest, typescriptFace } from './support/helm';
import { mainContainer, synth, theOnly, yamlOf } from './support/manifests';

/**
 * securityContext: the user, groups and capabilities a real image needs. Root and capabilities
 * beyond NET_BIND_SERVICE are a node agent's, with a written reason recorded for `check`; the
 * rejections are rows of test/support/security-rejections.ts, which both faces' rejection tests read.
 */

const SHIPPER = parse(readFileSync(join(__dirname, '..', 'examples', 'log-shipper-daemon.yaml'), 'utf8')) as WorkloadSpec;
const shipperWith = (changes: Record<string, unknown>) => ({ ...SHIPPER, ...changes }) as WorkloadSpec;
const podOf = (declaration: WorkloadSpec, controller = 'Deployment') => theOnly(synth(declaration), controller).spec.template;

describe('a node agent that runs as root (the log-shipper example)', () => {
  const objects = synth(SHIPPER);
  const daemonSet = theOnly(objects, 'DaemonSet');
  const pod = daemonSet.spec.template;

  test('its container runs as user 0 with runAsNonRoot false on the container, so that the kubelet starts it', () => {
    expect(mainContainer(objects, 'DaemonSet').securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: false,
      runAsUser: 0,
      capabilities: { drop: ['ALL'] },
    });
  });

  test('the pod keeps the restricted identity for every other container', () => {
    expect(pod.spec.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 65532,
      runAsGroup: 65532,
      fsGroup: 65532,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  test('it reads /var/log/pods read-only', () => {
    expect(mainContainer(objects, 'DaemonSet').volumeMounts).toContainEqual({
      name: 'host-logs',
      mountPath: '/var/log/pods',
      readOnly: true,
    });
  });

  test('it departs from the restricted profile by the host path and root only', () => {
    expect(restrictedPodFindings(pod.spec, pod.metadata.annotations).map(({ control, field }) => `${control}: ${field}`)).toEqual([
      'Volume Types: volumes[3]',
      'Running as Non-root: containers[0].securityContext.runAsNonRoot',
      'Running as Non-root user: containers[0].securityContext.runAsUser',
    ]);
  });

  test('the annotation records root for both controls that report it, with the declared reason', () => {
    const reason = SHIPPER.acknowledge!.runAsNonRoot;
    expect(daemonSet.metadata?.annotations?.[ACKNOWLEDGED_ANNOTATION]?.split('\n')).toEqual(
      expect.arrayContaining([`runAsNonRoot: ${reason}`, `runAsUser: ${reason}`]),
    );
  });

  test('`check` reports root, the host path and the API token as acknowledged, and nothing unacknowledged', () => {
    const { findings } = checkManifests([{ name: 'shipper.yaml', text: yamlOf(SHIPPER) }]);
    expect(findings.filter(({ suppressed }) => suppressed === undefined)).toEqual([]);
    expect(findings.map(({ ruleId }) => ruleId).sort()).toEqual([
      'automountServiceAccountToken',
      'runAsNonRoot',
      'runAsUser',
      'volumeTypes',
    ]);
  });

  test('every object is valid against the Kubernetes 1.28 API schema', () => {
    for (const object of objects)
      expect({ kind: object.kind, errors: objectSchemaErrors(object) }).toEqual({ kind: object.kind, errors: [] });
  });

  test('`explain` has no note about reading host paths: root reads them', () => {
    expect(explainText(resolveWorkload(SHIPPER))).not.toContain('cannot read files only root may read');
  });
});

describe('a node agent with an added capability', () => {
  const agent = shipperWith({
    securityContext: { runAsUser: 0, capabilities: ['SYS_PTRACE', 'DAC_READ_SEARCH', 'SYS_PTRACE'] },
    acknowledge: { ...SHIPPER.acknowledge, capabilities: 'reads the files of every process of its node' },
  });
  const daemonSet = theOnly(synth(agent), 'DaemonSet');

  test('the container adds the capabilities, sorted and each once, after dropping ALL', () => {
    expect(daemonSet.spec.template.spec.containers[0].securityContext.capabilities).toEqual({
      add: ['DAC_READ_SEARCH', 'SYS_PTRACE'],
      drop: ['ALL'],
    });
  });

  test('`check` reports the capabilities as acknowledged, with the declared reason', () => {
    const { findings } = checkManifests([{ name: 'agent.yaml', text: yamlOf(agent) }]);
    expect(findings.find(({ ruleId }) => ruleId === 'capabilities')?.suppressed).toEqual({
      reason: 'reads the files of every process of its node',
    });
  });
});

describe('non-root ids of any kind', () => {
  const declaration = checkoutWith({
    securityContext: { runAsUser: 1000, runAsGroup: 1001, fsGroup: 2000, supplementalGroups: [3000, 44, 3000] },
    sidecars: [CLOUD_SQL_PROXY],
  });
  const pod = podOf(declaration);

  test("the application's container takes the declared user and group, and stays non-root", () => {
    expect(pod.spec.containers[0].securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1001 });
  });

  test('the pod takes the declared volume group and further groups, each once in the declared order', () => {
    expect(pod.spec.securityContext).toMatchObject({ runAsUser: 65532, fsGroup: 2000, supplementalGroups: [3000, 44] });
  });

  test('a sidecar keeps the restricted default context', () => {
    const sidecar = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find(({ name }) => name === CLOUD_SQL_PROXY.name);
    expect(sidecar.securityContext).toEqual(podOf(checkoutWith({ sidecars: [CLOUD_SQL_PROXY] })).spec.containers[1].securityContext);
  });

  test('the pod meets the restricted profile', () => {
    expect(restrictedPodFindings(pod.spec, pod.metadata.annotations)).toEqual([]);
  });

  test('NET_BIND_SERVICE, which the restricted profile allows, needs no acknowledgement', () => {
    const bound = podOf(checkoutWith({ securityContext: { capabilities: ['NET_BIND_SERVICE'] } }));
    expect(bound.spec.containers[0].securityContext.capabilities).toEqual({ add: ['NET_BIND_SERVICE'], drop: ['ALL'] });
    expect(restrictedPodFindings(bound.spec, bound.metadata.annotations)).toEqual([]);
  });

  test('a declaration without securityContext keeps its objects as they were', () => {
    expect(podOf(CHECKOUT).spec.securityContext).toEqual(podOf(checkoutWith({ securityContext: {} })).spec.securityContext);
    expect(podOf(CHECKOUT).spec.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
  });
});

test('`explain` says when a node agent reads its host paths as a user other than root', () => {
  const { runAsNonRoot: _, ...acknowledge } = SHIPPER.acknowledge!;
  const text = explainText(resolveWorkload(shipperWith({ securityContext: undefined, acknowledge })));
  expect(text).toContain(
    'The agent reads the host paths (/var/log/pods) as user 65532, not root: it cannot read files only root may read, such as the container logs kubelets write 0640 root:root under /var/log/pods',
  );
});

describe('both faces render the same objects', () => {
  const declarations: Array<[string, WorkloadSpec]> = [
    ['the log-shipper example', SHIPPER],
    [
      'a root agent with capabilities',
      shipperWith({
        securityContext: { runAsUser: 0, runAsGroup: 4, supplementalGroups: [4, 10], capabilities: ['SYS_PTRACE', 'DAC_READ_SEARCH'] },
        acknowledge: { ...SHIPPER.acknowledge, capabilities: 'reads the files of every process of its node' },
      }),
    ],
    [
      'non-root ids and NET_BIND_SERVICE',
      checkoutWith({ securityContext: { runAsUser: 1000, fsGroup: 2000, capabilities: ['NET_BIND_SERVICE'] } }),
    ],
  ];
  helmTest.each(declarations)('%s', async (_, declaration) => {
    const typescript = typescriptFace(declaration);
    expect(typescript.error).toBeUndefined();
    expect(await helmFace(declaration)).toEqual(typescript);
  });
});
