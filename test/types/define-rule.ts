// Compiled by rule-files.test.ts, never run: what `defineRule` must refuse to compile. Each
// `@ts-expect-error` fails the compile if the line below it ever type-checks.
import { defineRule } from '../../src/rules/rule.js';

export const rule = defineRule({
  id: 'example',
  description: 'An example rule.',
  defaultSeverity: 'warning',
  defaultOptions: { max: 3 },
  optionsSchema: { max: { type: 'integer', minimum: 0 } },
  messages: { tooMany: '{{count}} is too many.' },
  check({ entities, options, report }) {
    const max: number = options.max;
    // @ts-expect-error: the rule declares no option `maxx`
    void options.maxx;
    for (const entity of entities) {
      report({ file: entity.file, position: { line: 1, column: 1 }, messageId: 'tooMany', data: { count: max } });
      // @ts-expect-error: `tooMuch` is not one of the rule's messages
      report({ file: entity.file, position: { line: 1, column: 1 }, messageId: 'tooMuch' });
    }
  },
});

export const schemaOfUnknownOption = defineRule({
  id: 'example-2',
  description: 'An options schema must describe the options there are.',
  defaultSeverity: 'error',
  defaultOptions: { max: 1 },
  // @ts-expect-error: `maxx` is not an option of this rule
  optionsSchema: { maxx: { type: 'integer' } },
  messages: {},
});
