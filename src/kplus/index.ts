/**
 * `hardened-workloads/kplus`: the constructs of the main entry point, composed with cdk8s-plus-28.
 * Wherever a declaration names an existing Secret or ConfigMap (`env`, `envFrom`, `files`,
 * `imagePullSecrets`, `ingress.tlsSecretName`), a `kplus.ISecret` or `kplus.IConfigMap` may stand
 * instead of the name; `ingressBackend()` puts a `kplus.Ingress` in front of a workload's Service.
 *
 * A separate entry point because these types reference cdk8s-plus-28's declarations: the main
 * entry point's types do not, so an app that never uses cdk8s-plus-28 compiles without them (and
 * without `skipLibCheck`). The objects synthesized are exactly those of the same declaration with
 * the names written out.
 */
import type { Construct } from 'constructs';
import * as base from '../index';
import { withReferenceNames, type WithObjectReferences } from './references';

export { ingressBackend } from './ingress-backend';
export { withReferenceNames, type ConfigMapReference, type SecretReference, type WithObjectReferences } from './references';

export type HardenedWorkloadProps = WithObjectReferences<base.HardenedWorkloadProps>;
export type HardenedWebServiceProps = WithObjectReferences<base.HardenedWebServiceProps>;
export type HardenedWorkerProps = WithObjectReferences<base.HardenedWorkerProps>;
export type HardenedStatefulSetProps = WithObjectReferences<base.HardenedStatefulSetProps>;
export type HardenedDaemonSetProps = WithObjectReferences<base.HardenedDaemonSetProps>;
export type HardenedJobProps = WithObjectReferences<base.HardenedJobProps>;
export type HardenedCronJobProps = WithObjectReferences<base.HardenedCronJobProps>;

/** `HardenedWorkload` (kinds web and worker) taking cdk8s-plus-28 Secrets and ConfigMaps for their names. */
export class HardenedWorkload extends base.HardenedWorkload {
  constructor(scope: Construct, id: string, props: HardenedWorkloadProps) {
    super(scope, id, withReferenceNames<base.HardenedWorkloadProps>(props));
  }
}

/** `HardenedWebService` taking cdk8s-plus-28 Secrets and ConfigMaps for their names. */
export class HardenedWebService extends base.HardenedWebService {
  constructor(scope: Construct, id: string, props: HardenedWebServiceProps) {
    super(scope, id, withReferenceNames<base.HardenedWebServiceProps>(props));
  }
}

/** `HardenedWorker` taking cdk8s-plus-28 Secrets and ConfigMaps for their names. */
export class HardenedWorker extends base.HardenedWorker {
  constructor(scope: Construct, id: string, props: HardenedWorkerProps) {
    super(scope, id, withReferenceNames<base.HardenedWorkerProps>(props));
  }
}

/** `HardenedStatefulSet` taking cdk8s-plus-28 Secrets and ConfigMaps for their names. */
export class HardenedStatefulSet extends base.HardenedStatefulSet {
  constructor(scope: Construct, id: string, props: HardenedStatefulSetProps) {
    super(scope, id, withReferenceNames<base.HardenedStatefulSetProps>(props));
  }
}

/** `HardenedDaemonSet` taking cdk8s-plus-28 Secrets and ConfigMaps for their names. */
export class HardenedDaemonSet extends base.HardenedDaemonSet {
  constructor(scope: Construct, id: string, props: HardenedDaemonSetProps) {
    super(scope, id, withReferenceNames<base.HardenedDaemonSetProps>(props));
  }
}

/** `HardenedJob` taking cdk8s-plus-28 Secrets and ConfigMaps for their names. */
export class HardenedJob extends base.HardenedJob {
  constructor(scope: Construct, id: string, props: HardenedJobProps) {
    super(scope, id, withReferenceNames<base.HardenedJobProps>(props));
  }
}

/** `HardenedCronJob` taking cdk8s-plus-28 Secrets and ConfigMaps for their names. */
export class HardenedCronJob extends base.HardenedCronJob {
  constructor(scope: Construct, id: string, props: HardenedCronJobProps) {
    super(scope, id, withReferenceNames<base.HardenedCronJobProps>(props));
  }
}
