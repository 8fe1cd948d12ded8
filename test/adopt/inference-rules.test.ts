import { resolveWorkload, synthesizeObjects, type WorkloadSpec } from '../../src';
import { adoptManifests, writeDeclaration } from '../../src/adopt/infer';
import type { AdoptedWorkload } from '../../src/adopt/types';
import type { KubernetesObject } from '../../src/manifests/objects';
import type { ObjectReview } from '../../src/adopt/types';
import { reviewDeclarations, SYNTHESIZER } from '../../src/cli/adopt';
import { tally, unaccounted } from '../support/adopt-accounting';

/**
 * Every inference rule of docs/adopt.md, each with the worked example the document gives: a
 * hand-written Deployment (and Service) in, the declaration field and its label out.
 */
interface Container {
  [field: string]: unknown;
}

function deployment(container: Container, pod: Record<string, unknown> = {}): KubernetesObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'shop', labels: { app: 'shop' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'shop' } },
      template: {
        metadata: { labels: { app: 'shop' } },
        spec: {
          containers: [{ name: 'shop', image: 'ghcr.io/acme/shop:1.2.3', ports: [{ name: 'http', containerPort: 8080 }], ...container }],
          ...pod,
        },
      },
    },
  };
}

const service = (name = 'shop'): KubernetesObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { selector: { app: 'shop' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
});

function adopt(...objects: KubernetesObject[]): AdoptedWorkload {
  const [adopted] = adoptManifests(objects);
  return adopted!;
}

const inference = (adopted: AdoptedWorkload, field: string) => adopted.inferences.find((each) => each.field === field);

