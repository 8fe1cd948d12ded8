import { Testing } from 'cdk8s';
import {
  DeclarationError,
  HardenedWorkload,
  isDeclarationError,
  type Problem,
  resolveWorkload,
  synthesizeObjects,
  type WorkloadSpec,
} from '../src';
import { schemaAt } from '../src/declaration/json-schema';
import { MISPLACED_FIELDS } from '../src/declaration/schema-problems';
import { REJECTION_TABLES } from './support/rejection-tables';
import { CHECKOUT, checkoutWith, CLOUD_SQL_PROXY, MIGRATE } from './support/declarations';

function problemsOf(declaration: unknown): readonly Problem[] {
  try {
    resolveWorkload(declaration);
    // `patches` are checked on the objects they change, when the workload is made (src/patches/).
    synthesizeObjects([declaration as WorkloadSpec]);
  } catch (error) {
    if (isDeclarationError(error)) return error.problems;
    throw error;
  }
  throw new Error('the declaration was accepted');
}

const SIDECAR = { ...CLOUD_SQL_PROXY, startSeconds: 20 };

/** Each row: what is wrong, the declaration, and the field, rule and fix the message must give. */
const REJECTIONS: Array<[string, unknown, { path: string; rule: RegExp; fix: RegExp; value?: unknown }]> = [
  [
    'an untagged image',
    checkoutWith({ image: 'ghcr.io/acme/checkout' }),
    { path: 'image', value: 'ghcr.io/acme/checkout', rule: /pinned by a tag or a digest/, fix: /version tag/ },
  ],
  [
    'a registry port mistaken for a tag',
    checkoutWith({ image: 'registry.local:5000/checkout' }),
    { path: 'image', rule: /pinned by a tag or a digest/, fix: /version tag/ },
  ],
  [
    'the latest tag',
    checkoutWith({ image: 'ghcr.io/acme/checkout:latest' }),
    { path: 'image', rule: /"latest"/, fix: /pin a version tag/ },
  ],
  [
    'a maximum startup below the typical one',
    checkoutWith({ startup: { typicalSeconds: 100, maxSeconds: 90 } }),
    {
      path: 'startup.typicalSeconds',
      value: 100,
      rule: /cannot take longer than the slowest one \(startup.maxSeconds = 90\)/,
      fix: /at most 90/,
    },
  ],
  [
    'a grace override shorter than preStop + drain + 5',
    checkoutWith({ overrides: { terminationGracePeriodSeconds: 20 } }),
    {
      path: 'overrides.terminationGracePeriodSeconds',
      value: 20,
      rule: /invariant 7 \(graceCoversShutdown\).*grace 20 s vs preStop 10 \+ drain 30 \+ 5 = 45 s/,
      fix: /^raise overrides.terminationGracePeriodSeconds to at least 45; if this is deliberate, add acknowledge.graceCoversShutdown/,
    },
  ],
  [
    'a startup override whose window misses 1.5 × the slowest start',
    checkoutWith({ overrides: { startup: { failureThreshold: 10 } } }),
    {
      path: 'overrides.startup.failureThreshold',
      rule: /invariant 1 \(startupWindow\).*3 s × 10 = 30 s vs 1.5 × 90 s/,
      fix: /^raise overrides.startup.failureThreshold to at least 45;/,
    },
  ],
  [
    'a liveness override that fires before readiness',
    checkoutWith({ overrides: { liveness: { failureThreshold: 1 } } }),
    {
      path: 'overrides.liveness.failureThreshold',
      rule: /invariant 3 \(livenessAfterReadiness\)/,
      fix: /^raise overrides.liveness.failureThreshold to at least 3;/,
    },
  ],
  [
    'a readiness timeout of 1 s',
    checkoutWith({ overrides: { readiness: { timeoutSeconds: 1 } } }),
    {
      path: 'overrides.readiness.timeoutSeconds',
      rule: /invariant 5 \(readinessTimeout\)/,
      fix: /^set overrides.readiness.timeoutSeconds to at least 2;/,
    },
  ],
  [
    'a startup period no longer than its timeout',
    checkoutWith({ overrides: { readiness: { timeoutSeconds: 3 }, startup: { periodSeconds: 3 } } }),
    {
      path: 'overrides.startup.periodSeconds',
      rule: /invariant 5 \(readinessTimeout\).*startup timeout 3 s, period 3 s/,
      fix: /^set overrides.startup.periodSeconds to at least 4;/,
    },
  ],
  [
    'a preStop delay shorter than propagation',
    checkoutWith({ overrides: { preStopSeconds: 3 } }),
    {
      path: 'overrides.preStopSeconds',
      rule: /invariant 6 \(preStopCoversPropagation\).*preStop 3 s vs propagation 10 s/,
      fix: /^raise overrides.preStopSeconds to at least 10;/,
    },
  ],
  [
    'no surge with no unavailability (cannot be acknowledged)',
    checkoutWith({ overrides: { maxSurge: 0 } }),
    { path: 'overrides.maxSurge', rule: /invariant 9 \(surgeWhenNoUnavailable\)/, fix: /cannot be acknowledged/ },
  ],
  [
    'a grace period over ten minutes',
    checkoutWith({ drainSeconds: 700 }),
    { path: 'drainSeconds', value: 700, rule: /invariant 12 \(graceLimit\).*grace 781 s vs 600 s/, fix: /acknowledge.graceLimit/ },
  ],
  [
    'one replica without acknowledgement',
    checkoutWith({ replicas: 1 }),
    { path: 'replicas', value: 1, rule: /single replica.*PodDisruptionBudget/, fix: /acknowledge.singleReplica/ },
  ],
  [
    'an autoscaler minimum of one without acknowledgement',
    checkoutWith({ replicas: undefined, autoscaling: { minReplicas: 1, maxReplicas: 4 } }),
    { path: 'autoscaling.minReplicas', value: 1, rule: /single replica/, fix: /acknowledge.singleReplica/ },
  ],
  [
    'liveness identical to readiness',
    checkoutWith({ health: { readiness: { path: '/health' }, liveness: { path: '/health' } } }),
    { path: 'health.liveness', rule: /invariant 4 \(distinctProbes\).*httpGet HTTP :8080\/health/, fix: /cannot be acknowledged/ },
  ],
  [
    'liveness turned off without a reason',
    checkoutWith({ health: { readiness: { path: '/readyz' }, liveness: false } }),
    { path: 'health.liveness', value: false, rule: /needs a written reason/, fix: /acknowledge.noLiveness/ },
  ],
  [
    'negative seconds',
    checkoutWith({ drainSeconds: -5 }),
    { path: 'drainSeconds', value: -5, rule: /at least 0/, fix: /whole number of seconds ≥ 0/ },
  ],
  [
    'fractional seconds',
    checkoutWith({ startup: { maxSeconds: 1.5 } }),
    { path: 'startup.maxSeconds', value: 1.5, rule: /whole number of seconds/, fix: /without a fraction/ },
  ],
  [
    'seconds with a unit',
    checkoutWith({ drainSeconds: '30s' }),
    { path: 'drainSeconds', value: '30s', rule: /whole number of seconds/, fix: /without quotes/ },
  ],
  [
    'an unknown field',
    checkoutWith({ drainSecond: 30 }),
    { path: 'drainSecond', value: 30, rule: /unknown field/, fix: /did you mean drainSeconds\?/ },
  ],
  [
    'a misspelled nested field',
    checkoutWith({ health: { readiness: { paht: '/readyz' } } }),
    { path: 'health.readiness.paht', rule: /unknown field/, fix: /did you mean path\?/ },
  ],
  [
    'a missing image',
    checkoutWith({ image: undefined }),
    { path: 'image', rule: /required/, fix: /image: "ghcr.io\/acme\/checkout:1.4.2"/ },
  ],
  ['a web workload without a port', checkoutWith({ port: undefined }), { path: 'port', rule: /serving port/, fix: /port: 8080/ }],
  [
    'a web workload without readiness',
    checkoutWith({ health: {} }),
    { path: 'health.readiness', rule: /readiness check/, fix: /\/readyz/ },
  ],
  [
    'a probe with two forms',
    checkoutWith({ health: { readiness: { path: '/readyz', tcp: true } } }),
    { path: 'health.readiness', rule: /exactly one thing.*path and tcp/, fix: /keep exactly one/ },
  ],
  [
    'a probe that checks nothing',
    checkoutWith({ health: { readiness: {} } }),
    { path: 'health.readiness', rule: /exactly one thing: one of path, tcp, grpc or exec \(found none\)/, fix: /keep exactly one/ },
  ],
  [
    'liveness with two forms',
    checkoutWith({ health: { readiness: { path: '/readyz' }, liveness: { path: '/livez', exec: ['/bin/alive'] } } }),
    { path: 'health.liveness', rule: /exactly one thing.*\(found path and exec\)/, fix: /keep exactly one/ },
  ],
  [
    'a misspelled probe form',
    checkoutWith({ health: { readiness: { paht: '/readyz' } } }),
    { path: 'health.readiness.paht', rule: /unknown field/, fix: /did you mean path\?/ },
  ],
  [
    'a port on an exec probe',
    checkoutWith({ health: { readiness: { exec: ['/bin/ready'], port: 8080 } } }),
    { path: 'health.readiness.port', rule: /unknown field/, fix: /known fields here: exec$/ },
  ],
  [
    'a scheme on a tcpSocket probe',
    checkoutWith({ health: { readiness: { tcp: true, scheme: 'HTTPS' } } }),
    { path: 'health.readiness.scheme', rule: /unknown field/, fix: /known fields here: tcp, port$/ },
  ],
  [
    'tcp: false',
    checkoutWith({ health: { readiness: { tcp: false } } }),
    { path: 'health.readiness.tcp', rule: /tcp can only be true/, fix: /write tcp: true/ },
  ],
  [
    'exec sleep in a known distroless image',
    checkoutWith({ image: 'gcr.io/distroless/static-debian12:nonroot' }),
    {
      path: 'preStop.type',
      rule: /without a sleep binary \(the image is from a known distroless registry\)/,
      fix: /1\.30.*preStop.type: http.*preStop.type: app/,
    },
  ],
  [
    'exec sleep in an image declared distroless',
    checkoutWith({ distroless: true, preStop: { type: 'exec' } }),
    { path: 'preStop.type', value: 'exec', rule: /distroless: true/, fix: /sleep action/ },
  ],
  [
    'the sleep action before Kubernetes 1.30',
    checkoutWith({ preStop: { type: 'sleep' } }),
    { path: 'preStop.type', value: 'sleep', rule: /needs Kubernetes 1.30/, fix: /kubernetesVersion: "1.30"/ },
  ],
  [
    'an httpGet preStop hook without a path',
    checkoutWith({ preStop: { type: 'http' } }),
    { path: 'preStop.path', rule: /endpoint that returns after the delay/, fix: /\/prestop/ },
  ],
  [
    'an acknowledgement that excuses nothing',
    checkoutWith({ acknowledge: { singleReplica: 'we like to be safe here' } }),
    { path: 'acknowledge.singleReplica', rule: /excuses nothing/, fix: /remove acknowledge.singleReplica/ },
  ],
  [
    'an acknowledgement without a real reason',
    checkoutWith({ replicas: 1, acknowledge: { singleReplica: 'ok' } }),
    { path: 'acknowledge.singleReplica', value: 'ok', rule: /at least 10 characters/, fix: /say why/ },
  ],
  [
    'acknowledging an invariant that cannot be acknowledged',
    checkoutWith({ acknowledge: { pdbAllowsDisruption: 'we really want this' } }),
    { path: 'acknowledge.pdbAllowsDisruption', rule: /unknown field/, fix: /known fields here: startupWindow/ },
  ],
  [
    'a CPU limit below the request',
    checkoutWith({ resources: { cpu: '500m', cpuLimit: '250m' } }),
    { path: 'resources.cpuLimit', value: '250m', rule: /at least the CPU request \(500m\)/, fix: /raise resources.cpuLimit/ },
  ],
  [
    'an autoscaler whose maximum is below its minimum',
    checkoutWith({ replicas: undefined, autoscaling: { minReplicas: 3, maxReplicas: 2 } }),
    { path: 'autoscaling.maxReplicas', value: 2, rule: /at least minReplicas \(3\)/, fix: /3 or more/ },
  ],
  [
    'a name that is not a DNS label',
    checkoutWith({ name: 'Checkout_API' }),
    { path: 'name', value: 'Checkout_API', rule: /DNS-1035/, fix: /checkout-api/ },
  ],
  [
    'a Kubernetes version given as a number',
    checkoutWith({ kubernetesVersion: 1.3 }),
    {
      path: 'kubernetesVersion',
      value: 1.3,
      rule: /YAML reads it as the number 1.3/,
      fix: /write it in quotes: kubernetesVersion: "1.30"/,
    },
  ],
  [
    'an acknowledgement YAML read as a boolean (singleReplica: yes)',
    checkoutWith({ replicas: 1, acknowledge: { singleReplica: true } }),
    { path: 'acknowledge.singleReplica', value: true, rule: /YAML reads it as true/, fix: /write it in quotes/ },
  ],
  [
    'a TCP readiness check next to the default TCP liveness: readiness must say more',
    checkoutWith({ health: { readiness: { tcp: true } } }),
    {
      path: 'health.readiness',
      rule: /invariant 4 \(distinctProbes\).*tcpSocket :8080/,
      fix: /give readiness a check that says "can serve now"/,
    },
  ],
  [
    'replicas next to autoscaling, which would silently ignore it',
    checkoutWith({ replicas: 3, autoscaling: { minReplicas: 2, maxReplicas: 6 } }),
    { path: 'replicas', value: 3, rule: /the HorizontalPodAutoscaler decides the number of pods/, fix: /remove replicas/ },
  ],
  [
    'an untagged image: the fix offers the same repository with a tag',
    checkoutWith({ image: 'registry.example.com/shop/cart' }),
    { path: 'image', rule: /pinned by a tag or a digest/, fix: /registry.example.com\/shop\/cart:<version>/ },
  ],
  [
    'an environment variable name with a dash',
    checkoutWith({ env: { 'LOG-LEVEL': 'debug' } }),
    { path: 'env.LOG-LEVEL', rule: /the key "LOG-LEVEL" is not allowed: an environment variable name/, fix: /_ instead of -/ },
  ],
  [
    'a label value with a space',
    checkoutWith({ labels: { team: 'payments team' } }),
    { path: 'labels.team', value: 'payments team', rule: /a label value: at most 63/, fix: /payments-team/ },
  ],
  [
    'tcp: false',
    checkoutWith({ health: { readiness: { tcp: false } } }),
    { path: 'health.readiness.tcp', value: false, rule: /can only be true/, fix: /remove tcp/ },
  ],
  ['an unknown kind', checkoutWith({ kind: 'cron' }), { path: 'kind', value: 'cron', rule: /one of "web", "worker"/, fix: /pick one/ }],
  [
    'an init container without its worst-case run time',
    checkoutWith({ initContainers: [{ name: 'migrate', image: 'ghcr.io/acme/checkout:1.4.2' }] }),
    { path: 'initContainers[0].maxSeconds', rule: /required field is missing/, fix: /maxSeconds: 300/ },
  ],
  [
    'a sidecar image with the tag latest',
    checkoutWith({ sidecars: [SIDECAR, { name: 'agent', image: 'ghcr.io/acme/agent:latest' }] }),
    { path: 'sidecars[1].image', rule: /must not use the tag "latest"/, fix: /ghcr.io\/acme\/agent:<version>/ },
  ],
  [
    'an untagged init container image',
    checkoutWith({ initContainers: [{ name: 'migrate', image: 'ghcr.io/acme/checkout', maxSeconds: 60 }] }),
    { path: 'initContainers[0].image', rule: /pinned by a tag or a digest/, fix: /ghcr.io\/acme\/checkout:<version>/ },
  ],
  [
    'a container name that is not a DNS label',
    checkoutWith({ sidecars: [{ ...SIDECAR, name: 'Cloud_SQL' }] }),
    { path: 'sidecars[0].name', value: 'Cloud_SQL', rule: /a DNS-1123 label/, fix: /cloud-sql-proxy/ },
  ],
  [
    'a sidecar named like the main container',
    checkoutWith({ sidecars: [{ ...SIDECAR, name: 'checkout' }] }),
    {
      path: 'sidecars[0].name',
      value: 'checkout',
      rule: /unique in the pod, and the main container .* is already called "checkout"/,
      fix: /rename sidecars\[0\]/,
    },
  ],
  [
    'two init containers with one name',
    checkoutWith({ initContainers: [MIGRATE, MIGRATE] }),
    {
      path: 'initContainers[1].name',
      value: 'migrate',
      rule: /initContainers\[0\] is already called "migrate"/,
      fix: /rename initContainers\[1\]/,
    },
  ],
  [
    'a sidecar port named http, the serving port',
    checkoutWith({ sidecars: [{ ...SIDECAR, ports: [{ name: 'http', port: 9091 }] }] }),
    { path: 'sidecars[0].ports[0].name', value: 'http', rule: /the serving port is already called "http"/, fix: /rename/ },
  ],
  [
    'a sidecar listening on the serving port',
    checkoutWith({ sidecars: [{ ...SIDECAR, ports: [{ name: 'proxy', port: 8080 }] }] }),
    {
      path: 'sidecars[0].ports[0].port',
      value: 8080,
      rule: /share one network, and the serving port already listens on 8080/,
      fix: /another port/,
    },
  ],
  [
    'a sidecar health check without a port',
    checkoutWith({ sidecars: [{ ...SIDECAR, ports: undefined }] }),
    {
      path: 'sidecars[0].health.startup.port',
      rule: /a path probe needs a port, and sidecar cloud-sql-proxy declares none/,
      fix: /sidecars\[0\].ports/,
    },
  ],
  [
    'a sidecar start time without a health check to size',
    checkoutWith({ sidecars: [{ ...SIDECAR, health: undefined }] }),
    { path: 'sidecars[0].startSeconds', value: 20, rule: /sizes the startup probe/, fix: /add sidecars\[0\].health/ },
  ],
  [
    'a distroless sidecar on Kubernetes 1.28, which cannot run the preStop sleep',
    checkoutWith({ sidecars: [{ ...SIDECAR, image: 'gcr.io/distroless/static-debian12:nonroot' }] }),
    {
      path: 'sidecars[0].image',
      rule: /on Kubernetes 1.28 a sidecar is an ordinary container .* no sleep binary \(the image is from a known distroless registry\)/,
      fix: /kubernetesVersion: "1.29".*native sidecar.*set distroless: false/,
    },
  ],
  [
    'a grace override that cuts the native sidecars off',
    checkoutWith({ kubernetesVersion: '1.29', sidecars: [SIDECAR], overrides: { terminationGracePeriodSeconds: 45 } }),
    {
      path: 'overrides.terminationGracePeriodSeconds',
      value: 45,
      rule: /invariant 13 \(sidecarsOutliveDrain\).*grace 45 s vs preStop 10 \+ drain 30 \+ stops \(10\) \+ 5 = 55 s/,
      fix: /at least 55; if this is deliberate, add acknowledge.sidecarsOutliveDrain/,
    },
  ],
  [
    'a progress deadline override that ignores the init phase',
    checkoutWith({ initContainers: [MIGRATE], overrides: { progressDeadlineSeconds: 400 } }),
    {
      path: 'overrides.progressDeadlineSeconds',
      value: 400,
      rule: /invariant 10 \(progressDeadline\).*vs init 300 \+ worst start 135 \+ minReady 15 = 450 s/,
      fix: /at least 450/,
    },
  ],
  [
    'an unknown mesh',
    checkoutWith({ mesh: 'consul' }),
    { path: 'mesh', value: 'consul', rule: /one of "istio", "linkerd"/, fix: /pick one/ },
  ],
  [
    'a Unicode host name',
    checkoutWith({ ingress: { hosts: ['bücher.example'] } }),
    {
      path: 'ingress.hosts[0]',
      value: 'bücher.example',
      rule: /not an IP address; internationalized names in their xn-- form/,
      fix: /shop.example.com/,
    },
  ],
  [
    'an IP address as a route host name',
    checkoutWith({ route: { parentRefs: [{ name: 'gw' }], hostnames: ['10.0.0.1'] } }),
    { path: 'route.hostnames[0]', value: '10.0.0.1', rule: /not an IP address/, fix: /shop.example.com/ },
  ],
  [
    'a path with "//"',
    checkoutWith({ route: { parentRefs: [{ name: 'gw' }], paths: ['/a//b'] } }),
    { path: 'route.paths[0]', value: '/a//b', rule: /without "\/\/"/, fix: /\/api\/v1/ },
  ],
  [
    'a peer network that is no CIDR',
    checkoutWith({ networkPolicy: { ingressFrom: [{ cidr: '10.0.0.0' }] } }),
    { path: 'networkPolicy.ingressFrom[0].cidr', value: '10.0.0.0', rule: /an IPv4 or IPv6 CIDR/, fix: /10.0.0.0\/16/ },
  ],
  [
    'an empty list of peers (Kubernetes reads an empty from as anyone)',
    checkoutWith({ networkPolicy: { ingressFrom: [] } }),
    {
      path: 'networkPolicy.ingressFrom',
      value: [],
      rule: /empty list of peers is ambiguous/,
      fix: /name at least one peer, or remove the field/,
    },
  ],
  [
    'an empty list of peers of a way in (it would admit no one)',
    checkoutWith({ networkPolicy: { ingressFrom: [{ podLabels: { role: 'frontend' } }] }, ingress: { from: [] } }),
    { path: 'ingress.from', value: [], rule: /empty list of peers is ambiguous/, fix: /name at least one peer/ },
  ],
  [
    'a peer that is both pods and a network',
    checkoutWith({ ingress: { from: [{ cidr: '10.0.0.0/16', namespaceLabels: { team: 'edge' } }] } }),
    { path: 'ingress.from[0].cidr', value: '10.0.0.0/16', rule: /either pods .* or a network/, fix: /split it into two peers/ },
  ],
  [
    'a way in that names no peers when others are declared',
    checkoutWith({ networkPolicy: { ingressFrom: [{ podLabels: { role: 'frontend' } }] }, ingress: {} }),
    {
      path: 'ingress.from',
      rule: /the NetworkPolicy admits only them.*the ingress's traffic.*dropped/,
      fix: /add ingress.from with the ingress controller's pods/,
    },
  ],
  [
    'a LoadBalancer Service on the kube-proxy platform',
    checkoutWith({ service: { type: 'LoadBalancer' } }),
    {
      path: 'service.type',
      value: 'LoadBalancer',
      rule: /Network Load Balancer.*traffic.platform is kube-proxy/,
      fix: /traffic.platform: aws-nlb/,
    },
  ],
  [
    'an ALB annotation on another platform',
    checkoutWith({ ingress: { annotations: { 'alb.ingress.kubernetes.io/scheme': 'internal' } } }),
    { path: 'traffic.platform', value: 'kube-proxy', rule: /for the AWS Load Balancer Controller/, fix: /aws-alb/ },
  ],
  [
    'an ALB without an HTTP or gRPC readiness check',
    checkoutWith({ traffic: { platform: 'aws-alb' }, health: { readiness: { exec: ['/ready'] } }, ingress: {} }),
    { path: 'health.readiness', rule: /over HTTP or gRPC, and cannot repeat a readiness check by exec/, fix: /HTTP path/ },
  ],
  [
    'a derived annotation declared by hand',
    checkoutWith({ traffic: { platform: 'aws-alb' }, ingress: { annotations: { 'alb.ingress.kubernetes.io/healthcheck-path': '/' } } }),
    {
      path: 'ingress.annotations.alb.ingress.kubernetes.io/healthcheck-path',
      value: '/',
      rule: /is derived for the ALB with IP targets/,
      fix: /overrides.loadBalancer/,
    },
  ],
  [
    'a deregistration delay declared in the target group attributes',
    checkoutWith({
      traffic: { platform: 'aws-nlb' },
      service: {
        type: 'LoadBalancer',
        annotations: { 'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'deregistration_delay.timeout_seconds=300' },
      },
    }),
    {
      path: 'service.annotations.service.beta.kubernetes.io/aws-load-balancer-target-group-attributes',
      rule: /the deregistration delay is derived from the preStop delay and the drain/,
      fix: /overrides.loadBalancer.deregistrationDelaySeconds/,
    },
  ],
  [
    'a deregistration delay past the grace period (invariant 14)',
    checkoutWith({
      traffic: { platform: 'aws-nlb' },
      service: { type: 'LoadBalancer' },
      overrides: { loadBalancer: { deregistrationDelaySeconds: 300 } },
    }),
    {
      path: 'overrides.loadBalancer.deregistrationDelaySeconds',
      value: 300,
      rule: /invariant 14 \(deregistrationDelay\).*NLB: deregistration delay 300 s vs propagation 120 \+ drain 30 = 150 s, grace 165 s/,
      fix: /^set overrides.loadBalancer.deregistrationDelaySeconds between 150 and 165 s; .*acknowledge.deregistrationDelay/,
    },
  ],
  [
    'a load balancer that gives up sooner than readiness (invariant 15)',
    checkoutWith({ traffic: { platform: 'aws-alb' }, ingress: {}, overrides: { loadBalancer: { unhealthyThresholdCount: 2 } } }),
    {
      path: 'overrides.loadBalancer.unhealthyThresholdCount',
      value: 2,
      rule: /invariant 15 \(loadBalancerHealthCheck\).*window 10 s vs readiness window 15 s/,
      fix: /^raise overrides.loadBalancer.unhealthyThresholdCount to at least 3; .*acknowledge.loadBalancerHealthCheck/,
    },
  ],
  [
    'a health check interval no longer than its timeout',
    checkoutWith({
      traffic: { platform: 'aws-alb' },
      ingress: {},
      overrides: { loadBalancer: { healthCheckIntervalSeconds: 5, healthCheckTimeoutSeconds: 9 } },
    }),
    {
      path: 'overrides.loadBalancer.healthCheckIntervalSeconds',
      value: 5,
      rule: /timeout must be shorter than its interval \(timeout 9 s, interval 5 s\)/,
      fix: /^lower overrides.loadBalancer.healthCheckTimeoutSeconds to at most 4, or raise overrides.loadBalancer.healthCheckIntervalSeconds to at least 10$/,
    },
  ],
  [
    'Gateway references that attach twice to one listener',
    checkoutWith({
      route: {
        parentRefs: [
          { name: 'gw', sectionName: 'https' },
          { name: 'gw', sectionName: 'https' },
        ],
      },
    }),
    { path: 'route.parentRefs[1]', rule: /each listener of a Gateway once/, fix: /different sectionName/ },
  ],
  [
    'paths on a GRPCRoute',
    checkoutWith({ route: { kind: 'GRPCRoute', parentRefs: [{ name: 'gw' }], paths: ['/'] } }),
    { path: 'route.paths', rule: /a GRPCRoute selects gRPC services/, fix: /route.services/ },
  ],
  [
    'a way in for a worker: a field of another kind (the kinds table)',
    checkoutWith({ kind: 'worker', ingress: {} }),
    {
      path: 'ingress',
      rule: /^ingress applies to kind web only \(this workload is kind worker\)$/,
      fix: /^remove ingress, or make the workload kind web$/,
    },
  ],
  [
    'load-balancer overrides without a load balancer',
    checkoutWith({ overrides: { loadBalancer: { healthyThresholdCount: 3 } } }),
    { path: 'overrides.loadBalancer', rule: /apply to a configured load balancer/, fix: /remove overrides.loadBalancer/ },
  ],
];

describe('invalid declarations are rejected with field, value, rule and fix', () => {
  test.each(REJECTIONS)('%s', (_, declaration, expected) => {
    const problems = problemsOf(declaration);
    const problem = problems.find((candidate) => candidate.path === expected.path);
    expect(problems.map((candidate) => candidate.path)).toContain(expected.path);
    expect(problem!.rule).toMatch(expected.rule);
    expect(problem!.fix).toMatch(expected.fix);
    if ('value' in expected) expect(problem!.value).toEqual(expected.value);
  });
});

describe('invalid configuration, secrets, files, storage, identity and scheduling are rejected with field, value, rule and fix', () => {
  test.each(REJECTION_TABLES)('%s', (_, expected) => {
    const problems = problemsOf(expected.declaration);
    expect(problems.map((candidate) => candidate.path)).toContain(expected.path);
    const problem = problems.find((candidate) => candidate.path === expected.path)!;
    expect(problem.rule).toMatch(expected.rule);
    expect(problem.fix).toMatch(expected.fix);
    if ('value' in expected) expect(problem.value).toEqual(expected.value);
  });
});

describe('what YAML reads as no number is reported as what it is', () => {
  test.each([
    [Infinity, '.inf', 'infinity'],
    [-Infinity, '-.inf', 'infinity'],
    [NaN, '.nan', 'not-a-number'],
  ])('%s is shown as %s, not as null', (value, shown, meaning) => {
    const [problem] = problemsOf(checkoutWith({ drainSeconds: value }));
    expect(new DeclarationError('"checkout"', [problem!]).message).toContain(`- drainSeconds: ${shown}\n`);
    expect(problem!.rule).toBe(`must be a whole number of seconds; YAML reads ${shown} as ${meaning}, which is none`);
    expect(problem!.fix).toBe('write a whole number, e.g. drainSeconds: 30');
  });
});

test('the longest drain named by the graceLimit fix is the longest that passes', () => {
  expect(problemsOf(checkoutWith({ drainSeconds: 536 }))[0]!.fix).toMatch(/^shorten drainSeconds to at most 535 s/);
  expect(() => resolveWorkload(checkoutWith({ drainSeconds: 535 }))).not.toThrow();
});

test('every misplaced field names a place that exists in the declaration', () => {
  const targets = Object.values(MISPLACED_FIELDS).flatMap((target) => target.match(/[a-zA-Z]+(\.[a-zA-Z]+)*/g) ?? []);
  const fields = targets.filter((target) => !['or', 'and', 'for', 'a', 'job', 'cronjob', 'the', 'pods'].includes(target));
  expect(fields.filter((field) => schemaAt(field.split('.')) === undefined)).toEqual([]);
});

describe('how problems are reported', () => {
  const broken = checkoutWith({ image: 'ghcr.io/acme/checkout:latest', drainSeconds: -1, replicaz: 3 });

  test('every problem is reported at once, not just the first', () => {
    expect(problemsOf(broken).map((problem) => problem.path)).toEqual(['image', 'drainSeconds', 'replicaz']);
  });

  test('the message names the declaration and gives field, value, rule and fix for each problem', () => {
    let message = '';
    try {
      resolveWorkload(broken);
    } catch (error) {
      message = (error as DeclarationError).message;
    }
    expect(message).toBe(
      [
        'Invalid workload declaration "checkout" (3 problems):',
        '- image: "ghcr.io/acme/checkout:latest"',
        '    rule: the image must not use the tag "latest": every restart could run different code',
        '    fix:  pin a version tag (ghcr.io/acme/checkout:<version>, e.g. ghcr.io/acme/checkout:1.4.2) or a digest (ghcr.io/acme/checkout@sha256:<64 hex digits>)',
        '- drainSeconds: -1',
        '    rule: must be at least 0',
        '    fix:  use a whole number of seconds ≥ 0',
        '- replicaz: 3',
        '    rule: unknown field',
        '    fix:  did you mean replicas? remove it or correct its name; known fields here: name, instance, image, distroless, kind, ' +
          'port, protocol, ports, replicas, autoscaling, health, startup, run, schedule, drainSeconds, traffic, preset, probeLatencyMs, kubernetesVersion, preStop, resources, ' +
          'env, envFrom, command, args, files, configFiles, scratch, tmp, securityContext, imagePullSecrets, podAnnotations, serviceAccount, scheduling, initContainers, ' +
          'sidecars, mesh, labels, networkPolicy, metrics, service, ingress, route, stateful, daemon, keep, patches, overrides, acknowledge',
      ].join('\n'),
    );
    expect(message).not.toMatch(/\n\s+at /);
  });

  test('an invalid declaration leaves no object behind in the chart', () => {
    const chart = Testing.chart();
    new HardenedWorkload(chart, 'valid', CHECKOUT);
    expect(() => new HardenedWorkload(chart, 'invalid', broken)).toThrow(/Invalid workload declaration/);
    expect(Testing.synth(chart).map((object) => object.kind)).toEqual([
      'ServiceAccount',
      'Deployment',
      'Service',
      'PodDisruptionBudget',
      'NetworkPolicy',
    ]);
    expect(chart.node.tryFindChild('invalid')).toBeUndefined();
  });
});
