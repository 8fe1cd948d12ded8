import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findHelm } from './support/helm-binary';

/** Which helm the Helm suites run, on every platform, and what happens where there is none. */

const EXTRACTED = '/repo/.tools/bin/helm';
const folderWithHelm = () => {
  const folder = mkdtempSync(join(tmpdir(), 'hardened-path-'));
  writeFileSync(join(folder, 'helm'), '#!/bin/sh\n');
  chmodSync(join(folder, 'helm'), 0o755);
  return folder;
};

test('HELM wins over everything', () => {
  expect(findHelm({ env: { HELM: '/opt/helm', PATH: folderWithHelm() }, platform: 'linux', arch: 'x64', extracted: EXTRACTED })).toEqual({
    path: '/opt/helm',
    source: 'the HELM environment variable',
  });
});

test('a helm on PATH comes next, on any platform', () => {
  const folder = folderWithHelm();
  expect(findHelm({ env: { PATH: `/nowhere:${folder}` }, platform: 'darwin', arch: 'arm64', extracted: EXTRACTED })).toEqual({
    path: join(folder, 'helm'),
    source: 'PATH',
  });
});

test('on linux-x64 without either, the helm extracted from the npm registry package', () => {
  expect(findHelm({ env: { PATH: '/nowhere' }, platform: 'linux', arch: 'x64', extracted: EXTRACTED }).path).toBe(EXTRACTED);
});

test.each([
  ['darwin', 'arm64'],
  ['linux', 'arm64'],
  ['win32', 'x64'],
])('on %s-%s without either, none, with a reason that names the platform', (platform, arch) => {
  expect(findHelm({ env: { PATH: '/nowhere' }, platform, arch, extracted: EXTRACTED })).toEqual({
    skipReason: expect.stringMatching(new RegExp(`^no helm for ${platform}-${arch}: .*Set HELM=`)),
  });
});

test('where there is no helm, jest says the Helm suites are skipped and skips them, never passing them silently', () => {
  const result = spawnSync(
    process.execPath,
    [join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', 'test/helm.test.ts', '-t', 'release name'],
    {
      cwd: join(__dirname, '..'),
      encoding: 'utf8',
      env: { ...process.env, HELM: '', PATH: '/nonexistent', JEST_PLATFORM_OVERRIDE: 'darwin-arm64' },
    },
  );
  expect(result.status).toBe(0);
  expect(result.stderr).toContain('HELM TESTS SKIPPED: no helm for darwin-arm64');
  expect(result.stderr).toMatch(/Tests:\s+\d+ skipped, \d+ total/);
});
