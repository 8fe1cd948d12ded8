import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the package says about itself, for `--version` and the tool metadata of SARIF logs. */
export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  /** The repository's web address, when package.json names one (`repository` or `homepage`). */
  readonly repositoryUrl?: string;
  /** The project's home page (package.json `homepage`): SARIF's `informationUri`, and where `docs/` is published. */
  readonly homepage?: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (!cached) {
    // One level up from both src/ and lib/.
    const json = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      homepage?: string;
      repository?: string | { url?: string };
    };
    const repository = typeof json.repository === 'string' ? json.repository : json.repository?.url;
    const url = repository?.replace(/^git\+/, '').replace(/\.git$/, '') ?? json.homepage?.replace(/#.*$/, '');
    const homepage = json.homepage?.replace(/#.*$/, '');
    cached = {
      name: json.name,
      version: json.version,
      ...(url && /^https:\/\//.test(url) ? { repositoryUrl: url } : {}),
      ...(homepage && /^https:\/\//.test(homepage) ? { homepage } : {}),
    };
  }
  return cached;
}
