import { synthesizeObjects } from '../src';
import { restrictedPodFindings } from '../src/manifests/pod-security';
import { CHECKOUT } from './support/declarations';

const pod = () =>
  structuredClone((synthesizeObjects([CHECKOUT]).find((object) => object.kind === 'Deployment') as Record<string, any>).spec.template.spec);
const controls = (spec: Record<string, any>) => restrictedPodFindings(spec).map((finding) => `${finding.control} @ ${finding.field}`);

test('the synthesized pod meets the restricted profile', () => {
  expect(controls(pod())).toEqual([]);
});

test.each([
  [
    'a privileged container',
    (spec: any) => (spec.containers[0].securityContext.privileged = true),
    'Privileged Containers @ containers[0].securityContext.privileged',
  ],
  [
    'privilege escalation',
    (spec: any) => delete spec.containers[0].securityContext.allowPrivilegeEscalation,
    'Privilege Escalation @ containers[0].securityContext.allowPrivilegeEscalation',
  ],
  [
    'capabilities not dropped',
    (spec: any) => (spec.containers[0].securityContext.capabilities = { drop: ['NET_RAW'] }),
    'Capabilities @ containers[0].securityContext.capabilities.drop',
  ],
  [
    'an added capability',
    (spec: any) => (spec.containers[0].securityContext.capabilities.add = ['SYS_ADMIN']),
    'Capabilities @ containers[0].securityContext.capabilities.add',
  ],
  [
    'running as root allowed',
    (spec: any) => {
      delete spec.securityContext.runAsNonRoot;
      delete spec.containers[0].securityContext.runAsNonRoot;
    },
    'Running as Non-root @ containers[0].securityContext.runAsNonRoot',
  ],
  ['user 0', (spec: any) => (spec.securityContext.runAsUser = 0), 'Running as Non-root user @ securityContext.runAsUser'],
  [
    'no seccomp profile',
    (spec: any) => delete spec.securityContext.seccompProfile,
    'Seccomp @ containers[0].securityContext.seccompProfile.type',
  ],
  ['a hostPath volume', (spec: any) => spec.volumes.push({ name: 'docker', hostPath: { path: '/var/run' } }), 'Volume Types @ volumes[1]'],
  ['the host network', (spec: any) => (spec.hostNetwork = true), 'Host Namespaces @ hostNetwork'],
  ['a host port', (spec: any) => (spec.containers[0].ports[0].hostPort = 80), 'Host Ports @ containers[0].ports[0].hostPort'],
  [
    'an unsafe sysctl',
    (spec: any) => (spec.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '1' }]),
    'Sysctls @ securityContext.sysctls[0]',
  ],
])('finds %s', (_, breakIt, expected) => {
  const spec = pod();
  breakIt(spec);
  expect(controls(spec)).toContain(expected);
});
