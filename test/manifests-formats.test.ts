import { stringify } from 'yaml';
import { type CheckReport, checkManifests, type Finding, RULE_IDS } from '../src';
import type { CheckConfig } from '../src/manifests/config';
import { checkJson, checkJsonError } from '../src/manifests/formats/json';
import { checkSarif, checkSarifError } from '../src/manifests/formats/sarif';
import { checkText } from '../src/manifests/formats/text';
import { packageInfo } from '../src/package-info';
import { RULES } from '../src/rules/catalogue';
import { ruleHelpMarkdown, ruleHelpText } from '../src/rules/docs';

/**
 * The three report formats of `check` (README, "Use it as a CI gate") as a library: the text for a
 * terminal or CI log, the JSON for scripts and the SARIF 2.1.0 log for code scanning, of reports
 * that `checkManifests` makes from small manifests shaped like a chart's, and of input problems.
 * check-cli.test.ts and check-sarif.test.ts run the same through the built CLI.
 */
const CWD = '/repo';
const HOME = 'https://github.com/hardened-workloads/hardened-workloads';
const pod = (extra: Record<string, unknown> = {}) => ({
  containers: [{ name: 'app', image: 'registry.example/app:1.0.0', securityContext: { privileged: true } }],
  ...extra,
});
const WEB = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'shop',
    annotations: { 'hardened-workloads.io/acknowledged': 'noLiveness: the app restarts itself' },
  },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: pod() } },
};
const JOB = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'migrate' },
  spec: { template: { spec: pod({ restartPolicy: 'Never' }) } },
};
const CONFIG_MAP = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } };
const ROLLOUT = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'canary' }, spec: { template: { spec: pod() } } };

/** Every rule off but four: one undecided without declared times, one error, one note, one warning (acknowledged). */
const config = (failOn: CheckConfig['failOn'] = 'warning', rules: CheckConfig['rules'] = {}): CheckConfig => ({
  failOn,
  rules: {
    ...Object.fromEntries(RULE_IDS.map((id) => [id, 'off'])),
    graceCoversShutdown: 'error',
    privileged: 'error',
    cpuLimit: 'note',
    noLiveness: 'warning',
    ...rules,
  },
  declared: [],
});
/** `helm template` output (a Deployment from a template, a ConfigMap, a custom resource with a pod template), a Job, and a file not read. */
const CHART = [
  {
    name: '/repo/rendered/all.yaml',
    text: `---\n# Source: shop/templates/web.yaml\n${stringify(WEB)}---\n${stringify(CONFIG_MAP)}---\n${stringify(ROLLOUT)}`,
  },
  { name: '/repo/jobs.yaml', text: stringify(JOB) },
];
const full = checkManifests(CHART, { config: config(), skippedFiles: [{ file: '/repo/notes.txt', reason: 'not a manifest' }] });
const jobOnly = (failOn: CheckConfig['failOn'] = 'warning', rules: CheckConfig['rules'] = {}) =>
  checkManifests([{ name: 'jobs.yaml', text: stringify(JOB) }], { config: config(failOn, rules) });
const NOTHING = checkManifests([{ name: 'empty.yaml', text: stringify(CONFIG_MAP) }], { config: config() });
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

const CPU_FIX = 'Set resources.limits.cpu generously (for example 4 × the request), or acknowledge cpuLimit with a reason.';
const PRIVILEGED_MESSAGE = 'containers[0].securityContext.privileged must be unset or false';
const PRIVILEGED_FIX = 'Remove securityContext.privileged (or set it to false).';
const GRACE_DETAIL = 'grace 30 s, preStop 0 s; drain time not known';

