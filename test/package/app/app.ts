/**
 * A user's cdk8s app, compiled with `strict` against the installed package: it composes the
 * constructs in a namespaced chart, reads their objects and synthesizes. The lines marked
 * `@ts-expect-error` must stay errors: they are the type checks users rely on.
 */
import { App, Chart, Testing } from 'cdk8s';
import {
  HardenedWebService,
  type HardenedWebServiceProps,
  HardenedWorker,
  type HardenedWorkloadProps,
  type ProbeTarget,
  WorkloadChart,
  type WorkloadSpec,
} from 'hardened-workloads';

const checkout: HardenedWebServiceProps = {
  name: 'checkout',
  image: 'ghcr.io/acme/checkout:1.4.2',
  port: 8080,
  replicas: 3,
  health: { readiness: { path: '/readyz' } },
  startup: { typicalSeconds: 20, maxSeconds: 90 },
  drainSeconds: 30,
  probeLatencyMs: 300,
};

const app = new App({ outdir: 'dist' });
const shop = new Chart(app, 'shop', { namespace: 'shop' });
const web = new HardenedWebService(shop, 'checkout', checkout);
new HardenedWorker(shop, 'mailer', {
  name: 'mailer',
  image: 'ghcr.io/acme/mailer:2.0.0',
  health: { liveness: { exec: ['/bin/alive'] } },
  startup: { maxSeconds: 30 },
  drainSeconds: 60,
});
// A web service always has its Service: no `!` needed.
web.service.addJsonPatch();

const declaration: WorkloadSpec = { ...checkout, kind: 'web' };
new WorkloadChart(app, 'declared', { workloads: [declaration] });

// @ts-expect-error a probe checks one thing: an empty target is not a probe
const nothing: ProbeTarget = {};
// @ts-expect-error a probe checks one thing: path and tcp together are two
const twoThings: ProbeTarget = { path: '/readyz', tcp: true };
// @ts-expect-error drainSeconds is required
const incomplete: HardenedWorkloadProps = { name: 'x', image: 'ghcr.io/acme/x:1.0.0', startup: { maxSeconds: 10 } };
void [nothing, twoThings, incomplete];

// The objects a jest snapshot test would see.
const kinds = Testing.synth(shop).map((object: { kind: string }) => object.kind);
if (
  kinds.join(',') !==
  'ServiceAccount,Deployment,Service,PodDisruptionBudget,NetworkPolicy,ServiceAccount,Deployment,PodDisruptionBudget,NetworkPolicy'
) {
  throw new Error(`unexpected objects: ${kinds.join(',')}`);
}
app.synth();
