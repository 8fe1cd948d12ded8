/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // test/package needs the npm registry: `npm run test:package` (and CI) runs it.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/package/'],
  // Type checking is done once by `npm run typecheck`; jest only transpiles (tsconfig.json sets
  // isolatedModules, which ts-jest reads), which is much faster.
  transform: { '^.+\\.ts$': 'ts-jest' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  testTimeout: 60000,
};
