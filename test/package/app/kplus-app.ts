/**
 * A user's cdk8s app that composes the constructs with cdk8s-plus-28 through
 * `hardened-workloads/kplus`: a kplus Secret and ConfigMap stand for their names, and a kplus
 * Ingress goes in front of the workload's Service. Compiled strictly, but with `skipLibCheck`:
 * cdk8s-plus-28's own declarations do not compile under `exactOptionalPropertyTypes`.
 */
import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { HardenedWebService, type HardenedWebServiceProps, ingressBackend } from 'hardened-workloads/kplus';

const app = new App({ outdir: 'dist-kplus' });
const shop = new Chart(app, 'shop', { namespace: 'shop' });
const settings = new kplus.ConfigMap(shop, 'settings', { metadata: { name: 'checkout-settings' }, data: { MODE: 'live' } });
const database = kplus.Secret.fromSecretName(shop, 'database', 'checkout-database');
const checkout = new HardenedWebService(shop, 'checkout', {
  name: 'checkout',
  image: 'ghcr.io/acme/checkout:1.4.2',
  port: 8080,
  replicas: 3,
  health: { readiness: { path: '/readyz' } },
  startup: { maxSeconds: 90 },
  drainSeconds: 30,
  env: { DATABASE_PASSWORD: { secret: { name: database, key: 'password' } } },
  envFrom: [{ configMap: settings }],
});
new kplus.Ingress(shop, 'ingress', {
  rules: [{ host: 'shop.example.com', path: '/', backend: ingressBackend(checkout) }],
  tls: [{ hosts: ['shop.example.com'], secret: kplus.Secret.fromSecretName(shop, 'tls', 'shop-tls') }],
});

// @ts-expect-error a ConfigMap does not stand for a Secret
const wrong: HardenedWebServiceProps['files'] = { tls: { path: '/etc/tls', secret: settings } };
void wrong;

const objects = Testing.synth(shop) as Array<{ kind: string; spec?: { rules?: unknown[] } }>;
const ingress = objects.find((object) => object.kind === 'Ingress');
if (
  JSON.stringify(ingress?.spec?.rules) !==
  JSON.stringify([
    {
      host: 'shop.example.com',
      http: { paths: [{ backend: { service: { name: 'checkout', port: { number: 8080 } } }, path: '/', pathType: 'Prefix' }] },
    },
  ])
) {
  throw new Error(`unexpected Ingress rules: ${JSON.stringify(ingress?.spec?.rules)}`);
}
app.synth();
