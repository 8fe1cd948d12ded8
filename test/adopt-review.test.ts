import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { adoptionDiff, reviewText } from '../src/adopt/review/format';
import { reviewAdoption } from '../src/adopt/review';
import type { KubernetesObject, ObjectReview } from '../src/adopt/types';
import { resolveWorkload } from '../src/declaration/resolve';
import type { WorkloadSpec } from '../src/declaration/schema';
import { RULE_IDS, RULES } from '../src/rules/catalogue';
import { synthesizeObjects } from '../src/synth';

/**
 * The review of an adoption: what changes when the synthesized objects replace someone's, each
 * change with the rule that made it. The input is made by hand from our own output (the objects
 * as an older, unhardened version of the same service would have them).
 */
const DECLARATION = parse(readFileSync('examples/fastapi-uvicorn.yaml', 'utf8')) as WorkloadSpec;
const OUTPUT = synthesizeObjects([DECLARATION]) as KubernetesObject[];
const EXPLANATIONS = resolveWorkload(DECLARATION).explanations;

const clone = <T>(value: T): T => structuredClone(value);
const find = (objects: readonly KubernetesObject[], kind: string) => objects.find((object) => object.kind === kind)!;
/** A copy of our output whose Deployment `edit` changes. */
function inputWith(edit: (deployment: KubernetesObject) => void, objects = OUTPUT): KubernetesObject[] {
  const copy = clone(objects);
  edit(find(copy, 'Deployment'));
  return copy;
}
const mainContainer = (deployment: KubernetesObject) => deployment.spec.template.spec.containers[0];
const review = (input: readonly KubernetesObject[], output = OUTPUT): ObjectReview[] =>
  reviewAdoption(input, output, { explanations: EXPLANATIONS });
const changesOf = (reviews: readonly ObjectReview[], object: string) => reviews.find((entry) => entry.object === object)!.changes;

describe('pairing and the explicit kept', () => {
  test('our own output reviewed against itself: every object unchanged, its name, selector and Service ports kept', () => {
    const reviews = review(clone(OUTPUT));
    expect(reviews.map(({ object, status }) => `${object} ${status}`)).toEqual(
      OUTPUT.map((object) => `${object.kind}/${object.metadata!.name} unchanged`),
    );
    expect(reviews.find((entry) => entry.object === 'Deployment/reports-api')!.kept).toEqual(['name', 'selector']);
    expect(reviews.find((entry) => entry.object === 'Service/reports-api')!.kept).toEqual(['name', 'selector', 'Service ports']);
  });

  test('a selector that differs is not kept, and the review says why (a Deployment cannot change it in place)', () => {
    const input = inputWith((deployment) => {
      deployment.spec.selector = { matchLabels: { app: 'reports' } };
    });
    const deployment = review(input).find((entry) => entry.object === 'Deployment/reports-api')!;
    expect(deployment.kept).toEqual(['name']);
    expect(deployment.notKept).toEqual([
      {
        what: 'selector',
        why: expect.stringMatching(
          /^\{"matchLabels":\{"app":"reports"\}\} → .*cannot be changed in place \(apply fails\): declare keep\.selector/,
        ),
      },
    ]);
  });

  test('Service ports that differ are not kept, with the ports before and after', () => {
    const input = clone(OUTPUT);
    find(input, 'Service').spec.ports = [{ name: 'web', port: 80, targetPort: 8000 }];
    const service = review(input).find((entry) => entry.object === 'Service/reports-api')!;
    expect(service.notKept).toEqual([
      {
        what: 'Service ports',
        why: expect.stringContaining('[{"name":"web","port":80,"protocol":"TCP"}] → [{"name":"http","port":8000'),
      },
    ]);
  });

  test('an object of the input the declaration does not synthesize is removed, and the review says what becomes of it', () => {
    const hpa = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'reports-api-old' }, spec: {} };
    const reviews = review([...clone(OUTPUT), hpa]);
    expect(reviews.find((entry) => entry.object === 'HorizontalPodAutoscaler/reports-api-old')).toEqual({
      object: 'HorizontalPodAutoscaler/reports-api-old',
      status: 'removed',
      changes: [],
      kept: [],
      notKept: [{ what: 'object', why: expect.stringContaining('kubectl apply leaves it in place') }],
    });
  });

  test('a renamed ConfigMap is removed and its replacement added, saying why the name changes (its content hash)', () => {
    const withFiles = {
      ...DECLARATION,
      configFiles: { 'app.ini': { path: '/etc/reports/app.ini', content: 'workers = 2\n' } },
    } as unknown as WorkloadSpec;
    const output = synthesizeObjects([withFiles]) as KubernetesObject[];
    const fresh = find(output, 'ConfigMap');
    const input = clone(output).map((object) =>
      object.kind === 'ConfigMap' ? { ...object, metadata: { ...object.metadata, name: 'reports-config' } } : object,
    );
    const reviews = reviewAdoption(input, output);
    expect(reviews.find((entry) => entry.object === 'ConfigMap/reports-config')).toMatchObject({
      status: 'removed',
      notKept: [
        { what: 'name', why: expect.stringMatching(new RegExp(`^replaced by ConfigMap/${fresh.metadata!.name}: .*hash of its content`)) },
      ],
    });
    expect(reviews.find((entry) => entry.object === `ConfigMap/${fresh.metadata!.name}`)!.status).toBe('added');
  });

  test('an added object says which rule asks for it (the PodDisruptionBudget)', () => {
    const reviews = review(OUTPUT.filter((object) => object.kind !== 'PodDisruptionBudget'));
    expect(reviews.find((entry) => entry.object === 'PodDisruptionBudget/reports-api')).toMatchObject({
      status: 'added',
      changes: [
        {
          path: 'metadata.name',
          after: 'reports-api',
          rule: 'podDisruptionBudget',
          reason: 'A replicated workload has a PodDisruptionBudget.',
        },
      ],
    });
  });
});

