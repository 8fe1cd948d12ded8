import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACKNOWLEDGEMENT_IDS,
  checkManifests,
  INVARIANT_IDS,
  RENAMED_RULES,
  RULE_IDS,
  RULES,
  ruleIdOf,
  ruleOfInvariant,
  type RuleId,
} from '../src';
import { ruleDocFiles } from '../src/rules/docs';

/**
 * The catalogue is the specification of `check`: every rule has a manifest on which it fires (at
 * the lines marked `# fires`) and one on which it does not, a fix, and a generated docs page.
 */
const FIXTURES = join(__dirname, 'fixtures', 'rules');
const ROOT = join(__dirname, '..');
/** The marker of a line where a rule fires, with the message it gives there, if written: `# fires` or `# fires: <message>`. */
const FIRES = /# fires(?:: (.*))?$/;

function fixtures(id: string, outcome: 'fires' | 'passes'): string[] {
  return readdirSync(join(FIXTURES, id)).filter((file) => file.startsWith(`${outcome}.`) && file.endsWith('.yaml'));
}

function findingsOf(id: RuleId, file: string) {
  const text = readFileSync(file, 'utf8');
  return { text, findings: checkManifests([{ name: file, text }]).findings.filter((finding) => finding.ruleId === id) };
}

test('every fixture folder is named after a rule', () => {
  expect(readdirSync(FIXTURES).filter((folder) => !RULE_IDS.includes(folder as RuleId))).toEqual([]);
});

describe.each(RULE_IDS)('%s', (id) => {
  test('has at least one manifest where it fires and one where it passes', () => {
    expect(fixtures(id, 'fires').length).toBeGreaterThan(0);
    expect(fixtures(id, 'passes').length).toBeGreaterThan(0);
  });

  // A marker may carry the message the finding gives there (`# fires: <message>`): then it must be exactly that.
  test.each(fixtures(id, 'fires'))('fires at exactly the lines marked "# fires", with the messages they give, in %s', (name) => {
    const file = join(FIXTURES, id, name);
    const { text, findings } = findingsOf(id, file);
    const marked = text.split('\n').flatMap((line, index) => {
      const marker = FIRES.exec(line);
      return marker ? [{ line: index + 1, message: marker[1] }] : [];
    });
    expect(marked.length).toBeGreaterThan(0);
    expect(findings.map((finding) => finding.line)).toEqual(marked.map((mark) => mark.line));
    expect(findings.map((finding, index) => (marked[index]!.message === undefined ? undefined : finding.message))).toEqual(
      marked.map((mark) => mark.message),
    );
    for (const finding of findings)
      expect(finding).toMatchObject({ file, severity: RULES[id].severity, fix: expect.stringMatching(/\.$/) });
  });

  // A note (a rule that passes but has something to say, such as the binding that needs a token) is not a finding.
  test.each(fixtures(id, 'passes'))('does not fire in %s', (name) => {
    const { findings } = findingsOf(id, join(FIXTURES, id, name));
    expect(findings.filter((finding) => finding.severity !== 'note' || RULES[id].severity === 'note')).toEqual([]);
  });

  test('has a title, a rationale and a fix, each a sentence, and cites the documentation of the setting', () => {
    const meta = RULES[id];
    expect(meta.title).toMatch(/^[A-Z0-9a-z].*\.$/);
    expect(meta.rationale).toMatch(/\.$/);
    expect(meta.fix).toMatch(/\.$/);
    // Kubernetes', or the AWS Load Balancer Controller's (a Kubernetes SIG project) or ingress-nginx's (a Kubernetes project) for the annotations they read.
    expect(meta.reference).toMatch(
      /^https:\/\/(kubernetes\.io\/docs|kubernetes-sigs\.github\.io\/aws-load-balancer-controller\/latest|kubernetes\.github\.io\/ingress-nginx)\//,
    );
  });
});

test('the invariants are rules under their own ids (or the ids that replaced them), numbered in order', () => {
  expect(INVARIANT_IDS.map((id) => [id, RULES[ruleOfInvariant(id)].family, RULES[ruleOfInvariant(id)].invariant])).toEqual(
    INVARIANT_IDS.map((id, index) => [id, 'invariant', index + 1]),
  );
});

