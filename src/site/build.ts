// Builds (or serves) the handbook: writes the HandbookData for this run, runs the Astro project that
// ships in the package's site/ folder against it, then indexes the output with Pagefind.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync, mkdtempSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CustomKind, RuleEntry, SiteSettings } from '../config.js';
import { thresholdsFrom } from '../model/domain/assessment.js';
import { checkInDaysFrom } from '../model/domain/review.js';
import type { RelationField } from '../model/domain/relations.js';
import { kindsOf, type Kind } from '../model/domain/kinds.js';
import { buildHandbookData, normaliseBase, type HandbookModel, type RenderCache } from './handbook.js';
import { headCommit, readModelHistory, type GitHistory } from './git.js';
import type { HandbookData } from './handbook-data.js';

/** The package's Astro project (site/ beside src/ and dist/). */
export const siteDir = fileURLToPath(new URL('../../site/', import.meta.url));
/** opmodel's compiled modules (dist/, also when this file runs from src/ under Vitest), which the handbook imports as `@opmodel/…`. */
const libDir = fileURLToPath(new URL('../../dist/', import.meta.url));

/** A marker opmodel leaves in its output folder, so a rebuild may empty it and nothing else. */
const outputMarker = '.opmodel-site';

export interface BuildSiteOptions {
  /** Absolute repository root (the opmodel DIR). */
  root: string;
  model: HandbookModel;
  /** The loaded opmodel.config.yaml; only `site`, custom `kinds` and the `assessment` rule's thresholds are read. */
  config: { site?: SiteSettings; rules?: Record<string, RuleEntry>; kinds?: CustomKind[] };
  /** Reference fields including custom kinds' (as lint builds them); default the built-in ones. */
  relations?: readonly RelationField[];
  /** The registry of kinds, for their handbook sections; default the built-in ones and the config's custom kinds. */
  kinds?: readonly Kind[];
  /** Output folder, absolute or relative to root. */
  outDir: string;
  /** Sub-path to serve under; overrides `config.site.base`. */
  base?: string;
  /** Serve with live reload instead of building; resolves when the server stops (SIGINT/SIGTERM). */
  dev?: boolean;
  /** Port for dev (default 4321). */
  port?: number;
  /** Where progress lines go (default: nowhere). */
  log?: (line: string) => void;
  /** Astro's own log level (default `warn`). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Date to judge `review_by` against, for reproducible builds and tests. */
  today?: string;
}

