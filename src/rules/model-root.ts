// Rule `model-root`: no `operating-model.md`, or more than one model root.
import { defineRule } from './rule.js';
import { positionOf } from './rule.js';
import { modelRootFile, ofKind } from '../model/domain/kinds.js';

export const rule = defineRule({
  id: 'model-root',
  description: 'No `model/operating-model.md`, or more than one model root.',
  defaultSeverity: 'error',
  messages: {
    missing: 'The model has no root: create `{{file}}` with `title:`, `version:` and `quarter:`; it is the home page of the handbook. Run `opmodel init` for a starter.',
    noFolder: 'There is no `{{folder}}/` folder here: run opmodel in the folder that holds `{{folder}}/` (or pass that folder as DIR), or start a model with `opmodel init`.',
    extra: 'There is already a model root ({{first}}): a model has exactly one; change this file\'s `kind:` or remove it.',
  },
  check({ model, report }) {
    const roots = ofKind(model.entities, 'model');
    const expected = `${model.modelDir}/${modelRootFile}`;
    if (!model.modelDirFound) {
      report({ file: expected, position: { line: 1, column: 1 }, messageId: 'noFolder', data: { folder: model.modelDir } });
      return;
    }
    if (roots.length === 0) {
      report({ file: expected, position: { line: 1, column: 1 }, messageId: 'missing', data: { file: expected } });
      return;
    }
    const first = roots.find((r) => r.file === expected) ?? roots[0]!;
    for (const root of roots) {
      if (root === first) continue;
      report({
        file: root.file,
        position: positionOf(root, '/kind'),
        messageId: 'extra',
        data: { first: first.file },
        related: [{ file: first.file, position: { line: 1, column: 1 }, message: 'the model root' }],
      });
    }
  },
});
