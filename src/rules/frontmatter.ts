// Rule `frontmatter`: missing, unterminated or unparsable YAML frontmatter. Findings come from the loader.
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'frontmatter',
  description: 'Missing, unterminated or unparsable frontmatter; a language other than YAML; duplicate keys; too many aliases or too deep nesting.',
  defaultSeverity: 'error',
  messages: {},
};
