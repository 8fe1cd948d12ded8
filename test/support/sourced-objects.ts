import type { SourcedObject } from '../../src/files/manifests';
import type { KubernetesObject } from '../../src/manifests/objects';

/** Objects as `check` reads them, each at its place in one input (object N at line N + 1). */
export const sourcedObjects = (objects: KubernetesObject[]): SourcedObject[] =>
  objects.map((object, index) => ({
    object,
    file: 'input.yaml',
    position: { line: index + 1, column: 1 },
    locate: () => ({ line: index + 1, column: 1 }),
  }));
