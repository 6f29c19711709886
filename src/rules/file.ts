// Rule `file`: a model file that cannot be read as text. Findings come from the loader.
import { defineRule } from './rule.js';

export const rule = defineRule({
  id: 'file',
  description: 'A model file that cannot be read as text: a symbolic link, not a regular file, too large, not UTF-8, or binary.',
  defaultSeverity: 'error',
  messages: {},
});
