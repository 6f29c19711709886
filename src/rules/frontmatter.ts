// Rule `frontmatter`: missing, unterminated or unparsable YAML frontmatter. Findings come from the loader.
import { defineRule } from './rule.js';

export const rule = defineRule({
  id: 'frontmatter',
  description:
    'Missing, unterminated or unparsable frontmatter; a `---` line with spaces after it inside the frontmatter; tab or non-breaking-space indentation; a language other than YAML; duplicate keys; too many aliases or too deep nesting.',
  defaultSeverity: 'error',
  messages: {},
});
