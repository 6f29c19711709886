// Rule `yaml-comment`: a ` #` after a plain (unquoted) frontmatter value, where YAML drops the
// rest of the line as a comment. Findings come from the loader, which sees `yaml`'s syntax tree.
import { defineRule } from './rule.js';

export const rule = defineRule({
  id: 'yaml-comment',
  description: 'A ` #` after an unquoted frontmatter value: YAML drops the rest of the line as a comment (`ask in #deals` reads `ask in`); quote the value.',
  defaultSeverity: 'warning',
  messages: {},
});
