import { KINDS } from '../../kinds/table';
import type { Problem } from '../errors';
import { objectName } from '../instances';
import type { EffectiveSpec } from '../presets';
import { KEPT_NAME_ROLES } from '../schema/keep';
import type { ServingPort } from './ports';

/**
 * What `keep` says must agree with the rest of the declaration (mirrored by `hw.keep.problems` in
 * templates/_keep.tpl): a selector that selects something and that the labels do not contradict,
 * names for objects the kind makes and never the namespace's `default` ServiceAccount, two
 * Services under two names, and a Service port name that the Service has and no other port takes.
 */
export function checkKeep(spec: EffectiveSpec, instance: string, servingPort: ServingPort | undefined, problems: Problem[]): void {
  const { keep } = spec;
  if (keep === undefined) return;
  if (keep.selector !== undefined) {
    if (Object.keys(keep.selector).length === 0) {
      problems.push({
        path: 'keep.selector',
        value: keep.selector,
        rule: 'an empty selector selects every pod of the namespace, and Kubernetes refuses it for a Deployment',
        fix: 'write the labels of the existing selector, e.g. { app: nginx }, or remove keep.selector',
      });
    }
    for (const key of Object.keys(keep.selector).sort()) {
      const label = spec.labels[key];
      if (label === undefined || label === keep.selector[key]) continue;
      problems.push({
        path: `labels.${key}`,
        value: label,
        rule: `keep.selector selects pods by ${key}: ${keep.selector[key]}, and every pod and object must carry that label`,
        fix: `remove labels.${key}, or give it the value ${keep.selector[key]}`,
      });
    }
  }
  const names = keep.names ?? {};
  const makes = KINDS[spec.kind].objects;
  for (const role of KEPT_NAME_ROLES) {
    const name = names[role];
    if (name === undefined) continue;
    if (!makes.includes(role)) {
      problems.push({
        path: `keep.names.${role}`,
        value: name,
        rule: `kind ${spec.kind} makes no ${role}, so there is no name to keep`,
        fix: `remove keep.names.${role}`,
      });
    }
  }
  if (names.ServiceAccount === 'default') {
    problems.push({
      path: 'keep.names.ServiceAccount',
      value: 'default',
      rule: "every namespace has a ServiceAccount named default, which every pod that names no account runs as: the workload's own would take it over for all of them",
      fix: 'remove keep.names.ServiceAccount: the workload then runs as its own account, named after the instance',
    });
  }
  const workload = { instance, kind: spec.kind, names };
  if (makes.includes('HeadlessService') && objectName(workload, 'Service') === objectName(workload, 'HeadlessService')) {
    const role = names.HeadlessService !== undefined ? 'HeadlessService' : 'Service';
    problems.push({
      path: `keep.names.${role}`,
      value: names[role],
      rule: `the Service and the headless Service would both be named "${objectName(workload, role)}", and one would overwrite the other`,
      fix: 'keep another name for one of them',
    });
  }
  const portName = keep.servicePortName;
  if (portName === undefined) return;
  if (!makes.includes('Service') || servingPort === undefined) {
    problems.push({
      path: 'keep.servicePortName',
      value: portName,
      rule: 'keep.servicePortName names the serving port of the Service, and this workload has no Service (it needs a port and kind web or stateful)',
      fix: 'remove keep.servicePortName',
    });
    return;
  }
  const index = (spec.ports ?? []).findIndex(({ name }) => name === portName);
  if (index >= 0) {
    problems.push({
      path: 'keep.servicePortName',
      value: portName,
      rule: `the Service's port names must be unique, and ports[${index}] is already called "${portName}" there`,
      fix: `keep another name, or rename ports[${index}]`,
    });
  }
}
