import { Chart, JsonPatch, Testing } from 'cdk8s';
import { explainText, HardenedWorkload, resolveWorkload, synthesizeObjects, type WorkloadSpec } from '../src';
import { DeclarationError } from '../src/declaration/errors';
import { mergePatch } from '../src/patches';
import { checkoutWith } from './support/declarations';

/**
 * `patches`: a JSON merge patch per object role (and per container by name), applied after the
 * declaration made the objects; names, selectors and declared fields refused; the patched objects
 * held to the invariants and the restricted Pod Security Standard (README, "When the declaration
 * cannot say it: patches").
 */

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- synthesized objects

function objectsOf(declaration: WorkloadSpec): Obj[] {
  return synthesizeObjects([declaration]);
}
const deploymentOf = (declaration: WorkloadSpec) => objectsOf(declaration).find((object) => object.kind === 'Deployment')!;

function problemsOf(declaration: WorkloadSpec) {
  try {
    synthesizeObjects([declaration]);
  } catch (error) {
    if (error instanceof DeclarationError) return error.problems;
    throw error;
  }
  throw new Error('the declaration was accepted');
}

describe('the merge patch (RFC 7386)', () => {
  test('objects merge key by key, null deletes a key, lists and scalars replace', () => {
    const target = { a: { b: 1, c: [1, 2] }, d: 'x', e: 1 };
    expect(mergePatch(target, { a: { c: [3], f: true }, d: null, g: { h: 2 } })).toEqual({
      a: { b: 1, c: [3], f: true },
      e: 1,
      g: { h: 2 },
    });
  });

  test('a patch that is not an object replaces the target; an object patch replaces a target that is not one', () => {
    expect(mergePatch({ a: 1 }, ['x'])).toEqual(['x']);
    expect(mergePatch('text', { a: null, b: 1 })).toEqual({ b: 1 });
  });

  test('changes neither the target nor the patch, and shares no object with them', () => {
    const target = { a: { b: 1 }, c: { d: 1 } };
    const patch = { a: { e: { f: 1 } } };
    const result = mergePatch(target, patch) as Obj;
    expect(target).toEqual({ a: { b: 1 }, c: { d: 1 } });
    expect(result.c).not.toBe(target.c);
    expect(result.a.e).not.toBe(patch.a.e);
  });
});

describe('a harmless patch', () => {
  const patched = checkoutWith({
    patches: {
      Deployment: {
        object: { spec: { template: { spec: { dnsConfig: { options: [{ name: 'ndots', value: '2' }] } } } } },
        containers: { checkout: { stdin: false, terminationMessagePolicy: 'FallbackToLogsOnError' } },
      },
      Service: { object: { metadata: { annotations: { 'example.com/owner': 'payments' } } } },
    },
  });

  test('lands in the object of its role, and in the container of its name', () => {
    const deployment = deploymentOf(patched);
    expect(deployment.spec.template.spec.dnsConfig).toEqual({ options: [{ name: 'ndots', value: '2' }] });
    expect(deployment.spec.template.spec.containers[0]).toMatchObject({
      name: 'checkout',
      stdin: false,
      terminationMessagePolicy: 'FallbackToLogsOnError',
    });
    const service = objectsOf(patched).find((object) => object.kind === 'Service')!;
    expect(service.metadata.annotations).toEqual({ 'example.com/owner': 'payments' });
  });

  test('changes nothing else', () => {
    const [before, after] = [deploymentOf(checkoutWith({})), deploymentOf(patched)];
    delete after.spec.template.spec.dnsConfig;
    delete after.spec.template.spec.containers[0].stdin;
    delete after.spec.template.spec.containers[0].terminationMessagePolicy;
    delete after.metadata.annotations['hardened-workloads.io/patched'];
    expect(after).toEqual(before);
  });

  test('is listed, field by field, in the annotation of the object that runs the pods', () => {
    expect(deploymentOf(patched).metadata.annotations['hardened-workloads.io/patched']).toBe(
      [
        'Deployment: spec.template.spec.dnsConfig.options, containers[checkout].stdin, containers[checkout].terminationMessagePolicy',
        'Service: metadata.annotations.example.com/owner',
      ].join('\n'),
    );
  });

  test('is listed in explain, as in the annotation', () => {
    expect(explainText(resolveWorkload(patched))).toContain(
      [
        'Patched (no derived field; checked against the invariants and the restricted standard)',
        '  Deployment: spec.template.spec.dnsConfig.options, containers[checkout].stdin, containers[checkout].terminationMessagePolicy',
        '  Service: metadata.annotations.example.com/owner',
      ].join('\n'),
    );
  });

  test('a null in the patch deletes the field', () => {
    const deployment = deploymentOf(
      checkoutWith({ patches: { Deployment: { object: { spec: { template: { spec: { topologySpreadConstraints: null } } } } } } }),
    );
    expect(deployment.spec.template.spec.topologySpreadConstraints).toBeUndefined();
  });
});