describe('text', () => {
  test('the whole report: findings grouped by file, then undecided, not checked, not read, and the verdict', () => {
    expect(checkText(full)).toBe(
      [
        '/repo/rendered/all.yaml',
        '  21:11   note       cpuLimit  Deployment/shop/web: container app: no CPU limit',
        '                     template: shop/templates/web.yaml',
        `                     fix: ${CPU_FIX}`,
        '  21:11   suppressed noLiveness  Deployment/shop/web: container app: no liveness probe',
        '                     template: shop/templates/web.yaml',
        '                     acknowledged: the app restarts itself',
        `  24:13   error      privileged  Deployment/shop/web: ${PRIVILEGED_MESSAGE}`,
        '                     template: shop/templates/web.yaml',
        `                     fix: ${PRIVILEGED_FIX}`,
        '',
        '/repo/jobs.yaml',
        '  9:11    note       cpuLimit  Job/migrate: container app: no CPU limit',
        `                     fix: ${CPU_FIX}`,
        `  12:13   error      privileged  Job/migrate: ${PRIVILEGED_MESSAGE}`,
        `                     fix: ${PRIVILEGED_FIX}`,
        '',
        'Undecided: these need declared times (annotation hardened-workloads.io/declared, the configuration or the flags):',
        `  /repo/rendered/all.yaml:3:1: Deployment/shop/web: graceCoversShutdown: ${GRACE_DETAIL}`,
        `  /repo/jobs.yaml:1:1: Job/migrate: graceCoversShutdown: ${GRACE_DETAIL}`,
        '',
        'Not checked (kinds check does not read):',
        '  /repo/rendered/all.yaml:26:1: ConfigMap/settings',
        '  /repo/rendered/all.yaml:31:1: Rollout/canary: not checked: Rollout carries a pod template that check does not read (spec.template)',
        '',
        'Not read (entries of the folders walked):',
        '  /repo/notes.txt: not a manifest',
        '',
        '2 workload(s) checked with 4 rules; 2 errors, 2 notes; 1 suppressed; 2 undecided — declare the times they need to decide them; ' +
          '1 file(s) not read; 2 object(s) not checked (1 carrying a pod template). FAILED: 2 finding(s) at or above warning.',
        '',
      ].join('\n'),
    );
  });

  test('a report with nothing to say but the verdict is that one line', () => {
    const declared = checkManifests([{ name: 'jobs.yaml', text: stringify(JOB) }], {
      config: config('warning', { privileged: 'off', cpuLimit: 'off' }),
      declared: { drainSeconds: 10 },
    });
    expect(checkText(declared)).toBe('1 workload(s) checked with 2 rules; no findings. Passed.\n');
  });

  test('one finding of a severity is counted in the singular, two in the plural', () => {
    expect(lastLine(checkText(jobOnly('warning', { privileged: 'warning', cpuLimit: 'error' })))).toMatch(/; 1 error, 1 warning; /);
    expect(lastLine(checkText(jobOnly()))).toMatch(/; 1 error, 1 note; /);
  });

  test('a rule left undecided is never "Passed": the gate lets it through, the verdict says not everything was decided', () => {
    expect(lastLine(checkText(jobOnly('error', { privileged: 'off', cpuLimit: 'off' })))).toBe(
      '1 workload(s) checked with 2 rules; no findings; 1 undecided — declare the times they need to decide them. Not failed, but not everything was decided.',
    );
  });

  test('--fail-on never is named in the verdict', () => {
    expect(lastLine(checkText(jobOnly('never')))).toBe(
      '1 workload(s) checked with 4 rules; 1 error, 1 note; 1 undecided — declare the times they need to decide them. Not failed, but not everything was decided (--fail-on never).',
    );
  });

  test('an object not checked that carries no pod template is counted without the parenthesis', () => {
    expect(lastLine(checkText(NOTHING))).toBe(
      '0 workload(s) checked with 4 rules; no findings; 1 object(s) not checked. FAILED: no workload found: nothing was checked.',
    );
  });

  test('control characters from the input are escaped on every line, so none reaches the log', () => {
    const report = checkManifests([{ name: 'bad\u001b[2J.yaml', text: stringify(JOB) }], {
      config: config(),
      skippedFiles: [{ file: 'notes\n.txt', reason: 'not\ra manifest' }],
    });
    const text = checkText(report);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        'bad\\u001b[2J.yaml',
        '  bad\\u001b[2J.yaml:1:1: Job/migrate: graceCoversShutdown: ' + GRACE_DETAIL,
        '  notes\\n.txt: not\\ra manifest',
      ]),
    );
  });

  test('findings of a file stay together, in the order of their first file, however the report orders them', () => {
    const [a, b] = jobOnly().findings as Finding[];
    const report: CheckReport = { ...jobOnly(), findings: [a!, { ...b!, file: 'other.yaml' }, { ...a!, line: 40 }] };
    expect(
      checkText(report)
        .split('\n')
        .filter((line) => /^\S|^ {2}\d/.test(line))
        .slice(0, 5),
    ).toEqual([
      'jobs.yaml',
      '  9:11    note       cpuLimit  Job/migrate: container app: no CPU limit',
      '  40:11   note       cpuLimit  Job/migrate: container app: no CPU limit',
      'other.yaml',
      `  12:13   error      privileged  Job/migrate: ${PRIVILEGED_MESSAGE}`,
    ]);
  });
});