describe('each change with the rule that made it and the numbers', () => {
  test('the grace period: graceCoversShutdown, with preStop + drain + margin', () => {
    const input = inputWith((deployment) => {
      deployment.spec.template.spec.terminationGracePeriodSeconds = 30;
    });
    expect(changesOf(review(input), 'Deployment/reports-api')).toEqual([
      {
        path: 'spec.template.spec.terminationGracePeriodSeconds',
        before: 30,
        after: 40,
        rule: 'graceCoversShutdown',
        reason: 'grace = preStop 10 + drain 25 + margin 5',
      },
    ]);
  });

  test('a probe timeout: probeTimeout, with the p99 latency it is three times of', () => {
    const input = inputWith((deployment) => {
      mainContainer(deployment).readinessProbe.timeoutSeconds = 1;
    });
    expect(changesOf(review(input), 'Deployment/reports-api')).toEqual([
      {
        path: 'spec.template.spec.containers[reports-api].readinessProbe.timeoutSeconds',
        before: 1,
        after: 2,
        rule: 'probeTimeout',
        reason: 'p99 latency 200 ms: T = max(2, ceil(3 × L / 1000))',
      },
    ]);
  });

  test("the startup probe's threshold: startupWindow, with the formula and the numbers explain prints", () => {
    const input = inputWith((deployment) => {
      mainContainer(deployment).startupProbe.failureThreshold = 30;
    });
    expect(changesOf(review(input), 'Deployment/reports-api')).toEqual([
      expect.objectContaining({
        before: 30,
        after: 10,
        rule: 'startupWindow',
        reason: 'f_s = max(3, ceil(1.5 × S_max / p_s)) with S_max=20 p_s=3',
      }),
    ]);
  });

  test('a hardening of the restricted Pod Security Standard names the standard and its check', () => {
    const input = inputWith((deployment) => {
      delete mainContainer(deployment).securityContext.runAsNonRoot;
    });
    expect(reviewText(review(input).filter((entry) => entry.object === 'Deployment/reports-api'))).toContain(
      'spec.template.spec.containers[reports-api].securityContext.runAsNonRoot absent → true (runAsNonRoot: restricted Pod Security Standard: Containers must run as non-root (runAsNonRoot: true).)',
    );
  });

  test('a liveness delay the startup probe replaces: startupWindow, with the start it covers', () => {
    const input = inputWith((deployment) => {
      mainContainer(deployment).livenessProbe.initialDelaySeconds = 30;
    });
    expect(changesOf(review(input), 'Deployment/reports-api')).toEqual([
      {
        path: 'spec.template.spec.containers[reports-api].livenessProbe.initialDelaySeconds',
        before: 30,
        kubernetesDefault: 0,
        rule: 'startupWindow',
        reason: 'the startup probe covers the start (slowest 20 s, every 3 s × 10): no fixed delay',
      },
    ]);
  });

  test('a Kubernetes default written out changes nothing, and the review says so', () => {
    const input = inputWith((deployment) => {
      delete mainContainer(deployment).readinessProbe.successThreshold;
    });
    expect(changesOf(review(input), 'Deployment/reports-api')).toEqual([
      {
        path: 'spec.template.spec.containers[reports-api].readinessProbe.successThreshold',
        after: 1,
        kubernetesDefault: 1,
        reason: "Kubernetes' default, written out or left out: no change in behaviour",
      },
    ]);
  });

  test('a field left out is shown with the value Kubernetes uses for it, which is what changes', () => {
    const input = inputWith((deployment) => {
      delete deployment.spec.template.spec.terminationGracePeriodSeconds;
    });
    expect(reviewText(review(input))).toContain(
      '  spec.template.spec.terminationGracePeriodSeconds absent (30) → 40 (graceCoversShutdown: grace = preStop 10 + drain 25 + margin 5)',
    );
  });

  test('a field of a new object has no Kubernetes default to compare with: the object was not there', () => {
    const input = inputWith((deployment) => {
      delete mainContainer(deployment).startupProbe;
    });
    const changes = changesOf(review(input), 'Deployment/reports-api');
    expect(changes.find(({ path }) => path.endsWith('startupProbe.successThreshold'))).toEqual({
      path: 'spec.template.spec.containers[reports-api].startupProbe.successThreshold',
      after: 1,
      rule: 'probeSuccessThreshold',
      reason: RULES.probeSuccessThreshold.title,
    });
  });

  test('a field the inference dropped on purpose carries its reason', () => {
    const input = inputWith((deployment) => {
      deployment.spec.template.spec.hostNetwork = true;
    });
    const reviews = reviewAdoption(input, OUTPUT, {
      dropped: [{ object: 'Deployment/reports-api', path: 'spec.template.spec.hostNetwork', reason: 'the restricted standard forbids it' }],
    });
    expect(changesOf(reviews, 'Deployment/reports-api')).toEqual([
      { path: 'spec.template.spec.hostNetwork', before: true, reason: 'dropped: the restricted standard forbids it' },
    ]);
  });

  test('a dropped field named with list indices, as the inference names it, is found at its container', () => {
    const input = inputWith((deployment) => {
      mainContainer(deployment).tty = true;
    });
    const reviews = reviewAdoption(input, OUTPUT, {
      dropped: [{ object: 'Deployment/reports-api', path: 'spec.template.spec.containers.0.tty', reason: 'refused' }],
    });
    expect(changesOf(reviews, 'Deployment/reports-api')).toEqual([
      { path: 'spec.template.spec.containers[reports-api].tty', before: true, reason: 'dropped: refused' },
    ]);
  });

  test('a departure the declaration acknowledges is reviewed with the acknowledgement as its reason', () => {
    const acknowledging = {
      ...DECLARATION,
      serviceAccount: { mountApiToken: true },
      acknowledge: { automountServiceAccountToken: 'carried over from the existing manifest — review' },
    } as unknown as WorkloadSpec;
    const output = synthesizeObjects([acknowledging]) as KubernetesObject[];
    const input = clone(output);
    delete find(input, 'Deployment').spec.template.spec.automountServiceAccountToken;
    expect(changesOf(reviewAdoption(input, output), 'Deployment/reports-api')).toEqual([
      {
        path: 'spec.template.spec.automountServiceAccountToken',
        after: true,
        rule: 'automountServiceAccountToken',
        reason: 'acknowledged: carried over from the existing manifest — review',
      },
    ]);
  });

  test("a constant rule of the derivation is reviewed with the derivation's reason for it", () => {
    const input = inputWith((deployment) => {
      deployment.spec.strategy.rollingUpdate.maxUnavailable = 1;
    });
    expect(changesOf(review(input), 'Deployment/reports-api')).toEqual([
      {
        path: 'spec.strategy.rollingUpdate.maxUnavailable',
        before: 1,
        after: 0,
        rule: 'rolloutMaxUnavailable',
        reason: '0: Never take a serving pod down before its replacement is available.',
      },
    ]);
  });

  test('without the derivation, a derived number still names its rule, with the rule of check as the reason', () => {
    const input = inputWith((deployment) => {
      deployment.spec.template.spec.terminationGracePeriodSeconds = 30;
    });
    expect(changesOf(reviewAdoption(input, OUTPUT), 'Deployment/reports-api')[0]).toMatchObject({
      rule: 'graceCoversShutdown',
      reason: expect.stringMatching(/grace period/i),
    });
  });
});

