import { DANGER_MESSAGES, type DangerId, dangerText, isKernelFolder, isRuntimeSocketPath, isSnippetAnnotation } from '../dangers';
import type { EffectiveSpec } from '../presets';
import { daemonSettings } from './daemon-set';
import type { Resolution } from './resolution';

const isMap = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The annotations a patch of the Ingress writes, where it writes a map of them. */
function patchedIngressAnnotations(spec: EffectiveSpec): Record<string, unknown> {
  const object = (spec.patches as Record<string, { object?: unknown } | undefined>).Ingress?.object;
  const metadata = isMap(object) ? object.metadata : undefined;
  const annotations = isMap(metadata) ? metadata.annotations : undefined;
  return isMap(annotations) ? annotations : {};
}

/**
 * The settings src/declaration/dangers.ts names, each refused unless acknowledged under its own id:
 * a toleration of every taint, ingress-nginx snippets (declared or patched into the Ingress), a
 * scratch folder over /proc, /dev or /sys, and a node agent's runtime socket or writable host path.
 * Mirrored by `hw.dangers.problems` in templates/_dangers.tpl.
 */
export function checkDangers(spec: EffectiveSpec, { problems, acknowledged }: Resolution): void {
  const refuse = (id: DangerId, field: string, value: unknown, shown: string) => {
    if (acknowledged(id)) return;
    const { rule, fix } = DANGER_MESSAGES[id];
    problems.push({ path: field, value, rule: dangerText(rule, field, shown), fix: dangerText(fix, field, shown) });
  };
  (spec.scheduling?.tolerations ?? []).forEach((toleration, index) => {
    if (!toleration.key && toleration.operator === 'Exists')
      refuse('tolerateEveryTaint', `scheduling.tolerations[${index}]`, toleration, '');
  });
  const annotations: Array<[string, Record<string, unknown>]> = [
    ['ingress.annotations', spec.ingress?.annotations ?? {}],
    ['patches.Ingress.object.metadata.annotations', patchedIngressAnnotations(spec)],
  ];
  for (const [at, written] of annotations) {
    for (const key of Object.keys(written).sort()) {
      if (isSnippetAnnotation(key)) refuse('ingressSnippets', `${at}.${key}`, written[key], key);
    }
  }
  const scratch = spec.scratch ?? {};
  for (const key of Object.keys(scratch).sort()) {
    const { path } = scratch[key]!;
    if (isKernelFolder(path)) refuse('kernelFolderMount', `scratch.${key}.path`, path, path);
  }
  if (spec.kind !== 'daemon') return;
  const { hostPaths } = daemonSettings(spec);
  for (const key of Object.keys(hostPaths).sort()) {
    const { path, readOnly } = hostPaths[key]!;
    if (isRuntimeSocketPath(path)) refuse('runtimeSocket', `daemon.hostPaths.${key}.path`, path, path);
    if (!readOnly) refuse('writableHostPath', `daemon.hostPaths.${key}.readOnly`, readOnly, '');
  }
}
