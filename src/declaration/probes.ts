import type { ProbeTarget } from './schema';

/** A probe target with its form decided and its port filled in. */
export type ResolvedProbe =
  | { readonly type: 'http'; readonly path: string; readonly port: number; readonly scheme: 'HTTP' | 'HTTPS' }
  | { readonly type: 'tcp'; readonly port: number }
  | { readonly type: 'grpc'; readonly port: number; readonly service?: string }
  | { readonly type: 'exec'; readonly command: readonly string[] };

export const PROBE_FORMS = ['path', 'tcp', 'grpc', 'exec'] as const;

/** Which of the exclusive forms a target uses. */
export function probeForms(target: ProbeTarget): Array<(typeof PROBE_FORMS)[number]> {
  return PROBE_FORMS.filter((form) => target[form] !== undefined);
}

/**
 * Fills in the port. Returns undefined when the target is not exactly one form or needs a port
 * that nobody gave; the caller reports those as problems.
 */
export function resolveProbe(target: ProbeTarget, workloadPort: number | undefined): ResolvedProbe | undefined {
  const forms = probeForms(target);
  if (forms.length !== 1) return undefined;
  if (target.exec !== undefined) return { type: 'exec', command: target.exec };
  const port = target.port ?? workloadPort;
  if (port === undefined) return undefined;
  if (target.path !== undefined) return { type: 'http', path: target.path, port, scheme: target.scheme ?? 'HTTP' };
  if (target.grpc !== undefined) return { type: 'grpc', port, service: target.grpc.service };
  return { type: 'tcp', port };
}

/**
 * A canonical description of what a probe checks, for comparisons and messages. The same text
 * is computed from manifests, so a declaration and its YAML describe probes identically.
 */
export function describeHandler(probe: ResolvedProbe): string {
  switch (probe.type) {
    case 'http':
      return `httpGet ${probe.scheme} :${probe.port}${probe.path}`;
    case 'tcp':
      return `tcpSocket :${probe.port}`;
    case 'grpc':
      return `grpc :${probe.port}${probe.service ? ` service ${probe.service}` : ''}`;
    case 'exec':
      return `exec ${JSON.stringify(probe.command)}`;
  }
}