describe('startup.maxSeconds: the longest start the current config tolerates', () => {
  test("from the startup probe's window: initialDelaySeconds 10 + periodSeconds 5 x failureThreshold 12 = 70 s", () => {
    const adopted = adopt(
      deployment({
        startupProbe: { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 10, periodSeconds: 5, failureThreshold: 12 },
      }),
      service(),
    );
    expect(adopted.declaration.startup).toEqual({ maxSeconds: 70 });
    expect(inference(adopted, 'startup.maxSeconds')).toMatchObject({
      confirm: false,
      source: expect.stringContaining('initialDelaySeconds 10 + periodSeconds 5 x failureThreshold 12 = 70 s'),
    });
  });

  test("without a startup probe, from the liveness probe's initialDelaySeconds 30 + window 10 x 3 = 60 s", () => {
    const adopted = adopt(deployment({ livenessProbe: { httpGet: { path: '/livez', port: 8080 }, initialDelaySeconds: 30 } }), service());
    expect(adopted.declaration.startup).toEqual({ maxSeconds: 60 });
    expect(inference(adopted, 'startup.maxSeconds')!.source).toContain("liveness probe's window");
  });

  test('without either probe, a placeholder marked CONFIRM', () => {
    const adopted = adopt(deployment({}), service());
    expect(inference(adopted, 'startup.maxSeconds')).toMatchObject({ value: 60, confirm: true });
    expect(writeDeclaration(adopted)).toMatch(/maxSeconds: 60 # CONFIRM: /);
  });
});

describe('drainSeconds: the time the application needs after SIGTERM', () => {
  test('from the grace period minus the preStop delay: 45 - sleep 10 = 35 s', () => {
    const adopted = adopt(
      deployment({ lifecycle: { preStop: { exec: { command: ['sleep', '10'] } } } }, { terminationGracePeriodSeconds: 45 }),
      service(),
    );
    expect(adopted.declaration.drainSeconds).toBe(35);
    expect(inference(adopted, 'drainSeconds')!.source).toContain('terminationGracePeriodSeconds 45 - preStop delay 10 = 35 s');
  });

  test("from Spring Boot's graceful shutdown: SERVER_SHUTDOWN=graceful and a lifecycle timeout of 20s", () => {
    const env = [
      { name: 'SERVER_SHUTDOWN', value: 'graceful' },
      { name: 'SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE', value: '20s' },
    ];
    const adopted = adopt(deployment({ env }, { terminationGracePeriodSeconds: 90 }), service());
    expect(adopted.declaration.drainSeconds).toBe(20);
    expect(inference(adopted, 'drainSeconds')!.source).toContain("spring-boot's shutdown deadline");
  });

  test("from gunicorn's --graceful-timeout 25 in the args", () => {
    const adopted = adopt(deployment({ args: ['app.wsgi', '--graceful-timeout', '25'] }), service());
    expect(adopted.declaration.drainSeconds).toBe(25);
  });

  test("from gunicorn's GUNICORN_CMD_ARGS, which then names the gunicorn preset (it writes the variable itself)", () => {
    const adopted = adopt(deployment({ env: [{ name: 'GUNICORN_CMD_ARGS', value: '--graceful-timeout 40' }] }), service());
    expect(adopted.declaration).toMatchObject({ drainSeconds: 40, preset: 'gunicorn' });
    expect(adopted.declaration.env).toBeUndefined();
  });

  test("from uvicorn's --timeout-graceful-shutdown=15 in the command", () => {
    const adopted = adopt(deployment({ command: ['uvicorn', 'app:app', '--timeout-graceful-shutdown=15'] }), service());
    expect(adopted.declaration.drainSeconds).toBe(15);
  });

  test("without a grace period or framework setting, Kubernetes' default 30 s minus the preStop delay, marked CONFIRM", () => {
    const adopted = adopt(deployment({}), service());
    expect(inference(adopted, 'drainSeconds')).toMatchObject({ value: 30, confirm: true });
  });
});

describe('probeLatencyMs: from the current timeouts', () => {
  test('a readiness timeout of 3 s says health answers within 1000 ms', () => {
    const adopted = adopt(deployment({ readinessProbe: { httpGet: { path: '/ready', port: 'http' }, timeoutSeconds: 3 } }), service());
    expect(adopted.declaration.probeLatencyMs).toBe(1000);
  });

  test("Kubernetes' default timeout of 1 s gives the timeout the default latency gives: nothing is written", () => {
    const adopted = adopt(deployment({ readinessProbe: { httpGet: { path: '/ready', port: 'http' } } }), service());
    expect(adopted.declaration.probeLatencyMs).toBeUndefined();
  });
});

describe('the workload and what belongs to it', () => {
  test('a Deployment that a Service selects is web, serving the port the Service targets, on the Service port 80', () => {
    const adopted = adopt(deployment({ readinessProbe: { httpGet: { path: '/ready', port: 'http' } } }), service());
    expect(adopted.declaration).toMatchObject({
      name: 'shop',
      port: 8080,
      service: { port: 80 },
      health: { readiness: { path: '/ready' } },
      replicas: 3,
    });
    expect(adopted.declaration.kind).toBeUndefined();
    expect(adopted.input.map((object) => object.kind)).toEqual(['Deployment', 'Service']);
  });

  test('a Deployment no Service selects is a worker', () => {
    expect(adopt(deployment({ ports: [] })).declaration.kind).toBe('worker');
  });

  test('two Services selecting the pods are an ambiguity, resolved by the service option', () => {
    const adopted = adopt(deployment({}), service('shop'), service('shop-internal'));
    expect(adopted.ambiguities).toEqual([expect.objectContaining({ message: expect.stringContaining('2 Services select the pods') })]);
    const [chosen] = adoptManifests([deployment({}), service('shop'), service('shop-internal')], { service: 'shop-internal' });
    expect(chosen!.ambiguities).toEqual([]);
  });

  test('a probe on a port the container does not declare is an ambiguity', () => {
    const adopted = adopt(deployment({ readinessProbe: { tcpSocket: { port: 9999 } } }), service());
    expect(adopted.ambiguities.map((ambiguity) => ambiguity.resolve)).toContain('health.readiness.port');
  });
});

describe('nothing is dropped silently', () => {
  test('a latest image is dropped ("the user must pin") and written as a placeholder marked CONFIRM', () => {
    const adopted = adopt(deployment({ image: 'nginx:latest' }), service());
    expect(adopted.dropped).toContainEqual(
      expect.objectContaining({ path: 'spec.template.spec.containers.0.image', reason: expect.stringContaining('the user must pin') }),
    );
    expect(writeDeclaration(adopted)).toMatch(/image: nginx:PIN-A-VERSION # CONFIRM: /);
  });

  test('a field the schema has no word for goes to patches', () => {
    const adopted = adopt(deployment({ workingDir: '/srv' }, { dnsPolicy: 'ClusterFirst' }), service());
    expect(adopted.declaration.patches).toEqual({
      Deployment: { object: { spec: { template: { spec: { dnsPolicy: 'ClusterFirst' } } } }, containers: { shop: { workingDir: '/srv' } } },
    });
  });

  test('root is carried over as an acknowledgement with the reason "carried over from the existing manifest — review"', () => {
    const adopted = adopt(deployment({ securityContext: { runAsUser: 0 } }), service());
    expect(adopted.declaration.acknowledge).toMatchObject({ runAsNonRoot: 'carried over from the existing manifest — review' });
  });
});

test('the declaration adopted from hand-written manifests is valid and synthesizes', () => {
  const adopted = adopt(
    deployment(
      {
        readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '400m', memory: '128Mi' } },
      },
      { terminationGracePeriodSeconds: 40 },
    ),
    service(),
  );
  expect(() => resolveWorkload(adopted.declaration)).not.toThrow();
  expect(synthesizeObjects([adopted.declaration as unknown as WorkloadSpec]).map((object) => object.kind)).toContain('Deployment');
});