describe('list items are matched by their key, as Kubernetes merges them', () => {
  test('containers by name: a container that moved in the list is not a change', () => {
    const sidecar = { name: 'proxy', image: 'envoy:1.30' };
    const output = inputWith((deployment) => {
      deployment.spec.template.spec.containers.push(sidecar);
    });
    const input = inputWith((deployment) => {
      deployment.spec.template.spec.containers.unshift(sidecar);
    });
    expect(changesOf(reviewAdoption(input, output), 'Deployment/reports-api')).toEqual([]);
  });

  test('env by name: one changed variable is one change, at its name', () => {
    const input = inputWith((deployment) => {
      mainContainer(deployment).env.reverse();
      mainContainer(deployment).env.find((entry: { name: string }) => entry.name === 'UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN').value = '10';
    });
    expect(changesOf(review(input), 'Deployment/reports-api').map(({ path, before, after }) => [path, before, after])).toEqual([
      ['spec.template.spec.containers[reports-api].env[UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN].value', '10', '25'],
    ]);
  });

  test('label keys that are not plain words are written in brackets', () => {
    const input = inputWith((deployment) => {
      delete deployment.metadata!.labels!['app.kubernetes.io/managed-by'];
    });
    expect(changesOf(review(input), 'Deployment/reports-api')).toEqual([
      {
        path: 'metadata.labels[app.kubernetes.io/managed-by]',
        after: 'hardened-workloads',
        reason: "the project's common labels (Kubernetes' recommended labels)",
      },
    ]);
  });
});

