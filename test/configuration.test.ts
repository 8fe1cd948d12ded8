import { checkManifests, synthesizeObjects, synthesizeYaml, type WorkloadSpec } from '../src';
import { configMapName } from '../src/declaration/config-files';
import type { KubernetesObject } from '../src/manifests/facts';
import { CHECKOUT, checkoutWith } from './support/declarations';
import { helmFace, helmTest } from './support/helm';
import { mainContainer, objectsOfKind, theOnly } from './support/manifests';

/**
 * Configuration and secrets as the objects show them: environment variables from every source and
 * in the order Kubernetes needs, whole Secrets and ConfigMaps, files, the generated ConfigMap of
 * the config files, scratch space, pull secrets, annotations, the API token and scheduling.
 */

const synth = (declaration: WorkloadSpec) => synthesizeObjects([declaration]) as KubernetesObject[];
const pod = (objects: readonly KubernetesObject[]) => theOnly(objects, 'Deployment').spec.template;

describe('environment variables', () => {
  test('a map of strings is set in name order, as before', () => {
    const env = mainContainer(synth(checkoutWith({ env: { ZONE: 'eu', APP_MODE: 'api' } }))).env;
    expect(env).toEqual([
      { name: 'APP_MODE', value: 'api' },
      { name: 'ZONE', value: 'eu' },
    ]);
  });

  test('a list keeps its order, so that a value can refer to a variable set before it', () => {
    const env = mainContainer(
      synth(
        checkoutWith({
          env: [
            { name: 'DB_HOST', value: 'db.internal' },
            { name: 'DATABASE_URL', value: 'postgres://$(DB_HOST)/orders' },
          ],
        }),
      ),
    ).env;
    expect(env.map((entry: { name: string }) => entry.name)).toEqual(['DB_HOST', 'DATABASE_URL']);
  });

  test('a preset’s variables follow the declared list, and a declared one keeps its place', () => {
    const env = mainContainer(
      synth(checkoutWith({ preset: 'spring-boot', health: {}, env: [{ name: 'SERVER_SHUTDOWN', value: 'graceful' }] })),
    ).env;
    expect(env).toEqual([
      { name: 'SERVER_SHUTDOWN', value: 'graceful' },
      { name: 'MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED', value: 'true' },
      { name: 'SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE', value: '30s' },
    ]);
  });

  test('each source becomes its valueFrom: Secret and ConfigMap keys, the pod, the container resources', () => {
    const env = mainContainer(
      synth(
        checkoutWith({
          env: {
            DB_PASSWORD: { secret: { name: 'db-credentials', key: 'password' } },
            FEATURES: { configMap: { name: 'flags', key: 'features', optional: true } },
            POD_IP: { pod: 'podIP' },
            POD_NAME: { pod: 'name' },
            HEAP_MB: { resource: { field: 'limits.memory', divisor: '1Mi' } },
            CORES: { resource: { field: 'requests.cpu' } },
          },
        }),
      ),
    ).env;
    expect(env).toEqual([
      { name: 'CORES', valueFrom: { resourceFieldRef: { resource: 'requests.cpu' } } },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } },
      { name: 'FEATURES', valueFrom: { configMapKeyRef: { name: 'flags', key: 'features', optional: true } } },
      { name: 'HEAP_MB', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ]);
  });

  test('a reference may name a Service variable of the namespace, or any variable when envFrom may set it', () => {
    expect(() => synth(checkoutWith({ env: { CART: 'http://$(CART_SERVICE_HOST):$(CART_SERVICE_PORT)' } }))).not.toThrow();
    expect(() => synth(checkoutWith({ env: { URL: 'http://$(HOST)' }, envFrom: [{ configMap: 'endpoints' }] }))).not.toThrow();
  });

  test('$$ escapes a reference, and text that cannot be a name is no reference', () => {
    expect(() => synth(checkoutWith({ env: { GREETING: 'cost $$(PRICE)', SHELL_LIKE: '$(date +%s)' } }))).not.toThrow();
  });

  test('whole Secrets and ConfigMaps come in the order declared, with prefix and optional as written', () => {
    expect(
      mainContainer(
        synth(
          checkoutWith({
            envFrom: [
              { secret: 'db', prefix: 'DB_' },
              { configMap: 'settings', optional: true },
            ],
          }),
        ),
      ).envFrom,
    ).toEqual([{ prefix: 'DB_', secretRef: { name: 'db' } }, { configMapRef: { name: 'settings', optional: true } }]);
  });
});

