import { resolveWorkload, synthesizeObjects, type WorkloadSpec } from '../../src';
import { writeDeclaration } from '../../src/adopt/infer';
import type { KubernetesObject } from '../../src/adopt/types';
import { adoptYaml, droppedFrom, inferenceOf } from '../support/adopt-yaml';

/**
 * docs/adopt.md, "Everything else, field by field": one worked example per row, each a few lines
 * of YAML in and the declaration value with its source (or the dropped reason) out.
 */

/** A Deployment shop served by a Service shop, with the container fields and pod fields given as YAML lines. */
function shop(container = '', pod = '', extra = ''): string {
  const indent = (text: string, spaces: number) =>
    text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => ' '.repeat(spaces) + line)
      .join('\n');
  return `
apiVersion: apps/v1
kind: Deployment
metadata: {name: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: shop}}
  template:
    metadata: {labels: {app: shop}}
    spec:
${indent(pod, 6)}
      containers:
        - name: shop
          image: ghcr.io/acme/shop:1.2.3
          ports: [{name: http, containerPort: 8080}]
          readinessProbe: {httpGet: {path: /ready, port: http}}
${indent(container, 10)}
---
apiVersion: v1
kind: Service
metadata: {name: shop}
spec:
  selector: {app: shop}
  ports: [{name: http, port: 8080, targetPort: http}]
${extra}`;
}

const synthesized = (declaration: Record<string, unknown>) => synthesizeObjects([declaration as unknown as WorkloadSpec]);
const podOf = (declaration: Record<string, unknown>) =>
  (synthesized(declaration).find((object) => object.kind === 'Deployment') as KubernetesObject).spec.template.spec;

describe('sidecars: a liveness check equal to the readiness check (invariant 4, distinctProbes)', () => {
  const proxy = (probes: string) =>
    shop('', '').replace(
      '          readinessProbe: {httpGet: {path: /ready, port: http}}\n',
      `          readinessProbe: {httpGet: {path: /ready, port: http}}
        - name: proxy
          image: ghcr.io/acme/proxy:2.0.0
          ports: [{name: admin, containerPort: 9901}]
${probes}`,
    );
  const sameHttp = proxy(`          readinessProbe: {httpGet: {path: /ready, port: admin}}
          livenessProbe: {httpGet: {path: /ready, port: admin}}`);
  const sameTcp = proxy(`          readinessProbe: {tcpSocket: {port: admin}}
          livenessProbe: {tcpSocket: {port: admin}}`);

  test('readiness is kept and liveness becomes a TCP check of the port readiness checks, labelled with distinctProbes', () => {
    const adopted = adoptYaml(sameHttp);
    expect((adopted.declaration.sidecars as Array<Record<string, unknown>>)[0]!.health).toEqual({
      readiness: { path: '/ready' },
      liveness: { tcp: true },
    });
    expect(inferenceOf(adopted, 'sidecars.0.health.liveness')).toMatchObject({
      confirm: false,
      source: expect.stringContaining('invariant 4 (distinctProbes)'),
    });
  });

  test("the sidecar's replaced liveness check is listed as dropped, with the invariant as the reason", () => {
    expect(droppedFrom(adoptYaml(sameHttp), 'Deployment/shop')).toContainEqual({
      path: 'spec.template.spec.containers.1.livenessProbe (its check)',
      reason: expect.stringContaining('invariant 4 (distinctProbes)'),
    });
  });

  test("the declaration resolves and synthesizes, the sidecar's liveness a tcpSocket on 9901", () => {
    const { declaration } = adoptYaml(sameHttp);
    expect(() => resolveWorkload(declaration)).not.toThrow();
    const pod = podOf(declaration);
    const sidecar = [...(pod.initContainers ?? []), ...pod.containers].find((container: { name: string }) => container.name === 'proxy');
    expect(sidecar.livenessProbe.tcpSocket).toEqual({ port: 9901 });
    expect(sidecar.readinessProbe.httpGet).toMatchObject({ path: '/ready', port: 9901 });
  });

  test('when readiness is itself that TCP check, liveness is left out and the readiness check is marked CONFIRM', () => {
    const adopted = adoptYaml(sameTcp);
    expect((adopted.declaration.sidecars as Array<Record<string, unknown>>)[0]!.health).toEqual({ readiness: { tcp: true } });
    expect(inferenceOf(adopted, 'sidecars.0.health.readiness')).toMatchObject({
      confirm: true,
      source: expect.stringContaining('invariant 4 (distinctProbes)'),
    });
    expect(droppedFrom(adopted, 'Deployment/shop')).toContainEqual({
      path: 'spec.template.spec.containers.1.livenessProbe (its check)',
      reason: expect.stringContaining('readiness is that TCP check: liveness is left out'),
    });
    expect(() => resolveWorkload(adopted.declaration)).not.toThrow();
    expect(writeDeclaration(adopted)).toMatch(/# CONFIRM: spec\.template\.spec\.containers\.1\.livenessProbe checks exactly what/);
  });
});
