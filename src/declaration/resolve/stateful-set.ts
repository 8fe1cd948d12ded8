import { exceedsMaintenanceWindow } from '../../timing/kinds/stateful-set';
import type { StatefulSetInput, Timings } from '../../timing/types';
import type { EffectiveSpec } from '../presets';
import { STATEFUL_DEFAULTS } from '../schema/stateful';
import type { Replicas } from './index';
import type { Resolution } from './resolution';

/** The settings of kind `stateful`, with the defaults of a declaration that writes none. */
export function statefulSettings(spec: EffectiveSpec): NonNullable<EffectiveSpec['stateful']> {
  return spec.stateful ?? STATEFUL_DEFAULTS;
}

/**
 * What kind `stateful` adds to validation: the partition lies within the pods, claims are not named
 * like the pod's own volumes, and volumes are deleted only with a written reason.
 * Mirrored by `hw.statefulSet.problems` in templates/_stateful-set.tpl.
 */
export function checkStatefulSet(spec: EffectiveSpec, replicas: Replicas, { problems, acknowledged }: Resolution): void {
  if (spec.kind !== 'stateful') return;
  const settings = statefulSettings(spec);
  if (replicas.mode === 'fixed' && settings.partition > replicas.count) {
    problems.push({
      path: 'stateful.partition',
      value: settings.partition,
      rule: `the partition is an ordinal among the ${replicas.count} pods: a larger one updates nothing, ever`,
      fix: `lower stateful.partition to at most ${replicas.count} (${replicas.count} holds every pod at the old revision)`,
    });
  }
  for (const name of Object.keys(settings.volumeClaims).sort()) {
    if (!isPodVolumeName(name)) continue;
    problems.push({
      path: `stateful.volumeClaims.${name}`,
      value: settings.volumeClaims[name],
      rule: `the claim's name is the name of its volume in the pod, and ${name} is the pod's own (tmp, config-files, files-*, scratch-*)`,
      fix: `name the claim after its data, e.g. data or wal`,
    });
  }
  (settings.peerPorts ?? []).forEach((peerPort, index, peerPorts) => {
    if (peerPorts.indexOf(peerPort) === index) return;
    problems.push({
      path: `stateful.peerPorts[${index}]`,
      value: peerPort,
      rule: `each peer port is listed once, and ${peerPort} is already stateful.peerPorts[${peerPorts.indexOf(peerPort)}]`,
      fix: `remove stateful.peerPorts[${index}]`,
    });
  });
  for (const when of ['whenDeleted', 'whenScaled'] as const) {
    if (settings.claimRetention[when] !== 'Delete' || acknowledged('deleteVolumeClaims')) continue;
    problems.push({
      path: `stateful.claimRetention.${when}`,
      value: 'Delete',
      rule: `deleting the volume claims ${when === 'whenDeleted' ? 'when the workload is deleted' : 'of the pods a scale-down removes'} deletes their data, which needs a written reason`,
      fix: 'keep Retain (the default), or add acknowledge.deleteVolumeClaims: "<why the data is disposable>"',
    });
  }
}

/** Names the pod template gives its own volumes (src/constructs/objects/pod/volumes.ts). */
function isPodVolumeName(name: string): boolean {
  return name === 'tmp' || name === 'config-files' || name.startsWith('files-') || name.startsWith('scratch-');
}

/** The declared update settings the StatefulSet's rollout rules read. */
export function statefulSetInput(spec: EffectiveSpec, replicas: Replicas): StatefulSetInput {
  const { partition, podManagementPolicy, maintenanceWindowSeconds } = statefulSettings(spec);
  return {
    replicas: replicas.mode === 'fixed' ? replicas.count : replicas.max,
    partition,
    podManagementPolicy,
    ...(maintenanceWindowSeconds !== undefined ? { maintenanceWindowSeconds } : {}),
  };
}

/** The warning `explain` gives when the worst-case update is longer than the declared maintenance window. */
export function statefulSetNotes({ rollout }: Timings): string[] {
  if (rollout.controller !== 'StatefulSet' || !exceedsMaintenanceWindow(rollout)) return [];
  return [
    `An update may take up to ${rollout.worstCaseSeconds}s (${rollout.updatedPods} pods x ${rollout.podSeconds}s, one at a time), longer than the maintenance window of ${rollout.maintenanceWindowSeconds}s (stateful.maintenanceWindowSeconds). ` +
      'A StatefulSet has no progress deadline, so nothing stops or reports an update that overruns: shorten the start or the drain, raise stateful.partition to update in stages, or widen the window.',
  ];
}