test('every acknowledgement a declaration can make names an acknowledgeable rule, so our own output checks clean', () => {
  expect(ACKNOWLEDGEMENT_IDS.filter((id) => ruleIdOf(id) === undefined || !RULES[ruleIdOf(id)!].acknowledgeable)).toEqual([]);
});

test('rule ids say what they check: the probe-timeout rule is not named after readiness, the CPU-limit rule not after its absence', () => {
  expect(RULE_IDS).toEqual(expect.arrayContaining(['probeTimeout', 'cpuLimit']));
  expect(RULE_IDS).not.toEqual(expect.arrayContaining(['readinessTimeout']));
  expect(RULE_IDS).not.toEqual(expect.arrayContaining(['noCpuLimit']));
});

test('a renamed id is an alias of the rule that replaced it, never a rule of its own', () => {
  for (const [old, { replacedBy }] of Object.entries(RENAMED_RULES)) {
    expect(RULE_IDS).not.toContain(old);
    expect(ruleIdOf(old)).toBe(replacedBy);
  }
});

test('docs/rules holds exactly the generated pages (run `npm run generate` after changing the catalogue)', () => {
  const expected = ruleDocFiles();
  const written = Object.fromEntries(
    readdirSync(join(ROOT, 'docs', 'rules')).map((file) => [`docs/rules/${file}`, readFileSync(join(ROOT, 'docs', 'rules', file), 'utf8')]),
  );
  expect(Object.keys(written).sort()).toEqual(Object.keys(expected).sort());
  for (const [path, text] of Object.entries(expected)) expect({ path, text: written[path] }).toEqual({ path, text });
});

test('duplicateObject names the file, line and chart template of the first copy', () => {
  const copy = (template: string) =>
    `# Source: shop/templates/${template}\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\n`;
  const text = `---\n${copy('settings.yaml')}---\n${copy('settings-copy.yaml')}`;
  expect(
    checkManifests([{ name: 'rendered.yaml', text }])
      .findings.filter((finding) => finding.ruleId === 'duplicateObject')
      .map((finding) => finding.message),
  ).toEqual([
    'a second copy of ConfigMap/settings, first at rendered.yaml:3 (shop/templates/settings.yaml): only the first copy is checked',
  ]);
});

test('duplicateObject names the file and line of the first copy, and no template where the input is no helm render', () => {
  const copy = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\n';
  expect(
    checkManifests([{ name: 'plain.yaml', text: `${copy}---\n${copy}` }])
      .findings.filter((finding) => finding.ruleId === 'duplicateObject')
      .map((finding) => finding.message),
  ).toEqual(['a second copy of ConfigMap/settings, first at plain.yaml:1: only the first copy is checked']);
});

