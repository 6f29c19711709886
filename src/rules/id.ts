// Rule `id`: a bad id, an `id:` field that differs from the file name, or an id used twice.
import { defineRule } from './rule.js';
import { positionOf } from './rule.js';

export const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const rule = defineRule({
  id: 'id',
  description: 'A file name that is not a valid id, an `id:` field that differs from the file name, or an id used by two files.',
  defaultSeverity: 'error',
  messages: {
    badName: "The file name '{{id}}' is not a valid id: use lower-case words joined by hyphens, such as '{{suggestion}}.md'.",
    mismatch: "id '{{declared}}' differs from the file name '{{id}}': make them equal, or remove the `id:` line.",
    duplicate: "id '{{id}}' is already used by {{other}}: ids must be unique across the whole model; rename one of the files.",
  },
  check({ model, report }) {
    const firstById = new Map<string, string>();
    for (const entity of model.entities) {
      if (!idPattern.test(entity.id)) {
        report({ file: entity.file, position: { line: 1, column: 1 }, messageId: 'badName', data: { id: entity.id, suggestion: suggestId(entity.id) } });
      }
      const declared = entity.data.id;
      if (!entity.broken && typeof declared === 'string' && declared !== entity.id) {
        report({ file: entity.file, position: positionOf(entity, '/id'), messageId: 'mismatch', data: { declared, id: entity.id } });
      }
      const first = firstById.get(entity.id);
      if (first === undefined) {
        firstById.set(entity.id, entity.file);
      } else {
        report({
          file: entity.file,
          position: { line: 1, column: 1 },
          messageId: 'duplicate',
          data: { id: entity.id, other: first },
          related: [{ file: first, position: { line: 1, column: 1 }, message: `'${entity.id}' is first defined here` }],
        });
      }
    }
  },
});

/** A valid id close to a bad one: lower-case, hyphens for anything else. */
export function suggestId(text: string): string {
  const id = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'untitled';
}