describe('refused patches', () => {
  test('a change to a selector is refused: selectors are immutable', () => {
    expect(
      problemsOf(checkoutWith({ patches: { Deployment: { object: { spec: { selector: { matchLabels: { tier: 'web' } } } } } } })),
    ).toEqual([
      {
        path: 'patches.Deployment.object.spec.selector',
        value: { matchLabels: { tier: 'web' } },
        rule: 'names and selectors identify the objects and pods across upgrades (a selector is immutable once created)',
        fix: 'leave the selector alone; it follows name and instance',
      },
    ]);
  });

  test("a change to the pods' selector labels is refused", () => {
    const problems = problemsOf(
      checkoutWith({
        patches: { Deployment: { object: { spec: { template: { metadata: { labels: { 'app.kubernetes.io/instance': 'other' } } } } } } },
      }),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'patches.Deployment.object.spec.template.metadata.labels.app.kubernetes.io/instance',
    ]);
  });

  test("replacing an object that holds a refused field is refused at the patch's own path", () => {
    const problems = problemsOf(checkoutWith({ patches: { Service: { object: { spec: null } } } }));
    expect(problems).toEqual([
      expect.objectContaining({ path: 'patches.Service.object.spec', value: null, rule: expect.stringContaining('selectors') }),
    ]);
  });

  test('an object name and a Service port are refused (upgrade safety)', () => {
    const problems = problemsOf(
      checkoutWith({ patches: { Service: { object: { metadata: { name: 'shop' }, spec: { ports: [{ name: 'web', port: 80 }] } } } } }),
    );
    expect(problems.map((problem) => problem.path)).toEqual(['patches.Service.object.metadata.name', 'patches.Service.object.spec.ports']);
  });

  test('a derived timing is refused with the override that says it', () => {
    const problems = problemsOf(
      checkoutWith({ patches: { Deployment: { object: { spec: { template: { spec: { terminationGracePeriodSeconds: 5 } } } } } } }),
    );
    expect(problems).toEqual([
      {
        path: 'patches.Deployment.object.spec.template.spec.terminationGracePeriodSeconds',
        value: 5,
        rule: 'the grace period comes from the declaration, where the invariants check it and explain shows it',
        fix: 'declare it with overrides.terminationGracePeriodSeconds instead of a patch',
      },
    ]);
  });

  test("a container's probes are refused with the fields that declare them", () => {
    const problems = problemsOf(checkoutWith({ patches: { Deployment: { containers: { checkout: { livenessProbe: null } } } } }));
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'patches.Deployment.containers.checkout.livenessProbe',
        fix: 'declare it with health and overrides instead of a patch',
      }),
    ]);
  });

  test('a container that does not exist is named with the ones that do', () => {
    const problems = problemsOf(checkoutWith({ patches: { Deployment: { containers: { app: { stdin: false } } } } }));
    expect(problems).toEqual([
      {
        path: 'patches.Deployment.containers.app',
        value: { stdin: false },
        rule: "the Deployment's pods have no container named app (they have checkout)",
        fix: 'name one of checkout',
      },
    ]);
  });

  test('an object the kind does not make is refused', () => {
    const problems = problemsOf(checkoutWith({ patches: { StatefulSet: { object: { metadata: { annotations: { a: 'b' } } } } } }));
    expect(problems).toEqual([
      expect.objectContaining({ path: 'patches.StatefulSet', rule: expect.stringContaining('makes no StatefulSet') }),
    ]);
  });

  test('an object this declaration does not make is refused', () => {
    const problems = problemsOf(checkoutWith({ patches: { Ingress: { object: { metadata: { annotations: { a: 'b' } } } } } }));
    expect(problems).toEqual([
      expect.objectContaining({ path: 'patches.Ingress', rule: expect.stringContaining('this declaration makes no Ingress') }),
    ]);
  });
});

