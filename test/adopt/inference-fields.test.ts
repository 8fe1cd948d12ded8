import { resolveWorkload, synthesizeObjects, type WorkloadSpec } from '../../src';
import { writeDeclaration } from '../../src/adopt/infer';
import { reviewAdoption } from '../../src/adopt/review';
import type { KubernetesObject } from '../../src/adopt/types';
import { adoptYaml, deploymentYaml, droppedFrom, inferenceOf } from '../support/adopt-yaml';

/**
 * docs/adopt.md, "Everything else, field by field": one worked example per row, each a few lines
 * of YAML in and the declaration value with its source (or the dropped reason) out.
 */

/** A Deployment shop served by a Service shop, with the container fields and pod fields given as YAML lines. */
function shop(container = '', pod = '', extra = ''): string {
  const service = `---
apiVersion: v1
kind: Service
metadata: {name: shop}
spec:
  selector: {app: shop}
  ports: [{name: http, port: 8080, targetPort: http}]
${extra}`;
  return deploymentYaml({ name: 'shop', version: '1.2.3', container, pod, objects: service });
}

const synthesized = (declaration: Record<string, unknown>) => synthesizeObjects([declaration as unknown as WorkloadSpec]);
const podOf = (declaration: Record<string, unknown>) =>
  (synthesized(declaration).find((object) => object.kind === 'Deployment') as KubernetesObject).spec.template.spec;

