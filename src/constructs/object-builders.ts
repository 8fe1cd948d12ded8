import type { ApiObjectProps } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import type { ResolvedWorkload } from '../declaration/resolve';
import type { ObjectRole } from '../kinds/table';
import { manifest } from './kubernetes-json';
import { configMapProps } from './objects/config-map';
import { deploymentProps } from './objects/deployment';
import { daemonSetProps } from './objects/daemon-set';
import { gatewayRoute } from './objects/gateway-route';
import { headlessServiceProps } from './objects/headless-service';
import { statefulSetProps } from './objects/stateful-set';
import { horizontalPodAutoscalerProps } from './objects/horizontal-pod-autoscaler';
import { ingressProps } from './objects/ingress';
import { jobProps } from './objects/job';
import { cronJobProps } from './objects/cron-job';
import { networkPolicyProps } from './objects/network-policy';
import { podDisruptionBudgetProps } from './objects/pod-disruption-budget';
import { serviceProps } from './objects/service';
import { serviceAccountProps } from './objects/service-account';
import { serviceMonitor } from './objects/service-monitor';
import { podMonitor } from './objects/pod-monitor';
import { metricsPort } from '../declaration/resolve/ports';

/**
 * One builder per object role: the object's manifest, or undefined when the declaration does not
 * call for it (no config files, fewer than two pods, no autoscaling, no way in). Which roles a kind
 * makes at all is the kinds table's answer (src/kinds/table.ts); the templates guard themselves with
 * the same table.
 */
export const OBJECT_BUILDERS: Readonly<Record<ObjectRole, (workload: ResolvedWorkload) => ApiObjectProps | undefined>> = {
  ServiceAccount: (workload) => manifest(k8s.KubeServiceAccount.GVK, serviceAccountProps(workload)),
  ConfigMap: (workload) => workload.configMap && manifest(k8s.KubeConfigMap.GVK, configMapProps(workload, workload.configMap)),
  Deployment: (workload) => manifest(k8s.KubeDeployment.GVK, deploymentProps(workload)),
  StatefulSet: (workload) => manifest(k8s.KubeStatefulSet.GVK, statefulSetProps(workload)),
  HeadlessService: (workload) => manifest(k8s.KubeService.GVK, headlessServiceProps(workload)),
  DaemonSet: (workload) => manifest(k8s.KubeDaemonSet.GVK, daemonSetProps(workload)),
  Service: (workload) => workload.servingPort && manifest(k8s.KubeService.GVK, serviceProps(workload, workload.servingPort)),
  Ingress: (workload) => {
    const { ingress } = workload.spec;
    return ingress && workload.servingPort
      ? manifest(k8s.KubeIngress.GVK, ingressProps(workload, ingress, workload.servingPort))
      : undefined;
  },
  Route: (workload) => {
    const { route } = workload.spec;
    return route && workload.servingPort ? gatewayRoute(workload, route, workload.servingPort.servicePort) : undefined;
  },
  PodDisruptionBudget: (workload) => {
    const { replicas } = workload;
    const fewestPods = replicas.mode === 'fixed' ? replicas.count : replicas.min;
    return fewestPods >= 2 ? manifest(k8s.KubePodDisruptionBudget.GVK, podDisruptionBudgetProps(workload)) : undefined;
  },
  NetworkPolicy: (workload) => manifest(k8s.KubeNetworkPolicy.GVK, networkPolicyProps(workload)),
  HorizontalPodAutoscaler: (workload) =>
    workload.replicas.mode === 'autoscaled'
      ? manifest(k8s.KubeHorizontalPodAutoscalerV2.GVK, horizontalPodAutoscalerProps(workload, workload.replicas))
      : undefined,
  Job: (workload) => manifest(k8s.KubeJob.GVK, jobProps(workload)),
  CronJob: (workload) => manifest(k8s.KubeCronJob.GVK, cronJobProps(workload)),
  ServiceMonitor: (workload) => {
    const port = metricsPort(workload.spec, workload.servingPort);
    // The Service's name for the port: the serving port's may be kept (keep.servicePortName).
    const name = port && port.name === workload.servingPort?.name ? workload.servingPort.servicePortName : port?.name;
    return workload.spec.metrics && name ? serviceMonitor(workload, workload.spec.metrics, name) : undefined;
  },
  PodMonitor: (workload) => {
    const port = metricsPort(workload.spec, workload.servingPort);
    return workload.spec.metrics && port ? podMonitor(workload, workload.spec.metrics, port.name) : undefined;
  },
};

/** The construct id of each role's object, as the workload constructs have always named them. */
export const OBJECT_IDS: Readonly<Record<ObjectRole, string>> = {
  ServiceAccount: 'service-account',
  ConfigMap: 'config-map',
  Deployment: 'deployment',
  StatefulSet: 'stateful-set',
  HeadlessService: 'headless-service',
  DaemonSet: 'daemon-set',
  Service: 'service',
  Ingress: 'ingress',
  Route: 'route',
  PodDisruptionBudget: 'pod-disruption-budget',
  NetworkPolicy: 'network-policy',
  HorizontalPodAutoscaler: 'horizontal-pod-autoscaler',
  Job: 'job',
  CronJob: 'cron-job',
  ServiceMonitor: 'service-monitor',
  PodMonitor: 'pod-monitor',
};
