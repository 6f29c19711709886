// Rule `link`: a relative Markdown link in a body that points at a file that does not exist.
import { defineRule } from './rule.js';
import { linkTarget } from '../model/domain/link-target.js';
import { closest } from '../util/did-you-mean.js';
import { posix } from 'node:path';

export const rule = defineRule({
  id: 'link',
  description: 'A relative link in a body to a file that does not exist.',
  defaultSeverity: 'error',
  messages: {
    missing: "The link to '{{url}}' points at {{target}}, which does not exist{{fix}}",
    outside: "The link to '{{url}}' leaves the repository: link to a file inside it, or use a full https:// URL.",
  },
  check({ entities, model, report }) {
    let namesByFolder: Map<string, string[]> | undefined;
    const siblingsOf = (folder: string) => {
      if (!namesByFolder) {
        namesByFolder = new Map();
        for (const path of model.paths) {
          const dir = posix.dirname(path);
          const list = namesByFolder.get(dir) ?? [];
          list.push(posix.basename(path));
          namesByFolder.set(dir, list);
        }
      }
      return namesByFolder.get(folder) ?? [];
    };
    for (const entity of entities) {
      for (const link of entity.links) {
        const target = linkTarget(entity.file, link);
        if (target === undefined || model.paths.has(target)) continue;
        const position = { line: link.line, column: link.column };
        const end = link.end;
        if (target === '..' || target.startsWith('../')) {
          report({ file: entity.file, position, end, messageId: 'outside', data: { url: link.url } });
          continue;
        }
        const guess = closest(posix.basename(target), siblingsOf(posix.dirname(target)));
        const fix = guess ? '' : ': fix the path (it is relative to this file) or remove the link.';
        report({ file: entity.file, position, end, messageId: 'missing', data: { url: link.url, target: `\`${target}\``, fix }, ...(guess ? { expected: [guess] } : {}) });
      }
    }
  },
});