describe('sidecars: a liveness check equal to the readiness check (invariant 4, distinctProbes)', () => {
  const proxy = (probes: string) =>
    shop('', '').replace(
      '          readinessProbe: {httpGet: {path: /ready, port: http}}\n',
      `          readinessProbe: {httpGet: {path: /ready, port: http}}
        - name: proxy
          image: ghcr.io/acme/proxy:2.0.0
          ports: [{name: admin, containerPort: 9901}]
${probes}`,
    );
  const sameHttp = proxy(`          readinessProbe: {httpGet: {path: /ready, port: admin}}
          livenessProbe: {httpGet: {path: /ready, port: admin}}`);
  const sameTcp = proxy(`          readinessProbe: {tcpSocket: {port: admin}}
          livenessProbe: {tcpSocket: {port: admin}}`);

  test('readiness is kept and liveness becomes a TCP check of the port readiness checks, labelled with distinctProbes', () => {
    const adopted = adoptYaml(sameHttp);
    expect((adopted.declaration.sidecars as Array<Record<string, unknown>>)[0]!.health).toEqual({
      readiness: { path: '/ready' },
      liveness: { tcp: true },
    });
    expect(inferenceOf(adopted, 'sidecars.0.health.liveness')).toMatchObject({
      confirm: false,
      source: expect.stringContaining('invariant 4 (distinctProbes)'),
    });
  });

  test("the sidecar's replaced liveness check is listed as dropped, with the invariant as the reason", () => {
    expect(droppedFrom(adoptYaml(sameHttp), 'Deployment/shop')).toContainEqual({
      path: 'spec.template.spec.containers.1.livenessProbe (its check)',
      reason: expect.stringContaining('invariant 4 (distinctProbes)'),
    });
  });

  test("the declaration resolves and synthesizes, the sidecar's liveness a tcpSocket on 9901", () => {
    const { declaration } = adoptYaml(sameHttp);
    expect(() => resolveWorkload(declaration)).not.toThrow();
    const pod = podOf(declaration);
    const sidecar = [...(pod.initContainers ?? []), ...pod.containers].find((container: { name: string }) => container.name === 'proxy');
    expect(sidecar.livenessProbe.tcpSocket).toEqual({ port: 9901 });
    expect(sidecar.readinessProbe.httpGet).toMatchObject({ path: '/ready', port: 9901 });
  });

  test("the review attributes the sidecar's changed liveness handler to distinctProbes", () => {
    const adopted = adoptYaml(sameHttp);
    const output = synthesized(adopted.declaration) as KubernetesObject[];
    const reviews = reviewAdoption(adopted.input, output, {
      explanations: resolveWorkload(adopted.declaration).explanations,
      dropped: adopted.dropped,
    });
    const changes = reviews.find((entry) => entry.object === 'Deployment/shop')!.changes;
    const liveness = changes.filter((change) => /\[proxy\]\.livenessProbe\.(httpGet|tcpSocket)\./.test(change.path));
    expect(liveness.map(({ path, rule }) => `${path.replace(/^.*livenessProbe\./, '')} ${rule}`)).toEqual([
      'httpGet.path distinctProbes',
      'httpGet.port distinctProbes',
      'tcpSocket.port distinctProbes',
    ]);
  });

  test('when readiness is itself that TCP check, liveness is left out and the readiness check is marked CONFIRM', () => {
    const adopted = adoptYaml(sameTcp);
    expect((adopted.declaration.sidecars as Array<Record<string, unknown>>)[0]!.health).toEqual({ readiness: { tcp: true } });
    expect(inferenceOf(adopted, 'sidecars.0.health.readiness')).toMatchObject({
      confirm: true,
      source: expect.stringContaining('invariant 4 (distinctProbes)'),
    });
    expect(droppedFrom(adopted, 'Deployment/shop')).toContainEqual({
      path: 'spec.template.spec.containers.1.livenessProbe (its check)',
      reason: expect.stringContaining('readiness is that TCP check: liveness is left out'),
    });
    expect(() => resolveWorkload(adopted.declaration)).not.toThrow();
    expect(writeDeclaration(adopted)).toMatch(/# CONFIRM: spec\.template\.spec\.containers\.1\.livenessProbe checks exactly what/);
  });
});

describe('name and instance', () => {
  test('the app.kubernetes.io/name label is the name, metadata.name the instance', () => {
    const adopted = adoptYaml(
      shop().replace('metadata: {name: shop}', 'metadata: {name: shop-eu, labels: {app.kubernetes.io/name: shop}}'),
    );
    expect(adopted.declaration).toMatchObject({ name: 'shop', instance: 'shop-eu' });
    expect(inferenceOf(adopted, 'name')!.source).toBe('metadata.labels["app.kubernetes.io/name"]');
    expect(inferenceOf(adopted, 'instance')!.source).toBe('metadata.name');
  });

  test('a name label that is no DNS-1035 label gives way to metadata.name', () => {
    const adopted = adoptYaml(
      shop().replace('metadata: {name: shop}', 'metadata: {name: shop, labels: {app.kubernetes.io/name: Shop_API}}'),
    );
    expect(adopted.declaration.name).toBe('shop');
    expect(adopted.declaration.instance).toBeUndefined();
  });

  test('a metadata.name that is no DNS-1035 label is renamed, marked CONFIRM', () => {
    const adopted = adoptYaml(shop().replace('metadata: {name: shop}', 'metadata: {name: 1shop.v2}'));
    expect(inferenceOf(adopted, 'name')).toMatchObject({
      value: 'shop-v2',
      confirm: true,
      source: '"1shop.v2" is not a DNS-1035 label: renamed, which renames the objects',
    });
  });
});

test('image: an untagged image is dropped ("the user must pin") and written with a placeholder tag, marked CONFIRM', () => {
  const adopted = adoptYaml(shop().replace('image: ghcr.io/acme/shop:1.2.3', 'image: ghcr.io/acme/shop'));
  expect(inferenceOf(adopted, 'image')).toMatchObject({ value: 'ghcr.io/acme/shop:PIN-A-VERSION', confirm: true });
  expect(droppedFrom(adopted, 'Deployment/shop')).toContainEqual({
    path: 'spec.template.spec.containers.0.image',
    reason: 'the image "ghcr.io/acme/shop" is not pinned by a version tag or a digest: the user must pin it',
  });
});

describe('command, args, env and envFrom', () => {
  test('command and args are written as they are', () => {
    const { declaration } = adoptYaml(shop('command: [/app/shop]\nargs: [--port, "8080"]'));
    expect(declaration).toMatchObject({ command: ['/app/shop'], args: ['--port', '8080'] });
  });

  test('env in name order is a map: values, Secret and ConfigMap keys (with optional), pod fields, resource fields', () => {
    const { declaration } = adoptYaml(
      shop(`env:
  - {name: A_LEVEL, value: info}
  - {name: B_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
  - {name: C_MODE, valueFrom: {configMapKeyRef: {name: settings, key: mode, optional: true}}}
  - {name: D_POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
  - {name: E_MEMORY, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}}`),
    );
    expect(declaration.env).toEqual({
      A_LEVEL: 'info',
      B_PASSWORD: { secret: { name: 'db', key: 'password' } },
      C_MODE: { configMap: { name: 'settings', key: 'mode', optional: true } },
      D_POD: { pod: 'name' },
      E_MEMORY: { resource: { field: 'limits.memory', divisor: '1Mi' } },
    });
  });

  test('env out of name order is a list in the input order, which $(VAR) references depend on', () => {
    const { declaration } = adoptYaml(
      shop(`env:
  - {name: HOST, value: db}
  - {name: URL, value: "postgres://$(HOST)"}
  - {name: API, value: "on"}`),
    );
    expect(declaration.env).toEqual([
      { name: 'HOST', value: 'db' },
      { name: 'URL', value: 'postgres://$(HOST)' },
      { name: 'API', value: 'on' },
    ]);
  });

  test('a label field in env has no name in env.*.pod: dropped, to be set in patches', () => {
    const adopted = adoptYaml(shop('env: [{name: ZONE, valueFrom: {fieldRef: {fieldPath: "metadata.labels[\'zone\']"}}}]'));
    expect(droppedFrom(adopted, 'Deployment/shop')).toContainEqual({
      path: 'spec.template.spec.containers.0.env.0',
      reason: "env ZONE is not carried over: the pod field metadata.labels['zone'] has no name in env.*.pod; set it in patches",
    });
  });

  test('envFrom is a list of Secrets and ConfigMaps, with prefix and optional', () => {
    const { declaration } = adoptYaml(
      shop('envFrom: [{secretRef: {name: db}}, {prefix: APP_, configMapRef: {name: settings, optional: true}}]'),
    );
    expect(declaration.envFrom).toEqual([{ secret: 'db' }, { configMap: 'settings', prefix: 'APP_', optional: true }]);
  });
});

describe('resources', () => {
  test('requests are the cpu and memory; a CPU limit 4 x the request (the default) is not written', () => {
    const { declaration } = adoptYaml(shop('resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 400m, memory: 128Mi}}'));
    expect(declaration.resources).toEqual({ cpu: '100m', memory: '128Mi' });
  });

  test('without requests, the defaults 250m and 256Mi, marked CONFIRM', () => {
    const adopted = adoptYaml(shop('resources: {}'));
    expect(inferenceOf(adopted, 'resources.cpu')).toMatchObject({ value: '250m', confirm: true });
    expect(inferenceOf(adopted, 'resources.memory')).toMatchObject({ value: '256Mi', confirm: true });
  });

  test('a CPU limit other than 4 x the request is written as cpuLimit', () => {
    const { declaration } = adoptYaml(shop('resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: "1", memory: 128Mi}}'));
    expect(declaration.resources).toEqual({ cpu: '100m', memory: '128Mi', cpuLimit: '1' });
  });

  test('no CPU limit is cpuLimit: false, with acknowledge.noCpuLimit carried over', () => {
    const adopted = adoptYaml(shop('resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}'));
    expect((adopted.declaration.resources as Record<string, unknown>).cpuLimit).toBe(false);
    expect(inferenceOf(adopted, 'acknowledge.noCpuLimit')).toMatchObject({ value: 'carried over from the existing manifest — review' });
  });

  test('a memory limit above the request is memoryLimit, with acknowledge.memoryLimit carried over', () => {
    const adopted = adoptYaml(shop('resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 400m, memory: 512Mi}}'));
    expect(adopted.declaration.resources).toEqual({ cpu: '100m', memory: '128Mi', memoryLimit: '512Mi' });
    expect((adopted.declaration.acknowledge as Record<string, unknown>).memoryLimit).toBe(
      'carried over from the existing manifest — review',
    );
  });

  test('ephemeral storage requests and limits are written as ephemeralStorage', () => {
    const { declaration } = adoptYaml(
      shop(
        'resources: {requests: {cpu: 100m, memory: 128Mi, ephemeral-storage: 1Gi}, limits: {cpu: 400m, memory: 128Mi, ephemeral-storage: 4Gi}}',
      ),
    );
    expect((declaration.resources as Record<string, unknown>).ephemeralStorage).toEqual({ request: '1Gi', limit: '4Gi' });
  });
});

describe('health', () => {
  test('a check on another port than the serving one names its port; a startup check equal to liveness is left out', () => {
    const { declaration } = adoptYaml(
      shop(`ports: [{name: http, containerPort: 8080}, {name: admin, containerPort: 9000}]
livenessProbe: {httpGet: {path: /livez, port: admin}}
startupProbe: {httpGet: {path: /livez, port: admin}, failureThreshold: 30}`),
    );
    expect(declaration.health).toEqual({ readiness: { path: '/ready' }, liveness: { path: '/livez', port: 9000 } });
  });

  test('a liveness check equal to the default (TCP on the serving port) is left out', () => {
    const { declaration } = adoptYaml(shop('livenessProbe: {tcpSocket: {port: http}}'));
    expect(declaration.health).toEqual({ readiness: { path: '/ready' } });
  });

  test('exec and gRPC checks are written as exec and grpc', () => {
    const { declaration } = adoptYaml(
      shop(`livenessProbe: {exec: {command: [/bin/health, --live]}}
startupProbe: {grpc: {port: 8080, service: boot}}`),
    );
    expect(declaration.health).toEqual({
      readiness: { path: '/ready' },
      liveness: { exec: ['/bin/health', '--live'] },
      startup: { grpc: { service: 'boot' } },
    });
  });
});

test("ports: the container's other ports, by name", () => {
  const { declaration } = adoptYaml(shop('ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]'));
  expect(declaration.ports).toEqual([{ name: 'metrics', port: 9090 }]);
});

describe('files, configFiles, scratch and tmp', () => {
  test('a Secret volume is files, with its items and mode', () => {
    const { declaration } = adoptYaml(
      shop(
        'volumeMounts: [{name: tls, mountPath: /etc/tls}]',
        'volumes: [{name: tls, secret: {secretName: shop-tls, defaultMode: 256, items: [{key: tls.crt, path: cert.pem}]}}]',
      ),
    );
    expect(declaration.files).toEqual({ tls: { secret: 'shop-tls', path: '/etc/tls', items: { 'tls.crt': 'cert.pem' }, mode: 256 } });
  });

  test('a ConfigMap of the input is configFiles, holding its text', () => {
    const adopted = adoptYaml(
      shop(
        'volumeMounts: [{name: config, mountPath: /etc/shop}]',
        'volumes: [{name: config, configMap: {name: shop-config}}]',
        `---
apiVersion: v1
kind: ConfigMap
metadata: {name: shop-config}
data: {app.yaml: "level: info\\n"}`,
      ),
    );
    expect(adopted.declaration.configFiles).toEqual({ 'app.yaml': { path: '/etc/shop/app.yaml', content: 'level: info\n' } });
    expect(inferenceOf(adopted, 'configFiles["app.yaml"]')!.source).toBe(
      'ConfigMap shop-config data["app.yaml"], mounted at /etc/shop/app.yaml',
    );
  });

  test('a ConfigMap that is not in the input is files from it', () => {
    const { declaration } = adoptYaml(
      shop('volumeMounts: [{name: config, mountPath: /etc/shop}]', 'volumes: [{name: config, configMap: {name: elsewhere}}]'),
    );
    expect(declaration.files).toEqual({ config: { configMap: 'elsewhere', path: '/etc/shop' } });
  });

  test('an emptyDir is a scratch folder, with its size limit and medium', () => {
    const { declaration } = adoptYaml(
      shop(
        'volumeMounts: [{name: cache, mountPath: /var/cache/shop}, {name: sessions, mountPath: /run/sessions}]',
        'volumes: [{name: cache, emptyDir: {sizeLimit: 2Gi}}, {name: sessions, emptyDir: {medium: Memory, sizeLimit: 64Mi}}]',
      ),
    );
    expect(declaration.scratch).toEqual({
      cache: { path: '/var/cache/shop', sizeLimit: '2Gi' },
      sessions: { path: '/run/sessions', sizeLimit: '64Mi', medium: 'memory' },
    });
  });

  test('an emptyDir at /tmp is tmp: its size and medium where they are not the default', () => {
    const { declaration } = adoptYaml(
      shop('volumeMounts: [{name: tmp, mountPath: /tmp}]', 'volumes: [{name: tmp, emptyDir: {medium: Memory, sizeLimit: 128Mi}}]'),
    );
    expect(declaration.tmp).toEqual({ sizeLimit: '128Mi', medium: 'memory' });
  });
});

describe('securityContext and the acknowledgements of the restricted profile', () => {
  test('the ids the input runs as are written', () => {
    const { declaration } = adoptYaml(
      shop('securityContext: {runAsUser: 1000, runAsGroup: 3000}', 'securityContext: {fsGroup: 2000, supplementalGroups: [4000]}'),
    );
    expect(declaration.securityContext).toEqual({ runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000] });
  });

  test('a capability beyond NET_BIND_SERVICE is carried over as acknowledge.capabilities', () => {
    const adopted = adoptYaml(shop('securityContext: {capabilities: {add: [NET_BIND_SERVICE, CAP_NET_RAW]}}'));
    expect((adopted.declaration.securityContext as Record<string, unknown>).capabilities).toEqual(['NET_BIND_SERVICE', 'NET_RAW']);
    expect(inferenceOf(adopted, 'acknowledge.capabilities')).toMatchObject({
      value: 'carried over from the existing manifest — review',
      source: "the input adds capabilities NET_RAW, beyond the restricted profile's NET_BIND_SERVICE",
    });
  });

  test('a privileged container and the host network are dropped: the synthesized pod is restricted', () => {
    const adopted = adoptYaml(shop('securityContext: {privileged: true}', 'hostNetwork: true'));
    expect(droppedFrom(adopted, 'Deployment/shop')).toEqual(
      expect.arrayContaining([
        {
          path: 'spec.template.spec.containers.0.securityContext.privileged',
          reason: 'a privileged container is not carried over: the synthesized pod is restricted',
        },
        { path: 'spec.template.spec.hostNetwork', reason: 'hostNetwork is not carried over: the synthesized pod is restricted' },
      ]),
    );
  });
});