describe('the text and the diff', () => {
  const input = inputWith((deployment) => {
    deployment.spec.template.spec.terminationGracePeriodSeconds = 30;
    mainContainer(deployment).readinessProbe.timeoutSeconds = 1;
  });

  test('text: one block per object, its status, what is kept, one line per change', () => {
    const text = reviewText(review(input));
    expect(text.split('\n\n')).toHaveLength(OUTPUT.length);
    expect(text).toContain(
      [
        'Deployment/reports-api: changed',
        '  kept: name, selector',
        '  spec.template.spec.containers[reports-api].readinessProbe.timeoutSeconds 1 → 2 (probeTimeout: p99 latency 200 ms: T = max(2, ceil(3 × L / 1000)))',
        '  spec.template.spec.terminationGracePeriodSeconds 30 → 40 (graceCoversShutdown: grace = preStop 10 + drain 25 + margin 5)',
      ].join('\n'),
    );
  });

  test('diff: only the lines that really change, whatever the key order of the input', () => {
    const reordered = input.map((object) => Object.fromEntries(Object.entries(object).reverse()) as KubernetesObject);
    const diff = adoptionDiff(reordered, OUTPUT);
    expect(diff.match(/^[-+] .*$/gm)).toEqual([
      '-            timeoutSeconds: 1',
      '+            timeoutSeconds: 2',
      '-      terminationGracePeriodSeconds: 30',
      '+      terminationGracePeriodSeconds: 40',
    ]);
    expect(diff).toMatch(/^--- a\/Deployment\/reports-api\.yaml\n\+\+\+ b\/Deployment\/reports-api\.yaml$/m);
  });

  test('diff: nothing when nothing changes', () => {
    expect(adoptionDiff(clone(OUTPUT), OUTPUT)).toBe('');
  });
});

describe('the rules named are the ones explain and check use', () => {
  const EXAMPLES = [
    'fastapi-uvicorn',
    'spring-boot-alb',
    'django-gunicorn',
    'valkey-stateful',
    'log-shipper-daemon',
    'nightly-report-cronjob',
  ];
  /** The example's objects as a bare manifest would have them: each pod only its containers' names, images and ports. */
  function bare(objects: readonly KubernetesObject[]): KubernetesObject[] {
    return clone(objects).map((object) => {
      const pod = object.kind === 'CronJob' ? object.spec?.jobTemplate?.spec?.template : object.spec?.template;
      if (pod?.spec?.containers) {
        pod.spec = {
          containers: pod.spec.containers.map(({ name, image, ports }: Record<string, unknown>) => ({
            name,
            image,
            ...(ports ? { ports } : {}),
          })),
        };
      }
      return object;
    });
  }

  test.each(EXAMPLES)('%s: every rule of the review is a rule of check or a key of explain, and every change says why', (example) => {
    const declaration = parse(readFileSync(`examples/${example}.yaml`, 'utf8'));
    const output = synthesizeObjects([declaration]) as KubernetesObject[];
    const keys = resolveWorkload(declaration).explanations.map(({ key }) => key);
    const changes = reviewAdoption(bare(output), output, { explanations: resolveWorkload(declaration).explanations }).flatMap(
      (entry) => entry.changes,
    );
    expect(changes.length).toBeGreaterThan(10);
    const named = [...new Set(changes.flatMap(({ rule }) => (rule === undefined ? [] : [rule])))];
    expect(named.filter((rule) => !(RULE_IDS as readonly string[]).includes(rule) && !keys.includes(rule))).toEqual([]);
    expect(changes.filter(({ reason }) => reason.trim() === '')).toEqual([]);
  });
});