describe('JSON', () => {
  const { name, version } = packageInfo();

  test('a failing report: the tool, passed false, the reason, then the report as it is', () => {
    const text = checkJson(full);
    expect(JSON.parse(text)).toEqual({
      tool: { name, version },
      passed: false,
      failure: '2 finding(s) at or above warning',
      ...JSON.parse(JSON.stringify(full)),
    });
    expect(Object.keys(JSON.parse(text)).slice(0, 4)).toEqual(['tool', 'passed', 'failure', 'rules']);
  });

  test('a passing report has no failure', () => {
    const parsed = JSON.parse(checkJson(jobOnly('error', { privileged: 'off' })));
    expect(parsed.passed).toBe(true);
    expect('failure' in parsed).toBe(false);
    expect(parsed.tool).toEqual({ name: 'hardened-workloads', version });
  });

  test('is indented by two spaces and ends with a line break', () => {
    expect(checkJson(jobOnly())).toMatch(/^\{\n {2}"tool": \{\n {4}"name": "hardened-workloads",\n[^]*\n\}\n$/);
  });

  test('an input error: passed false, the problems as the CLI prints them, and each problem', () => {
    const problems = [
      { file: 'a.yaml', line: 3, column: 5, message: 'not a mapping' },
      { file: 'check.yaml', message: 'failOn: "x" must be one of error' },
    ];
    const text = checkJsonError(problems);
    expect(JSON.parse(text)).toEqual({
      tool: { name, version },
      passed: false,
      error: 'a.yaml:3:5: not a mapping\ncheck.yaml: failOn: "x" must be one of error',
      problems,
    });
    expect(text).toMatch(/^\{\n {2}"tool": \{\n[^]*\n\}\n$/);
  });
});

describe('SARIF', () => {
  // Each test formats the report itself: Stryker's per-test coverage then ties each mutant to the tests that reach it.
  const log = () => JSON.parse(checkSarif(full, CWD));
  const run = () => log().runs[0];
  const driverRules = () => run().tool.driver.rules as Array<Record<string, unknown>>;
  const results = () => run().results as Array<Record<string, any>>;

  test('is a SARIF 2.1.0 log of one run, indented by two spaces and ending with a line break', () => {
    expect(log().$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log().version).toBe('2.1.0');
    expect(log().runs).toHaveLength(1);
    expect(checkSarif(full, CWD)).toMatch(/^\{\n {2}"\$schema": [^]*\n\}\n$/);
  });

  test('the driver names the tool, its version twice, and its home page', () => {
    const { version } = packageInfo();
    expect({ ...run().tool.driver, rules: undefined }).toEqual({
      name: 'hardened-workloads',
      version,
      semanticVersion: version,
      informationUri: HOME,
      rules: undefined,
    });
  });

  test('the rules are the enabled ones, in the order of the report, at their configured level', () => {
    expect(driverRules().map(({ id, defaultConfiguration }) => [id, defaultConfiguration])).toEqual([
      ['graceCoversShutdown', { level: 'error' }],
      ['privileged', { level: 'error' }],
      ['cpuLimit', { level: 'note' }],
      ['noLiveness', { level: 'warning' }],
    ]);
  });

  test('a Pod Security rule: title, rationale, help, page, and tags security with its security-severity as text', () => {
    expect(driverRules()[1]).toEqual({
      id: 'privileged',
      shortDescription: { text: 'No privileged container.' },
      fullDescription: { text: RULES.privileged.rationale },
      help: { text: ruleHelpText('privileged'), markdown: ruleHelpMarkdown('privileged') },
      helpUri: `${HOME}/blob/main/docs/rules/privileged.md`,
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'pod-security'], 'security-severity': '9.5' },
    });
  });

  test('a security-severity keeps one decimal even when it is whole', () => {
    const report = jobOnly('warning', {
      privileged: 'off',
      cpuLimit: 'off',
      graceCoversShutdown: 'off',
      noLiveness: 'off',
      volumeTypes: 'error',
    });
    const [rule] = JSON.parse(checkSarif(report, CWD)).runs[0].tool.driver.rules;
    expect(rule.properties).toEqual({ tags: ['security', 'pod-security'], 'security-severity': '8.0' });
  });

  test('a renamed rule carries its old ids; the other rules carry none; rules outside Pod Security are tagged by family only', () => {
    expect(driverRules()[2]).toMatchObject({ id: 'cpuLimit', deprecatedIds: ['noCpuLimit'], properties: { tags: ['hardening'] } });
    expect(driverRules()[0]).toEqual({
      id: 'graceCoversShutdown',
      shortDescription: { text: RULES.graceCoversShutdown.title },
      fullDescription: { text: RULES.graceCoversShutdown.rationale },
      help: { text: ruleHelpText('graceCoversShutdown'), markdown: ruleHelpMarkdown('graceCoversShutdown') },
      helpUri: `${HOME}/blob/main/docs/rules/graceCoversShutdown.md`,
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['invariant'] },
    });
  });

  test('a finding: its rule and index, its level, the message with its fix, at the field, with the object as a logical location', () => {
    expect(results()[4]).toEqual({
      ruleId: 'privileged',
      ruleIndex: 1,
      level: 'error',
      message: { text: `Job/migrate: ${PRIVILEGED_MESSAGE}. Fix: ${PRIVILEGED_FIX}` },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'jobs.yaml' }, region: { startLine: 12, startColumn: 13 } },
          logicalLocations: [{ name: 'Job/migrate', fullyQualifiedName: 'Job/migrate', kind: 'resource' }],
        },
      ],
    });
  });

  test('a finding in helm template output is at its template (line 1), with the rendered field as a related location', () => {
    expect(results()[0]).toEqual({
      ruleId: 'cpuLimit',
      ruleIndex: 2,
      level: 'note',
      message: { text: `Deployment/shop/web: container app: no CPU limit. Fix: ${CPU_FIX}` },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'shop/templates/web.yaml' }, region: { startLine: 1 } },
          logicalLocations: [{ name: 'Deployment/web', fullyQualifiedName: 'shop/Deployment/web', kind: 'resource' }],
        },
      ],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: { artifactLocation: { uri: 'rendered/all.yaml' }, region: { startLine: 21, startColumn: 11 } },
          message: { text: 'Deployment/shop/web spec.template.spec.containers[0].resources.limits, as helm template rendered it' },
        },
      ],
    });
  });

  test('the related location of a finding about the object as a whole names the object alone', () => {
    const [finding] = full.findings;
    const report: CheckReport = { ...full, findings: [{ ...finding!, fieldPath: '', template: 'my chart/templates/web.yaml' }] };
    const [result] = JSON.parse(checkSarif(report, CWD)).runs[0].results;
    expect(result.relatedLocations[0].message.text).toBe('Deployment/shop/web, as helm template rendered it');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('my%20chart/templates/web.yaml');
  });

  test('an acknowledged finding stays in the log with an in-source suppression and its reason; the others have none', () => {
    expect(results().map((result) => result.suppressions)).toEqual([
      undefined,
      [{ kind: 'inSource', justification: 'the app restarts itself' }],
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(results().filter((result) => 'suppressions' in result)).toHaveLength(1);
  });

  test('an undecided rule is a result of level note after the findings, at its workload, marked undecided', () => {
    expect(results().slice(5)).toEqual([
      {
        ruleId: 'graceCoversShutdown',
        ruleIndex: 0,
        level: 'note',
        message: { text: `Deployment/shop/web: graceCoversShutdown is undecided, it needs declared times: ${GRACE_DETAIL}` },
        locations: [
          {
            physicalLocation: { artifactLocation: { uri: 'rendered/all.yaml' }, region: { startLine: 3, startColumn: 1 } },
            logicalLocations: [{ name: 'Deployment/web', fullyQualifiedName: 'shop/Deployment/web', kind: 'resource' }],
          },
        ],
        properties: { undecided: true },
      },
      {
        ruleId: 'graceCoversShutdown',
        ruleIndex: 0,
        level: 'note',
        message: { text: `Job/migrate: graceCoversShutdown is undecided, it needs declared times: ${GRACE_DETAIL}` },
        locations: [
          {
            physicalLocation: { artifactLocation: { uri: 'jobs.yaml' }, region: { startLine: 1, startColumn: 1 } },
            logicalLocations: [{ name: 'Job/migrate', fullyQualifiedName: 'Job/migrate', kind: 'resource' }],
          },
        ],
        properties: { undecided: true },
      },
    ]);
  });

  test('objects not checked and files not read are notifications of a successful run; one carrying a pod template is a warning', () => {
    expect(run().invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'note',
            message: { text: 'ConfigMap/settings was not checked: check does not read its kind' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'rendered/all.yaml' }, region: { startLine: 26 } } }],
          },
          {
            level: 'warning',
            message: { text: 'Rollout/canary was not checked: Rollout carries a pod template that check does not read (spec.template)' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'rendered/all.yaml' }, region: { startLine: 31 } } }],
          },
          {
            level: 'note',
            message: { text: '/repo/notes.txt was not read: not a manifest' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'notes.txt' } } }],
          },
        ],
      },
    ]);
  });

  test('a run with nothing to notify has no notifications', () => {
    expect(JSON.parse(checkSarif(jobOnly(), CWD)).runs[0].invocations).toEqual([{ executionSuccessful: true }]);
  });

  test('a failing run without workloads says why, as an error notification', () => {
    const notifications = JSON.parse(checkSarif(NOTHING, CWD)).runs[0].invocations[0].toolExecutionNotifications;
    expect(notifications.at(-1)).toEqual({ level: 'error', message: { text: 'no workload found: nothing was checked' } });
    expect(notifications).toHaveLength(2);
  });

  test('a run with workloads that fails has no such notification: its results say why', () => {
    expect(JSON.parse(checkSarif(jobOnly('note'), CWD)).runs[0].invocations).toEqual([{ executionSuccessful: true }]);
  });

  test.each([
    ['<stdin>', 'stdin'],
    ['/repo/a b/web.yaml', 'a%20b/web.yaml'],
    ['/elsewhere/web.yaml', 'file:///elsewhere/web.yaml'],
    ['/repository/web.yaml', 'file:///repository/web.yaml'],
  ])('the input %p is at %p: relative under the working folder, a file URL outside it', (name, uri) => {
    const report = checkManifests([{ name, text: stringify(JOB) }], { config: config() });
    const [result] = JSON.parse(checkSarif(report, CWD)).runs[0].results;
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(uri);
  });

  test('without a working folder, paths are relative to the process', () => {
    const report = checkManifests([{ name: `${process.cwd()}/deploy/web.yaml`, text: stringify(JOB) }], { config: config() });
    const [result] = JSON.parse(checkSarif(report)).runs[0].results;
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/web.yaml');
  });
});