describe('the dangers, each carried over as its own acknowledgement', () => {
  const CARRIED = 'carried over from the existing manifest — review';
  const agent = (mounts: string, volumes: string, pod = '') => `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
${pod}
      containers:
        - {name: agent, image: 'ghcr.io/acme/agent:1.0.0', volumeMounts: ${mounts}}
      volumes: ${volumes}
`;

  test('a toleration without a key and operator Exists is tolerateEveryTaint', () => {
    const adopted = adoptYaml(agent('[]', '[]', '      tolerations: [{operator: Exists}]'));
    expect(inferenceOf(adopted, 'acknowledge.tolerateEveryTaint')).toMatchObject({
      value: CARRIED,
      source: 'spec.template.spec.tolerations: a toleration without a key, operator Exists',
    });
  });

  test('a host path that holds the container runtime socket is runtimeSocket', () => {
    const adopted = adoptYaml(
      agent('[{name: sock, mountPath: /run/containerd, readOnly: true}]', '[{name: sock, hostPath: {path: /run/containerd}}]'),
    );
    expect(inferenceOf(adopted, 'acknowledge.runtimeSocket')).toMatchObject({ value: CARRIED });
  });

  test('a host path mounted writable is writableHostPath', () => {
    const adopted = adoptYaml(agent('[{name: logs, mountPath: /var/log}]', '[{name: logs, hostPath: {path: /var/log}}]'));
    expect(adopted.declaration.daemon).toEqual({ hostPaths: { logs: { path: '/var/log', readOnly: false } } });
    expect(inferenceOf(adopted, 'acknowledge.writableHostPath')).toMatchObject({
      value: CARRIED,
      source: 'the hostPath volume logs is mounted writable',
    });
  });

  test('an emptyDir over /dev/shm is kernelFolderMount', () => {
    const adopted = adoptYaml(
      shop('volumeMounts: [{name: shm, mountPath: /dev/shm}]', 'volumes: [{name: shm, emptyDir: {sizeLimit: 1Gi}}]'),
    );
    expect(inferenceOf(adopted, 'acknowledge.kernelFolderMount')).toMatchObject({
      value: CARRIED,
      source: 'spec.template.spec.volumes.0.emptyDir is mounted at /dev/shm',
    });
  });

  test('an ingress-nginx snippet annotation is ingressSnippets', () => {
    const adopted = adoptYaml(
      shop(
        '',
        '',
        `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, annotations: {nginx.ingress.kubernetes.io/configuration-snippet: "more_set_headers X-A: b;"}}
spec:
  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: shop, port: {name: http}}}}]}}]`,
      ),
    );
    expect(inferenceOf(adopted, 'acknowledge.ingressSnippets')).toMatchObject({ value: CARRIED });
  });
});

