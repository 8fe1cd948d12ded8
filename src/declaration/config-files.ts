import { createHash } from 'node:crypto';

/**
 * The name of the ConfigMap that holds a workload's inline config files. It changes with the
 * files, so that a change rolls the pods and an older ReplicaSet keeps the ConfigMap it was made
 * with (the ConfigMap is immutable; docs/derivation.md, "Configuration").
 *
 * Both faces compute the same bytes, so the hash input avoids JSON (Go and JavaScript escape <, >,
 * & and U+2028 differently): for each file in key order (keys are ASCII, so byte order and UTF-16
 * order agree), its key, a line feed, its path, a line feed, the lowercase hex SHA-256 of its
 * content's UTF-8 bytes and a line feed. Keys and paths hold no line feed (their patterns forbid
 * control characters), so the input is unambiguous. The name is the instance, "-config-" and the
 * first 10 hex digits of the input's SHA-256. The Helm face computes the same with sha256sum
 * (templates/_resolve-volumes.tpl, hw.configMapName).
 */
export function configMapName(
  instance: string,
  files: Readonly<Record<string, { readonly path: string; readonly content: string }>>,
): string {
  const input = Object.keys(files)
    .sort()
    .map((key) => `${key}\n${files[key]!.path}\n${sha256(files[key]!.content)}\n`)
    .join('');
  return `${instance}-config-${sha256(input).slice(0, 10)}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What a ConfigMap may hold in all (Kubernetes' MaxSecretSize, which ValidateConfigMap applies to the data). */
export const CONFIG_MAP_MAX_BYTES = 1024 * 1024;
