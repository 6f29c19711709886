// The registry of output formats that `opmodel lint --format` accepts.

import type { Reporter } from '../types.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** Every `--format` name, the default first. */
export const formatNames = ['stylish', 'json', 'sarif', 'github'] as const;

/** A `--format` name. */
export type FormatName = (typeof formatNames)[number];

/** The reporter behind each `--format` name. */
export const reporters: Record<FormatName, Reporter> = { stylish, json, sarif, github };

/** Whether a string names a format, for validating `--format`. */
export function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}

export { github, json, sarif, stylish };
