import { PROBE_FORMS, type ProbeForm, type ProbeTarget } from './schema';

/** A probe target with its form decided and its port filled in. */
export type ResolvedProbe =
  | { readonly type: 'http'; readonly path: string; readonly port: number; readonly scheme: 'HTTP' | 'HTTPS' }
  | { readonly type: 'tcp'; readonly port: number }
  | { readonly type: 'grpc'; readonly port: number; readonly service?: string }
  | { readonly type: 'exec'; readonly command: readonly string[] };

/** The form a target takes; the schema lets exactly one of its keys through. */
export function probeForm(target: ProbeTarget): ProbeForm {
  return PROBE_FORMS.find((form) => target[form] !== undefined)!;
}

/**
 * Fills in the port. Returns undefined when the target needs a port that nobody gave; the caller
 * reports that as a problem.
 */
export function resolveProbe(target: ProbeTarget, workloadPort: number | undefined): ResolvedProbe | undefined {
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
