// Rule `unsafe-html`: raw HTML in a body that the handbook would have to strip.
import { defineRule } from './rule.js';

export const rule = defineRule({
  id: 'unsafe-html',
  description: 'Raw HTML the handbook would strip: `<script>`, `<iframe>`, event-handler attributes, `javascript:` or `data:` URLs.',
  defaultSeverity: 'error',
  scope: 'file',
  messages: {
    unsafe: 'The body contains {{what}}, which the handbook never publishes: remove it, and write plain Markdown instead.',
  },
  check({ entities, report }) {
    for (const entity of entities) {
      for (const found of entity.unsafeHtml) {
        report({ file: entity.file, position: { line: found.line, column: found.column }, messageId: 'unsafe', data: { what: found.what } });
      }
    }
  },
});