// The input lists objects file by file; the budgets are named in file-name and line order, whatever order the files came in.
test.each(['the chart', 'the extra file'])(
  'oneDisruptionBudget names the budgets in file and line order when %s is given first',
  (first) => {
    const budget = (name: string, labels: string) =>
      `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: ${name}, namespace: store }\nspec: { selector: { matchLabels: { ${labels} } }, maxUnavailable: 1 }\n`;
    const deployment =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: shop, namespace: store }\nspec:\n  replicas: 3\n  selector: { matchLabels: { app: shop } }\n' +
      '  template:\n    metadata: { labels: { app: shop, tier: web } }\n    spec:\n      containers:\n        - { name: shop, image: registry.example/shop:1.0.0 }\n';
    const settings = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings, namespace: store }\ndata:\n${Array.from({ length: 30 }, (_, index) => `  key${index}: value\n`).join('')}`;
    const chart = { name: 'z-chart.yaml', text: `${deployment}---\n${budget('shop', 'app: shop')}---\n${budget('web', 'tier: web')}` };
    // The extra budget's line (after 35 lines of settings) is later than both of the chart's: only the file name puts it first.
    const extra = { name: 'a-extra.yaml', text: `${settings}---\n${budget('extra', 'app: shop')}` };
    const messages = checkManifests(first === 'the chart' ? [chart, extra] : [extra, chart])
      .findings.filter((finding) => finding.ruleId === 'oneDisruptionBudget')
      .map((finding) => `${finding.file}:${finding.line} ${finding.message}`);
    const text =
      'PodDisruptionBudget/store/extra, PodDisruptionBudget/store/shop, PodDisruptionBudget/store/web all select its pods: ' +
      'the eviction API refuses to evict a pod that more than one budget covers, so every drain stalls on them';
    expect(messages).toEqual([`z-chart.yaml:16 ${text}`, `z-chart.yaml:21 ${text}`]);
  },
);

// A note is no finding, so the fixtures' markers do not hold it; its text names the binding and counts the others,
// at the pod's automountServiceAccountToken, with a fix of its own.
test.each([
  [
    'passes.bound-service-account.yaml',
    'the pod mounts a service account token, which ServiceAccount cert-manager needs: ClusterRoleBinding/cert-manager-controller-issuers grant it a role',
  ],
  [
    'passes.bound-by-three-bindings.yaml',
    'the pod mounts a service account token, which ServiceAccount operator needs: RoleBinding/operators/operator-leases and 2 more binding(s) grant it a role',
  ],
])('automountServiceAccountToken names the first binding and counts the others in its note, in %s', (name, message) => {
  const { findings } = findingsOf('automountServiceAccountToken', join(FIXTURES, 'automountServiceAccountToken', name));
  expect(findings.map((finding) => [finding.severity, finding.message, finding.fieldPath, finding.fix])).toEqual([
    [
      'note',
      message,
      'spec.template.spec.automountServiceAccountToken',
      'Nothing to change if the workload calls the Kubernetes API with that role; otherwise remove the binding and set automountServiceAccountToken: false.',
    ],
  ]);
});

// A finding's line cannot tell a missing field from its parent (both are at the parent's line); its field path can.
test.each([
  ['readinessProbe', 'fires.served-without-readiness.yaml', ['spec.template.spec.containers[0].readinessProbe']],
  ['noLiveness', 'fires.daemonset.yaml', ['spec.template.spec.containers[0].livenessProbe']],
  ['zoneSpread', 'fires.no-constraint.yaml', ['spec.template.spec.topologySpreadConstraints']],
  ['unhealthyPodEviction', 'fires.default-policy.yaml', ['spec.unhealthyPodEvictionPolicy']],
  ['podReadinessGate', 'fires.namespace-not-labelled.yaml', ['metadata.labels']],
  ['automountServiceAccountToken', 'fires.account-does-not-opt-out.yaml', ['spec.template.spec.automountServiceAccountToken']],
  ['automountServiceAccountToken', 'fires.pod-opts-in.yaml', ['spec.template.spec.automountServiceAccountToken']],
  ['jobPodFailurePolicy', 'fires.no-policy.yaml', ['spec']],
  ['jobPodFailurePolicy', 'fires.disruption-status-false.yaml', ['spec.podFailurePolicy.rules']],
  ['sidecarsOutliveDrain', 'fires.istio-default-drain.yaml', ['spec.template.metadata.annotations']],
  ['sidecarsOutliveDrain', 'fires.native-stops-after-grace.yaml', ['spec.template.spec.terminationGracePeriodSeconds']],
  ['sidecarsOutliveDrain', 'fires.ordinary-without-delay.yaml', ['spec.template.spec.containers[1].lifecycle.preStop']],
  ['deregistrationDelay', 'fires.default-300-seconds.yaml', ['metadata.annotations[alb.ingress.kubernetes.io/target-group-attributes]']],
  ['deadlineCoversAttempts', 'fires.cronjob-without-deadline.yaml', ['spec.jobTemplate.spec.activeDeadlineSeconds']],
  ['deadlineCoversAttempts', 'fires.one-attempt-long.yaml', ['spec.activeDeadlineSeconds']],
  ['runFitsSchedule', 'fires.no-starting-deadline.yaml', ['spec.startingDeadlineSeconds']],
  ['attemptFitsDeadline', 'fires.attempts-outlast-job.yaml', ['spec.jobTemplate.spec.template.spec.activeDeadlineSeconds']],
  ['attemptFitsDeadline', 'fires.no-attempt-deadline.yaml', ['spec.template.spec.activeDeadlineSeconds']],
  ['imagePinned', 'fires.no-image.yaml', ['spec.template.spec.containers[0].image']],
  ['livenessAfterReadiness', 'fires.equal-windows.yaml', ['spec.template.spec.containers[0].livenessProbe.failureThreshold']],
] as const)('%s points at the field itself in %s, even where it is missing', (id, name, fieldPaths) => {
  expect(findingsOf(id, join(FIXTURES, id, name)).findings.map((finding) => finding.fieldPath)).toEqual(fieldPaths);
});
