import { adoptYaml, droppedFrom, inferenceOf } from '../support/adopt-yaml';

/**
 * The inference rules that charts written by others taught (docs/adopt.md, "What charts written by
 * others taught"), each with a worked example: the shape of the chart that showed it, cut down to
 * a few lines of YAML, in; the declaration value, its source or the dropped reason, out.
 */

describe("a daemon's Service: kind daemon makes no Service", () => {
  const agent = `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers:
        - {name: agent, image: 'ghcr.io/acme/agent:1.0.0', ports: [{name: metrics, containerPort: 9100}]}
---
apiVersion: v1
kind: Service
metadata: {name: agent}
spec:
  selector: {app: agent}
  ports: [{name: metrics, port: 9100, targetPort: metrics}]
`;

  test('no keep.servicePortName and no keep.names.Service are written', () => {
    const adopted = adoptYaml(agent);
    expect(adopted.declaration).toMatchObject({ kind: 'daemon', port: 9100 });
    expect(adopted.declaration.keep).toEqual({ selector: { app: 'agent' } });
  });

  test('the Service is dropped with the reason that kind daemon makes no Service, and how to keep serving through it', () => {
    expect(droppedFrom(adoptYaml(agent), 'Service/agent')).toEqual([
      {
        path: '',
        reason:
          'kind daemon makes no Service: Service agent is not carried over. To keep reaching the pods through it, keep it as a manifest of your own beside the declaration, with targetPort 9100 (the port is named http in the output)',
      },
    ]);
  });

  test("the renamed serving port's reason does not send the reader to keep.servicePortName, which a daemon cannot use", () => {
    const [renamed] = droppedFrom(adoptYaml(agent), 'DaemonSet/agent').filter((each) => each.path.endsWith('.ports'));
    expect(renamed!.reason).toBe(
      'the serving port is named http instead of metrics: kind daemon makes no Service, so no Service port name is kept; a Service or monitor of your own must address it by number (9100) or as http',
    );
    expect(inferenceOf(adoptYaml(agent), 'keep.servicePortName')).toBeUndefined();
  });
});