describe('health.liveness: a liveness check equal to the readiness check (invariant 4, distinctProbes)', () => {
  // helm create's chart: readiness and liveness both httpGet / on the port named http.
  const sameChecks = () =>
    deployment({ readinessProbe: { httpGet: { path: '/', port: 'http' } }, livenessProbe: { httpGet: { path: '/', port: 'http' } } });

  test('readiness is kept and liveness becomes a TCP check of the serving port, labelled with distinctProbes', () => {
    const adopted = adopt(sameChecks(), service());
    expect(adopted.declaration.health).toEqual({ readiness: { path: '/' }, liveness: { tcp: true } });
    expect(inference(adopted, 'health.liveness')).toMatchObject({ confirm: false, source: expect.stringContaining('(distinctProbes)') });
  });

  test('the replaced liveness check is listed as dropped, with the invariant as the reason', () => {
    const adopted = adopt(sameChecks(), service());
    expect(adopted.dropped).toContainEqual({
      object: 'Deployment/shop',
      path: 'spec.template.spec.containers.0.livenessProbe (its check)',
      reason: expect.stringContaining('invariant 4 (distinctProbes)'),
    });
  });

  test('the written declaration resolves and synthesizes, its liveness probe a tcpSocket on 8080', () => {
    const adopted = adopt(sameChecks(), service());
    expect(() => resolveWorkload(adopted.declaration)).not.toThrow();
    const pod = synthesizeObjects([adopted.declaration as unknown as WorkloadSpec]).find((object) => object.kind === 'Deployment')!;
    const container = (pod as KubernetesObject).spec.template.spec.containers[0];
    expect(container.livenessProbe.tcpSocket).toEqual({ port: 8080 });
    expect(container.readinessProbe.httpGet).toMatchObject({ path: '/', port: 8080 });
  });

  test('without a Service or a serving port, liveness checks by TCP the port both probes checked', () => {
    const adopted = adopt(
      deployment({
        ports: [{ name: 'admin', containerPort: 9000 }],
        readinessProbe: { httpGet: { path: '/ready', port: 9000 } },
        livenessProbe: { httpGet: { path: '/ready', port: 9000 } },
      }),
    );
    expect((adopted.declaration.health as Record<string, unknown>).liveness).toEqual({ tcp: true, port: 9000 });
  });
});

