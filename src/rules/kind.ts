// Rule `kind`: a file whose kind is unknown, or whose `kind:` field disagrees with its folder.
import { defineRule } from './rule.js';
import { positionOf } from './rule.js';
import { closest } from '../util/did-you-mean.js';
import { kindsOf } from '../model/domain/kinds.js';

export const rule = defineRule({
  id: 'kind',
  description: 'An unknown kind, or a `kind:` field that disagrees with the folder the file is in.',
  defaultSeverity: 'error',
  scope: 'file',
  messages: {
    unknown: "kind '{{kind}}' is not a kind of this model{{fix}}",
    missing: 'This file is outside the kind folders, so it needs a `kind:` field (one of: {{kinds}}); or move it into a kind folder such as `bets/`.',
    mismatch: "kind '{{declared}}' disagrees with the folder, which holds {{folderKind}} files: remove the `kind:` line or move the file.",
  },
  check({ entities, config, report }) {
    const known = kindsOf(config).map((k) => k.name);
    for (const entity of entities) {
      if (entity.broken) continue;
      const declared = entity.data.kind;
      if (declared !== undefined && typeof declared !== 'string') continue; // the schema rule reports the type
      if (typeof declared === 'string' && !known.includes(declared)) {
        const position = positionOf(entity, '/kind');
        const guess = closest(declared, known);
        const fix = guess ? '' : `; use one of: ${known.join(', ')}.`;
        report({ file: entity.file, position, messageId: 'unknown', data: { kind: declared, fix }, ...(guess ? { expected: [guess] } : {}) });
      } else if (typeof declared === 'string' && declared !== entity.kind) {
        // entity.kind is the folder's kind whenever the file sits in a kind folder.
        report({ file: entity.file, position: positionOf(entity, '/kind'), messageId: 'mismatch', data: { declared, folderKind: entity.kind } });
      } else if (entity.kind === '') {
        report({ file: entity.file, position: { line: 1, column: 1 }, messageId: 'missing', data: { kinds: known.join(', ') } });
      }
    }
  },
});
