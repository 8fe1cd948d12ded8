/**
 * Settings that hand a pod more than its own work, each refused unless the declaration acknowledges
 * it under its own id with a reason: one broad reason (`volumeTypes` for any host path) must not
 * cover a container-runtime socket, which is the node, as well as a log folder. Both faces read
 * these tables (the Helm chart through `hw.table.dangers` in templates/_generated.tpl), and `check`
 * reports the same settings in anyone's manifests (src/rules/hardening.ts).
 */

/**
 * The sockets of the container runtimes, on the /run and /var/run paths (most distributions link
 * one to the other). Whoever can write to one starts a privileged container on the node: node
 * takeover. kube-linter's checks `docker-sock` and `container-runtime-sock` report the same.
 * https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
 */
export const RUNTIME_SOCKETS: readonly string[] = [
  'docker.sock',
  'containerd/containerd.sock',
  'crio/crio.sock',
  'k3s/containerd/containerd.sock',
]
  .flatMap((socket) => [`/run/${socket}`, `/var/run/${socket}`])
  .sort();

/** Every folder above a path, up to `/`. */
function ancestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, index) => `/${parts.slice(0, index).join('/')}`);
}

/** The sockets and every folder that holds one (`/run`, `/var/run`, `/var`, `/`): mounting any of them mounts the socket. */
export const RUNTIME_SOCKET_PATHS: readonly string[] = [
  ...new Set(RUNTIME_SOCKETS.flatMap((socket) => [socket, ...ancestors(socket)])),
].sort();

/**
 * The kernel's own file systems in a container (procfs, devtmpfs, sysfs): a folder mounted over
 * one of them, or inside it, hides what the runtime masks or provides there (runc's masked /proc
 * paths, the device nodes), the route of container escapes such as CVE-2019-16884.
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/ ("/proc Mount Type")
 */
export const KERNEL_FOLDERS: readonly string[] = ['/dev', '/proc', '/sys'];

/**
 * ingress-nginx's snippet annotations (`nginx.ingress.kubernetes.io/<place>-snippet`:
 * configuration-, server-, auth-, stream-, modsecurity-snippet): raw nginx configuration in the
 * shared controller, which has read every Secret of the cluster (CVE-2021-25742, CVE-2025-1974).
 * https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/
 */
export const SNIPPET_ANNOTATION = { prefix: 'nginx.ingress.kubernetes.io/', suffix: '-snippet' } as const;

/** Normalised as the kubelet reads a host path: no repeated or trailing "/". */
export function normalisedPath(path: string): string {
  const collapsed = path.replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

export const isRuntimeSocketPath = (path: string): boolean => RUNTIME_SOCKET_PATHS.includes(normalisedPath(path));

export const isKernelFolder = (path: string): boolean => {
  const normal = normalisedPath(path);
  return KERNEL_FOLDERS.some((folder) => normal === folder || normal.startsWith(`${folder}/`));
};

export const isSnippetAnnotation = (key: string): boolean =>
  key.startsWith(SNIPPET_ANNOTATION.prefix) && key.endsWith(SNIPPET_ANNOTATION.suffix);

/**
 * The messages of each danger, with `{field}` and `{value}` for the declaration's field and value:
 * one text for both faces.
 */
export const DANGER_MESSAGES = {
  tolerateEveryTaint: {
    rule: 'a toleration without a key and with operator Exists tolerates every taint: the pods may run on control-plane nodes and on nodes tainted for draining, pressure or other tenants, which needs a written reason',
    fix: 'name the taint in {field}.key (e.g. node-role.kubernetes.io/control-plane), or add acknowledge.tolerateEveryTaint: "<why the pods must run on every node>"',
  },
  ingressSnippets: {
    rule: '{value} is an ingress-nginx snippet: raw nginx configuration run by the shared controller, which can read every Secret of the cluster (CVE-2021-25742, CVE-2025-1974): it needs a written reason',
    fix: 'use the ingress-nginx annotation made for the setting, or add acknowledge.ingressSnippets: "<what the snippet does and who reviews it>"',
  },
  kernelFolderMount: {
    rule: 'a folder mounted at or under /proc, /dev or /sys hides what the kernel and the container runtime provide and mask there (a path of container escapes), which needs a written reason',
    fix: 'choose a path outside /proc, /dev and /sys, e.g. /var/cache/app, or add acknowledge.kernelFolderMount: "<why the folder must be there>"',
  },
  runtimeSocket: {
    rule: '{value} is, or holds, a container runtime socket: whoever writes to it starts privileged containers on the node (node takeover), so it needs its own written reason besides volumeTypes',
    fix: 'mount a narrower folder (e.g. /var/log/pods), or add acknowledge.runtimeSocket: "<what the agent asks the runtime, and why>"',
  },
  writableHostPath: {
    rule: "a writable host path lets the agent change the node's files (its configuration, binaries or other pods' data), so it needs its own written reason besides volumeTypes",
    fix: 'remove {field} (host paths are read-only by default), or add acknowledge.writableHostPath: "<what the agent writes there>"',
  },
} as const;

export type DangerId = keyof typeof DANGER_MESSAGES;

/** A danger's rule or fix with the field and value filled in. */
export function dangerText(text: string, field: string, value: string): string {
  return text.replaceAll('{field}', field).replaceAll('{value}', value);
}
