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
