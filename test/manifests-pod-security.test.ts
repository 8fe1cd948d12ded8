import { restrictedPodFindings } from '../src/manifests/pod-security';

/**
 * The restricted Pod Security Standard (Kubernetes 1.28 policy, which includes baseline), called
 * directly on a pod spec: each control at pod and container level, the allowed values on both
 * sides of each boundary, and the exact control, field and problem of each finding.
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */

type Node = Record<string, unknown>;

/** A container the restricted profile admits as it is. */
const RESTRICTED = {
  allowPrivilegeEscalation: false,
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
  capabilities: { drop: ['ALL'] },
};
const container = (securityContext: Node = {}, extra: Node = {}) => ({
  name: 'app',
  image: 'registry.example/app:1.0.0',
  securityContext: { ...RESTRICTED, ...securityContext },
  ...extra,
});
const pod = (spec: Node = {}) => ({ containers: [container()], ...spec });
const findings = (spec: Node, annotations?: Record<string, string>) => restrictedPodFindings(spec, annotations);
const finding = (control: string, field: string, problem: string) => ({ control, field, problem });

describe('a pod the restricted profile admits', () => {
  test('has no finding', () => {
    expect(findings(pod())).toEqual([]);
  });

  test('has no finding with its restrictions on the pod rather than the container', () => {
    const context = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
    const spec = {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Localhost' } },
      containers: [{ name: 'app', securityContext: context }],
    };
    expect(findings(spec)).toEqual([]);
  });
});

describe('Host Namespaces', () => {
  test.each(['hostNetwork', 'hostPID', 'hostIPC'])('%s: true is refused', (field) => {
    expect(findings(pod({ [field]: true }))).toEqual([finding('Host Namespaces', field, 'must be unset or false')]);
  });

  test.each(['hostNetwork', 'hostPID', 'hostIPC'])('%s: false is allowed', (field) => {
    expect(findings(pod({ [field]: false }))).toEqual([]);
  });
});

describe('HostProcess', () => {
  test('the pod: true is refused, false allowed', () => {
    expect(findings(pod({ securityContext: { windowsOptions: { hostProcess: true } } }))).toEqual([
      finding('HostProcess', 'securityContext.windowsOptions.hostProcess', 'must be unset or false'),
    ]);
    expect(findings(pod({ securityContext: { windowsOptions: { hostProcess: false } } }))).toEqual([]);
  });

  test('a container: true is refused, false allowed', () => {
    expect(findings(pod({ containers: [container({ windowsOptions: { hostProcess: true } })] }))).toEqual([
      finding('HostProcess', 'containers[0].securityContext.windowsOptions.hostProcess', 'must be unset or false'),
    ]);
    expect(findings(pod({ containers: [container({ windowsOptions: { hostProcess: false } })] }))).toEqual([]);
  });
});

describe('Volume Types', () => {
  const ALLOWED = 'configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret';

  test.each(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'])(
    '%s is allowed',
    (type) => {
      expect(findings(pod({ volumes: [{ name: 'data', [type]: {} }] }))).toEqual([]);
    },
  );

  test('hostPath is refused, naming the volume by its index and every allowed type', () => {
    const volumes = [
      { name: 'config', configMap: { name: 'config' } },
      { name: 'logs', hostPath: { path: '/var/log' } },
    ];
    expect(findings(pod({ volumes }))).toEqual([finding('Volume Types', 'volumes[1]', `type hostPath is not allowed (only ${ALLOWED})`)]);
  });

  test('a volume with an allowed type beside a refused one is refused, naming both', () => {
    expect(findings(pod({ volumes: [{ name: 'odd', emptyDir: {}, hostPath: { path: '/' } }] }))).toEqual([
      finding('Volume Types', 'volumes[0]', `type emptyDir, hostPath is not allowed (only ${ALLOWED})`),
    ]);
  });
});

describe('Sysctls', () => {
  test.each([
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
  ])('%s is safe', (name) => {
    expect(findings(pod({ securityContext: { sysctls: [{ name, value: '1' }] } }))).toEqual([]);
  });

  test('any other sysctl is refused, by its index', () => {
    const sysctls = [
      { name: 'net.ipv4.tcp_syncookies', value: '1' },
      { name: 'kernel.msgmax', value: '65536' },
    ];
    expect(findings(pod({ securityContext: { sysctls } }))).toEqual([
      finding('Sysctls', 'securityContext.sysctls[1]', 'kernel.msgmax is not a safe sysctl'),
    ]);
  });
});

