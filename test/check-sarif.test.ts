import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { checkManifests, RULE_IDS } from '../src';
import { checkSarif } from '../src/manifests/formats/sarif';
import { checkText } from '../src/manifests/formats/text';
import { sarifValidationProblems } from './support/sarif';

/** What a code-scanning tool shows of `check`'s SARIF: the rules' help, their pages and GitHub's security rating. */
const ROOT = join(__dirname, '..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage: string; repository: { url: string } };
const PRIVILEGED = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'app', image: 'registry.example/app:1.0.0', securityContext: { privileged: true } }] },
    },
  },
};
const log = checkSarif(checkManifests([{ name: 'web.yaml', text: stringify(PRIVILEGED) }]), ROOT);
const run = JSON.parse(log).runs[0];
type Rule = {
  id: string;
  deprecatedIds?: string[];
  helpUri?: string;
  help: { text: string; markdown: string };
  properties: Record<string, unknown>;
};
const rules = run.tool.driver.rules as Rule[];
const rule = (id: string) => rules.find((entry) => entry.id === id)!;

test('the log passes the SARIF multitool with GitHub code scanning rules', () => {
  expect(sarifValidationProblems(log)).toEqual([]);
});

test('informationUri is the project home page, which package.json names once for npm and once as the repository', () => {
  expect(run.tool.driver.informationUri).toBe(PACKAGE.homepage);
  expect(PACKAGE.repository.url).toBe(`git+${PACKAGE.homepage}.git`);
});

test("each rule's helpUri is its documentation page at the home page, and the page exists", () => {
  expect(rules.map((entry) => entry.id)).toEqual(RULE_IDS);
  for (const { id, helpUri } of rules) {
    expect(helpUri).toBe(`${PACKAGE.homepage}/blob/main/docs/rules/${id}.md`);
    expect(existsSync(join(ROOT, 'docs', 'rules', `${id}.md`))).toBe(true);
  }
});

test('the help is plain Markdown: no HTML comment, no link into the test fixtures', () => {
  for (const { help } of rules) {
    expect(help.markdown).not.toContain('<!--');
    expect(help.markdown).not.toContain('test/fixtures');
    expect(help.text).not.toContain('test/fixtures');
  }
  expect(rule('privileged').help.markdown).toMatch(/^# privileged\n\n\*\*No privileged container\.\*\*/);
});

test('Pod Security rules carry a security-severity and the security tag, so that GitHub rates them; others carry neither', () => {
  expect(rule('privileged').properties).toEqual({ tags: ['security', 'pod-security'], 'security-severity': '9.5' });
  expect(rule('seccomp').properties).toEqual({ tags: ['security', 'pod-security'], 'security-severity': '5.5' });
  for (const entry of rules.filter(({ properties }) => !(properties.tags as string[]).includes('pod-security'))) {
    expect(entry.properties).toEqual({ tags: [expect.not.stringMatching(/^security$/)] });
  }
  for (const entry of rules.filter(({ properties }) => (properties.tags as string[]).includes('pod-security'))) {
    expect(Number(entry.properties['security-severity'])).toBeGreaterThanOrEqual(4);
  }
});

describe('helm template output: findings at the template that rendered them', () => {
  const rendered = [
    '---',
    '# Source: shop/templates/deployment.yaml',
    stringify(PRIVILEGED).trimEnd(),
    '---',
    '# Source: shop/charts/cache/templates/statefulset.yaml',
    stringify({ ...PRIVILEGED, kind: 'StatefulSet', metadata: { name: 'cache' } }).trimEnd(),
    '',
  ].join('\n');
  const report = checkManifests([{ name: 'rendered.yaml', text: rendered }]);
  const privileged = (subject: string) =>
    report.findings.find((finding) => finding.ruleId === 'privileged' && finding.subject === subject)!;

  test('each finding names the template of its object, subcharts included, and keeps the rendered line', () => {
    expect(privileged('Deployment/web')).toMatchObject({ template: 'shop/templates/deployment.yaml', file: 'rendered.yaml', line: 17 });
    expect(privileged('StatefulSet/cache')).toMatchObject({
      template: 'shop/charts/cache/templates/statefulset.yaml',
      file: 'rendered.yaml',
    });
  });

  test('SARIF puts the result at the template, with the rendered line as a related location, and passes the multitool', () => {
    const sarif = checkSarif(report, ROOT);
    expect(sarifValidationProblems(sarif)).toEqual([]);
    const result = JSON.parse(sarif).runs[0].results.find(
      (entry: { ruleId: string; locations: Array<{ logicalLocations: Array<{ name: string }> }> }) =>
        entry.ruleId === 'privileged' && entry.locations[0]!.logicalLocations[0]!.name === 'Deployment/web',
    );
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'shop/templates/deployment.yaml' },
      region: { startLine: 1 },
    });
    expect(result.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'rendered.yaml' }, region: { startLine: 17, startColumn: 13 } },
        message: { text: 'Deployment/web spec.template.spec.containers[0].securityContext.privileged, as helm template rendered it' },
      },
    ]);
  });

  test('the text report names the template under the finding', () => {
    expect(checkText(report)).toMatch(/ privileged  Deployment\/web: .*\n {21}template: shop\/templates\/deployment\.yaml\n {21}fix: /);
  });

  test('plain manifests without Source comments have no template', () => {
    expect(
      checkManifests([{ name: 'web.yaml', text: stringify(PRIVILEGED) }]).findings.every((finding) => finding.template === undefined),
    ).toBe(true);
  });
});

test('a renamed rule lists its old id in deprecatedIds, so that code scanning carries its alerts over', () => {
  expect(rule('cpuLimit')).toMatchObject({ deprecatedIds: ['noCpuLimit'] });
  expect(rule('probeTimeout')).toMatchObject({ deprecatedIds: ['readinessTimeout'] });
  expect(rule('privileged')).not.toHaveProperty('deprecatedIds');
});

test('an object of a kind check does not read is a tool notification; one that carries a pod template, a warning saying so', () => {
  const rollout = { ...PRIVILEGED, apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'canary' } };
  const settings = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } };
  const text = [PRIVILEGED, rollout, settings].map((object) => stringify(object)).join('---\n');
  const notifications = JSON.parse(checkSarif(checkManifests([{ name: 'web.yaml', text }]), ROOT)).runs[0].invocations[0]
    .toolExecutionNotifications as Array<{ level: string; message: { text: string } }>;
  expect(notifications.map(({ level, message }) => [level, message.text])).toEqual([
    ['warning', 'Rollout/canary was not checked: Rollout carries a pod template that check does not read (spec.template)'],
    ['note', 'ConfigMap/settings was not checked: check does not read its kind'],
  ]);
});
