import { adoptYaml, deploymentYaml, droppedFrom, inferenceOf } from '../support/adopt-yaml';

/**
 * The inference rules that charts written by others taught (docs/adopt.md, "What charts written by
 * others taught"), each with a worked example: the shape of the chart that showed it, cut down to
 * a few lines of YAML, in; the declaration value, its source or the dropped reason, out.
 */

/** A Deployment `name` (container `name`, port http 8080) and the YAML lines given for its container, pod and other objects. */
const workload = (lines: { name?: string; container?: string; pod?: string; objects?: string } = {}) => deploymentYaml(lines);

/** A Service selecting the pods of `web`, with the lines of its spec given. */
const service = (name: string, spec = 'ports: [{name: http, port: 8080, targetPort: http}]', selector = '{app: web}') => `
---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  selector: ${selector}
${spec
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}
`;

describe('several Services select the pods (ingress-nginx: -controller beside -controller-admission)', () => {
  test('the Service named as the workload serves, though another comes first in the input', () => {
    const adopted = adoptYaml(
      workload({
        name: 'web',
        container: 'ports: [{name: http, containerPort: 8080}, {name: webhook, containerPort: 8443}]',
        objects: service('web-admission', 'ports: [{name: https, port: 443, targetPort: webhook}]') + service('web'),
      }),
    );
    expect(adopted.declaration.port).toBe(8080);
    expect(inferenceOf(adopted, 'port')!.source).toContain('which Service web targets');
  });

  test('the ambiguity stays open, naming both Services', () => {
    const adopted = adoptYaml(workload({ objects: service('web-admission') + service('web') }));
    expect(adopted.ambiguities).toEqual([
      {
        object: 'Deployment/web',
        message:
          "2 Services select the pods (web, web-admission); the first (the one named as the workload, else the first in the input) is the declaration's Service",
        resolve: 'the adopt option service (--service NAME), or move the others into patches',
      },
    ]);
  });
});

describe("a LoadBalancer Service without the AWS Load Balancer Controller's annotations (bitnami nginx, ingress-nginx)", () => {
  const text = workload({ objects: service('web', 'type: LoadBalancer\nports: [{name: http, port: 80, targetPort: http}]') });

  test("the declaration's Service is ClusterIP: no service.type is written and spec.type is dropped with why", () => {
    const adopted = adoptYaml(text);
    expect(adopted.declaration.service).toEqual({ port: 80 });
    expect(droppedFrom(adopted, 'Service/web')).toContainEqual({
      path: 'spec.type',
      reason: expect.stringContaining('a LoadBalancer Service for a load balancer the schema does not know'),
    });
  });

  test('the removal of the external load balancer is an open ambiguity', () => {
    expect(adoptYaml(text).ambiguities).toEqual([
      {
        object: 'Service/web',
        message:
          "Service/web is a LoadBalancer for a load balancer the schema does not know: the declaration's Service is ClusterIP, and applying it removes the external load balancer",
        resolve: 'traffic.platform: aws-nlb with service.type: LoadBalancer, or a load balancer of your own in front of the Service',
      },
    ]);
  });
});

test("a Service selector other than the workload's is dropped with why (argo-cd redis, bitnami redis headless)", () => {
  const text = workload({ objects: service('web', undefined, '{app: web, tier: front}') }).replace(
    'metadata: {labels: {app: web}}',
    'metadata: {labels: {app: web, tier: front}}',
  );
  const adopted = adoptYaml(text);
  expect(droppedFrom(adopted, 'Service/web')).toEqual([
    {
      path: 'spec.selector',
      reason:
        'the declaration\'s Service selects the pods by the workload\'s selector ({"app":"web"}), not by {"app":"web","tier":"front"}: the schema has no Service selector of its own',
    },
  ]);
});

test('serviceAccountName default is not kept (the schema refuses it): dropped, the workload gets its own account (argo-cd redis)', () => {
  const adopted = adoptYaml(workload({ pod: 'serviceAccountName: default', objects: service('web') }));
  expect((adopted.declaration.keep as Record<string, unknown>).names).toBeUndefined();
  expect(droppedFrom(adopted, 'Deployment/web')).toContainEqual({
    path: 'spec.template.spec.serviceAccountName',
    reason:
      "the pods run as the namespace's default ServiceAccount, which every pod naming no account shares: the workload gets its own account, named after the instance",
  });
});