const CARRIED_OVER = 'carried over from the existing manifest — review';

describe('replicas and autoscaling', () => {
  test("replicas left out is Kubernetes' one pod, with acknowledge.singleReplica carried over", () => {
    const adopted = adoptYaml(shop().replace('  replicas: 2\n', ''));
    expect(inferenceOf(adopted, 'replicas')).toMatchObject({ value: 1, source: 'spec.replicas left out: Kubernetes runs 1 pod' });
    expect((adopted.declaration.acknowledge as Record<string, unknown>).singleReplica).toBe(CARRIED_OVER);
  });

  test("2 replicas, the schema's default, are not written", () => {
    expect(adoptYaml(shop()).declaration.replicas).toBeUndefined();
  });

  test("the HorizontalPodAutoscaler's min, max, CPU target, other metrics and behavior are autoscaling", () => {
    const adopted = adoptYaml(
      shop(
        '',
        '',
        `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: shop}
  minReplicas: 3
  maxReplicas: 10
  metrics:
    - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}}
    - {type: Resource, resource: {name: memory, target: {type: Utilization, averageUtilization: 80}}}
  behavior: {scaleDown: {stabilizationWindowSeconds: 600}}`,
      ),
    );
    expect(adopted.declaration.replicas).toBeUndefined();
    expect(adopted.declaration.autoscaling).toEqual({
      minReplicas: 3,
      maxReplicas: 10,
      targetCPUUtilizationPercentage: 60,
      metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } }],
      behavior: { scaleDown: { stabilizationWindowSeconds: 600 } },
    });
  });
});

