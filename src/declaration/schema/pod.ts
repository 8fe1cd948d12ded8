import { z } from 'zod';
import { LABEL_VALUE, objectName, QUALIFIED_NAME } from './primitives';

/**
 * What the pod as a whole declares about its identity: the ServiceAccount's annotations and API
 * token, the pull secrets and the pod's own annotations.
 */

/** Annotation keys are qualified names (Kubernetes docs, "Annotations", "Syntax and character set"). */
export const annotationKey = z.string().max(317).regex(new RegExp(QUALIFIED_NAME)).meta({
  'x-rule':
    'an annotation key: an optional DNS-subdomain prefix and "/", then at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
  'x-fix': 'write it like example.com/owner or owner',
});

export const labelKey = z.string().max(317).regex(new RegExp(QUALIFIED_NAME)).meta({
  'x-rule':
    'a label key: an optional DNS-subdomain prefix and "/", then at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
  'x-fix': 'write it like topology.kubernetes.io/zone or node-pool',
});

export const labelValue = z.string().regex(new RegExp(LABEL_VALUE)).meta({
  'x-rule': 'a label value: at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
  'x-fix': 'write it like general-purpose',
});

export const imagePullSecrets = z
  .array(objectName('Secret', 'registry-credentials'))
  .optional()
  .meta({
    description: 'Secrets (of type kubernetes.io/dockerconfigjson) with the credentials to pull the images, by name.',
    'x-default': "none: the node's own credentials",
    examples: [['registry-credentials']],
  });

export const podAnnotations = z
  .record(annotationKey, z.string())
  .optional()
  .meta({
    description:
      'Annotations of the pods, e.g. for a log shipper or a metrics scraper. Keys under hardened-workloads.io/ are reserved for this project, and AppArmor annotations may only name runtime/default or localhost/ profiles.',
    'x-default': 'none',
    examples: [{ 'prometheus.io/scrape': 'true' }],
  });

export const serviceAccount = z
  .strictObject({
    annotations: z
      .record(annotationKey, z.string())
      .optional()
      .meta({
        description:
          'Annotations of the ServiceAccount, e.g. a cloud workload identity (eks.amazonaws.com/role-arn, iam.gke.io/gcp-service-account).',
        'x-default': 'none',
        examples: [{ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/orders' }],
      }),
    mountApiToken: z
      .boolean()
      .optional()
      .meta({
        description:
          'true mounts a Kubernetes API token into the pods, for workloads that call the Kubernetes API; needs acknowledge.automountServiceAccountToken with the reason.',
        'x-default': 'false: no token',
        examples: [true],
      }),
  })
  .optional()
  .meta({
    description: "The workload's own ServiceAccount: its annotations, and whether the pods get an API token.",
    'x-default': 'no annotations, no token',
    examples: [{ annotations: { 'iam.gke.io/gcp-service-account': 'orders@acme.iam.gserviceaccount.com' } }],
  });
