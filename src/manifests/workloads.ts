import type { SourcedObject } from '../files/manifests';
import { objectName } from './objects';
import { isWorkloadKind, type PodTemplateView, podTemplateOf, type WorkloadKind } from './pod-templates';
import { indexRelations, type Related } from './relations';
import { withSidecarRoles } from './roles';

/** An object that runs pods, with its pod template and the objects that act on its pods. */
export interface Workload {
  readonly source: SourcedObject;
  readonly kind: WorkloadKind;
  /** `Kind/name` (with the namespace when written), as findings name it. */
  readonly subject: string;
  readonly pod: PodTemplateView;
  readonly related: Related;
}

/** Every workload among objects whose shapes have been validated, in input order. */
export function workloadsOf(objects: readonly SourcedObject[]): Workload[] {
  const relations = indexRelations(objects);
  return objects.flatMap((source) => {
    const { object } = source;
    if (!isWorkloadKind(object.kind)) return [];
    const template = podTemplateOf(object as typeof object & { kind: WorkloadKind });
    const related = relations.relatedTo(source, template);
    const pod = withSidecarRoles({ source, pod: template, related });
    return [{ source, kind: object.kind, subject: objectName(object), pod, related }];
  });
}
