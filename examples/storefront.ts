import { Chart, type ChartProps, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
// In your own app: import { HardenedWebService, ingressBackend } from 'hardened-workloads/kplus';
import { HardenedWebService, ingressBackend } from '../src/kplus';

/**
 * Composition in TypeScript: a hardened workload inside a chart that adds cdk8s-plus-28 objects
 * around it — a kplus Ingress with TLS that routes to the workload's Service, a kplus Secret
 * standing for the name the declaration takes — and a Prometheus scrape annotation added to the
 * pod template through the escape hatch every underlying object offers.
 */
export class StorefrontChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);

    // An existing Secret, by its cdk8s-plus-28 object: the declaration takes it where it takes a name.
    const sessions = kplus.Secret.fromSecretName(this, 'sessions', 'storefront-sessions');

    const storefront = new HardenedWebService(this, 'storefront', {
      name: 'storefront',
      image: 'ghcr.io/acme/storefront:7.3.0',
      port: 3000,
      replicas: 3,
      health: { readiness: { path: '/api/ready' }, liveness: { path: '/api/live' } },
      startup: { typicalSeconds: 6, maxSeconds: 30 },
      drainSeconds: 15,
      probeLatencyMs: 250,
      env: { SESSION_KEY: { secret: { name: sessions, key: 'key' } } },
      networkPolicy: { ingressFrom: [{ namespaceLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }] },
    });

    // The underlying objects stay reachable for what the declaration does not cover.
    storefront.deployment.addJsonPatch(
      JsonPatch.add('/spec/template/metadata/annotations', { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '3000' }),
    );

    // A cdk8s-plus-28 Ingress in front of the workload's Service, terminating TLS with the
    // certificate in the Secret storefront-tls (e.g. issued by cert-manager).
    new kplus.Ingress(this, 'ingress', {
      metadata: { name: 'storefront', labels: { ...storefront.selector } },
      className: 'nginx',
      rules: [{ host: 'shop.example.com', path: '/', pathType: kplus.HttpIngressPathType.PREFIX, backend: ingressBackend(storefront) }],
      tls: [{ hosts: ['shop.example.com'], secret: kplus.Secret.fromSecretName(this, 'tls', 'storefront-tls') }],
    });
  }
}
