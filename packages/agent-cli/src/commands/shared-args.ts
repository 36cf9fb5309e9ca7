import type { StringArgDef } from 'citty';
import { DEFAULT_CONFIG_PATH } from '../config/load-config.js';

/** `--config FILE`, shared by every command that reads the config. */
export const configArg = {
  type: 'string',
  description: `Config file (default ${DEFAULT_CONFIG_PATH}, or FELHOM_AGENT_CONFIG)`,
  valueHint: 'FILE',
} as const satisfies StringArgDef;
