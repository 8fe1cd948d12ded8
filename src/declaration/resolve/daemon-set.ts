import type { DaemonSetInput } from '../../timing/types';
import type { EffectiveSpec } from '../presets';
import { DAEMON_DEFAULTS } from '../schema/daemon';
import type { Resolution } from './resolution';

/** The settings of kind `daemon`, with the defaults of a declaration that writes none. */
export function daemonSettings(spec: EffectiveSpec): NonNullable<EffectiveSpec['daemon']> {
  return spec.daemon ?? DAEMON_DEFAULTS;
}

/** The pod volume of a declared host path. */
export const hostPathVolume = (name: string) => `host-${name}`;

/**
 * What kind `daemon` adds to validation: a host path departs from the restricted Pod Security
 * Standard (its control "Volume Types"), so the declaration must give the reason, which is
 * recorded in the annotation where `check` finds it. Everything else stays restricted.
 * Mirrored by `hw.daemonSet.problems` in templates/_daemon-set.tpl.
 */
export function checkDaemonSet(spec: EffectiveSpec, { problems, acknowledged }: Resolution): void {
  if (spec.kind !== 'daemon') return;
  const { hostPaths } = daemonSettings(spec);
  const names = Object.keys(hostPaths).sort();
  if (names.length === 0 || acknowledged('volumeTypes')) return;
  problems.push({
    path: 'daemon.hostPaths',
    value: hostPaths,
    rule: `host paths (${names.map((name) => hostPaths[name]!.path).join(', ')}) give the pod the node's files, which the restricted Pod Security Standard forbids (Volume Types): the departure needs a written reason`,
    fix: 'add acknowledge.volumeTypes: "<why the agent needs these host paths>", or remove daemon.hostPaths',
  });
}

/** The declared update setting the DaemonSet's rollout rules read. */
export function daemonSetInput(spec: EffectiveSpec): DaemonSetInput {
  return { surge: daemonSettings(spec).surge };
}