describe('AppArmor', () => {
  const KEY = 'container.apparmor.security.beta.kubernetes.io/app';

  test('the annotation: runtime/default and localhost/<profile> are allowed', () => {
    expect(findings(pod(), { [KEY]: 'runtime/default' })).toEqual([]);
    expect(findings(pod(), { [KEY]: 'localhost/k8s-apparmor-example' })).toEqual([]);
  });

  test('the annotation: unconfined is refused, as is a profile that only ends in localhost/', () => {
    expect(findings(pod(), { [KEY]: 'unconfined' })).toEqual([
      finding('AppArmor', `metadata.annotations[${KEY}]`, 'profile unconfined is not allowed'),
    ]);
    expect(findings(pod(), { [KEY]: 'other/localhost/' })).toEqual([
      finding('AppArmor', `metadata.annotations[${KEY}]`, 'profile other/localhost/ is not allowed'),
    ]);
  });

  test('annotations other than AppArmor are not read', () => {
    expect(findings(pod(), { 'example.com/profile': 'unconfined' })).toEqual([]);
  });

  test('the field: RuntimeDefault and Localhost are allowed, on the pod and a container', () => {
    for (const type of ['RuntimeDefault', 'Localhost']) {
      expect(findings(pod({ securityContext: { appArmorProfile: { type } } }))).toEqual([]);
      expect(findings(pod({ containers: [container({ appArmorProfile: { type } })] }))).toEqual([]);
    }
  });

  test('the field: Unconfined is refused, on the pod and a container', () => {
    const problem = 'profile Unconfined is not allowed (only RuntimeDefault or Localhost)';
    expect(findings(pod({ securityContext: { appArmorProfile: { type: 'Unconfined' } } }))).toEqual([
      finding('AppArmor', 'securityContext.appArmorProfile.type', problem),
    ]);
    expect(findings(pod({ containers: [container({ appArmorProfile: { type: 'Unconfined' } })] }))).toEqual([
      finding('AppArmor', 'containers[0].securityContext.appArmorProfile.type', problem),
    ]);
  });
});

describe('SELinux', () => {
  test.each(['', 'container_t', 'container_init_t', 'container_kvm_t'])('type %j is allowed', (type) => {
    expect(findings(pod({ securityContext: { seLinuxOptions: { type } } }))).toEqual([]);
  });

  test('options without a type (a level only) are allowed', () => {
    expect(findings(pod({ securityContext: { seLinuxOptions: { level: 's0:c123,c456' } } }))).toEqual([]);
  });

  test('any other type is refused, on the pod and a container', () => {
    expect(findings(pod({ securityContext: { seLinuxOptions: { type: 'spc_t' } } }))).toEqual([
      finding('SELinux', 'securityContext.seLinuxOptions.type', 'type spc_t is not allowed'),
    ]);
    expect(findings(pod({ containers: [container({ seLinuxOptions: { type: 'spc_t' } })] }))).toEqual([
      finding('SELinux', 'containers[0].securityContext.seLinuxOptions.type', 'type spc_t is not allowed'),
    ]);
  });

  test.each([{ user: 'system_u' }, { role: 'system_r' }])('%j is refused: user and role must be unset', (options) => {
    expect(findings(pod({ securityContext: { seLinuxOptions: options } }))).toEqual([
      finding('SELinux', 'securityContext.seLinuxOptions', 'user and role must be unset'),
    ]);
  });
});

describe('Running as Non-root user', () => {
  test('runAsUser 0 is refused on the pod, 1 allowed', () => {
    expect(findings(pod({ securityContext: { runAsUser: 0 } }))).toEqual([
      finding('Running as Non-root user', 'securityContext.runAsUser', 'must not be 0'),
    ]);
    expect(findings(pod({ securityContext: { runAsUser: 1 } }))).toEqual([]);
  });

  test('runAsUser 0 is refused on a container, 1 allowed', () => {
    expect(findings(pod({ containers: [container({ runAsUser: 0 })] }))).toEqual([
      finding('Running as Non-root user', 'containers[0].securityContext.runAsUser', 'must not be 0'),
    ]);
    expect(findings(pod({ containers: [container({ runAsUser: 1 })] }))).toEqual([]);
  });
});

describe('Running as Non-root', () => {
  test('unset on the container and the pod is refused', () => {
    expect(findings(pod({ containers: [container({ runAsNonRoot: undefined })] }))).toEqual([
      finding('Running as Non-root', 'containers[0].securityContext.runAsNonRoot', 'must be true (here or on the pod)'),
    ]);
  });

  test('true on the pod is enough', () => {
    expect(findings(pod({ securityContext: { runAsNonRoot: true }, containers: [container({ runAsNonRoot: undefined })] }))).toEqual([]);
  });

  test('false on the container overrides true on the pod', () => {
    expect(findings(pod({ securityContext: { runAsNonRoot: true }, containers: [container({ runAsNonRoot: false })] }))).toEqual([
      finding('Running as Non-root', 'containers[0].securityContext.runAsNonRoot', 'must be true (here or on the pod)'),
    ]);
  });
});

