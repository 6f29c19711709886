// What `opmodel dev` keeps between saves: each file's full read result (frontmatter, body, tables),
// reused while the file's stamp is unchanged, so a save re-reads one file, not the model. Unlike
// `lint --cache` it keeps everything the handbook shows, and only in memory. Per-file rule findings
// are kept too: lint asks for them only for files it reused, so a changed file is always checked again.
import { lstatSync } from 'node:fs';
import type { LintCache } from '../model/cache/cache.js';
import type { RawFinding } from '../lint.js';
import type { FileResult } from '../model/domain/entity.js';
import type { ReadTask } from '../model/read/read.js';

/** A lint cache in memory for one `opmodel dev` session: whole read results by file stamp. */
export function devReuseCache(): LintCache {
  const results = new Map<string, { stamp: string; result: FileResult }>();
  const findings = new Map<string, { context: string; findings: RawFinding[] }>();
  const stampOf = (task: ReadTask): string | undefined => {
    try {
      const stat = lstatSync(task.abs);
      if (!stat.isFile()) return undefined;
      return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}:${task.maxBytes}:${task.folderKind ?? ''}:${task.tableKinds.join(',')}:${task.keepBody ? 'body' : ''}`;
    } catch {
      return undefined;
    }
  };
  return {
    lookup(task) {
      const known = results.get(task.file);
      const stamp = known ? stampOf(task) : undefined;
      return known && stamp !== undefined && known.stamp === stamp ? known.result : undefined;
    },
    knownHash: () => undefined,
    reuseByHash: () => undefined,
    store(task, result) {
      const stamp = stampOf(task);
      if (stamp === undefined) results.delete(task.file);
      else results.set(task.file, { stamp, result });
    },
    useContext() {},
    stampOf,
    lastRun: () => undefined,
    storeRun() {},
    digestOf: () => undefined,
    ruleFindings: (file, context) => {
      const known = findings.get(file);
      return known?.context === context ? known.findings : undefined;
    },
    storeRuleFindings: (file, context, list) => void findings.set(file, { context, findings: list }),
    save() {},
  };
}
