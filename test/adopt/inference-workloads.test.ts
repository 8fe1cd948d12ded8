import { adoptManifests } from '../../src/adopt/infer';
import { adoptYaml, indentLines, inferenceOf, objectsOf } from '../support/adopt-yaml';

/**
 * docs/adopt.md, "Grouping", "The kind and the serving port" and the times the table of "The times"
 * has no example for in test/adopt/inference-rules.test.ts: each rule with a worked example, a few
 * lines of YAML in and the declaration value with its source out.
 */

/** A pod template of one container `name` with the given container lines, under `spec:` of a controller. */
const template = (name: string, container = '', indent = '  ') =>
  `${indent}template:
${indent}  metadata: {labels: {app: ${name}}}
${indent}  spec:
${indent}    containers:
${indent}      - name: ${name}
${indent}        image: ghcr.io/acme/${name}:1.0.0
${indentLines(container, indent.length + 8)}`;

const deployment = (name: string, container = 'ports: [{name: http, containerPort: 8080}]') => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
${template(name, container)}
`;

const service = (name: string, spec = 'ports: [{name: http, port: 8080, targetPort: http}]', metadata = '') => `
---
apiVersion: v1
kind: Service
metadata: {name: ${name}${metadata}}
spec:
  selector: {app: ${name.replace(/-headless$/, '')}}
${spec
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}
`;

describe('grouping: the workloads and what belongs to each', () => {
  test('a Pod and a ReplicaSet are run by something else: they are not adopted', () => {
    const pod = `
apiVersion: v1
kind: Pod
metadata: {name: one-off, labels: {app: one-off}}
spec:
  containers: [{name: one-off, image: 'ghcr.io/acme/one-off:1.0.0'}]
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: shop-5d9c}
spec:
  selector: {matchLabels: {app: shop}}
${template('shop')}
`;
    expect(adoptManifests(objectsOf(pod))).toEqual([]);
  });

  test('its Service, PodDisruptionBudget, ServiceAccount and the ConfigMaps its pods read belong to it; a Service for other pods does not', () => {
    const adopted = adoptYaml(
      deployment(
        'shop',
        `ports: [{name: http, containerPort: 8080}]
envFrom: [{configMapRef: {name: shop-settings}}]`,
      ).replace('    spec:\n', '    spec:\n      serviceAccountName: shop\n') +
        service('shop') +
        service('billing') +
        `---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: shop}
spec: {maxUnavailable: 1, selector: {matchLabels: {app: shop}}}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: shop}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: shop-settings}
data: {LEVEL: info}
`,
    );
    expect(adopted.input.map((object) => `${object.kind}/${object.metadata?.name}`).sort()).toEqual([
      'ConfigMap/shop-settings',
      'Deployment/shop',
      'PodDisruptionBudget/shop',
      'Service/shop',
      'ServiceAccount/shop',
    ]);
  });

  test("a headless Service gives a StatefulSet's pods their DNS names and is never the serving Service", () => {
    const adopted = adoptYaml(
      `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db-headless
  selector: {matchLabels: {app: db}}
${template('db', 'ports: [{name: tcp, containerPort: 5432}, {name: peers, containerPort: 5433}]')}
` +
        service('db-headless', 'clusterIP: None\nports: [{name: peers, port: 5433, targetPort: peers}]') +
        service('db', 'ports: [{name: tcp, port: 5432, targetPort: tcp}]').replace('name: db}', 'name: db-client}'),
    );
    expect(adopted.declaration.port).toBe(5432);
    expect(inferenceOf(adopted, 'port')!.source).toContain('which Service db-client targets');
    expect(adopted.ambiguities).toEqual([]);
  });
});

describe('the kind', () => {
  test.each([
    ['StatefulSet', 'stateful'],
    ['DaemonSet', 'daemon'],
  ])('a %s is kind %s', (controller, kind) => {
    const adopted = adoptYaml(`