describe('files from Secrets and ConfigMaps', () => {
  const objects = synth(
    checkoutWith({
      files: {
        tls: { path: '/etc/tls', secret: 'db-tls', items: { 'tls.key': 'key.pem', 'ca.crt': 'ca.pem' } },
        settings: { path: '/etc/app', configMap: 'settings', optional: true, mode: 0o444 },
      },
    }),
  );

  test('are mounted read-only at their paths', () => {
    expect(mainContainer(objects).volumeMounts).toEqual([
      { name: 'tmp', mountPath: '/tmp' },
      { name: 'files-settings', mountPath: '/etc/app', readOnly: true },
      { name: 'files-tls', mountPath: '/etc/tls', readOnly: true },
    ]);
  });

  test('are readable by the pod’s group (0440) unless a mode is declared; chosen keys in key order', () => {
    expect(pod(objects).spec.volumes.slice(1)).toEqual([
      { name: 'files-settings', configMap: { name: 'settings', defaultMode: 0o444, optional: true } },
      {
        name: 'files-tls',
        secret: {
          secretName: 'db-tls',
          defaultMode: 0o440,
          items: [
            { key: 'ca.crt', path: 'ca.pem' },
            { key: 'tls.key', path: 'key.pem' },
          ],
        },
      },
    ]);
  });
});

describe('config files written in the declaration', () => {
  const SETTINGS = { 'settings.py': { path: '/app/settings.py', content: 'DEBUG = False\n' } };

  test('the ConfigMap name is the hash of keys, paths and contents, as computed by coreutils', () => {
    // printf 'settings.py\n/app/settings.py\n%s\n' "$(printf 'DEBUG = False\n' | sha256sum | cut -c1-64)" | sha256sum | cut -c1-10
    expect(configMapName('orders', SETTINGS)).toBe('orders-config-231a2abd38');
    // Two files in key order; the second with CRLF, NUL, an emoji, a combining mark and U+2028:
    // c2=$(printf 'a\r\nnul \000 \xf0\x9f\x9a\x80 e\xcc\x81 \xe2\x80\xa8\n' | sha256sum | cut -c1-64), then
    // printf 'settings.py\n/app/settings.py\n%s\nz.txt\n/etc/z.txt\n%s\n' "$c1" "$c2" | sha256sum | cut -c1-10
    expect(configMapName('orders', { 'z.txt': { path: '/etc/z.txt', content: UNICODE_CONTENT }, ...SETTINGS })).toBe(
      'orders-config-7434e5c7e8',
    );
  });

  const objects = synth(checkoutWith({ configFiles: SETTINGS }));

  test('become one immutable ConfigMap, kept by Helm on upgrades for older ReplicaSets', () => {
    expect(theOnly(objects, 'ConfigMap')).toMatchObject({
      metadata: { name: 'checkout-config-231a2abd38', annotations: { 'helm.sh/resource-policy': 'keep' } },
      immutable: true,
      data: { 'settings.py': 'DEBUG = False\n' },
    });
  });

  test('each file is mounted read-only at its path from the ConfigMap', () => {
    expect(mainContainer(objects).volumeMounts).toContainEqual({
      name: 'config-files',
      mountPath: '/app/settings.py',
      subPath: 'settings.py',
      readOnly: true,
    });
    expect(pod(objects).spec.volumes).toContainEqual({ name: 'config-files', configMap: { name: 'checkout-config-231a2abd38' } });
  });

  test('a changed file gives a new name, so that the pods roll', () => {
    const changed = synth(checkoutWith({ configFiles: { 'settings.py': { ...SETTINGS['settings.py'], content: 'DEBUG = True\n' } } }));
    expect(theOnly(changed, 'ConfigMap').metadata?.name).not.toBe('checkout-config-231a2abd38');
  });

  test('a workload without config files has no ConfigMap', () => {
    expect(objectsOfKind(synth(CHECKOUT), 'ConfigMap')).toEqual([]);
  });
});

const UNICODE_CONTENT = 'a\r\nnul \u0000 🚀 e\u0301 \u2028\n';

helmTest('the Helm face names the ConfigMap with the same hash, Unicode content included', async () => {
  const { objects } = await helmFace(
    checkoutWith({
      instance: 'orders',
      configFiles: {
        'settings.py': { path: '/app/settings.py', content: 'DEBUG = False\n' },
        'z.txt': { path: '/etc/z.txt', content: UNICODE_CONTENT },
      },
    }),
  );
  expect(objects!['ConfigMap/orders-config-7434e5c7e8']).toMatchObject({ data: { 'z.txt': UNICODE_CONTENT } });
});

