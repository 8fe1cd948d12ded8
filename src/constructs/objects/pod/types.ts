import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../../kubernetes-json';

/**
 * The pod shapes this project writes: the 1.28 types, widened by the one field newer than them
 * that we emit — the preStop `sleep` action (Kubernetes 1.30), which needs no binary in the image.
 */
export interface SleepAction {
  readonly sleep: { readonly seconds: number };
}
export type PreStopHandler = Json<k8s.LifecycleHandler> | SleepAction;
export type PodContainer = Omit<Json<k8s.Container>, 'lifecycle'> & { lifecycle?: { preStop: PreStopHandler } };
export type PodSpec = Omit<Json<k8s.PodSpec>, 'containers' | 'initContainers'> & {
  containers: PodContainer[];
  initContainers?: PodContainer[];
};
export interface PodTemplate {
  metadata: Json<k8s.ObjectMeta>;
  spec: PodSpec;
}
