import type { Timings } from '../../../timing/types';
import type { PreStopHandler } from './types';

/**
 * The delay between deletion and SIGTERM as a preStop hook: the sleep action (1.30), `sleep` in
 * the container, or an httpGet endpoint that returns after the delay. `app` (the application
 * waits itself) and `none` (no traffic to wait for) have no hook.
 */
export function preStopHandler(preStop: Timings['preStop'], httpHook: { path?: string; port?: number }): PreStopHandler | undefined {
  const { mechanism, seconds } = preStop;
  switch (mechanism) {
    case 'sleep':
      return { sleep: { seconds } };
    case 'exec':
      return { exec: { command: ['sleep', String(seconds)] } };
    case 'http':
      return { httpGet: { path: httpHook.path, port: httpHook.port! } };
    case 'app':
    case 'none':
      return undefined;
  }
}