describe('SARIF of an input error', () => {
  const problems = [
    { file: '/repo/a.yaml', line: 3, column: 5, message: 'not a mapping' },
    { file: '/repo/b.yaml', line: 7, message: 'bad\u001b value' },
    { file: '/repo/check.yaml', message: 'failOn: "x" must be one of error' },
    { file: '', message: 'no input' },
  ];
  const log = () => JSON.parse(checkSarifError(problems, CWD));
  const run = () => log().runs[0];

  test('is a SARIF 2.1.0 log of one unsuccessful run without results or rules, ending with a line break', () => {
    expect(log().$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log().version).toBe('2.1.0');
    expect(run().results).toEqual([]);
    expect(run().tool.driver).toEqual({
      name: 'hardened-workloads',
      version: packageInfo().version,
      semanticVersion: packageInfo().version,
      informationUri: HOME,
      rules: [],
    });
    expect(run().invocations[0].executionSuccessful).toBe(false);
    expect(checkSarifError(problems, CWD)).toMatch(/^\{\n {2}"\$schema": [^]*\n\}\n$/);
  });

  test('each problem is an error notification as the CLI prints it, at its file, line and column as far as known', () => {
    expect(run().invocations[0].toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: '/repo/a.yaml:3:5: not a mapping' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'a.yaml' }, region: { startLine: 3, startColumn: 5 } } }],
      },
      {
        level: 'error',
        message: { text: '/repo/b.yaml:7: bad\\u001b value' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'b.yaml' }, region: { startLine: 7 } } }],
      },
      {
        level: 'error',
        message: { text: '/repo/check.yaml: failOn: "x" must be one of error' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'check.yaml' } } }],
      },
      { level: 'error', message: { text: ': no input' } },
    ]);
  });

  test('without a working folder, paths are relative to the process', () => {
    const [notification] = JSON.parse(checkSarifError([{ file: `${process.cwd()}/x.yaml`, message: 'm' }])).runs[0].invocations[0]
      .toolExecutionNotifications;
    expect(notification.locations[0].physicalLocation.artifactLocation.uri).toBe('x.yaml');
  });
});

