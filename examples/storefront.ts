import { Chart, type ChartProps, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
// In your own app: import { HardenedWebService } from 'hardened-workloads';
import { HardenedWebService } from '../src';

/**
 * Composition in TypeScript: a hardened workload inside a chart that adds its own objects around
 * it — an Ingress with TLS that routes to the workload's Service, and a Prometheus scrape
 * annotation added to the pod template through the escape hatch every underlying object offers.
 */
export class StorefrontChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);

    const storefront = new HardenedWebService(this, 'storefront', {
      name: 'storefront',
      image: 'ghcr.io/acme/storefront:7.3.0',
      port: 3000,
      replicas: 3,
      health: { readiness: { path: '/api/ready' }, liveness: { path: '/api/live' } },
      startup: { typicalSeconds: 6, maxSeconds: 30 },
      drainSeconds: 15,
      probeLatencyMs: 250,
      networkPolicy: { ingressFrom: [{ namespaceLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }] },
    });

    // The underlying objects stay reachable for what the declaration does not cover.
    storefront.deployment.addJsonPatch(
      JsonPatch.add('/spec/template/metadata/annotations', { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '3000' }),
    );

    // An Ingress of the chart's own in front of the workload's Service, terminating TLS with the
    // certificate in the Secret storefront-tls (e.g. issued by cert-manager).
    const service = storefront.service;
    new kplus.k8s.KubeIngress(this, 'ingress', {
      metadata: { name: 'storefront', labels: { ...storefront.selector } },
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['shop.example.com'], secretName: 'storefront-tls' }],
        rules: [
          {
            host: 'shop.example.com',
            http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: service.name, port: { name: 'http' } } } }] },
          },
        ],
      },
    });
  }
}