test('a mount path with a trailing slash is written in canonical form: /var/cache/app/ mounts where /var/cache/app does (ingress-nginx, bitnami redis)', () => {
  const adopted = adoptYaml(
    workload({
      container: 'volumeMounts: [{name: cache, mountPath: /var/cache/app/}]',
      pod: 'volumes: [{name: cache, emptyDir: {}}]',
      objects: service('web'),
    }),
  );
  expect(adopted.declaration.scratch).toEqual({ cache: { path: '/var/cache/app' } });
});

test("a hostPath of the node's root / is dropped with why: daemon.hostPaths mounts named folders (prometheus-node-exporter)", () => {
  const adopted = adoptYaml(`
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers:
        - {name: agent, image: 'ghcr.io/acme/agent:1.0.0', volumeMounts: [{name: root, mountPath: /host/root, readOnly: true}]}
      volumes: [{name: root, hostPath: {path: /}}]
`);
  expect(adopted.declaration.daemon).toBeUndefined();
  expect(droppedFrom(adopted, 'DaemonSet/agent')).toContainEqual({
    path: 'spec.template.spec.volumes.0',
    reason:
      "a hostPath of the node's root folder: daemon.hostPaths mounts named folders below / only; declare the folders the agent reads (e.g. /proc, /sys) instead",
  });
});

test('emptyDirs without a size limit under an ephemeral-storage limit the default sizes reach carry ephemeralStorageCoversFolders over (bitnami nginx, redis)', () => {
  const adopted = adoptYaml(
    workload({
      container: `resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {ephemeral-storage: 2Gi}}
volumeMounts: [{name: tmp, mountPath: /tmp}, {name: cache, mountPath: /cache}]`,
      pod: 'volumes: [{name: tmp, emptyDir: {}}, {name: cache, emptyDir: {}}]',
      objects: service('web'),
    }),
  );
  expect((adopted.declaration.acknowledge as Record<string, unknown>).ephemeralStorageCoversFolders).toBe(
    'carried over from the existing manifest — review',
  );
  expect(inferenceOf(adopted, 'acknowledge.ephemeralStorageCoversFolders')!.source).toBe(
    'the ephemeral-storage limit 2Gi does not exceed the emptyDirs on disk (1Gi + 1Gi), which the input leaves without a size limit',
  );
});

describe("the application's container named otherwise than the workload (argo-cd notifications-controller)", () => {
  const text = workload({ objects: service('web') }).replace('        - name: web\n', '        - name: main\n          workingDir: /srv\n');

  test("the container's name is dropped with why: it is named after the workload", () => {
    expect(droppedFrom(adoptYaml(text), 'Deployment/web')).toContainEqual({
      path: 'spec.template.spec.containers.0.name',
      reason: "the application's container is named after the workload (web), not main",
    });
  });

  test('its patch is addressed by the declared name', () => {
    expect(adoptYaml(text).declaration.patches).toEqual({ Deployment: { containers: { web: { workingDir: '/srv' } } } });
  });
});

describe("a daemon's Service: kind daemon makes no Service", () => {
  const agent = `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers:
        - {name: agent, image: 'ghcr.io/acme/agent:1.0.0', ports: [{name: metrics, containerPort: 9100}]}
---
apiVersion: v1
kind: Service
metadata: {name: agent}
spec:
  selector: {app: agent}
  ports: [{name: metrics, port: 9100, targetPort: metrics}]
`;

  test('no keep.servicePortName and no keep.names.Service are written', () => {
    const adopted = adoptYaml(agent);
    expect(adopted.declaration).toMatchObject({ kind: 'daemon', port: 9100 });
    expect(adopted.declaration.keep).toEqual({ selector: { app: 'agent' } });
  });

  test('the Service is dropped with the reason that kind daemon makes no Service, and how to keep serving through it', () => {
    expect(droppedFrom(adoptYaml(agent), 'Service/agent')).toEqual([
      {
        path: '',
        reason:
          'kind daemon makes no Service: Service agent is not carried over. To keep reaching the pods through it, keep it as a manifest of your own beside the declaration, with targetPort 9100 (the port is named http in the output)',
      },
    ]);
  });

  test("the renamed serving port's reason does not send the reader to keep.servicePortName, which a daemon cannot use", () => {
    const [renamed] = droppedFrom(adoptYaml(agent), 'DaemonSet/agent').filter((each) => each.path.endsWith('.ports'));
    expect(renamed!.reason).toBe(
      'the serving port is named http instead of metrics: kind daemon makes no Service, so no Service port name is kept; a Service or monitor of your own must address it by number (9100) or as http',
    );
    expect(inferenceOf(adoptYaml(agent), 'keep.servicePortName')).toBeUndefined();
  });
});
