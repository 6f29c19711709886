// `opmodel build`: lint the model, then publish the handbook as a static site. A model with lint
// errors is refused (exit 1, findings printed as `lint` prints them) unless --allow-errors.
import { resolve } from 'node:path';
import { lintWithConfig, repositoryConfig } from '../lint.js';
import { reporters } from '../reporters/index.js';
import { rules, docsPath } from '../rules/index.js';
import { version } from '../version.js';
import { asOf, asOfOption, type Command, parse, repoDir, UsageError, useColor } from './command.js';
import type { LintResult } from '../types.js';

/** The default output folder, relative to DIR. */
export const defaultOut = '_site';

export const command: Command = {
  help: `Usage: opmodel build [DIR] [--out DIST] [--base PATH] [--allow-errors] [--as-of DATE]

Build the handbook website from the model: static files you can publish on
GitHub Pages or any web server. The model is linted first; a model with
errors is not published unless --allow-errors is given.

Options:
  --out DIST       output folder, relative to the current folder (default: ${defaultOut}
                   in DIR); opmodel only ever
                   replaces a folder it built itself
  --base PATH      sub-path the site is served under, e.g. /operating-model/
                   (default: site.base in opmodel.config.yaml, or /)
  --allow-errors   publish even when lint finds errors
  --as-of DATE     judge dates (review_by, check-ins, quarters) and "needs review"
                   as of DATE, YYYY-MM-DD (default: OPMODEL_TODAY, else today in UTC)
`,
  async run(args) {
    const { values, positionals } = parse(args, { out: { type: 'string' }, base: { type: 'string' }, 'allow-errors': { type: 'boolean' }, ...asOfOption });
    if (positionals.length > 1) throw new UsageError('build takes one DIR.');
    const root = repoDir(positionals[0]);
    if (values.base !== undefined && !/^\/([A-Za-z0-9._~-]+\/?)*$/.test(values.base)) throw new UsageError('--base must be a path such as /operating-model/.');
    const today = asOf(values['as-of']);
    // --out is relative to where you run the command; the default sits in DIR.
    const outDir = values.out !== undefined ? resolve(values.out) : resolve(root, defaultOut);
    const config = repositoryConfig(root);
    const { startSiteBuild, buildSite } = await import('../site/build.js');
    // Astro starts now, in a child process, and waits for the data while the model is linted.
    const started = usageErrorFrom(() => startSiteBuild({ root, modelDir: config.model, outDir, base: values.base ?? config.site?.base }));
    // Ctrl-C (or a CI job cancelled) stops Astro and removes the work folder, as any other end does.
    const interrupted = (signal: NodeJS.Signals) => {
      started.cancel();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    let result: LintResult;
    try {
      const linted = await lintWithConfig(root, config, { today });
      result = linted.result;
      if (result.errors > 0 && !values['allow-errors']) {
        started.cancel();
        printFindings(result);
        process.stderr.write('opmodel: the handbook was not built because the model has errors. Fix them, or build anyway with --allow-errors.\n');
        return 1;
      }
      await buildSite({
        root,
        model: linted.model,
        config,
        relations: linted.relations,
        outDir,
        today,
        ...(values.base !== undefined ? { base: values.base } : {}),
        log: (line) => process.stderr.write(`${line}\n`),
        started,
      });
    } finally {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      started.cancel();
    }
    process.stdout.write(`Handbook built in ${outDir}${result.errors > 0 ? ` (with ${result.errors} lint error${result.errors === 1 ? '' : 's'})` : ''}.\n`);
    return 0;
  },
};

/** Runs `start`, turning its refusal of the output folder into a usage error (exit 2, no stack). */
function usageErrorFrom<T>(start: () => T): T {
  try {
    return start();
  } catch (error) {
    const message = (error as Error).message;
    if (/would overwrite|not empty/i.test(message)) throw new UsageError(message);
    throw error;
  }
}

/** Prints findings the way `opmodel lint` does (stylish). */
export function printFindings(result: LintResult): void {
  process.stdout.write(
    reporters.stylish(result, {
      color: useColor(),
      rules: rules.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, docs: docsPath(r.id) })),
      version,
    }),
  );
}
