// `opmodel dev`: serve the handbook locally and reload it whenever a model file changes.
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../lint.js';
import { devReuseCache } from '../site/dev-reuse.js';
import { asOf, asOfOption, type Command, parse, repoDir, UsageError } from './command.js';

export const command: Command = {
  help: `Usage: opmodel dev [DIR] [--port N] [--base PATH] [--as-of DATE]

Preview the handbook at http://localhost:4321 while you edit the model. Every
save re-reads the model and reloads the page; lint findings are printed here.
Stop with Ctrl-C.

Options:
  --port N      port to listen on (default 4321)
  --base PATH   sub-path, e.g. /operating-model/
  --as-of DATE  judge dates (review_by, check-ins, quarters) as of DATE,
                YYYY-MM-DD (default: OPMODEL_TODAY, else today in UTC)
`,
  async run(args) {
    const { values, positionals } = parse(args, { port: { type: 'string' }, base: { type: 'string' }, ...asOfOption });
    if (positionals.length > 1) throw new UsageError('dev takes one DIR.');
    const root = repoDir(positionals[0]);
    const port = values.port === undefined ? 4321 : Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError('--port takes a number such as 4321.');
    const today = asOf(values['as-of']);
    // Files unchanged since the last save are not read again.
    const cache = devReuseCache();
    const first = await lint(root, { today, cache });
    report(first.result.errors, first.result.warnings);
    const { startDevServer } = await import('../site/build.js');
    const server = await startDevServer({
      root,
      model: first.model,
      config: first.config,
      relations: first.relations,
      port,
      today,
      ...(values.base !== undefined ? { base: values.base } : {}),
      log: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`Handbook preview at ${server.url} — edit files in ${first.config.model}/ and the page reloads. Ctrl-C stops.\n`);
    let timer: NodeJS.Timeout | undefined;
    let running = Promise.resolve();
    let watcher: FSWatcher | undefined;
    // Editors often save by replacing a file, which ends a watch on it: watch afresh after each change.
    const arm = () => {
      watcher?.close();
      watcher = watch(join(root, first.config.model), { recursive: true }, () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          running = running.then(async () => {
            try {
              const next = await lint(root, { today, cache });
              report(next.result.errors, next.result.warnings);
              await server.update(next.model);
            } catch (error) {
              process.stderr.write(`opmodel: ${(error as Error).message}\n`);
            }
            arm();
          });
        }, 50);
      });
    };
    arm();
    await new Promise<void>((done) => {
      const stop = () => {
        watcher?.close();
        void server.stop().then(done);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};

function report(errors: number, warnings: number): void {
  const when = new Date().toLocaleTimeString();
  process.stderr.write(errors + warnings === 0 ? `${when}  model is clean\n` : `${when}  ${errors} error(s), ${warnings} warning(s) — run \`opmodel lint\` for details\n`);
}
