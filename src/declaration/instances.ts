import { KINDS, type ObjectRole, type WorkloadKind } from '../kinds/table';
import { KEPT_NAME_ROLES, type KeptNameRole } from './schema/keep';
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

/** What names a workload's objects: its instance name, its kind and the names it keeps (keep.names). */
export interface NamedWorkload {
  readonly instance: string;
  readonly kind: WorkloadKind;
  readonly names?: Readonly<Partial<Record<KeptNameRole, string>>> | undefined;
}

/**
 * The name of the object of a role: the name kept for it (keep.names), else the instance name, or
 * <instance>-headless for a StatefulSet's headless Service. The config files' ConfigMap is named
 * apart, after its contents (src/declaration/resolve/volumes.ts).
 */
export function objectName(workload: NamedWorkload, role: ObjectRole): string {
  const kept = (KEPT_NAME_ROLES as readonly string[]).includes(role) ? workload.names?.[role as KeptNameRole] : undefined;
  return kept ?? (role === 'HeadlessService' ? headlessServiceName(workload.instance) : workload.instance);
}

/** The API kind of a role's object, in which its name must be unique: both Services are Services. */
function apiKind(role: ObjectRole): string {
  return role === 'HeadlessService' ? 'Service' : role;
}

/** One name a workload's object takes, in its API kind. */
interface Claim {
  readonly key: string;
  readonly role: ObjectRole;
  readonly name: string;
}

/**
 * The names a workload's objects may take, each in its API kind: the instance name, the headless
 * Service's and the names kept. Two workloads of one chart or file must not share one. The
 * ConfigMap is left out: its name holds a hash of its contents.
 */
export function claimedNames(workload: NamedWorkload): Claim[] {
  return KINDS[workload.kind].objects
    .filter((role) => role !== 'ConfigMap')
    .map((role) => {
      const name = objectName(workload, role);
      return { key: `${apiKind(role)}/${name}`, role, name };
    });
}

/** Who has a name (by `<API kind>/<name>`): the index of the workload, its instance name and the role of the object. */
export type ClaimedNames = Map<
  string,
  { readonly index: number; readonly instance: string; readonly role: ObjectRole; readonly kept: boolean }
>;

/** Whether the role's name in this workload is kept rather than made from the instance name. */
function isKept(workload: NamedWorkload, role: ObjectRole): boolean {
  return (KEPT_NAME_ROLES as readonly string[]).includes(role) && workload.names?.[role as KeptNameRole] !== undefined;
}

/** Why the earlier workload has the name: it keeps it, or it is the name of its headless Service. */
function whyNamed(owner: { readonly index: number; readonly role: ObjectRole; readonly kept: boolean }, role: ObjectRole): string {
  if (owner.kept) return ` (workload ${owner.index + 1} keeps it in keep.names.${owner.role})`;
  return owner.role === 'HeadlessService' || role === 'HeadlessService' ? " (a StatefulSet's headless Service is <instance>-headless)" : '';
}

/**
 * The first clash of a workload's names with those of the workloads before it, as the error the
 * CLI and the constructs give; undefined when there is none.
 */
export function nameCollision(
  declaration: unknown,
  resolved: NamedWorkload,
  index: number,
  claimed: ClaimedNames,
): DeclarationError | undefined {
  const clash = claimedNames(resolved).find(({ key }) => claimed.has(key));
  if (clash === undefined) return undefined;
  const owner = claimed.get(clash.key)!;
  if (owner.instance === resolved.instance && !isKept(resolved, clash.role)) {
    return instanceCollision(declaration, resolved.instance, index, owner.index);
  }
  const named = (declaration as { instance?: unknown } | null)?.instance === undefined ? 'name' : 'instance';
  const kept = isKept(resolved, clash.role);
  return new DeclarationError(`"${resolved.instance}"`, [
    {
      path: kept ? `[${index}].keep.names.${clash.role}` : `[${index}].${named}`,
      value: kept ? clash.name : resolved.instance,
      rule: kept
        ? `workload ${index + 1} keeps the name "${clash.name}" for its ${apiKind(clash.role)}, and workload ${owner.index + 1} already makes a ${apiKind(owner.role)} of that name: one would overwrite the other`
        : `workload ${index + 1} and workload ${owner.index + 1} would both make an object named "${clash.name}"${whyNamed(owner, clash.role)}, and one would overwrite the other`,
      fix: kept
        ? `keep another name for one of them, or give workload ${owner.index + 1} another name or instance`
        : 'give one of them another name or instance',
    },
  ]);
}

/** Records a workload's names as taken by workload `index`. */
export function claimNames(resolved: NamedWorkload, index: number, claimed: ClaimedNames): void {
  for (const { key, role } of claimedNames(resolved)) {
    if (!claimed.has(key)) claimed.set(key, { index, instance: resolved.instance, role, kept: isKept(resolved, role) });
  }
}