describe('scheduling', () => {
  test('nodeSelector, tolerations, priorityClassName and node affinity are written as they are', () => {
    const { declaration } = adoptYaml(
      shop(
        '',
        `nodeSelector: {pool: web}
tolerations: [{key: dedicated, operator: Equal, value: web, effect: NoSchedule}]
priorityClassName: high
affinity:
  nodeAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      nodeSelectorTerms: [{matchExpressions: [{key: arch, operator: In, values: [arm64]}]}]`,
      ),
    );
    expect(declaration.scheduling).toEqual({
      nodeSelector: { pool: 'web' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
      priorityClassName: 'high',
      nodeAffinity: { required: [{ matchExpressions: [{ key: 'arch', operator: 'In', values: ['arm64'] }] }] },
    });
  });

  test('a spread constraint DoNotSchedule is spread: required', () => {
    const { declaration } = adoptYaml(
      shop(
        '',
        'topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: shop}}}]',
      ),
    );
    expect(declaration.scheduling).toEqual({ spread: 'required' });
  });

  test('a required anti-affinity on kubernetes.io/hostname is spread: required', () => {
    const { declaration } = adoptYaml(
      shop(
        '',
        `affinity:
  podAntiAffinity:
    requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: shop}}}]`,
      ),
    );
    expect(declaration.scheduling).toEqual({ spread: 'required' });
  });
});

describe('serviceAccount and imagePullSecrets', () => {
  const account = `---
apiVersion: v1
kind: ServiceAccount
metadata: {name: shop, annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::1:role/shop"}}`;

  test("the ServiceAccount's annotations are serviceAccount.annotations; imagePullSecrets by name", () => {
    const { declaration } = adoptYaml(shop('', 'serviceAccountName: shop\nimagePullSecrets: [{name: registry}]', account));
    expect(declaration.serviceAccount).toEqual({ annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/shop' } });
    expect(declaration.imagePullSecrets).toEqual(['registry']);
  });

  test('a token the input asks for explicitly is mountApiToken, with its acknowledgement carried over', () => {
    const adopted = adoptYaml(shop('', 'automountServiceAccountToken: true'));
    expect(adopted.declaration.serviceAccount).toEqual({ mountApiToken: true });
    expect((adopted.declaration.acknowledge as Record<string, unknown>).automountServiceAccountToken).toBe(CARRIED_OVER);
  });

  test('a token left to the default is not carried over: the hardening default (no token) applies', () => {
    expect(adoptYaml(shop()).declaration.serviceAccount).toBeUndefined();
  });
});

describe('labels, podAnnotations and mesh', () => {
  test("the pod's labels but ours, the selector's and a release's are labels", () => {
    const { declaration } = adoptYaml(
      shop().replace(
        'metadata: {labels: {app: shop}}',
        'metadata: {labels: {app: shop, team: payments, helm.sh/chart: shop-1.0.0, app.kubernetes.io/version: "1.2.3"}}',
      ),
    );
    expect(declaration.labels).toEqual({ team: 'payments' });
  });

  test("the pod's annotations are podAnnotations; a chart's checksum is dropped with why", () => {
    const adopted = adoptYaml(
      shop().replace(
        'metadata: {labels: {app: shop}}',
        'metadata: {labels: {app: shop}, annotations: {prometheus.io/scrape: "true", checksum/config: abc123}}',
      ),
    );
    expect(adopted.declaration.podAnnotations).toEqual({ 'prometheus.io/scrape': 'true' });
    expect(droppedFrom(adopted, 'Deployment/shop')).toContainEqual({
      path: 'spec.template.metadata.annotations.checksum/config',
      reason:
        "a chart's checksum that rolls the pods when its configuration changes: the synthesis names ConfigMaps after their content instead",
    });
  });

  test("Linkerd's injection annotation is mesh: linkerd", () => {
    const adopted = adoptYaml(
      shop().replace('metadata: {labels: {app: shop}}', 'metadata: {labels: {app: shop}, annotations: {linkerd.io/inject: enabled}}'),
    );
    expect(adopted.declaration.mesh).toBe('linkerd');
    expect(inferenceOf(adopted, 'mesh')!.source).toBe('spec.template.metadata.annotations["linkerd.io/inject"]');
  });

  test("Istio's injection annotation is mesh: istio", () => {
    const adopted = adoptYaml(
      shop().replace('metadata: {labels: {app: shop}}', 'metadata: {labels: {app: shop}, annotations: {sidecar.istio.io/inject: "true"}}'),
    );
    expect(adopted.declaration.mesh).toBe('istio');
  });
});

describe('service, ingress and route', () => {
  test("the Service's annotations are service.annotations", () => {
    const adopted = adoptYaml(
      shop().replace(
        'metadata: {name: shop}\nspec:\n  selector',
        'metadata: {name: shop, annotations: {team: payments}}\nspec:\n  selector',
      ),
    );
    expect(adopted.declaration.service).toEqual({ annotations: { team: 'payments' } });
  });

  test("the Ingress's class, hosts, paths, TLS Secret and annotations are ingress", () => {
    const { declaration } = adoptYaml(
      shop(
        '',
        '',
        `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, annotations: {nginx.ingress.kubernetes.io/proxy-body-size: 8m}}
spec:
  ingressClassName: nginx
  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
  rules:
    - host: shop.example.com
      http: {paths: [{path: /api, pathType: Prefix, backend: {service: {name: shop, port: {name: http}}}}]}`,
      ),
    );
    expect(declaration.ingress).toEqual({
      className: 'nginx',
      hosts: ['shop.example.com'],
      paths: ['/api'],
      tlsSecretName: 'shop-tls',
      annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' },
    });
  });

  test("an HTTPRoute's parents, hostnames and paths are route", () => {
    const { declaration } = adoptYaml(
      shop(
        '',
        '',
        `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop}
spec:
  parentRefs: [{name: public, namespace: gateways, sectionName: https}]
  hostnames: [shop.example.com]
  rules: [{matches: [{path: {type: PathPrefix, value: /api}}], backendRefs: [{name: shop, port: 8080}]}]`,
      ),
    );
    expect(declaration.route).toEqual({
      parentRefs: [{ name: 'public', namespace: 'gateways', sectionName: 'https' }],
      hostnames: ['shop.example.com'],
      paths: ['/api'],
    });
  });
});

describe('networkPolicy, ports[].from, metrics.from and stateful.peerPorts', () => {
  const policy = (ingress: string, egress = '') => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: shop}
spec:
  podSelector: {matchLabels: {app: shop}}
  policyTypes: [Ingress${egress ? ', Egress' : ''}]
  ingress:
${ingress}
${egress}`;

  test("the serving port's peers are networkPolicy.ingressFrom; an extra port's are its ports[].from", () => {
    const { declaration } = adoptYaml(
      shop(
        'ports: [{name: http, containerPort: 8080}, {name: admin, containerPort: 9000}]',
        '',
        policy(`    - {ports: [{port: 8080}], from: [{namespaceSelector: {matchLabels: {team: web}}}]}
    - {ports: [{port: 9000}], from: [{ipBlock: {cidr: 10.0.0.0/8}}]}`),
      ),
    );
    expect((declaration.networkPolicy as Record<string, unknown>).ingressFrom).toEqual([{ namespaceLabels: { team: 'web' } }]);
    expect(declaration.ports).toEqual([{ name: 'admin', port: 9000, from: [{ cidr: '10.0.0.0/8' }] }]);
  });

  test('egress to networks is networkPolicy.egressTo, with the ports', () => {
    const { declaration } = adoptYaml(
      shop(
        '',
        '',
        policy(
          '    - {ports: [{port: 8080}]}',
          `  egress:
    - {to: [{ipBlock: {cidr: 10.20.0.0/16}}], ports: [{port: 5432}]}`,
        ),
      ),
    );
    expect((declaration.networkPolicy as Record<string, unknown>).egressTo).toEqual([{ cidr: '10.20.0.0/16', ports: [5432] }]);
  });

  test("the scraper's peers on the metrics port are metrics.from", () => {
    const { declaration } = adoptYaml(
      shop(
        'ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]',
        '',
        policy(`    - {ports: [{port: 8080}]}
    - {ports: [{port: 9090}], from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: observability}}}]}`) +
          `