describe('the accounting of every input field', () => {
  /** The input adopted, its declaration written and synthesized as the CLI does, and the review of the changes. */
  function reviewed(...objects: KubernetesObject[]) {
    const [entry] = reviewDeclarations(adoptManifests(objects), { writeDeclaration }, SYNTHESIZER, false);
    return { adopted: entry!.adopted, review: entry!.review };
  }
  const changeAt = (review: readonly ObjectReview[], object: string, path: string) =>
    review.find((each) => each.object === object)?.changes.find((change) => change.path === path);

  describe('a release bookkeeping label', () => {
    const labelled = (object: KubernetesObject, at: (object: KubernetesObject) => Record<string, unknown>) => {
      at(object)['helm.sh/chart'] = 'shop-1.4.2';
      return object;
    };
    const input = () => [
      labelled(
        labelled(deployment({}), (object) => object.metadata!.labels!),
        (object) => object.spec.template.metadata.labels,
      ),
      labelled(service(), (object) => (object.metadata!.labels = {})),
    ];

    test('helm.sh/chart on the objects and the pod template is dropped, naming the chart version that goes stale', () => {
      const { adopted } = reviewed(...input());
      const reason = expect.stringContaining('the chart version that rendered the input (shop-1.4.2)');
      expect(adopted.dropped).toEqual(
        expect.arrayContaining([
          { object: 'Deployment/shop', path: 'metadata.labels[helm.sh/chart]', reason },
          { object: 'Deployment/shop', path: 'spec.template.metadata.labels[helm.sh/chart]', reason },
          { object: 'Service/shop', path: 'metadata.labels[helm.sh/chart]', reason },
        ]),
      );
      expect(adopted.declaration.labels).toBeUndefined();
    });

    test('the review gives the drop as the reason the label goes, and the accounting finds nothing unaccounted', () => {
      const { adopted, review } = reviewed(...input());
      expect(changeAt(review, 'Service/shop', 'metadata.labels[helm.sh/chart]')?.reason).toMatch(
        /^dropped: the chart version that rendered the input \(shop-1\.4\.2\)/,
      );
      expect(unaccounted(adopted, review)).toEqual([]);
    });
  });

  describe('a ConfigMap other workloads read too', () => {
    const settings: KubernetesObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'shared-settings' },
      data: { 'app.yaml': 'level: info\n' },
    } as KubernetesObject;
    const mounting = (name: string) => {
      const object = deployment(
        { volumeMounts: [{ name: 'settings', mountPath: '/etc/app' }] },
        { volumes: [{ name: 'settings', configMap: { name: 'shared-settings' } }] },
      );
      object.metadata = { name, labels: { app: name } };
      object.spec.selector.matchLabels = { app: name };
      object.spec.template.metadata.labels = { app: name };
      return object;
    };
    const input = () => [mounting('shop'), mounting('billing'), settings];

    test('is mounted by name with files, its text not copied into configFiles', () => {
      const { adopted } = reviewed(...input());
      expect(adopted.declaration.files).toEqual({ settings: { configMap: 'shared-settings', path: '/etc/app' } });
      expect(adopted.declaration.configFiles).toBeUndefined();
    });

    test('is dropped whole, the reason naming the other workloads; the review says it stays as it is', () => {
      const { adopted, review } = reviewed(...input());
      expect(adopted.dropped).toContainEqual({
        object: 'ConfigMap/shared-settings',
        path: '',
        reason: expect.stringMatching(/^read by Deployment\/billing too: .* it stays as it is$/),
      });
      expect(writeDeclaration(adopted)).toContain('# dropped: ConfigMap/shared-settings: read by Deployment/billing too: ');
      expect(review.find((each) => each.object === 'ConfigMap/shared-settings')?.notKept).toEqual([
        { what: 'object', why: expect.stringContaining('belongs to none of them alone') },
      ]);
      expect(unaccounted(adopted, review)).toEqual([]);
    });
  });

  describe("one emptyDir mounted by sub-folder at several paths (bitnami's empty-dir)", () => {
    const input = () =>
      deployment(
        {
          volumeMounts: [
            { name: 'empty-dir', mountPath: '/tmp', subPath: 'tmp-dir' },
            { name: 'empty-dir', mountPath: '/app/conf', subPath: 'app-conf-dir' },
            { name: 'empty-dir', mountPath: '/app/logs', subPath: 'app-logs-dir' },
          ],
        },
        {
          volumes: [{ name: 'empty-dir', emptyDir: {} }],
          initContainers: [
            { name: 'copy-logs', image: 'ghcr.io/acme/shop:1.2.3', volumeMounts: [{ name: 'empty-dir', mountPath: '/emptydir' }] },
          ],
        },
      );

    test('each sub-folder becomes a scratch folder of its own at its path, named after the subPath', () => {
      const { adopted } = reviewed(input(), service());
      expect(adopted.declaration.scratch).toMatchObject({ 'app-conf-dir': { path: '/app/conf' }, 'app-logs-dir': { path: '/app/logs' } });
      expect(inference(adopted, 'scratch.app-logs-dir')!.source).toBe(
        'spec.template.spec.volumes.0 (an emptyDir), its sub-folder app-logs-dir mounted at /app/logs (spec.template.spec.containers.0.volumeMounts.2)',
      );
    });

    test("the sub-folder of /tmp is dropped (the declaration's tmp is an emptyDir of its own), and the whole mount elsewhere with what no longer reaches the others", () => {
      const { adopted, review } = reviewed(input(), service());
      expect(adopted.dropped).toEqual(
        expect.arrayContaining([
          {
            object: 'Deployment/shop',
            path: 'spec.template.spec.containers.0.volumeMounts.0.subPath',
            reason: '/tmp is an emptyDir of its own in the declaration (tmp): the sub-folder tmp-dir of empty-dir is not needed',
          },
          {
            object: 'Deployment/shop',
            path: 'spec.template.spec.initContainers.0.volumeMounts.0',
            reason: expect.stringContaining(
              'what copy-logs writes under /emptydir/<sub-folder> no longer reaches the containers that mount it',
            ),
          },
        ]),
      );
      expect(unaccounted(adopted, review)).toEqual([]);
    });
  });

  describe('a field written empty, or with the value Kubernetes fills in', () => {
    test('null and [] are left out without a change in behaviour: the API server stores neither', () => {
      const { review } = reviewed(
        deployment({ envFrom: null }, { affinity: { nodeAffinity: null }, securityContext: { sysctls: [], supplementalGroups: [] } }),
        service(),
      );
      for (const path of [
        'spec.template.spec.containers[shop].envFrom',
        'spec.template.spec.affinity.nodeAffinity',
        'spec.template.spec.securityContext.sysctls',
      ])
        expect(changeAt(review, 'Deployment/shop', path)?.reason).toBe(
          'empty in the input: the API server stores null or an empty list as left out, so no change in behaviour',
        );
    });

    test("enableServiceLinks true, fsGroupChangePolicy Always and internalTrafficPolicy Cluster are Kubernetes' defaults", () => {
      const withDefaults = service();
      withDefaults.spec.internalTrafficPolicy = 'Cluster';
      const { adopted, review } = reviewed(
        deployment({}, { enableServiceLinks: true, securityContext: { fsGroupChangePolicy: 'Always' } }),
        withDefaults,
      );
      const same = "Kubernetes' default, written out or left out: no change in behaviour";
      expect(changeAt(review, 'Deployment/shop', 'spec.template.spec.enableServiceLinks')).toMatchObject({ before: true, reason: same });
      expect(changeAt(review, 'Deployment/shop', 'spec.template.spec.securityContext.fsGroupChangePolicy')?.reason).toBe(same);
      expect(changeAt(review, 'Service/shop', 'spec.internalTrafficPolicy')?.reason).toBe(same);
      expect(unaccounted(adopted, review)).toEqual([]);
    });
  });

  test('enableServiceLinks: false is carried over as a patch of the pod', () => {
    const { adopted, review } = reviewed(deployment({}, { enableServiceLinks: false }), service());
    expect(adopted.declaration.patches).toEqual({
      Deployment: { object: { spec: { template: { spec: { enableServiceLinks: false } } } } },
    });
    expect(changeAt(review, 'Deployment/shop', 'spec.template.spec.enableServiceLinks')).toBeUndefined();
    expect(unaccounted(adopted, review)).toEqual([]);
  });

  test("an emptyDir of another name mounted at /tmp only is reviewed as renamed tmp: the declaration's /tmp takes its place", () => {
    const { adopted, review } = reviewed(
      deployment({ volumeMounts: [{ name: 'scratch', mountPath: '/tmp' }] }, { volumes: [{ name: 'scratch', emptyDir: {} }] }),
      service(),
    );
    expect(changeAt(review, 'Deployment/shop', 'spec.template.spec.volumes[scratch]')?.reason).toBe(
      'renamed tmp, mounted at the same folder (/tmp): the declaration names its volumes after its fields',
    );
    expect(unaccounted(adopted, review)).toEqual([]);
  });

  test("a pod template's metadata.name is dropped: the controller names its pods after itself", () => {
    const input = deployment({});
    input.spec.template.metadata.name = 'shop-pod';
    const { adopted, review } = reviewed(input, service());
    expect(changeAt(review, 'Deployment/shop', 'spec.template.metadata.name')?.reason).toBe(
      "dropped: the pod template's name shop-pod is not used: the Deployment names its pods after itself",
    );
    expect(unaccounted(adopted, review)).toEqual([]);
  });

  test('seLinuxOptions: {} is dropped as empty: it sets no SELinux label', () => {
    const { adopted, review } = reviewed(deployment({ securityContext: { seLinuxOptions: {} } }), service());
    expect(changeAt(review, 'Deployment/shop', 'spec.template.spec.containers[shop].securityContext.seLinuxOptions')?.reason).toBe(
      'dropped: empty: it sets no SELinux user, role, type or level, the same as leaving it out',
    );
    expect(unaccounted(adopted, review)).toEqual([]);
  });

  test("a NetworkPolicy's podSelector label beyond the workload's selector is dropped, with the patch table's rule", () => {
    const policy = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'shop' },
      spec: { podSelector: { matchLabels: { app: 'shop', tier: 'web' } }, policyTypes: ['Ingress'], ingress: [{}] },
    } as KubernetesObject;
    const input = deployment({});
    input.spec.template.metadata.labels.tier = 'web';
    const { adopted, review } = reviewed(input, service(), policy);
    expect(adopted.dropped).toContainEqual({
      object: 'NetworkPolicy/shop',
      path: 'spec.podSelector.matchLabels[tier]',
      reason: expect.stringContaining('patches may not change a podSelector'),
    });
    expect(unaccounted(adopted, review)).toEqual([]);
  });

  test("a Service port's appProtocol the port's name already says is dropped: meshes read the name, and Service ports cannot be patched", () => {
    const input = service();
    input.spec.ports = [{ name: 'http', port: 80, targetPort: 'http', appProtocol: 'http' }];
    const { adopted, review } = reviewed(deployment({}), input);
    expect(changeAt(review, 'Service/shop', 'spec.ports[http].appProtocol')?.reason).toBe(
      "dropped: appProtocol http says what the port's name http says, and meshes read the protocol from the name; patches may not change Service ports",
    );
    expect(unaccounted(adopted, review)).toEqual([]);
  });

  test('a volume the declaration mounts at the same folder under its own name is reviewed as renamed, not as gone', () => {
    const { adopted, review } = reviewed(
      deployment({ volumeMounts: [{ name: 'cache', mountPath: '/var/cache/shop/' }] }, { volumes: [{ name: 'cache', emptyDir: {} }] }),
      service(),
    );
    expect(adopted.declaration.scratch).toEqual({ cache: { path: '/var/cache/shop' } });
    expect(changeAt(review, 'Deployment/shop', 'spec.template.spec.volumes[cache]')?.reason).toBe(
      'renamed scratch-cache, mounted at the same folder (/var/cache/shop): the declaration names its volumes after its fields',
    );
    expect(unaccounted(adopted, review)).toEqual([]);
  });

  test("a workload's own ConfigMap mounted as a folder with mode 0755 becomes configFiles: the review says whose files replace it, and the mode is dropped with why", () => {
    const scripts = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'shop-health' },
      data: { 'ping.sh': 'exit 0\n' },
    } as KubernetesObject;
    const { adopted, review } = reviewed(
      deployment(
        { volumeMounts: [{ name: 'health', mountPath: '/health' }] },
        { volumes: [{ name: 'health', configMap: { name: 'shop-health', defaultMode: 0o755 } }] },
      ),
      service(),
      scripts,
    );
    expect(adopted.declaration.configFiles).toEqual({ 'ping.sh': { path: '/health/ping.sh', content: 'exit 0\n' } });
    expect(adopted.dropped).toContainEqual({
      object: 'Deployment/shop',
      path: 'spec.template.spec.volumes.0.configMap.defaultMode',
      reason: expect.stringContaining('the mode 0755 of ConfigMap shop-health'),
    });
    expect(changeAt(review, 'Deployment/shop', 'spec.template.spec.volumes[health]')?.reason).toBe(
      "replaced by config-files, whose files are mounted one by one in the same folder (/health): the declaration's configFiles",
    );
    expect(unaccounted(adopted, review)).toEqual([]);
  });

  test('the tally counts each input field once: a patched field as patched, a dropped label as dropped, the rest as represented', () => {
    const input = deployment({});
    input.spec.revisionHistoryLimit = 5;
    input.metadata!.labels!['helm.sh/chart'] = 'shop-1.4.2';
    const { adopted, review } = reviewed(input, service());
    const counts = tally(adopted, review);
    expect(adopted.declaration.patches).toEqual({ Deployment: { object: { spec: { revisionHistoryLimit: 5 } } } });
    expect(counts).toMatchObject({ patched: 1, dropped: 1, unaccounted: 0 });
    expect(counts.represented).toBe(counts.fields - 2);
  });
});

