import type { KubernetesObject, Node } from '../../manifests/objects';

/**
 * Who a NetworkPolicy admits to each port, in words: the review names a change of the admitted
 * callers (adopt must never widen them silently, issue 20), not merely "spec.ingress changed".
 * A rule without ports covers every port; a rule without peers admits anyone to its ports; a
 * port no rule names admits no one once the policy restricts ingress.
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
 */

const labels = (selector: Node | undefined) =>
  Object.entries((selector?.matchLabels as Record<string, string> | undefined) ?? {})
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([key, value]) => `${key}=${value}`)
    .join(',') + ((selector?.matchExpressions as unknown[] | undefined)?.length ? ' (with matchExpressions)' : '');

/** One peer in words: `pods a=b in namespaces c=d`, `cidr 10.0.0.0/8`. */
export function peerWords(peer: Node): string {
  if (peer.ipBlock)
    return `cidr ${String(peer.ipBlock.cidr)}${peer.ipBlock.except ? ` except ${(peer.ipBlock.except as string[]).join(', ')}` : ''}`;
  const pods = peer.podSelector ? `pods ${labels(peer.podSelector) || '(any)'}` : undefined;
  const namespaces = peer.namespaceSelector ? `namespaces ${labels(peer.namespaceSelector) || '(any)'}` : undefined;
  return pods && namespaces ? `${pods} in ${namespaces}` : (pods ?? `every pod in ${namespaces}`);
}

/** By port (a number, a name resolved to its container port's number, or `every port`), the callers admitted: sorted words, or `anyone`. */
export function admittedCallers(policy: KubernetesObject, portNumbers: ReadonlyMap<string, number>): Map<string, string> {
  const spec: Node = policy.spec ?? {};
  const types = spec.policyTypes as string[] | undefined;
  const admitted = new Map<string, Set<string>>();
  if (types !== undefined && !types.includes('Ingress')) return new Map([['every port', 'anyone']]);
  for (const rule of (spec.ingress as Node[] | undefined) ?? []) {
    const ports = ((rule.ports as Node[] | undefined) ?? []).map((port) =>
      String(typeof port.port === 'string' ? (portNumbers.get(port.port) ?? port.port) : (port.port ?? 'every port')),
    );
    const peers = ((rule.from as Node[] | undefined) ?? []).map(peerWords);
    for (const port of ports.length === 0 ? ['every port'] : ports) {
      const set = admitted.get(port) ?? new Set<string>();
      if (peers.length === 0) set.add('anyone');
      for (const peer of peers) set.add(peer);
      admitted.set(port, set);
    }
  }
  return new Map(
    [...admitted]
      .sort(([left], [right]) => left.localeCompare(right))
      .map(([port, set]) => [port, set.has('anyone') ? 'anyone' : [...set].sort().join('; ')]),
  );
}

/** The review's reason for a change under a NetworkPolicy's spec.ingress: the callers admitted before and after, port by port, and why they differ. */
export function admittedChange(
  input: KubernetesObject,
  output: KubernetesObject,
  portNumbers: ReadonlyMap<string, number>,
  why: readonly string[],
): string {
  const before = admittedCallers(input, portNumbers);
  const after = admittedCallers(output, portNumbers);
  const words = (map: Map<string, string>, port: string) => map.get(port) ?? (map.has('every port') ? map.get('every port')! : 'no one');
  const ports = [...new Set([...before.keys(), ...after.keys()])].sort();
  const label = (port: string) => (port === 'every port' ? 'every other port' : `port ${port}`);
  const changed = ports.filter((port) => words(before, port) !== words(after, port));
  if (changed.length === 0)
    return `the same callers admitted: ${ports.map((port) => `${label(port)}: ${words(after, port)}`).join(' | ') || 'no one'}`;
  return `admitted callers change: ${changed.map((port) => `${label(port)}: ${words(before, port)} → ${words(after, port)}`).join(' | ')} (${
    why.length > 0 ? why.join('; ') : "the declaration's networkPolicy, ports[].from and metrics.from"
  })`;
}
