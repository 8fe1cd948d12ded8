import { BATCH_REJECTIONS } from './batch-rejections';
import { CONFIGURATION_REJECTIONS } from './configuration-rejections';
import { DANGER_REJECTIONS } from './danger-rejections';
import { EDGE_REJECTIONS } from './edge-rejections';
import { KEEP_REJECTIONS } from './keep-rejections';
import { FIX_FIELD_REJECTIONS, MESSAGE_REJECTIONS, SUM_REJECTIONS, UNQUOTED_REJECTIONS } from './message-rejections';
import { PATCH_REJECTIONS } from './patch-rejections';
import { PORT_REJECTIONS } from './port-rejections';
import { RESOURCES_REJECTIONS } from './resources-rejections';
import { SECURITY_REJECTIONS } from './security-rejections';
import { TEXT_REJECTIONS } from './text-rejections';

/** Every table of invalid declarations, in one list that both faces' rejection tests iterate. */
export const REJECTION_TABLES = [
  ...CONFIGURATION_REJECTIONS,
  ...BATCH_REJECTIONS,
  ...SECURITY_REJECTIONS,
  ...PATCH_REJECTIONS,
  ...EDGE_REJECTIONS,
  ...RESOURCES_REJECTIONS,
  ...PORT_REJECTIONS,
  ...KEEP_REJECTIONS,
  ...TEXT_REJECTIONS,
  ...DANGER_REJECTIONS,
  ...MESSAGE_REJECTIONS,
  ...UNQUOTED_REJECTIONS,
  ...SUM_REJECTIONS,
  ...FIX_FIELD_REJECTIONS,
];
