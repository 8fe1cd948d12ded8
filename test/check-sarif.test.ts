import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { checkManifests, RULE_IDS } from '../src';
import { checkSarif } from '../src/manifests/formats/sarif';
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
type Rule = { id: string; helpUri?: string; help: { text: string; markdown: string }; properties: Record<string, unknown> };
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
