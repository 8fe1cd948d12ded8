import type { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import type { HardenedWorkloadBase } from '../constructs/hardened-workload';

/**
 * A workload's Service as the backend of a cdk8s-plus-28 Ingress:
 * `new kplus.Ingress(chart, 'ingress', { rules: [{ host, backend: ingressBackend(workload) }] })`.
 * Throws when the workload has no Service (kinds worker, daemon, job, cronjob; stateful without a port).
 *
 * `kplus.IngressBackend.fromService` reads only the Service's name and ports (cdk8s-plus-28
 * src/ingress.ts, `IngressBackend.fromService(serv, options)`: `options.port ?? serv.ports[0].port`),
 * and a `kplus.Service` is a construct that would make a Service object of its own; so ours is
 * presented by those two fields. The backend names the port by number, as kplus writes it.
 */
export function ingressBackend(workload: HardenedWorkloadBase & { readonly service?: ApiObject }): kplus.IngressBackend {
  const service = workload.service;
  if (service === undefined) {
    throw new Error(
      `workload "${workload.resolved.instance}" (kind ${workload.resolved.spec.kind}) has no Service to put an Ingress in front of`,
    );
  }
  const ports = (service.toJson() as { spec: { ports: Array<{ port: number }> } }).spec.ports;
  return kplus.IngressBackend.fromService({ name: service.name, ports } as unknown as kplus.Service, { port: ports[0]!.port });
}
