import { z } from 'zod';
import { seconds, wholeNumberBetween } from './primitives';

/**
 * How a run-to-completion workload (kinds job and cronjob) runs: how long one run takes and how often it is
 * tried. Its Job's activeDeadlineSeconds, backoffLimit and podFailurePolicy are derived from it
 * (src/timing/kinds/job.ts, docs/derivation.md).
 */
export const run = z
  .strictObject({
    maxSeconds: seconds(1, 'Time the slowest acceptable run takes, from the start of the main container to its exit.').meta({
      examples: [1800],
    }),
    typicalSeconds: seconds(1, 'Time a run usually takes; shown in the timeline of `explain`.')
      .optional()
      .meta({ 'x-default': 'ceil(maxSeconds / 3)', examples: [600] }),
    attempts: wholeNumberBetween(
      1,
      20,
      'attempts',
      "How many times a run is tried before the Job fails (backoffLimit = attempts - 1). Pods lost to disruptions (eviction, preemption, node drain) do not count: the pod failure policy ignores them. Kubernetes' own default is 7 attempts.",
    )
      .optional()
      .meta({
        'x-default':
          '3; for a cronjob whose runs must not overlap (concurrencyPolicy Forbid or Replace), as many of 3 as fit between two runs, at least 1',
        examples: [5],
      }),
    startSeconds: seconds(
      0,
      "Time each attempt's pod may take from its creation to the start of the main container: scheduling, image pull, container start. Part of every attempt's deadline (the pod's activeDeadlineSeconds).",
    )
      .max(3600)
      .optional()
      .meta({
        'x-default':
          "20: Kubernetes' pod startup objective (5 s without image pull) plus the pull of a small image; declare more for a large image or a node added on demand",
        examples: [120],
      }),
    nonRetryableExitCodes: z
      .array(
        z.int().min(1).max(255).meta({
          'x-rule': 'an exit code from 1 to 255 (0 means success and cannot fail a Job)',
          'x-fix': 'use the code your program exits with on a permanent error, e.g. 2',
        }),
      )
      .min(1)
      .max(255)
      .optional()
      .meta({
        description:
          'Exit codes of the main container that mean a permanent error (bad input, a failed precondition): the pod failure policy fails the Job at once instead of retrying. In increasing order, without repeats.',
        'x-unit': 'exit codes',
        'x-default': 'none: every failure is retried until attempts run out',
        examples: [[2, 64]],
      }),
  })
  .meta({
    title: 'RunTimes',
    description:
      "How long one run takes and how often it is tried (kinds job and cronjob; required there). The Job's deadline, retry budget and failure policy are derived from it.",
    examples: [{ maxSeconds: 1800 }],
  });