apiVersion: apps/v1
kind: ${controller}
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
${template('agent')}
`);
    expect(inferenceOf(adopted, 'kind')).toMatchObject({ value: kind, source: `a ${controller}` });
  });

  test('a Job is kind job', () => {
    const adopted = adoptYaml(`
apiVersion: batch/v1
kind: Job
metadata: {name: report}
spec:
${template('report', '', '  ').replace('    spec:\n', '    spec:\n      restartPolicy: Never\n')}
`);
    expect(inferenceOf(adopted, 'kind')).toMatchObject({ value: 'job', source: 'a Job' });
  });

  test('a CronJob is kind cronjob', () => {
    const adopted = adoptYaml(`
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
${template('nightly', '', '      ').replace('        spec:\n', '        spec:\n          restartPolicy: Never\n')}
`);
    expect(inferenceOf(adopted, 'kind')).toMatchObject({ value: 'cronjob', source: 'a CronJob' });
  });
});

describe('the serving port and its protocol', () => {
  test('without a Service, the port named http, http2, grpc or tcp serves', () => {
    const adopted = adoptYaml(deployment('queue', 'ports: [{name: admin, containerPort: 9000}, {name: grpc, containerPort: 50051}]'));
    expect(adopted.declaration).toMatchObject({ kind: 'worker', port: 50051, protocol: 'grpc', ports: [{ name: 'admin', port: 9000 }] });
  });

  test("the protocol is the port's name when it names one: http2", () => {
    const adopted = adoptYaml(
      deployment('shop', 'ports: [{name: http2, containerPort: 8080}]') +
        service('shop', 'ports: [{name: http2, port: 8080, targetPort: http2}]'),
    );
    expect(inferenceOf(adopted, 'protocol')).toMatchObject({ value: 'http2', source: "the port's name http2" });
  });

  test("else the Service port's appProtocol: kubernetes.io/h2c is http2", () => {
    const adopted = adoptYaml(
      deployment('shop', 'ports: [{name: web, containerPort: 8080}]') +
        service('shop', 'ports: [{name: web, port: 8080, targetPort: web, appProtocol: kubernetes.io/h2c}]'),
    );
    expect(inferenceOf(adopted, 'protocol')).toMatchObject({ value: 'http2', source: "the Service port's appProtocol kubernetes.io/h2c" });
  });

  test('an Ingress of class alb is traffic.platform aws-alb', () => {
    const adopted = adoptYaml(
      deployment('shop') +
        service('shop') +
        `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  ingressClassName: alb
  rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: shop, port: {name: http}}}}]}}]
