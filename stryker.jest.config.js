/**
 * jest as Stryker runs it (npm run mutate): the suites that exercise src/timing, src/rules and
 * src/manifests. The Helm suites are left out: they test the templates against the constructs and
 * take minutes per run. MUTATE_TESTS (comma-separated test files, e.g.
 * `MUTATE_TESTS=test/rules.test.ts,test/check.test.ts`) narrows the run to what fits a shared
 * machine; MUTATION.md says what was run.
 */
const base = require('./jest.config.js');

const only = (process.env.MUTATE_TESTS ?? '').split(',').filter((file) => file !== '');

module.exports = {
  ...base,
  // A regular expression, not a glob: as Stryker's sandbox moves the files.
  ...(only.length > 0
    ? { testMatch: undefined, testRegex: only.map((file) => `/${file.replace(/[.]/g, '\\.')}$`) }
    : { testMatch: undefined, testRegex: '/test/.*\\.test\\.ts$' }),
  testPathIgnorePatterns: [...base.testPathIgnorePatterns, '<rootDir>/test/helm'],
};
