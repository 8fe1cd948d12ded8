import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as main from '../src';
import { isDeclarationError, type WorkloadSpec } from '../src';
import { HardenedStatefulSet, HardenedWebService, HardenedWorker, ingressBackend } from '../src/kplus';
import { CHECKOUT } from './support/declarations';

/**
 * Composition with cdk8s-plus-28 through `hardened-workloads/kplus`: its Secret and ConfigMap
 * objects stand wherever the declaration takes their names, and a kplus Ingress goes in front of
 * our Service.
 */

const { kind: _kind, ...WEB } = CHECKOUT as WorkloadSpec;

/** The same workload declared with names, for comparison. */
const BY_NAME = {
  ...WEB,
  imagePullSecrets: ['registry-credentials'],
  env: { DB_PASSWORD: { secret: { name: 'db-credentials', key: 'password' } }, MODE: { configMap: { name: 'app-settings', key: 'mode' } } },
  envFrom: [{ configMap: 'app-settings' }, { secret: 'db-credentials', prefix: 'DB_' }],
  files: { tls: { path: '/etc/checkout/tls', secret: 'checkout-tls' } },
  ingress: { hosts: ['shop.example.com'], tlsSecretName: 'shop-tls' },
};

function synthesize(build: (chart: Chart) => void): unknown[] {
  const chart = new Chart(Testing.app(), 'test');
  build(chart);
  return Testing.synth(chart);
}

test('kplus Secrets and ConfigMaps stand for their names: the objects are those of the declaration by name', () => {
  const byName = synthesize((chart) => new main.HardenedWebService(chart, 'checkout', BY_NAME));
  const byObject = synthesize((chart) => {
    const secrets = new Map<string, kplus.ISecret>();
    const secret = (name: string) => secrets.get(name) ?? secrets.set(name, kplus.Secret.fromSecretName(chart, name, name)).get(name)!;
    const settings = new kplus.ConfigMap(chart, 'settings', { metadata: { name: 'app-settings' }, data: { mode: 'live' } });
    new HardenedWebService(chart, 'checkout', {
      ...WEB,
      imagePullSecrets: [secret('registry-credentials')],
      env: {
        DB_PASSWORD: { secret: { name: secret('db-credentials'), key: 'password' } },
        MODE: { configMap: { name: settings, key: 'mode' } },
      },
      envFrom: [{ configMap: settings }, { secret: secret('db-credentials'), prefix: 'DB_' }],
      files: { tls: { path: '/etc/checkout/tls', secret: secret('checkout-tls') } },
      ingress: { hosts: ['shop.example.com'], tlsSecretName: secret('shop-tls') },
    });
  });
  // The kplus ConfigMap is an object of its own; everything else is the same.
  expect(byObject.filter((object) => (object as { kind: string }).kind !== 'ConfigMap')).toEqual(byName);
});

test('a ConfigMap where a Secret is named (from JavaScript: TypeScript refuses it) is a declaration error naming the field', () => {
  const chart = new Chart(new App(), 'test');
  const settings = new kplus.ConfigMap(chart, 'settings', { metadata: { name: 'app-settings' } });
  let thrown: unknown;
  try {
    new HardenedWebService(chart, 'checkout', {
      ...WEB,
      files: { tls: { path: '/etc/tls', secret: settings as unknown as kplus.ISecret } },
    });
  } catch (error) {
    thrown = error;
  }
  expect(isDeclarationError(thrown)).toBe(true);
  expect((thrown as Error).message).toContain('- files.tls.secret: "ConfigMap app-settings"\n    rule: files.tls.secret names a Secret');
  expect((thrown as Error).message).toContain(
    "fix:  give a kplus.Secret (e.g. kplus.Secret.fromSecretName(this, 'id', 'name')) or its name",
  );
});

test('a kplus Ingress goes in front of the Service through ingressBackend(workload)', () => {
  const objects = synthesize((chart) => {
    const checkout = new HardenedWebService(chart, 'checkout', WEB);
    new kplus.Ingress(chart, 'ingress', {
      rules: [{ host: 'shop.example.com', path: '/', backend: ingressBackend(checkout) }],
      tls: [{ hosts: ['shop.example.com'], secret: kplus.Secret.fromSecretName(chart, 'tls', 'shop-tls') }],
    });
  }) as Array<{ kind: string; metadata: { name: string }; spec: { ports?: Array<{ port: number }>; rules?: unknown[] } }>;
  const service = objects.find((object) => object.kind === 'Service')!;
  const ingress = objects.find((object) => object.kind === 'Ingress')!;
  expect(ingress.spec.rules).toEqual([
    {
      host: 'shop.example.com',
      http: {
        paths: [
          {
            path: '/',
            pathType: 'Prefix',
            backend: { service: { name: service.metadata.name, port: { number: service.spec.ports![0]!.port } } },
          },
        ],
      },
    },
  ]);
});

test('ingressBackend() of a workload without a Service says so', () => {
  const chart = new Chart(new App(), 'test');
  const worker = new HardenedWorker(chart, 'worker', { ...WEB, port: undefined, health: { liveness: { exec: ['/app/alive'] } } });
  expect(() => ingressBackend(worker)).toThrow('workload "checkout" (kind worker) has no Service to put an Ingress in front of');
});

test('a stateful workload with a port gets its Service, not its headless Service, as the Ingress backend', () => {
  const objects = synthesize((chart) => {
    const cache = new HardenedStatefulSet(chart, 'cache', {
      ...WEB,
      name: 'cache',
      stateful: { volumeClaims: { data: { size: '1Gi', mountPath: '/data' } } },
    });
    new kplus.Ingress(chart, 'ingress', { rules: [{ host: 'cache.example.com', backend: ingressBackend(cache) }] });
  }) as Array<{ kind: string; spec: { rules?: Array<{ http: { paths: Array<{ backend: unknown }> } }> } }>;
  const ingress = objects.find((object) => object.kind === 'Ingress')!;
  expect(ingress.spec.rules![0]!.http.paths[0]!.backend).toEqual({ service: { name: 'cache', port: { number: 8080 } } });
});

test('the kplus constructs are the main constructs: same class hierarchy, same objects for names', () => {
  const chart = new Chart(Testing.app(), 'test');
  const web = new HardenedWebService(chart, 'checkout', WEB);
  expect(web).toBeInstanceOf(main.HardenedWebService);
  expect(web).toBeInstanceOf(main.HardenedWorkloadBase);
});
