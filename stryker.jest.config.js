/**
 * jest as Stryker runs it (npm run mutate): only the fast unit suites that exercise src/timing,
 * src/rules and src/manifests — no Helm suite (they test the templates against the constructs and
 * take minutes per run), no suite that runs the built CLI (Stryker mutates the sources, not lib/).
 * With coverageAnalysis perTest, each mutant is run against the tests that reach it only.
 * MUTATE_TESTS (comma-separated test files, e.g. `MUTATE_TESTS=test/rules.test.ts`) narrows the
 * run further to what fits a shared machine; MUTATION.md says what was run.
 */
const base = require('./jest.config.js');

/**
 * The unit suites of the three folders: the derivation, the rules of src/timing it calls, each
 * called directly (containers, load balancer, recorder, the rollouts of kinds stateful and daemon,
 * job and cronjob), the invariants, the rules' fixtures, quantities, cron, check as a library, and
 * src/manifests called directly: checkManifests end to end with the verdict of a run, the
 * acknowledgement and declared annotations, the input shapes of check (every field read, refused
 * with its path; field paths; object names), a workload's facts (pod templates, roles, mesh), the
 * configuration file (parseConfig, declaredFor), the report formats (text, JSON, SARIF), the
 * restricted Pod Security Standard, a workload's relations (selectors, Services, budgets, routes,
 * bindings) and the AWS load balancers in front of it.
 */
const FAST_SUITES = [
  'test/derivation.test.ts',
  'test/timing-containers.test.ts',
  'test/timing-load-balancer.test.ts',
  'test/timing-record.test.ts',
  'test/timing-rollouts.test.ts',
  'test/timing-job.test.ts',
  'test/invariants.test.ts',
  'test/rules.test.ts',
  'test/quantities.test.ts',
  'test/cron.test.ts',
  'test/check.test.ts',
  'test/manifests-run.test.ts',
  'test/manifests-suppressions.test.ts',
  'test/manifests-shapes.test.ts',
  'test/manifests-facts.test.ts',
  'test/manifests-config.test.ts',
  'test/manifests-formats.test.ts',
  'test/manifests-pod-security.test.ts',
  'test/manifests-relations.test.ts',
  'test/manifests-load-balancers.test.ts',
];

const chosen = (process.env.MUTATE_TESTS ?? '').split(',').filter((file) => file !== '');
const suites = chosen.length > 0 ? chosen : FAST_SUITES;

module.exports = {
  ...base,
  // A regular expression, not a glob: as Stryker's sandbox moves the files.
  testMatch: undefined,
  testRegex: suites.map((file) => `/${file.replace(/[.]/g, '\\.')}$`),
  testPathIgnorePatterns: [...base.testPathIgnorePatterns, '<rootDir>/test/helm'],
  // The fast suites need no Helm: without this, test/support/global-setup.ts would open the
  // 34 MB layer zip again in every sandbox run.
  globalSetup: undefined,
};
