import { PRESET_NAMES, resolveWorkload, type WorkloadSpec } from '../src';
import { checkoutWith } from './support/declarations';

/** CHECKOUT without the fields a preset may fill in. */
const bare = (changes: Record<string, unknown>): WorkloadSpec => checkoutWith({ probeLatencyMs: undefined, ...changes });

test('without a preset the probe latency defaults to 500 ms', () => {
  const workload = resolveWorkload(bare({}));
  expect(workload.spec.probeLatencyMs).toBe(500);
  expect(workload.preset).toBeUndefined();
});

test('spring-boot: actuator health groups, 1 s latency, graceful shutdown bounded by drainSeconds', () => {
  const workload = resolveWorkload(bare({ preset: 'spring-boot', health: {} }));
  expect(workload.probes.readiness).toEqual({ type: 'http', path: '/actuator/health/readiness', port: 8080, scheme: 'HTTP' });
  expect(workload.probes.liveness).toEqual({ type: 'http', path: '/actuator/health/liveness', port: 8080, scheme: 'HTTP' });
  expect(workload.spec.probeLatencyMs).toBe(1000);
  expect(workload.timings.readiness.timeoutSeconds).toBe(3);
  expect(workload.spec.env).toEqual({
    MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED: 'true',
    SERVER_SHUTDOWN: 'graceful',
    SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE: '30s',
  });
});

test("uvicorn: --timeout-graceful-shutdown through UVICORN_ and 300 ms latency; health paths stay the declaration's", () => {
  const workload = resolveWorkload(bare({ preset: 'uvicorn', drainSeconds: 25 }));
  expect(workload.spec.env).toEqual({ UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN: '25' });
  expect(workload.spec.probeLatencyMs).toBe(300);
  expect(workload.probes.readiness).toMatchObject({ path: '/readyz' });
});

test('gunicorn: --graceful-timeout through GUNICORN_CMD_ARGS', () => {
  expect(resolveWorkload(bare({ preset: 'gunicorn', drainSeconds: 45 })).spec.env).toEqual({ GUNICORN_CMD_ARGS: '--graceful-timeout 45' });
});

test.each(['phoenix-bandit', 'nodejs'] as const)('%s documents no shutdown setting, so the preset sets no environment', (preset) => {
  const workload = resolveWorkload(bare({ preset }));
  expect(workload.spec.env).toEqual({});
  expect(workload.spec.probeLatencyMs).toBe(preset === 'phoenix-bandit' ? 1000 : 300);
});

test('the declaration wins over the preset, field by field', () => {
  const workload = resolveWorkload(
    bare({
      preset: 'spring-boot',
      probeLatencyMs: 200,
      health: { readiness: { path: '/ready' } },
      env: { SERVER_SHUTDOWN: 'graceful' },
    }),
  );
  expect(workload.spec.probeLatencyMs).toBe(200);
  expect(workload.probes.readiness).toMatchObject({ path: '/ready' });
  expect(workload.probes.liveness).toMatchObject({ path: '/actuator/health/liveness' });
  expect(workload.env).toContainEqual({ name: 'SERVER_SHUTDOWN', value: 'graceful' });
  expect(workload.preset).toEqual({
    preset: 'spring-boot',
    fields: ['health.liveness', 'env.MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED', 'env.SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE'],
  });
});

test('a preset without health paths does not excuse a web workload from declaring readiness', () => {
  expect(() => resolveWorkload(bare({ preset: 'nodejs', health: {} }))).toThrow(/health.readiness/);
});

test('an unknown preset names the known ones', () => {
  expect(() => resolveWorkload(bare({ preset: 'django' }))).toThrow(
    /preset: "django"[\s\S]*must be one of "spring-boot", "uvicorn", "gunicorn", "phoenix-bandit", "nodejs"/,
  );
  expect(PRESET_NAMES).toHaveLength(5);
});

describe('a variable the declaration sets that the preset sets too is merged, never dropped', () => {
  test("gunicorn: the preset's --graceful-timeout is appended to the declared GUNICORN_CMD_ARGS", () => {
    const workload = resolveWorkload(bare({ preset: 'gunicorn', drainSeconds: 45, env: { GUNICORN_CMD_ARGS: '--workers 4' } }));
    expect(workload.spec.env).toEqual({ GUNICORN_CMD_ARGS: '--workers 4 --graceful-timeout 45' });
    expect(workload.preset!.fields).toContain('env.GUNICORN_CMD_ARGS');
  });
  test('gunicorn: a declared list entry keeps its place and gets the flag', () => {
    const env = [
      { name: 'GUNICORN_CMD_ARGS', value: '--bind 0.0.0.0:8000' },
      { name: 'LOG_LEVEL', value: 'info' },
    ];
    expect(resolveWorkload(bare({ preset: 'gunicorn', drainSeconds: 30, env })).spec.env).toEqual([
      { name: 'GUNICORN_CMD_ARGS', value: '--bind 0.0.0.0:8000 --graceful-timeout 30' },
      { name: 'LOG_LEVEL', value: 'info' },
    ]);
  });
  test('gunicorn: the same flag with the drain time stays as declared, once', () => {
    const declared = '--graceful-timeout=45 --workers 4';
    const workload = resolveWorkload(bare({ preset: 'gunicorn', drainSeconds: 45, env: { GUNICORN_CMD_ARGS: declared } }));
    expect(workload.spec.env).toEqual({ GUNICORN_CMD_ARGS: declared });
  });
  test('gunicorn: the flag set to another time than drainSeconds is refused with field, value, rule and fix', () => {
    expect(() =>
      resolveWorkload(bare({ preset: 'gunicorn', drainSeconds: 45, env: { GUNICORN_CMD_ARGS: '--graceful-timeout 10' } })),
    ).toThrow(
      'env.GUNICORN_CMD_ARGS: "--graceful-timeout 10"\n' +
        '    rule: GUNICORN_CMD_ARGS sets --graceful-timeout 10, but the gunicorn preset sets --graceful-timeout 45 from drainSeconds (45): the application would stop waiting for requests at another time than the grace period assumes\n' +
        '    fix:  remove --graceful-timeout 10 from GUNICORN_CMD_ARGS (the preset appends --graceful-timeout 45), or set drainSeconds to match',
    );
  });
  test('uvicorn: a declared timeout other than drainSeconds is refused', () => {
    expect(() => resolveWorkload(bare({ preset: 'uvicorn', drainSeconds: 25, env: { UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN: '5' } }))).toThrow(
      /env.UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN: "5"\n {4}rule: the uvicorn preset sets UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN to 25 for its graceful shutdown after drainSeconds \(25\)/,
    );
  });
  test('spring-boot: an immediate shutdown contradicts the drain and is refused', () => {
    expect(() => resolveWorkload(bare({ preset: 'spring-boot', env: [{ name: 'SERVER_SHUTDOWN', value: 'immediate' }] }))).toThrow(
      /env\[0\]: "immediate"\n[\s\S]*fix: {2}leave SERVER_SHUTDOWN out so that the preset sets it, or set it to graceful/,
    );
  });
  test('a value from a Secret cannot be merged and is refused', () => {
    expect(() =>
      resolveWorkload(bare({ preset: 'gunicorn', env: { GUNICORN_CMD_ARGS: { secret: { name: 'gunicorn', key: 'args' } } } })),
    ).toThrow(/a value from secret cannot be merged with it/);
  });
});