`,
    );
    expect(inferenceOf(adopted, 'traffic.platform')).toMatchObject({
      value: 'aws-alb',
      source: 'an Ingress for the AWS Load Balancer Controller (class alb, or its target-type annotation)',
    });
  });

  test('a Service the AWS Load Balancer Controller makes an NLB for is traffic.platform aws-nlb, service.type LoadBalancer', () => {
    const adopted = adoptYaml(
      deployment('shop') +
        service(
          'shop',
          'type: LoadBalancer\nports: [{name: http, port: 8080, targetPort: http}]',
          ', annotations: {service.beta.kubernetes.io/aws-load-balancer-type: external, service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip}',
        ),
    );
    expect(adopted.declaration).toMatchObject({ traffic: { platform: 'aws-nlb' }, service: { type: 'LoadBalancer' } });
  });
});

describe('the times the rules of inference-rules.test.ts leave out', () => {
  test('traffic.propagationSeconds: a preStop sleep 15 is the time the current config gives endpoints to stop sending', () => {
    const adopted = adoptYaml(
      deployment('shop', 'ports: [{name: http, containerPort: 8080}]\nlifecycle: {preStop: {exec: {command: [sleep, "15"]}}}') +
        service('shop'),
    );
    expect(adopted.declaration.traffic).toEqual({ propagationSeconds: 15 });
  });

  test("a preStop sleep of the platform's default (10 s for kube-proxy) writes no propagationSeconds", () => {
    const adopted = adoptYaml(
      deployment('shop', 'ports: [{name: http, containerPort: 8080}]\nlifecycle: {preStop: {exec: {command: [sleep, "10"]}}}') +
        service('shop'),
    );
    expect(adopted.declaration.traffic).toBeUndefined();
  });

  test('kubernetesVersion: the preStop sleep action exists from 1.30', () => {
    const adopted = adoptYaml(
      deployment('shop', 'ports: [{name: http, containerPort: 8080}]\nlifecycle: {preStop: {sleep: {seconds: 10}}}') + service('shop'),
    );
    expect(inferenceOf(adopted, 'kubernetesVersion')).toMatchObject({
      value: '1.30',
      source: 'the preStop sleep action exists from Kubernetes 1.30',
    });
  });

  test('kubernetesVersion: native sidecars exist from 1.29', () => {
    const adopted = adoptYaml(
      deployment('shop').replace(
        '    spec:\n',
        "    spec:\n      initContainers: [{name: proxy, image: 'ghcr.io/acme/proxy:2.0.0', restartPolicy: Always}]\n",
      ) + service('shop'),
    );
    expect(inferenceOf(adopted, 'kubernetesVersion')).toMatchObject({ value: '1.29' });
  });

  const job = (spec: string) => `
apiVersion: batch/v1
kind: Job
metadata: {name: report}
spec:
${spec}
${template('report').replace('    spec:\n', '    spec:\n      restartPolicy: Never\n')}
`;

  test("run.maxSeconds: the Job's activeDeadlineSeconds, the longest a run may take today", () => {
    const adopted = adoptYaml(job('  activeDeadlineSeconds: 900'));
    expect(inferenceOf(adopted, 'run.maxSeconds')).toMatchObject({
      value: 900,
      confirm: false,
      source: 'spec.activeDeadlineSeconds: the longest a run may take today',
    });
  });

  test('run.maxSeconds: without a deadline, 3600 marked CONFIRM', () => {
    expect(inferenceOf(adoptYaml(job('  completions: 1')), 'run.maxSeconds')).toMatchObject({ value: 3600, confirm: true });
  });

  test("run.attempts: backoffLimit 4 + 1 = 5 (3, the schema's default, is not written)", () => {
    const adopted = adoptYaml(job('  activeDeadlineSeconds: 900\n  backoffLimit: 4'));
    expect(inferenceOf(adopted, 'run.attempts')).toMatchObject({ value: 5, source: 'spec.backoffLimit 4 + 1' });
  });

  test("run.attempts: Kubernetes' default backoffLimit 6 + 1 = 7", () => {
    const adopted = adoptYaml(job('  activeDeadlineSeconds: 900'));
    expect(inferenceOf(adopted, 'run.attempts')).toMatchObject({ value: 7, source: "spec.backoffLimit 6 (Kubernetes' default) + 1" });
  });

  test("schedule: the CronJob's schedule, timeZone, concurrencyPolicy (Kubernetes' default Allow), suspend and history limits", () => {
    const adopted = adoptYaml(`
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  timeZone: Europe/Berlin
  suspend: true
  failedJobsHistoryLimit: 5
  jobTemplate:
    spec:
      activeDeadlineSeconds: 900
${template('nightly', '', '      ').replace('        spec:\n', '        spec:\n          restartPolicy: Never\n')}
`);
    expect(adopted.declaration.schedule).toEqual({
      cron: '0 3 * * *',
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Allow',
      suspend: true,
      failedJobsHistoryLimit: 5,
    });
    expect(inferenceOf(adopted, 'schedule.concurrencyPolicy')!.source).toBe("spec.concurrencyPolicy left out: Kubernetes' default Allow");
  });
});