describe('the patched objects are checked', () => {
  const privileged = { Deployment: { containers: { checkout: { securityContext: { privileged: true } } } } };

  test('a patch that breaks the restricted Pod Security Standard is refused like a broken override', () => {
    expect(problemsOf(checkoutWith({ patches: privileged }))).toEqual([
      {
        path: 'patches.Deployment',
        value: privileged.Deployment,
        rule: 'restricted Pod Security Standard (privileged): No privileged container. Here: Deployment checkout spec.template.spec.containers[0].securityContext.privileged: containers[0].securityContext.privileged must be unset or false',
        fix: expect.stringContaining('(this rule cannot be acknowledged here)'),
      },
    ]);
  });

  test('a patch that breaks the standard passes when acknowledged, and the reason is recorded', () => {
    const hostPath = { object: { spec: { template: { spec: { volumes: [{ name: 'tmp', hostPath: { path: '/var/tmp' } }] } } } } };
    const reason = 'the node agent reads the host scratch folder';
    expect(problemsOf(checkoutWith({ patches: { Deployment: hostPath } }))).toEqual([
      expect.objectContaining({ path: 'patches.Deployment', fix: expect.stringContaining('add acknowledge.volumeTypes: "<reason>"') }),
    ]);
    const deployment = deploymentOf(checkoutWith({ patches: { Deployment: hostPath }, acknowledge: { volumeTypes: reason } }));
    expect(deployment.spec.template.spec.volumes).toEqual([{ name: 'tmp', hostPath: { path: '/var/tmp' } }]);
    expect(deployment.metadata.annotations['hardened-workloads.io/acknowledged']).toBe(`volumeTypes: ${reason}`);
  });

  test('an acknowledgement that no patch needs is refused, as without patches', () => {
    const problems = problemsOf(
      checkoutWith({
        patches: { Service: { object: { metadata: { annotations: { a: 'b' } } } } },
        acknowledge: { volumeTypes: 'nothing to excuse here' },
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ path: 'acknowledge.volumeTypes', rule: expect.stringContaining('excuses nothing') }),
    ]);
  });
});

describe('objects edited in TypeScript are checked at synthesis', () => {
  function appWith(edit: (workload: HardenedWorkload) => void, options: { checkAtSynth?: boolean } = {}) {
    const app = Testing.app();
    const workload = new HardenedWorkload(new Chart(app, 'shop'), 'checkout', { ...checkoutWith({}), ...options });
    edit(workload);
    return app;
  }
  const shortGrace = (workload: HardenedWorkload) =>
    workload.deployment.addJsonPatch(JsonPatch.replace('/spec/template/spec/terminationGracePeriodSeconds', 5));

  test('an addJsonPatch that breaks an invariant fails app.synth() with the invariant, the numbers and the fix', () => {
    expect(() => appWith(shortGrace).synth()).toThrow(
      [
        '- Deployment (changed after construction): 5',
        '    rule: invariant 7 (graceCoversShutdown): The grace period covers preStop + drain + 5 s, and preStop fits inside it. Here: Deployment checkout spec.template.spec.terminationGracePeriodSeconds: preStop 10 s > grace 5 s',
        '    fix:  Raise terminationGracePeriodSeconds to at least 45; if this is deliberate, add acknowledge.graceCoversShutdown: "<reason>"',
      ].join('\n'),
    );
  });

  test('an edit of the metadata is an edit too: declared times rewritten in the annotation are held to the invariants', () => {
    const longerDrain = (workload: HardenedWorkload) =>
      workload.deployment.metadata.addAnnotation(
        'hardened-workloads.io/declared',
        'startupMaxSeconds=90 drainSeconds=600 propagationSeconds=10',
      );
    expect(() => appWith(longerDrain).synth()).toThrow(/graceCoversShutdown/);
  });

  test('a custom resolver of the app may change any value, so the objects are then checked in full', () => {
    const app = Testing.app({
      resolvers: [
        {
          resolve: (context) => {
            if (context.key.join('.') === 'spec.template.spec.terminationGracePeriodSeconds' && context.value !== 5)
              context.replaceValue(5);
          },
        },
      ],
    });
    new HardenedWorkload(new Chart(app, 'shop'), 'checkout', checkoutWith({}));
    expect(() => app.synth()).toThrow(/graceCoversShutdown/);
  });

  test('an edit that keeps every rule synthesizes', () => {
    const app = appWith((workload) => workload.deployment.addJsonPatch(JsonPatch.add('/spec/template/spec/priorityClassName', 'high')));
    expect(() => app.synth()).not.toThrow();
  });

  test('checkAtSynth is an option of the constructs, not a field of a declaration file or Helm values', () => {
    expect(() => synthesizeObjects([{ ...checkoutWith({}), checkAtSynth: false } as WorkloadSpec])).toThrow(
      /- checkAtSynth: false\n {4}rule: unknown field/,
    );
  });

  test('checkAtSynth: false turns the check off for that workload', () => {
    expect(() => appWith(shortGrace, { checkAtSynth: false }).synth()).not.toThrow();
  });
});