/** Builds the static handbook into outDir, or serves it when `dev` is set; with `started`, the output folder and base are the ones that build started with. */
export async function buildSite(options: BuildSiteOptions & { started?: SiteBuild }): Promise<void> {
  if (options.dev) {
    const server = await startDevServer(options);
    options.log?.(`Handbook at ${server.url}`);
    await new Promise<void>((done) => {
      const stop = () => void server.stop().then(done);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return;
  }
  const build = options.started ?? startSiteBuild({
    root: options.root,
    modelDir: options.model.modelDir,
    outDir: options.outDir,
    base: options.base ?? options.config.site?.base,
    logLevel: options.logLevel,
  });
  try {
    await build.finish(options);
  } finally {
    build.cancel();
  }
}

/**
 * A handbook build under way. Astro starts in a child process before the data exists (Node starts,
 * Astro loads and bundles the pages while the model is linted and the data prepared here); the
 * child then waits until `finish` hands it the data.
 */
export interface SiteBuild {
  /** Writes the data, waits for Astro, indexes the pages for search and publishes them to outDir (base and outDir are the start's). */
  finish(options: Pick<BuildSiteOptions, 'model' | 'config' | 'relations' | 'kinds' | 'today' | 'log'>): Promise<void>;
  /** Stops the child, if it still runs, and removes the work folder (nothing is published). */
  cancel(): void;
}

/** Starts a handbook build: checks the output folder, then starts Astro, which waits for `finish`. */
export function startSiteBuild(options: { root: string; modelDir: string; outDir: string; base?: string; logLevel?: BuildSiteOptions['logLevel'] }): SiteBuild {
  const outDir = resolve(options.root, options.outDir);
  guardOutDir(options.root, options.modelDir, outDir);
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'opmodel-site-'));
  let astro: { child: ChildProcess; exit: Promise<void> } | undefined;
  let done = false;
  const cancel = () => {
    if (done) return;
    done = true;
    process.off('exit', cancel);
    astro?.child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  };
  process.once('exit', cancel); // a CLI that exits early (an error, a lint failure) leaves nothing behind
  const dataFile = join(work, 'handbook.json');
  const base = normaliseBase(options.base);
  // Astro writes into the staged site folder (whose node_modules resolves its own imports);
  // the finished, indexed site then replaces outDir in one step.
  const staged = join(work, 'site', 'out');
  try {
    astro = spawnAstroBuild(copySite(work), { dataFile, outDir: staged, base, cacheDir: join(work, 'cache'), logLevel: options.logLevel ?? 'warn' });
  } catch (error) {
    cancel();
    throw error;
  }
  astro.exit.catch(() => {}); // awaited in finish; a build cancelled before then must not be an unhandled rejection
  return {
    cancel,
    async finish(run) {
      if (done) throw new Error('This handbook build was cancelled.');
      const log = run.log ?? (() => {});
      try {
        // Only the file is kept: Astro reads its own copy, and the build must not hold two.
        const history = await readModelHistory(run.model.root, run.model.modelDir);
        const count = writeData(dataFile, buildHandbookData(run.model, { ...handbookOptions({ ...run, base }), history }));
        // A child that already failed cannot take the message; its exit says why, just below.
        astro!.child.send('data', () => {});
        const prepared = performance.now();
        log(`Prepared ${count} entities in ${seconds(prepared - started)}.`);
        await astro!.exit;
        rmSync(join(staged, '.prerender'), { recursive: true, force: true });
        writeFileSync(join(staged, outputMarker), 'Built by opmodel build; the next build replaces this folder.\n');
        const built = performance.now();
        log(`Built the pages in ${seconds(built - prepared)}.`);
        const pages = await indexForSearch(staged);
        log(`Indexed ${pages} pages for search in ${seconds(performance.now() - built)}.`);
        publish(staged, outDir);
      } finally {
        cancel();
      }
    },
  };
}

/** Writes the handbook data for Astro, whole (written aside, then renamed); returns how many entities it has. */
function writeData(dataFile: string, data: HandbookData): number {
  writeFileSync(`${dataFile}.next`, JSON.stringify(data));
  renameSync(`${dataFile}.next`, dataFile);
  return data.entities.length;
}

