// Rule `ref`: a reference to a missing id, or to an entity of a kind the field does not allow.
import { defineRule } from './rule.js';
import { kindsInWords } from './rule.js';
import { referencesOf } from '../model/domain/relations.js';
import { closest } from '../util/did-you-mean.js';

export const rule = defineRule({
  id: 'ref',
  description: 'A reference to an id that does not exist, or to an entity of a kind the field does not allow.',
  defaultSeverity: 'error',
  messages: {
    missing: "{{field}} '{{target}}' is not {{kinds}} id{{fix}}",
    wrongKind: "{{field}} '{{target}}' is {{actual}}, but {{field}} must name {{kinds}}.",
  },
  check({ entities, byId, relations, report }) {
    const idsByKind = new Map<string, string[]>();
    for (const [id, entity] of byId) {
      const list = idsByKind.get(entity.kind) ?? [];
      list.push(id);
      idsByKind.set(entity.kind, list);
    }
    // One candidate list per set of allowed kinds, so did-you-mean reuses it.
    const candidateLists = new Map<readonly string[], string[]>();
    const candidatesFor = (targets: readonly string[]) => {
      let list = candidateLists.get(targets);
      if (!list) {
        list = targets.flatMap((k) => idsByKind.get(k) ?? []);
        candidateLists.set(targets, list);
      }
      return list;
    };
    const fieldName = (path: readonly string[]) => path.filter((p) => p !== '*').join('.');
    for (const entity of entities) {
      for (const reference of referencesOf(entity, relations)) {
        const target = byId.get(reference.target);
        if (target && reference.field.targets.includes(target.kind)) continue;
        const field = fieldName(reference.field.path);
        const kinds = kindsInWords(reference.field.targets);
        if (!target) {
          const candidates = candidatesFor(reference.field.targets);
          const guess = closest(reference.target, candidates);
          const fix = guess ? '' : candidates.length > 0 ? `: use the id of an existing file (its name without .md).` : `: no such file exists yet — create it first.`;
          report({ file: entity.file, position: reference.position, messageId: 'missing', data: { field, target: reference.target, kinds, fix }, ...(guess ? { expected: [guess] } : {}) });
        } else {
          report({
            file: entity.file,
            position: reference.position,
            messageId: 'wrongKind',
            data: { field, target: reference.target, actual: kindsInWords([target.kind]), kinds },
            related: [{ file: target.file, position: { line: 1, column: 1 }, message: `'${target.id}' is defined here` }],
          });
        }
      }
    }
  },
});