---
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata: {name: shop}
spec:
  selector: {matchLabels: {app: shop}}
  podMetricsEndpoints: [{port: metrics}]`,
      ),
    );
    expect((declaration.metrics as Record<string, unknown>).from).toEqual([
      { namespaceLabels: { 'kubernetes.io/metadata.name': 'observability' } },
    ]);
  });

  test("a StatefulSet's rule admitting its own pods on other ports is stateful.peerPorts", () => {
    const { declaration } = adoptYaml(`
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: cache}
spec:
  serviceName: cache
  selector: {matchLabels: {app: cache}}
  template:
    metadata: {labels: {app: cache}}
    spec:
      containers:
        - {name: cache, image: 'ghcr.io/acme/cache:1.0.0', ports: [{name: tcp, containerPort: 6379}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: cache}
spec:
  podSelector: {matchLabels: {app: cache}}
  ingress:
    - {ports: [{port: 6379}]}
    - {ports: [{port: 16379}], from: [{podSelector: {matchLabels: {app: cache}}}]}
`);
    expect((declaration.stateful as Record<string, unknown>).peerPorts).toEqual([16379]);
  });
});

test("metrics: the ServiceMonitor's endpoint port, path and interval where they are not the defaults", () => {
  const adopted = adoptYaml(
    shop(
      'ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]',
      '',
      `---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: shop}
