import { KINDS, type WorkloadKind } from '../kinds/table';
import { DeclarationError } from './errors';

/**
 * Two workloads with the same instance name in one chart (or one file) would give their objects
 * the same kinds and names, and the second would overwrite the first. The CLI and the constructs
 * report it with this one message; `index` and `first` count workloads from 0, in order.
 */
export function instanceCollision(declaration: unknown, instance: string, index: number, first: number): DeclarationError {
  const named = (declaration as { instance?: unknown } | null)?.instance === undefined ? 'name' : 'instance';
  return new DeclarationError(`"${instance}"`, [
    {
      path: `[${index}].${named}`,
      value: instance,
      rule: `workload ${index + 1} has the same instance name as workload ${first + 1}, so their objects would collide`,
      fix: 'give one of them another name or instance',
    },
  ]);
}

/** The headless Service of a StatefulSet: <instance>-headless, beside the Service of the same name as the workload. */
export function headlessServiceName(instance: string): string {
  return `${instance}-headless`;
}

/**
 * The names a workload's objects take: its instance name, and for a StatefulSet the name of its
 * headless Service. Two workloads of one chart or file must not share one.
 */
export function claimedNames(instance: string, kind: WorkloadKind): string[] {
  return KINDS[kind].objects.includes('HeadlessService') ? [instance, headlessServiceName(instance)] : [instance];
}

/** Who has a name: the index of the workload and its instance name. */
export type ClaimedNames = Map<string, { readonly index: number; readonly instance: string }>;

/**
 * The first clash of a workload's names with those of the workloads before it, as the error the
 * CLI and the constructs give; undefined when there is none.
 */
export function nameCollision(
  declaration: unknown,
  resolved: { readonly instance: string; readonly kind: WorkloadKind },
  index: number,
  claimed: ClaimedNames,
): DeclarationError | undefined {
  const clash = claimedNames(resolved.instance, resolved.kind).find((name) => claimed.has(name));
  if (clash === undefined) return undefined;
  const owner = claimed.get(clash)!;
  if (owner.instance === resolved.instance) return instanceCollision(declaration, resolved.instance, index, owner.index);
  const named = (declaration as { instance?: unknown } | null)?.instance === undefined ? 'name' : 'instance';
  return new DeclarationError(`"${resolved.instance}"`, [
    {
      path: `[${index}].${named}`,
      value: resolved.instance,
      rule: `workload ${index + 1} and workload ${owner.index + 1} would both make an object named "${clash}" (a StatefulSet's headless Service is <instance>-headless), and one would overwrite the other`,
      fix: 'give one of them another name or instance',
    },
  ]);
}

/** Records a workload's names as taken by workload `index`. */
export function claimNames(
  resolved: { readonly instance: string; readonly kind: WorkloadKind },
  index: number,
  claimed: ClaimedNames,
): void {
  for (const name of claimedNames(resolved.instance, resolved.kind)) {
    if (!claimed.has(name)) claimed.set(name, { index, instance: resolved.instance });
  }
}