describe('ports[].servicePort and service.extraPorts: Service ports on other numbers than the container ports they target', () => {
  // bitnami nginx's shape: http 80 → 8080 serves, https 443 → the container port https 8443.
  const nginx = (servicePorts: Array<Record<string, unknown>>) => [
    deployment({
      ports: [
        { name: 'http', containerPort: 8080 },
        { name: 'https', containerPort: 8443 },
      ],
    }),
    { ...service(), spec: { selector: { app: 'shop' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, ...servicePorts] } },
  ];

  test('Service port https 443 → targetPort https (8443) gives ports [{ name: https, port: 8443, servicePort: 443 }], labelled with the Service port', () => {
    const adopted = adopt(...nginx([{ name: 'https', port: 443, targetPort: 'https' }]));
    expect(adopted.declaration.ports).toEqual([{ name: 'https', port: 8443, servicePort: 443 }]);
    expect(inference(adopted, 'ports.0.servicePort')).toMatchObject({
      value: 443,
      confirm: false,
      source: 'Service/shop spec.ports port 443, which targets https',
    });
    expect(adopted.dropped.filter((dropped) => dropped.path.startsWith('spec.ports'))).toEqual([]);
  });

  test('the declaration synthesizes the Service ports the input had: 80 → http, 443 → https', () => {
    const adopted = adopt(...nginx([{ name: 'https', port: 443, targetPort: 'https' }]));
    const objects = synthesizeObjects([adopted.declaration as unknown as WorkloadSpec]);
    const serviceObject = objects.find((object) => object.kind === 'Service') as KubernetesObject;
    expect(serviceObject.spec.ports.map(({ name, port, targetPort }: Record<string, unknown>) => ({ name, port, targetPort }))).toEqual([
      { name: 'http', port: 80, targetPort: 'http' },
      { name: 'https', port: 443, targetPort: 'https' },
    ]);
  });

  test('a Service port on the container number writes no servicePort', () => {
    const adopted = adopt(...nginx([{ name: 'https', port: 8443, targetPort: 'https' }]));
    expect(adopted.declaration.ports).toEqual([{ name: 'https', port: 8443 }]);
  });

  test("a Service port named otherwise than the container port is dropped with why: the Service port keeps the container port's name", () => {
    const adopted = adopt(...nginx([{ name: 'tls', port: 443, targetPort: 'https' }]));
    expect(adopted.declaration.ports).toEqual([{ name: 'https', port: 8443 }]);
    expect(adopted.dropped).toContainEqual({
      object: 'Service/shop',
      path: 'spec.ports.1',
      reason: expect.stringContaining('ports[].servicePort changes the number only'),
    });
  });

  test('a Service port whose number another port of the declaration publishes on is dropped with why', () => {
    // admin keeps its own number 9443 in the declaration's Service, so https cannot be published on 9443 as well.
    const adopted = adopt(
      deployment({
        ports: [
          { name: 'http', containerPort: 8080 },
          { name: 'https', containerPort: 8443 },
          { name: 'admin', containerPort: 9443 },
        ],
      }),
      {
        ...service(),
        spec: {
          selector: { app: 'shop' },
          ports: [
            { name: 'http', port: 80, targetPort: 'http' },
            { name: 'https', port: 9443, targetPort: 'https' },
          ],
        },
      },
    );
    expect(adopted.declaration.ports).toEqual([
      { name: 'https', port: 8443 },
      { name: 'admin', port: 9443 },
    ]);
    expect(adopted.dropped).toContainEqual({
      object: 'Service/shop',
      path: 'spec.ports.1',
      reason:
        "Service port https 9443 is published on 8443: 9443 is taken by another port of the declaration's Service; clients that use it must follow",
    });
  });

  test('a Service port that targets a container port the declaration leaves out is dropped with why', () => {
    const adopted = adopt(
      deployment({
        ports: [
          { name: 'http', containerPort: 8080 },
          { name: 'administration-api', containerPort: 9000 },
        ],
      }),
      {
        ...service(),
        spec: {
          selector: { app: 'shop' },
          ports: [
            { name: 'http', port: 80, targetPort: 'http' },
            { name: 'admin', port: 9000, targetPort: 9000 },
          ],
        },
      },
    );
    expect(adopted.declaration).not.toHaveProperty('ports');
    expect(adopted.dropped).toContainEqual({
      object: 'Service/shop',
      path: 'spec.ports.1',
      reason:
        "Service port admin 9000 targets the container port administration-api, which is not among the declaration's ports (dropped above); clients that use it must follow",
    });
  });

  test('a second Service port on the serving port, https 443 → 8080 beside http 80 → 8080 (argo-cd), gives service.extraPorts', () => {
    const adopted = adopt(deployment({}), {
      ...service(),
      spec: {
        selector: { app: 'shop' },
        ports: [
          { name: 'http', port: 80, targetPort: 8080 },
          { name: 'https', port: 443, targetPort: 8080 },
        ],
      },
    });
    expect(adopted.declaration.service).toEqual({ port: 80, extraPorts: [{ name: 'https', port: 443 }] });
    expect(inference(adopted, 'service.extraPorts')).toMatchObject({
      confirm: false,
      source: 'Service/shop spec.ports https 443, which target the serving port too',
    });
    expect(adopted.dropped.filter((dropped) => dropped.path.startsWith('spec.ports'))).toEqual([]);
  });

  test("a StatefulSet's second Service port on the serving port stays dropped with why: service (and its extraPorts) is kind web's", () => {
    const statefulSet = { ...deployment({}), kind: 'StatefulSet' };
    const adopted = adopt(statefulSet, {
      ...service(),
      spec: {
        selector: { app: 'shop' },
        ports: [
          { name: 'http', port: 8080, targetPort: 'http' },
          { name: 'alt', port: 8081, targetPort: 'http' },
        ],
      },
    });
    expect(adopted.declaration).toMatchObject({ kind: 'stateful' });
    expect(adopted.declaration).not.toHaveProperty('service');
    expect(adopted.dropped).toContainEqual({
      object: 'Service/shop',
      path: 'spec.ports.1',
      reason: expect.stringContaining(
        "a second Service port (alt 8081) on the serving port: service.extraPorts, which keeps one, is kind web's",
      ),
    });
  });
});