spec:
  selector: {matchLabels: {app: shop}}
  endpoints: [{port: metrics, path: /prometheus, interval: 15s}]`,
    )
      .replace(
        'ports: [{name: http, port: 8080, targetPort: http}]',
        'ports: [{name: http, port: 8080, targetPort: http}, {name: metrics, port: 9090, targetPort: metrics}]',
      )
      .replace('kind: Service\nmetadata: {name: shop}', 'kind: Service\nmetadata: {name: shop, labels: {app: shop}}'),
  );
  expect(adopted.declaration.metrics).toEqual({ port: 'metrics', path: '/prometheus', interval: 15 });
});

describe('initContainers and sidecars', () => {
  const withInit = (containers: string) =>
    shop().replace('      containers:\n', `      initContainers:\n${containers}\n      containers:\n`);

  test("an init container is initContainers, its maxSeconds a placeholder marked CONFIRM (nobody's manifests say it)", () => {
    const adopted = adoptYaml(withInit("        - {name: migrate, image: 'ghcr.io/acme/shop:1.2.3', command: [/app/migrate]}"));
    expect(adopted.declaration.initContainers).toEqual([
      { name: 'migrate', image: 'ghcr.io/acme/shop:1.2.3', command: ['/app/migrate'], maxSeconds: 300 },
    ]);
    expect(inferenceOf(adopted, 'initContainers.0.maxSeconds')).toMatchObject({
      confirm: true,
      source: 'nothing in the input says how long migrate may take: confirm its worst case',
    });
  });

  test('an init container with restartPolicy Always is a sidecar, with its ports and checks', () => {
    const { declaration } = adoptYaml(
      withInit(`        - name: proxy
          image: ghcr.io/acme/proxy:2.0.0
          restartPolicy: Always
          ports: [{name: admin, containerPort: 9901}]
          startupProbe: {httpGet: {path: /ready, port: admin}}`),
    );
    expect(declaration.initContainers).toBeUndefined();
    expect(declaration.sidecars).toEqual([
      { name: 'proxy', image: 'ghcr.io/acme/proxy:2.0.0', ports: [{ name: 'admin', port: 9901 }], health: { startup: { path: '/ready' } } },
    ]);
  });

  test('a second container a Service sends nothing to is a sidecar', () => {
    const { declaration } = adoptYaml(
      shop().replace(
        '          readinessProbe: {httpGet: {path: /ready, port: http}}\n',
        "          readinessProbe: {httpGet: {path: /ready, port: http}}\n        - {name: logs, image: 'ghcr.io/acme/shipper:3.1.0'}\n",
      ),
    );
    expect(declaration.sidecars).toEqual([{ name: 'logs', image: 'ghcr.io/acme/shipper:3.1.0' }]);
  });
});

describe('stateful and daemon', () => {
  test("a StatefulSet's claims, pod management, partition and claim retention are stateful", () => {
    const adopted = adoptYaml(`
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  podManagementPolicy: Parallel
  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 1}}
  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Retain}
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
        - {name: db, image: 'ghcr.io/acme/db:15.4', ports: [{name: tcp, containerPort: 5432}], volumeMounts: [{name: data, mountPath: /var/lib/db}]}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], storageClassName: fast, resources: {requests: {storage: 20Gi}}}