describe('Seccomp', () => {
  const UNSET = 'must be RuntimeDefault or Localhost (here or on the pod)';

  test('Unconfined on the pod is refused, and a container without a profile of its own has none', () => {
    expect(
      findings(
        pod({ securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [container({ seccompProfile: undefined })] }),
      ),
    ).toEqual([
      finding('Seccomp', 'securityContext.seccompProfile.type', 'must not be Unconfined'),
      finding('Seccomp', 'containers[0].securityContext.seccompProfile.type', UNSET),
    ]);
  });

  test('Unconfined on a container is refused even under a pod profile', () => {
    expect(
      findings(
        pod({
          securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
          containers: [container({ seccompProfile: { type: 'Unconfined' } })],
        }),
      ),
    ).toEqual([finding('Seccomp', 'containers[0].securityContext.seccompProfile.type', 'must not be Unconfined')]);
  });

  test.each(['RuntimeDefault', 'Localhost'])('%s on the pod covers a container without one', (type) => {
    expect(
      findings(pod({ securityContext: { seccompProfile: { type } }, containers: [container({ seccompProfile: undefined })] })),
    ).toEqual([]);
  });

  test.each(['RuntimeDefault', 'Localhost'])('%s on the container is enough without one on the pod', (type) => {
    expect(findings(pod({ containers: [container({ seccompProfile: { type } })] }))).toEqual([]);
  });

  test('no profile on the pod or the container is refused', () => {
    expect(findings(pod({ containers: [container({ seccompProfile: undefined })] }))).toEqual([
      finding('Seccomp', 'containers[0].securityContext.seccompProfile.type', UNSET),
    ]);
  });
});

describe('Privileged Containers', () => {
  test('privileged: true is refused, false allowed', () => {
    expect(findings(pod({ containers: [container({ privileged: true })] }))).toEqual([
      finding('Privileged Containers', 'containers[0].securityContext.privileged', 'must be unset or false'),
    ]);
    expect(findings(pod({ containers: [container({ privileged: false })] }))).toEqual([]);
  });
});

describe('/proc Mount Type', () => {
  test('Unmasked is refused, Default allowed', () => {
    expect(findings(pod({ containers: [container({ procMount: 'Unmasked' })] }))).toEqual([
      finding('/proc Mount Type', 'containers[0].securityContext.procMount', 'must be unset or Default'),
    ]);
    expect(findings(pod({ containers: [container({ procMount: 'Default' })] }))).toEqual([]);
  });
});

describe('Host Ports', () => {
  test('a host port is refused, by the index of its port; 0 and none are allowed', () => {
    const ports = [{ containerPort: 80 }, { containerPort: 81, hostPort: 0 }, { containerPort: 8080, hostPort: 8080 }];
    expect(findings(pod({ containers: [container({}, { ports })] }))).toEqual([
      finding('Host Ports', 'containers[0].ports[2].hostPort', 'must be unset or 0'),
    ]);
  });
});

describe('Privilege Escalation', () => {
  test.each([undefined, true])('allowPrivilegeEscalation %s is refused', (value) => {
    expect(findings(pod({ containers: [container({ allowPrivilegeEscalation: value })] }))).toEqual([
      finding('Privilege Escalation', 'containers[0].securityContext.allowPrivilegeEscalation', 'must be false'),
    ]);
  });
});

describe('Capabilities', () => {
  test('drop without ALL is refused', () => {
    expect(findings(pod({ containers: [container({ capabilities: { drop: ['NET_RAW'] } })] }))).toEqual([
      finding('Capabilities', 'containers[0].securityContext.capabilities.drop', 'must include ALL'),
    ]);
  });

  test('adding NET_BIND_SERVICE is allowed, any other capability is refused, each by name', () => {
    const capabilities = { drop: ['ALL'], add: ['NET_BIND_SERVICE', 'SYS_ADMIN', 'NET_RAW'] };
    expect(findings(pod({ containers: [container({ capabilities })] }))).toEqual([
      finding('Capabilities', 'containers[0].securityContext.capabilities.add', 'SYS_ADMIN may not be added (only NET_BIND_SERVICE)'),
      finding('Capabilities', 'containers[0].securityContext.capabilities.add', 'NET_RAW may not be added (only NET_BIND_SERVICE)'),
    ]);
  });
});

describe('every container of the pod', () => {
  test('a container without a security context fails every container control, in this order', () => {
    expect(findings({ containers: [{ name: 'app' }] })).toEqual([
      finding('Privilege Escalation', 'containers[0].securityContext.allowPrivilegeEscalation', 'must be false'),
      finding('Running as Non-root', 'containers[0].securityContext.runAsNonRoot', 'must be true (here or on the pod)'),
      finding('Seccomp', 'containers[0].securityContext.seccompProfile.type', 'must be RuntimeDefault or Localhost (here or on the pod)'),
      finding('Capabilities', 'containers[0].securityContext.capabilities.drop', 'must include ALL'),
    ]);
  });

  test('init, regular and ephemeral containers are each checked, named by list and index', () => {
    const bare = { capabilities: { drop: [] } };
    const spec = {
      initContainers: [container(bare)],
      containers: [container(), container(bare)],
      ephemeralContainers: [container(bare)],
    };
    expect(findings(spec).map(({ field }) => field)).toEqual([
      'initContainers[0].securityContext.capabilities.drop',
      'containers[1].securityContext.capabilities.drop',
      'ephemeralContainers[0].securityContext.capabilities.drop',
    ]);
  });
});
