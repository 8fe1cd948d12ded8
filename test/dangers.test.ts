import { checkManifests, resolveWorkload, type WorkloadSpec } from '../src';
import { ACKNOWLEDGED_ANNOTATION } from '../src/constructs/metadata';
import { RUNTIME_SOCKET_PATHS } from '../src/declaration/dangers';
import { checkoutWith } from './support/declarations';
import { helmFace, helmTest, typescriptFace } from './support/helm';
import { synth, yamlOf } from './support/manifests';

/**
 * Settings that need an acknowledgement of their own (src/declaration/dangers.ts): refused without
 * it (the rejection tables, test/support/danger-rejections.ts), accepted with it, the reason recorded
 * in the acknowledged annotation where `check` reads it, and rendered alike by both faces.
 */
const AGENT: WorkloadSpec = {
  name: 'log-shipper',
  kind: 'daemon',
  image: 'docker.io/timberio/vector:0.42.0-distroless-libc',
  health: { liveness: { exec: ['vector', 'validate'] } },
  startup: { maxSeconds: 20 },
  drainSeconds: 15,
};

const ACKNOWLEDGED: Array<[string, WorkloadSpec, string]> = [
  [
    'tolerateEveryTaint',
    {
      ...AGENT,
      scheduling: { tolerations: [{ operator: 'Exists' }] },
      acknowledge: { tolerateEveryTaint: 'ships the logs of every node, control plane included' },
    },
    'ships the logs of every node, control plane included',
  ],
  [
    'ingressSnippets',
    checkoutWith({
      ingress: { annotations: { 'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers "X-A: b";' } },
      acknowledge: { ingressSnippets: 'one response header, reviewed by the platform team' },
    }),
    'one response header, reviewed by the platform team',
  ],
  [
    'kernelFolderMount',
    checkoutWith({
      scratch: { shm: { path: '/dev/shm', medium: 'memory', sizeLimit: '64Mi' } },
      acknowledge: { kernelFolderMount: 'PostgreSQL needs more shared memory than the 64 MB default' },
    }),
    'PostgreSQL needs more shared memory than the 64 MB default',
  ],
  [
    'runtimeSocket',
    {
      ...AGENT,
      daemon: { hostPaths: { runtime: { path: '/run/containerd/containerd.sock', type: 'Socket' } } },
      acknowledge: {
        volumeTypes: 'reads the container list of its node',
        runtimeSocket: 'lists the containers of its node for their labels',
      },
    },
    'lists the containers of its node for their labels',
  ],
  [
    'writableHostPath',
    {
      ...AGENT,
      daemon: { hostPaths: { state: { path: '/var/lib/vector', readOnly: false } } },
      acknowledge: { volumeTypes: 'keeps its state on the node', writableHostPath: 'keeps its read positions across restarts' },
    },
    'keeps its read positions across restarts',
  ],
];

describe.each(ACKNOWLEDGED)('acknowledged with a reason, %s', (id, declaration, reason) => {
  test('is accepted and recorded in the acknowledged annotation', () => {
    expect(() => resolveWorkload(declaration)).not.toThrow();
    const annotations = synth(declaration).map((object) => object.metadata?.annotations?.[ACKNOWLEDGED_ANNOTATION] ?? '');
    expect(annotations.join('\n')).toContain(`${id}: ${reason}`);
  });

  test('`check` reports it as acknowledged, with the reason', () => {
    const { findings } = checkManifests([{ name: 'workload.yaml', text: yamlOf(declaration) }]);
    const found = findings.filter(({ ruleId }) => ruleId === id);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map(({ suppressed }) => suppressed)).toEqual(found.map(() => ({ reason })));
  });
});

helmTest.each(ACKNOWLEDGED)('both faces render %s acknowledged alike', async (_, declaration) => {
  const typescript = typescriptFace(declaration);
  expect(typescript.error).toBeUndefined();
  expect(await helmFace(declaration)).toEqual(typescript);
});

test('volumeTypes does not cover a runtime socket: that takes runtimeSocket', () => {
  const declaration = {
    ...AGENT,
    daemon: { hostPaths: { docker: { path: '/var/run/docker.sock', type: 'Socket' } } },
    acknowledge: { volumeTypes: 'reads the logs of its node' },
  };
  expect(() => resolveWorkload(declaration)).toThrow(/acknowledge\.runtimeSocket/);
});

test('the runtime socket paths are the sockets of docker, containerd, CRI-O and k3s on /run and /var/run, and every folder above them', () => {
  expect(RUNTIME_SOCKET_PATHS).toEqual(
    expect.arrayContaining([
      '/',
      '/run',
      '/var',
      '/var/run',
      '/var/run/docker.sock',
      '/run/containerd/containerd.sock',
      '/var/run/crio/crio.sock',
      '/run/k3s/containerd/containerd.sock',
    ]),
  );
  expect(RUNTIME_SOCKET_PATHS).not.toContain('/var/log');
});