describe('a NetworkPolicy is never widened: the callers the input admits are the declaration’s', () => {
  function reviewed(...objects: KubernetesObject[]) {
    const [entry] = reviewDeclarations(adoptManifests(objects), { writeDeclaration }, SYNTHESIZER, false);
    return { adopted: entry!.adopted, review: entry!.review };
  }
  const policy = (ingress: unknown[], policyTypes = ['Ingress']): KubernetesObject => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'shop' },
    spec: { podSelector: { matchLabels: { app: 'shop' } }, policyTypes, ingress },
  });
  const ingressChange = (review: readonly ObjectReview[]) =>
    review.find((each) => each.object === 'NetworkPolicy/shop')?.changes.find((change) => change.path.startsWith('spec.ingress'));

  test("a rule for the serving port by its container port's name carries its pod peers to networkPolicy.ingressFrom (argo-cd's redis)", () => {
    const { adopted, review } = reviewed(
      deployment({}),
      service(),
      policy([
        {
          from: [{ podSelector: { matchLabels: { app: 'checkout' } } }, { podSelector: { matchLabels: { app: 'cart' } } }],
          ports: [{ port: 'http', protocol: 'TCP' }],
        },
      ]),
    );
    expect((adopted.declaration.networkPolicy as Record<string, unknown>).ingressFrom).toEqual([
      { podLabels: { app: 'checkout' } },
      { podLabels: { app: 'cart' } },
    ]);
    expect(adopted.ambiguities).toEqual([]);
    expect(ingressChange(review)?.reason).toBe('the same callers admitted: port 8080: pods app=cart; pods app=checkout');
  });

  test("a rule for the serving port and another declared port admits its callers to both: networkPolicy.ingressFrom and ports[].from (argo-cd's dex)", () => {
    const input = deployment({
      ports: [
        { name: 'http', containerPort: 8080 },
        { name: 'grpc', containerPort: 9090 },
      ],
    });
    const adopted = adopt(
      input,
      service(),
      policy([{ from: [{ podSelector: { matchLabels: { app: 'checkout' } } }], ports: [{ port: 'http' }, { port: 'grpc' }] }]),
    );
    expect((adopted.declaration.networkPolicy as Record<string, unknown>).ingressFrom).toEqual([{ podLabels: { app: 'checkout' } }]);
    expect(adopted.declaration.ports).toEqual([{ name: 'grpc', port: 9090, from: [{ podLabels: { app: 'checkout' } }] }]);
  });

  test("a rule without ports admits its callers to every port: they go to the declared ports, and the rest is dropped with why (argo-cd's server)", () => {
    const { adopted, review } = reviewed(deployment({}), service(), policy([{}]));
    expect(adopted.ambiguities).toEqual([]);
    expect(adopted.dropped).toContainEqual({
      object: 'NetworkPolicy/shop',
      path: 'spec.ingress.0.ports',
      reason:
        "a rule without ports admits its callers to every port; the synthesis admits ingress to the declared ports only, so the pods' other ports admit no one",
    });
    expect(ingressChange(review)?.reason).toMatch(
      /^admitted callers change: every other port: anyone → no one \(dropped: a rule without ports/,
    );
  });

  test('a peer the schema cannot say (an ipBlock with except) is dropped beside the others, and the review names the narrowing with why', () => {
    const { adopted, review } = reviewed(
      deployment({}),
      service(),
      policy([
        {
          from: [{ podSelector: { matchLabels: { app: 'checkout' } } }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }],
          ports: [{ port: 8080 }],
        },
      ]),
    );
    expect((adopted.declaration.networkPolicy as Record<string, unknown>).ingressFrom).toEqual([{ podLabels: { app: 'checkout' } }]);
    expect(adopted.dropped).toContainEqual({
      object: 'NetworkPolicy/shop',
      path: 'spec.ingress.0.from.1',
      reason: 'an ipBlock with except is not a peer the schema can say: the declaration admits fewer callers than the input',
    });
    expect(ingressChange(review)?.reason).toBe(
      'admitted callers change: port 8080: cidr 10.0.0.0/8 except 10.1.0.0/16; pods app=checkout → pods app=checkout (dropped: an ipBlock with except is not a peer the schema can say: the declaration admits fewer callers than the input)',
    );
  });

  test('a port whose only callers the schema cannot say is an open question (exit 3), not a policy that admits anyone', () => {
    const adopted = adopt(
      deployment({}),
      service(),
      policy([
        { from: [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['checkout'] }] } }], ports: [{ port: 8080 }] },
      ]),
    );
    expect(adopted.declaration.networkPolicy).toBeUndefined();
    expect(adopted.ambiguities).toEqual([
      {
        object: 'Deployment/shop',
        message:
          'NetworkPolicy/shop admits only callers the schema cannot say to port 8080, and the declaration names no callers for it, so its NetworkPolicy would admit anyone',
        resolve: 'networkPolicy.ingressFrom (name the callers)',
      },
    ]);
  });

  test('a policy that restricts ingress with no rule for the serving port admits no one there: an open question too', () => {
    const adopted = adopt(
      deployment({}),
      service(),
      policy([{ from: [{ podSelector: { matchLabels: { app: 'shop' } } }], ports: [{ port: 7000 }] }]),
    );
    expect(adopted.ambiguities.map((each) => each.message)).toContain(
      'NetworkPolicy/shop admits no one to port 8080, and the declaration names no callers for it, so its NetworkPolicy would admit anyone',
    );
  });

  test('a rule without peers admits anyone to its port, as the declaration without peers does: no question', () => {
    const adopted = adopt(deployment({}), service(), policy([{ ports: [{ port: 'http' }] }]));
    expect(adopted.ambiguities).toEqual([]);
  });
});