describe('SARIF of a package without a home page', () => {
  /** packageInfo as a package.json with fewer addresses would give it. */
  const withPackage = (info: Record<string, string>) => {
    let sarif!: typeof import('../src/manifests/formats/sarif');
    jest.isolateModules(() => {
      jest.doMock('../src/package-info', () => ({ packageInfo: () => info }));
      sarif = require('../src/manifests/formats/sarif');
    });
    return sarif;
  };

  test('informationUri is the repository when there is no home page, else the package on npm', () => {
    const repository = withPackage({ name: 'pkg', version: '1.2.3', repositoryUrl: 'https://git.example/pkg' });
    expect(JSON.parse(repository.checkSarifError([], CWD)).runs[0].tool.driver.informationUri).toBe('https://git.example/pkg');
    const bare = withPackage({ name: 'pkg', version: '1.2.3' });
    expect(JSON.parse(bare.checkSarifError([], CWD)).runs[0].tool.driver).toEqual({
      name: 'pkg',
      version: '1.2.3',
      semanticVersion: '1.2.3',
      informationUri: 'https://www.npmjs.com/package/pkg',
      rules: [],
    });
  });

  test('a rule has no helpUri when there is no home page to hold its page', () => {
    const bare = withPackage({ name: 'pkg', version: '1.2.3' });
    const [rule] = JSON.parse(bare.checkSarif(jobOnly(), CWD)).runs[0].tool.driver.rules;
    expect(rule.id).toBe('graceCoversShutdown');
    expect('helpUri' in rule).toBe(false);
  });
});
