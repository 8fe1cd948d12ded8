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
      env: { SERVER_SHUTDOWN: 'immediate' },
    }),
  );
  expect(workload.spec.probeLatencyMs).toBe(200);
  expect(workload.probes.readiness).toMatchObject({ path: '/ready' });
  expect(workload.probes.liveness).toMatchObject({ path: '/actuator/health/liveness' });
  expect(workload.env).toContainEqual({ name: 'SERVER_SHUTDOWN', value: 'immediate' });
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
