// Rule `link`: a relative Markdown link in a body that points at a file that does not exist.
import type { Rule } from './rule.js';
import { resolveLinkTarget } from '../model/load.js';
import { closest } from '../util/did-you-mean.js';
import { posix } from 'node:path';

export const rule: Rule = {
  id: 'link',
  description: 'A relative link in a body to a file that does not exist.',
  defaultSeverity: 'error',
  messages: {
    missing: "The link to '{{url}}' points at {{target}}, which does not exist{{fix}}",
    outside: "The link to '{{url}}' leaves the repository: link to a file inside it, or use a full https:// URL.",
  },
  check({ entities, model, report }) {
    for (const entity of entities) {
      for (const link of entity.links) {
        const target = resolveLinkTarget(entity.file, link.url);
        if (target === undefined || model.paths.has(target)) continue;
        const position = { line: link.line, column: link.column };
        if (target === '..' || target.startsWith('../')) {
          report({ file: entity.file, position, messageId: 'outside', data: { url: link.url } });
          continue;
        }
        const siblings = [...model.paths].filter((p) => posix.dirname(p) === posix.dirname(target));
        const guess = closest(posix.basename(target), siblings.map((p) => posix.basename(p)));
        const fix = guess ? `; did you mean '${guess}'?` : ': fix the path (it is relative to this file) or remove the link.';
        report({ file: entity.file, position, messageId: 'missing', data: { url: link.url, target: `\`${target}\``, fix } });
      }
    }
  },
};