`);
    expect(adopted.declaration.stateful).toEqual({
      volumeClaims: { data: { size: '20Gi', mountPath: '/var/lib/db', storageClass: 'fast' } },
      podManagementPolicy: 'Parallel',
      partition: 1,
      claimRetention: { whenDeleted: 'Delete' },
    });
    expect((adopted.declaration.acknowledge as Record<string, unknown>).deleteVolumeClaims).toBe(CARRIED_OVER);
  });

  test("a DaemonSet's host folders are daemon.hostPaths (with acknowledge.volumeTypes), and a surge update is daemon.surge", () => {
    const adopted = adoptYaml(`
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers:
        - {name: agent, image: 'ghcr.io/acme/agent:1.0.0', volumeMounts: [{name: proc, mountPath: /host/proc, readOnly: true}]}
      volumes: [{name: proc, hostPath: {path: /proc}}]
`);
    expect(adopted.declaration.daemon).toEqual({ hostPaths: { proc: { path: '/proc', mountPath: '/host/proc' } }, surge: true });
    expect((adopted.declaration.acknowledge as Record<string, unknown>).volumeTypes).toBe(CARRIED_OVER);
  });
});

describe('keep: what applying the result must not change', () => {
  test('a selector other than the one the declaration makes is keep.selector', () => {
    const adopted = adoptYaml(shop());
    expect((adopted.declaration.keep as Record<string, unknown>).selector).toEqual({ app: 'shop' });
    expect(inferenceOf(adopted, 'keep.selector')!.source).toBe('spec.selector.matchLabels: a selector cannot change in place');
  });

  test('a selector with matchExpressions cannot be kept: dropped with why', () => {
    const adopted = adoptYaml(
      shop().replace(
        'selector: {matchLabels: {app: shop}}',
        'selector: {matchLabels: {app: shop}, matchExpressions: [{key: tier, operator: In, values: [front]}]}',
      ),
    );
    expect(droppedFrom(adopted, 'Deployment/shop')).toContainEqual({
      path: 'spec.selector.matchExpressions',
      reason:
        "keep.selector keeps matchLabels only: a selector with expressions cannot be kept, and a Deployment's selector cannot change in place — the workload must be replaced",
    });
  });

  test('names other than the instance are keep.names: the Service and the ServiceAccount', () => {
    const { declaration } = adoptYaml(
      shop(
        '',
        'serviceAccountName: shop-runner',
        `---
apiVersion: v1
kind: ServiceAccount
metadata: {name: shop-runner}`,
      ).replace('kind: Service\nmetadata: {name: shop}', 'kind: Service\nmetadata: {name: shop-web}'),
    );
    expect((declaration.keep as Record<string, unknown>).names).toEqual({ Service: 'shop-web', ServiceAccount: 'shop-runner' });
  });

  test("a Service port named otherwise than the serving port's protocol is keep.servicePortName", () => {
    const adopted = adoptYaml(
      shop().replace('ports: [{name: http, port: 8080, targetPort: http}]', 'ports: [{name: web, port: 8080, targetPort: http}]'),
    );
    expect(inferenceOf(adopted, 'keep.servicePortName')).toMatchObject({
      value: 'web',
      source: "the Service port's name web: clients and Ingresses may address it by name",
    });
  });
});

describe('patches', () => {
  test('a pod field the schema has no word for is a merge patch of the object', () => {
    const { declaration } = adoptYaml(shop('', 'dnsConfig: {options: [{name: ndots, value: "2"}]}'));
    expect(declaration.patches).toEqual({
      Deployment: { object: { spec: { template: { spec: { dnsConfig: { options: [{ name: 'ndots', value: '2' }] } } } } } },
    });
  });

  test("a field the patch table refuses is dropped with its rule: a Job's parallelism is the declaration's", () => {
    const adopted = adoptYaml(`
apiVersion: batch/v1
kind: Job
metadata: {name: report}
spec:
  parallelism: 3
  activeDeadlineSeconds: 600
  template:
    spec:
      restartPolicy: Never
      containers: [{name: report, image: 'ghcr.io/acme/report:1.0.0'}]
`);
    expect(adopted.declaration.patches).toBeUndefined();
    expect(droppedFrom(adopted, 'Job/report')).toContainEqual({
      path: 'spec.parallelism',
      reason:
        "a Job's parallelism comes from the declaration, where the invariants check it and explain shows it; declare it with run instead of a patch",
    });
  });
});
