import type { Problem } from '../errors';
import type { AcknowledgementId } from '../ids';

/**
 * What each resolution step shares: the list of problems it adds to, and a question that says
 * whether the declaration acknowledges a departure (and records that the acknowledgement was used).
 */
export interface Resolution {
  readonly problems: Problem[];
  acknowledged(id: AcknowledgementId): boolean;
}
