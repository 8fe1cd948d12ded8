/**
 * The Pod Security Standard "restricted" (Kubernetes 1.28 policy, which includes "baseline"),
 * checked on one pod spec. Each finding names the control and the field, as the admission
 * controller's warnings do.
 */

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- manifests are untyped input

export const ALLOWED_VOLUME_TYPES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
];
export const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
export const ALLOWED_SELINUX_TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t'];

export interface PodSecurityFinding {
  readonly control: string;
  readonly field: string;
  readonly problem: string;
}

function containersOf(pod: Node): Array<{ path: string; container: Node }> {
  return (['initContainers', 'containers', 'ephemeralContainers'] as const).flatMap((list) =>
    ((pod[list] as Node[] | undefined) ?? []).map((container, index) => ({ path: `${list}[${index}]`, container })),
  );
}

/** Findings of the restricted profile in a pod spec; empty when the pod would be admitted. */
export function restrictedPodFindings(pod: Node, podAnnotations: Record<string, string> = {}): PodSecurityFinding[] {
  const findings: PodSecurityFinding[] = [];
  const find = (control: string, field: string, problem: string) => findings.push({ control, field, problem });
  const podContext: Node = pod.securityContext ?? {};
  const containers = containersOf(pod);

  for (const namespace of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (pod[namespace] === true) find('Host Namespaces', namespace, 'must be unset or false');
  }
  if (podContext.windowsOptions?.hostProcess === true)
    find('HostProcess', 'securityContext.windowsOptions.hostProcess', 'must be unset or false');
  for (const [index, volume] of ((pod.volumes as Node[] | undefined) ?? []).entries()) {
    const types = Object.keys(volume).filter((key) => key !== 'name');
    if (types.some((type) => !ALLOWED_VOLUME_TYPES.includes(type))) {
      find('Volume Types', `volumes[${index}]`, `type ${types.join(', ')} is not allowed (only ${ALLOWED_VOLUME_TYPES.join(', ')})`);
    }
  }
  for (const [index, sysctl] of ((podContext.sysctls as Node[] | undefined) ?? []).entries()) {
    if (!SAFE_SYSCTLS.includes(sysctl.name)) find('Sysctls', `securityContext.sysctls[${index}]`, `${sysctl.name} is not a safe sysctl`);
  }
  for (const [key, value] of Object.entries(podAnnotations)) {
    if (
      key.startsWith('container.apparmor.security.beta.kubernetes.io/') &&
      value !== 'runtime/default' &&
      !value.startsWith('localhost/')
    ) {
      find('AppArmor', `metadata.annotations[${key}]`, `profile ${value} is not allowed`);
    }
  }

  const checkSeLinux = (field: string, options: Node | undefined) => {
    if (!options) return;
    if (!ALLOWED_SELINUX_TYPES.includes(options.type ?? '')) find('SELinux', `${field}.type`, `type ${options.type} is not allowed`);
    if (options.user !== undefined || options.role !== undefined) find('SELinux', field, 'user and role must be unset');
  };
  // The field that replaced the annotation (Kubernetes 1.30): only RuntimeDefault and Localhost, on the pod and every container.
  const checkAppArmor = (field: string, profile: Node | undefined) => {
    if (profile?.type !== undefined && !['RuntimeDefault', 'Localhost'].includes(profile.type))
      find('AppArmor', `${field}.type`, `profile ${profile.type} is not allowed (only RuntimeDefault or Localhost)`);
  };
  checkAppArmor('securityContext.appArmorProfile', podContext.appArmorProfile);
  checkSeLinux('securityContext.seLinuxOptions', podContext.seLinuxOptions);
  if (podContext.runAsUser === 0) find('Running as Non-root user', 'securityContext.runAsUser', 'must not be 0');
  if (podContext.seccompProfile?.type === 'Unconfined') find('Seccomp', 'securityContext.seccompProfile.type', 'must not be Unconfined');
  const podSeccomp = ['RuntimeDefault', 'Localhost'].includes(podContext.seccompProfile?.type);

  for (const { path, container } of containers) {
    const context: Node = container.securityContext ?? {};
    if (context.privileged === true) find('Privileged Containers', `${path}.securityContext.privileged`, 'must be unset or false');
    if (context.windowsOptions?.hostProcess === true)
      find('HostProcess', `${path}.securityContext.windowsOptions.hostProcess`, 'must be unset or false');
    if (context.procMount !== undefined && context.procMount !== 'Default')
      find('/proc Mount Type', `${path}.securityContext.procMount`, 'must be unset or Default');
    checkSeLinux(`${path}.securityContext.seLinuxOptions`, context.seLinuxOptions);
    checkAppArmor(`${path}.securityContext.appArmorProfile`, context.appArmorProfile);
    for (const [index, port] of ((container.ports as Node[] | undefined) ?? []).entries()) {
      if (port.hostPort !== undefined && port.hostPort !== 0) find('Host Ports', `${path}.ports[${index}].hostPort`, 'must be unset or 0');
    }
    if (context.allowPrivilegeEscalation !== false) {
      find('Privilege Escalation', `${path}.securityContext.allowPrivilegeEscalation`, 'must be false');
    }
    const runAsNonRoot = context.runAsNonRoot ?? podContext.runAsNonRoot;
    if (runAsNonRoot !== true) find('Running as Non-root', `${path}.securityContext.runAsNonRoot`, 'must be true (here or on the pod)');
    if (context.runAsUser === 0) find('Running as Non-root user', `${path}.securityContext.runAsUser`, 'must not be 0');
    const seccomp = context.seccompProfile?.type;
    if (seccomp === 'Unconfined') find('Seccomp', `${path}.securityContext.seccompProfile.type`, 'must not be Unconfined');
    if (!podSeccomp && !['RuntimeDefault', 'Localhost'].includes(seccomp)) {
      find('Seccomp', `${path}.securityContext.seccompProfile.type`, 'must be RuntimeDefault or Localhost (here or on the pod)');
    }
    const drop: string[] = context.capabilities?.drop ?? [];
    if (!drop.includes('ALL')) find('Capabilities', `${path}.securityContext.capabilities.drop`, 'must include ALL');
    const added: string[] = context.capabilities?.add ?? [];
    for (const capability of added.filter((name) => name !== 'NET_BIND_SERVICE')) {
      find('Capabilities', `${path}.securityContext.capabilities.add`, `${capability} may not be added (only NET_BIND_SERVICE)`);
    }
  }
  return findings;
}
