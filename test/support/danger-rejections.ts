import type { ConfigurationRejection } from './configuration-rejections';
import { checkoutWith } from './declarations';

/**
 * Settings that need an acknowledgement of their own (src/declaration/dangers.ts, issue 19 §3):
 * refused without it, in both faces with the same words. A broad reason does not cover them: a
 * node agent with acknowledge.volumeTypes still needs runtimeSocket for a runtime's socket and
 * writableHostPath for a writable host path.
 */
const AGENT = {
  name: 'log-shipper',
  kind: 'daemon',
  image: 'docker.io/timberio/vector:0.42.0-distroless-libc',
  health: { liveness: { exec: ['vector', 'validate'] } },
  startup: { maxSeconds: 20 },
  drainSeconds: 15,
  acknowledge: { volumeTypes: 'reads the container logs of its node' },
};
const agentWith = (hostPaths: Record<string, unknown>) => ({ ...AGENT, daemon: { hostPaths } });
const SNIPPET_RULE =
  /is an ingress-nginx snippet: raw nginx configuration run by the shared controller, which can read every Secret of the cluster \(CVE-2021-25742, CVE-2025-1974\)/;

export const DANGER_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'a toleration of every taint (no key, operator Exists)',
    {
      declaration: checkoutWith({ scheduling: { tolerations: [{ operator: 'Exists' }] } }),
      path: 'scheduling.tolerations[0]',
      value: { operator: 'Exists' },
      rule: /tolerates every taint: the pods may run on control-plane nodes/,
      fix: /name the taint in scheduling.tolerations\[0\].key \(e.g. node-role.kubernetes.io\/control-plane\), or add acknowledge.tolerateEveryTaint/,
      helm: 'templates',
    },
  ],
  [
    'an ingress-nginx snippet among the Ingress annotations',
    {
      declaration: checkoutWith({
        ingress: { annotations: { 'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers "X-A: b";' } },
      }),
      path: 'ingress.annotations.nginx.ingress.kubernetes.io/configuration-snippet',
      value: 'more_set_headers "X-A: b";',
      rule: SNIPPET_RULE,
      fix: /use the ingress-nginx annotation made for the setting, or add acknowledge.ingressSnippets/,
      helm: 'templates',
    },
  ],
  [
    'an ingress-nginx snippet patched into the Ingress',
    {
      declaration: checkoutWith({
        ingress: {},
        patches: { Ingress: { object: { metadata: { annotations: { 'nginx.ingress.kubernetes.io/server-snippet': 'location /x {}' } } } } },
      }),
      path: 'patches.Ingress.object.metadata.annotations.nginx.ingress.kubernetes.io/server-snippet',
      value: 'location /x {}',
      rule: SNIPPET_RULE,
      fix: /acknowledge.ingressSnippets/,
      helm: 'templates',
    },
  ],
  [
    'a scratch folder under /proc',
    {
      declaration: checkoutWith({ scratch: { tuning: { path: '/proc/sys/net' } } }),
      path: 'scratch.tuning.path',
      value: '/proc/sys/net',
      rule: /a folder mounted at or under \/proc, \/dev or \/sys hides what the kernel and the container runtime provide and mask there/,
      fix: /choose a path outside \/proc, \/dev and \/sys, e.g. \/var\/cache\/app, or add acknowledge.kernelFolderMount/,
      helm: 'templates',
    },
  ],
  [
    'a scratch folder that is /dev itself',
    {
      declaration: checkoutWith({ scratch: { devices: { path: '/dev' } } }),
      path: 'scratch.devices.path',
      value: '/dev',
      rule: /at or under \/proc, \/dev or \/sys/,
      fix: /acknowledge.kernelFolderMount/,
      helm: 'templates',
    },
  ],
  [
    "containerd's socket with only acknowledge.volumeTypes",
    {
      declaration: agentWith({ runtime: { path: '/run/containerd/containerd.sock', type: 'Socket' } }),
      path: 'daemon.hostPaths.runtime.path',
      value: '/run/containerd/containerd.sock',
      rule: /\/run\/containerd\/containerd.sock is, or holds, a container runtime socket: whoever writes to it starts privileged containers on the node \(node takeover\), so it needs its own written reason besides volumeTypes/,
      fix: /mount a narrower folder \(e.g. \/var\/log\/pods\), or add acknowledge.runtimeSocket/,
      helm: 'templates',
    },
  ],
  [
    'a folder that holds the runtime sockets (/var/run)',
    {
      declaration: agentWith({ run: { path: '/var/run' } }),
      path: 'daemon.hostPaths.run.path',
      value: '/var/run',
      rule: /\/var\/run is, or holds, a container runtime socket/,
      fix: /acknowledge.runtimeSocket/,
      helm: 'templates',
    },
  ],
  [
    'a folder above the sockets (/var)',
    {
      declaration: agentWith({ var: { path: '/var', mountPath: '/host/var' } }),
      path: 'daemon.hostPaths.var.path',
      value: '/var',
      rule: /\/var is, or holds, a container runtime socket/,
      fix: /acknowledge.runtimeSocket/,
      helm: 'templates',
    },
  ],
  [
    'a writable /etc with only acknowledge.volumeTypes',
    {
      declaration: agentWith({ etc: { path: '/etc', mountPath: '/host/etc', readOnly: false } }),
      path: 'daemon.hostPaths.etc.readOnly',
      value: false,
      rule: /a writable host path lets the agent change the node's files \(its configuration, binaries or other pods' data\), so it needs its own written reason besides volumeTypes/,
      fix: /remove daemon.hostPaths.etc.readOnly \(host paths are read-only by default\), or add acknowledge.writableHostPath/,
      helm: 'templates',
    },
  ],
];