describe('scratch space', () => {
  test('/tmp has a size limit now (1Gi by default): a runaway writer is evicted instead of filling the node', () => {
    expect(pod(synth(CHECKOUT)).spec.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '1Gi' } }]);
  });

  test('declared folders are emptyDirs with a size limit, declared or 1Gi, on disk or in memory', () => {
    const objects = synth(
      checkoutWith({
        tmp: { sizeLimit: '4Gi' },
        scratch: { cache: { path: '/var/cache/app' }, run: { path: '/run/app', medium: 'memory', sizeLimit: '16Mi' } },
      }),
    );
    expect(pod(objects).spec.volumes).toEqual([
      { name: 'tmp', emptyDir: { sizeLimit: '4Gi' } },
      { name: 'scratch-cache', emptyDir: { sizeLimit: '1Gi' } },
      { name: 'scratch-run', emptyDir: { sizeLimit: '16Mi', medium: 'Memory' } },
    ]);
    expect(mainContainer(objects).volumeMounts).toEqual([
      { name: 'tmp', mountPath: '/tmp' },
      { name: 'scratch-cache', mountPath: '/var/cache/app' },
      { name: 'scratch-run', mountPath: '/run/app' },
    ]);
  });
});

describe('identity', () => {
  test('pull secrets and pod annotations reach the pod template', () => {
    const template = pod(synth(checkoutWith({ imagePullSecrets: ['registry'], podAnnotations: { 'prometheus.io/scrape': 'true' } })));
    expect(template.metadata.annotations).toEqual({ 'prometheus.io/scrape': 'true' });
    expect(template.spec.imagePullSecrets).toEqual([{ name: 'registry' }]);
  });

  test('ServiceAccount annotations carry a cloud workload identity; still no token', () => {
    const objects = synth(checkoutWith({ serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/x' } } }));
    expect(theOnly(objects, 'ServiceAccount')).toMatchObject({
      metadata: { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/x' } },
      automountServiceAccountToken: false,
    });
    expect(pod(objects).spec.automountServiceAccountToken).toBe(false);
  });

  const withToken = checkoutWith({
    serviceAccount: { mountApiToken: true },
    acknowledge: { automountServiceAccountToken: 'reads leases for leader election' },
  });

  test('an API token is mounted on the pod and the ServiceAccount, with the reason recorded', () => {
    const objects = synth(withToken);
    expect(theOnly(objects, 'ServiceAccount').automountServiceAccountToken).toBe(true);
    expect(pod(objects).spec.automountServiceAccountToken).toBe(true);
    expect(theOnly(objects, 'Deployment').metadata?.annotations?.['hardened-workloads.io/acknowledged']).toBe(
      'automountServiceAccountToken: reads leases for leader election',
    );
  });

  test('check reports the token as acknowledged, with the reason, and does not fail on it', () => {
    const { findings } = checkManifests([{ name: 'out.yaml', text: synthesizeYaml([withToken]) }]);
    expect(findings.map(({ ruleId, suppressed }) => ({ ruleId, suppressed }))).toEqual([
      { ruleId: 'automountServiceAccountToken', suppressed: { reason: 'reads leases for leader election' } },
    ]);
  });
});

describe('scheduling', () => {
  const objects = synth(
    checkoutWith({
      scheduling: {
        nodeSelector: { 'kubernetes.io/arch': 'arm64' },
        tolerations: [{ key: 'dedicated', value: 'payments', effect: 'NoSchedule' }],
        priorityClassName: 'business-critical',
        nodeAffinity: {
          required: [{ matchExpressions: [{ key: 'node-pool', operator: 'NotIn', values: ['spot'] }] }],
          preferred: [{ weight: 20, matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }],
        },
      },
    }),
  );
  const spec = pod(objects).spec;

  test('node labels, tolerations and priority reach the pod', () => {
    expect(spec).toMatchObject({
      nodeSelector: { 'kubernetes.io/arch': 'arm64' },
      tolerations: [{ key: 'dedicated', value: 'payments', effect: 'NoSchedule' }],
      priorityClassName: 'business-critical',
    });
  });

  test('node affinity joins the spread, which stays exactly as it is', () => {
    const plain = pod(synth(CHECKOUT)).spec;
    expect(spec.topologySpreadConstraints).toEqual(plain.topologySpreadConstraints);
    expect(spec.affinity).toEqual({
      ...plain.affinity,
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'node-pool', operator: 'NotIn', values: ['spot'] }] }],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 20, preference: { matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] } },
        ],
      },
    });
  });
});