/** Moves a finished build into outDir, replacing an earlier opmodel build there (checked by guardOutDir). */
function publish(staged: string, outDir: string): void {
  mkdirSync(dirname(outDir), { recursive: true });
  const previous = existsSync(outDir) ? `${outDir}.opmodel-old-${process.pid}` : undefined;
  if (previous) renameSync(outDir, previous);
  try {
    renameSync(staged, outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(staged, outDir, { recursive: true }); // another file system: copy instead
  }
  if (previous) rmSync(previous, { recursive: true, force: true });
}

/** A running dev server: `update` re-publishes a freshly loaded model and reloads open pages. */
export interface DevServer {
  url: string;
  update(model: HandbookModel): Promise<void>;
  stop(): Promise<void>;
}

/** Serves the handbook with live reload. Search needs a full build (Pagefind indexes built output). */
export async function startDevServer(options: Omit<BuildSiteOptions, 'dev' | 'outDir'> & { outDir?: string }): Promise<DevServer> {
  const work = mkdtempSync(join(tmpdir(), 'opmodel-dev-'));
  const dataFile = join(work, 'handbook.json');
  // Astro in this process takes new data in memory (no JSON round trip) and is told to reload;
  // Astro in a child process reads the file, which its watcher sees change.
  const inProcess = astroInProcess();
  const slot = globalThis as Record<symbol, unknown>;
  let version = 0;
  // Bodies that did not change are not rendered again on the next save, and the history is read
  // again only after a commit (a save changes no date git knows).
  const renderCache: RenderCache = new Map();
  let history: { head: string | null; history: GitHistory } | undefined;
  const write = async (model: HandbookModel, first: boolean) => {
    const head = headCommit(model.root);
    if (!history || history.head !== head || head === null) history = { head, history: await readModelHistory(model.root, model.modelDir) };
    const data = buildHandbookData(model, { ...handbookOptions(options), renderCache, history: history.history });
    if (inProcess) {
      slot[Symbol.for('opmodel.handbook.data')] = { data, version: ++version };
      if (!first) (slot[Symbol.for('opmodel.handbook.reload')] as (() => void) | undefined)?.();
    }
    if (first || !inProcess) {
      // Written aside and renamed, so the server never reads half a file.
      writeFileSync(`${dataFile}.next`, JSON.stringify(data));
      renameSync(`${dataFile}.next`, dataFile);
    }
    return data;
  };
  const data = await write(options.model, true);
  const port = options.port ?? 4321;
  const running = await runAstroDev(copySite(work), {
    dataFile, outDir: join(work, 'dist'), base: data.site.base, cacheDir: join(work, 'cache'), port, logLevel: options.logLevel ?? 'warn',
  });
  return {
    url: running.url ?? `http://127.0.0.1:${port}${data.site.base}`,
    update: async (model) => void (await write(model, false)),
    stop: async () => {
      await running.stop();
      delete slot[Symbol.for('opmodel.handbook.data')];
      delete slot[Symbol.for('opmodel.handbook.reload')];
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The handbook's options from the config, as `opmodel build` and `dev` pass them. */
export function handbookOptions(options: Pick<BuildSiteOptions, 'config' | 'base' | 'today' | 'relations' | 'kinds'>) {
  return {
    site: options.config.site,
    base: normaliseBase(options.base ?? options.config.site?.base),
    today: options.today,
    thresholds: thresholdsFrom(options.config.rules?.assessment?.options),
    checkInDays: checkInDaysFrom(options.config.rules?.['check-in-due']?.options),
    relations: options.relations,
    kinds: options.kinds ?? (options.config.kinds ? kindsOf({ kinds: options.config.kinds }) : undefined),
  };
}

/** Refuses an output folder that would wipe the repository, the model, or someone else's files. */
function guardOutDir(root: string, modelDir: string, outDir: string): void {
  const repo = resolve(root);
  const model = resolve(repo, modelDir);
  const inside = (child: string, parent: string) => {
    const path = relative(parent, child);
    return path === '' || (!path.startsWith('..') && !isAbsolute(path));
  };
  if (inside(repo, outDir) || inside(model, outDir) || inside(outDir, model)) {
    throw new Error(`The output folder ${outDir} would overwrite the repository or the model; choose a folder such as dist/handbook with --out.`);
  }
  if (existsSync(outDir) && readdirSync(outDir).length > 0 && !existsSync(join(outDir, outputMarker))) {
    throw new Error(`The output folder ${outDir} is not empty and was not made by opmodel build; empty it or choose another with --out.`);
  }
}

interface AstroRun {
  dataFile: string;
  outDir: string;
  base: string;
  cacheDir: string;
  libDir?: string;
  port?: number;
  logLevel: string;
}

interface RunningAstro {
  url?: string;
  stop(): Promise<void>;
}

/**
 * Copies the Astro project into the run's work folder: Astro writes into its root (.astro/), and the
 * installed package may be read-only. The copy resolves astro through a link to our node_modules.
 */
function copySite(work: string): string {
  const copy = join(work, 'site');
  cpSync(siteDir, copy, { recursive: true, filter: (source) => !/[\\/](\.astro|node_modules|dist)$/.test(source) });
  const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
  symlinkSync(dirname(dirname(realpathSync(astroPackage))), join(copy, 'node_modules'), 'junction');
  return copy;
}

/** Refuses a Node that Astro does not run on (the CLI's entry point says so earlier; this is for the library API). */
function checkNode(): void {
  if (!nodeIsNewEnough(process.versions.node)) {
    throw new Error(`The handbook needs Node.js 22.12 or newer; this is Node.js ${process.versions.node}.`);
  }
}

/**
 * Starts `astro build` in a child process, which waits for the message `data` before it renders a
 * page (the data file does not exist until then). A build always runs in a child, whose memory is
 * gone before Pagefind indexes the pages: the two together would hold twice.
 */
function spawnAstroBuild(site: string, run: AstroRun): { child: ChildProcess; exit: Promise<void> } {
  checkNode();
  // Astro writes its prerender bundle under the working folder unless outDir is inside it, and that
  // bundle must resolve Astro's own packages: so the child works from within the staged site.
  // A larger young generation: rendering thousands of pages makes short-lived strings, and V8's
  // default 16 MB semi-space spends much of a big build collecting them.
  const child = spawn(process.execPath, ['--max-semi-space-size=32', join(site, 'run-astro.mjs'), 'build', JSON.stringify({ ...run, libDir })], {
    cwd: site,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...childEnv(), OPMODEL_DATA_LATER: '1' },
  });
  child.stdout?.pipe(process.stderr);
  const exit = new Promise<void>((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code, signal) => (code === 0 ? done() : fail(new Error(`The handbook build failed (exit ${code ?? signal}).`))));
  });
  return { child, exit };
}

/**
 * Runs the dev server in this process (or in a child on this same Node when OPMODEL_ASTRO_CHILD=1:
 * the dev server's tests, as Astro's dev server stands down inside Vitest).
 */
async function runAstroDev(site: string, run: AstroRun): Promise<RunningAstro> {
  checkNode();
  run = { ...run, libDir }; // the pages import opmodel's own modules from here (astro-config.mjs)
  if (astroInProcess()) {
    process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
    process.env.ASTRO_DISABLE_UPDATE_CHECK ??= 'true';
    const { astroConfig } = (await import(pathToFileURL(join(site, 'astro-config.mjs')).href)) as {
      astroConfig: (options: AstroRun) => Record<string, unknown>;
    };
    const astro = await import('astro');
    const server = await astro.dev(astroConfig(run) as never);
    const address = server.address;
    return { url: `http://${address.address}:${address.port}${run.base}`, stop: () => server.stop() };
  }
  const child = spawn(process.execPath, [join(site, 'run-astro.mjs'), 'dev', JSON.stringify(run)], {
    cwd: site,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: childEnv(),
  });
  child.stdout?.pipe(process.stderr);
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child, 'The dev server failed').catch(() => {});
    },
  };
}

/** Whether the dev server runs in this process (always, unless OPMODEL_ASTRO_CHILD=1). */
function astroInProcess(): boolean {
  return process.env.OPMODEL_ASTRO_CHILD !== '1';
}

/**
 * The child's environment: ours without Vitest's markers (Astro's dev server stands down under
 * Vitest, and with NODE_ENV=test it no longer refreshes its list of pages when the model changes).
 */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true' };
  for (const key of Object.keys(env)) if (key === 'VITEST' || key.startsWith('VITEST_')) delete env[key];
  if (env.NODE_ENV === 'test') delete env.NODE_ENV;
  return env;
}

function exited(child: ChildProcess, message: string): Promise<void> {
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code, signal) => (code === 0 || signal === 'SIGTERM' ? done() : fail(new Error(`${message} (exit ${code ?? signal}).`))));
  });
}

/** Whether a Node version (such as 22.12.0) is one Astro runs on: 22.12 or newer. */
function nodeIsNewEnough(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** Indexes the built pages with Pagefind and writes its bundle (and UI) to outDir/pagefind. */
async function indexForSearch(outDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Search index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Search index: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Search index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
