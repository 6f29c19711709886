#!/usr/bin/env node
// The opmodel benchmark: generates 1k and 10k-entity models (bench/generate.mjs, cached in
// bench/.corpus/), then measures, interleaved round-robin in one run, each command as a child
// process: the floor (bench/floor.mjs), `opmodel lint` cold, `opmodel lint --cache` warm with
// nothing changed and with one file changed, markdownlint-cli2 on the same files, the example
// model's lint, and the site builds (plain Astro, short-sidebar Starlight + Pagefind, and
// `opmodel build` when it exists), the handbook's page weights per size (bench/page-weights.mjs)
// and `opmodel dev`'s edit-to-page latency at 1k (bench/dev-latency.mjs). Prints medians, min–max,
// peak memory and the target ratios, and writes the same to bench/results.md.
//
//   node bench/run.mjs [--runs N] [--site-runs N] [--quick] [--skip-site] [--site-only] [--sizes 1k,10k]
//                      [--out bench/results.md] [--node PATH] [--live] [--before DIR]
//
//   --runs N        measured runs per command (default 5)
//   --site-runs N   measured runs per site build (default: --runs); site builds of 10k take minutes
//   --quick         2 runs, 1k only (a smoke test: the 10k targets are then shown on 1k figures)
//   --skip-site     no Astro / Starlight / opmodel build rows, no page weights, no dev latency
//   --skip-dev      no `opmodel dev` latency
//   --site-only     only the site builds, page weights and dev latency (no lint rows)
//   --before DIR    also time `opmodel build` of another opmodel package (a checkout with dist/ built,
//                   e.g. an export of main) in the same rounds, for before/after figures; --before-label
//                   names it in the table (default: its git commit)
//   --sizes LIST    corpus sizes, e.g. 1k,10k (default) or 1k,5k,10k
//   --node PATH     Node binary for every measured command (default: node_modules/.bin/node, ≥ 22)
//   --live          run bin/ and dist/ in place; by default they are copied (with schemas/, site/,
//                   package.json) to a temp folder at the start, so a recompile of dist/ during a
//                   long run cannot mix two builds into one set of figures
import { spawn, spawnSync } from 'node:child_process';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem, availableParallelism } from 'node:os';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync, realpathSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus, generatorVersion, AS_OF } from './generate.mjs';
import { pageWeights, weightRows } from './page-weights.mjs';
import { devLatency } from './dev-latency.mjs';

const BENCH = fileURLToPath(new URL('./', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CORPUS_ROOT = join(BENCH, '.corpus');

// ---------------------------------------------------------------------------------------------
// Options.

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
if (flag('help') || flag('h')) {
  const header = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
  process.stdout.write(header.slice(0, header.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
  process.exit(0);
}
const quick = flag('quick');
const runs = Math.max(1, Number(option('runs', quick ? '2' : '5')));
const siteRuns = Math.max(1, Number(option('site-runs', String(runs))));
const skipSite = flag('skip-site');
const skipDev = skipSite || flag('skip-dev');
const siteOnly = !skipSite && flag('site-only');
const beforePkg = option('before', undefined);
const sizeNames = (option('sizes', quick ? '1k' : '1k,10k')).split(',').map((s) => s.trim()).filter(Boolean);
const sizes = sizeNames.map((name) => ({ name, entities: /k$/i.test(name) ? Math.round(Number(name.slice(0, -1)) * 1000) : Number(name) }));
const outFile = option('out', join(BENCH, 'results.md'));
const nodeDefault = join(ROOT, 'node_modules', '.bin', 'node');
const NODE = realpathSync(option('node', existsSync(nodeDefault) ? nodeDefault : process.execPath));
const NODE_PLAIN = (spawnSync('sh', ['-c', 'command -v node'], { encoding: 'utf8' }).stdout || '').trim();
const live = flag('live');
const TMP_EARLY = join(tmpdir(), `opmodel-bench-${process.pid}`);
const PKG = live ? ROOT : join(TMP_EARLY, 'opmodel');
const OPMODEL = join(PKG, 'bin', 'opmodel.js');
const MARKDOWNLINT = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0 ? '/usr/bin/time' : null;
const TMP = TMP_EARLY;
const PAGE = (() => {
  const r = spawnSync('getconf', ['PAGESIZE'], { encoding: 'utf8' });
  return Number(r.stdout) || 4096;
})();

const log = (line) => process.stderr.write(`${line}\n`);
const sec = (ms) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const mb = (kb) => (kb / 1024).toFixed(0);

// ---------------------------------------------------------------------------------------------
// Measuring one child process tree: wall time (parent clock), peak RSS (GNU time's %M, the
// largest process of the tree; for multi-process builds also the polled sum over the tree).

function treeRssKb(pid) {
  let total = 0;
  const stack = [pid];
  const seen = new Set();
  while (stack.length) {
    const p = stack.pop();
    if (seen.has(p)) continue;
    seen.add(p);
    try {
      total += Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * PAGE / 1024;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        for (const c of readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').split(' ')) if (c.trim()) stack.push(Number(c));
      }
    } catch {
      // the process ended between reads
    }
  }
  return total;
}

function measure({ cmd, args, cwd = ROOT, env = {}, capture = false, poll = false, timeoutMs = 60 * 60 * 1000 }) {
  return new Promise((resolvePromise) => {
    mkdirSync(TMP, { recursive: true });
    const timeFile = join(TMP, `time-${process.hrtime.bigint()}.txt`);
    const full = GNU_TIME ? [GNU_TIME, ['-f', '%M', '-o', timeFile, cmd, ...args]] : [cmd, args];
    const t0 = process.hrtime.bigint();
    const child = spawn(full[0], full[1], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'],
      detached: true,
    });
    const out = [];
    let err = '';
    child.stdout?.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => {
      err = (err + d.toString()).slice(-4000);
    });
    let polled = 0;
    const pollMs = poll ? 250 : GNU_TIME ? 0 : 25;
    const poller = pollMs ? setInterval(() => {
      polled = Math.max(polled, treeRssKb(child.pid));
    }, pollMs) : null;
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    child.on('close', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      clearTimeout(timer);
      if (poller) clearInterval(poller);
      let maxKb = 0;
      if (GNU_TIME) {
        try {
          const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
          maxKb = Number(lines[lines.length - 1]) || 0;
          rmSync(timeFile, { force: true });
        } catch {}
      }
      resolvePromise({ wallMs, rssKb: Math.max(maxKb, polled), code: signal ? `signal ${signal}` : code, stdout: Buffer.concat(out).toString(), stderr: err });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The opmodel under test: a copy of the package taken at the start (unless --live).

function filesUnder(dir, ext) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith(ext)) out.push(join(d, e.name));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

function snapshotPackage() {
  const distFiles = filesUnder(join(ROOT, 'dist'), '');
  const hash = createHash('sha256');
  for (const f of distFiles) hash.update(relative(ROOT, f)).update(readFileSync(f));
  const fingerprint = hash.digest('hex').slice(0, 12);
  const newestDist = Math.max(0, ...distFiles.map((f) => statSync(f).mtimeMs));
  const newerSrc = filesUnder(join(ROOT, 'src'), '.ts').filter((f) => statSync(f).mtimeMs > newestDist).map((f) => relative(ROOT, f));
  if (!live) {
    rmSync(PKG, { recursive: true, force: true });
    mkdirSync(PKG, { recursive: true });
    for (const name of ['bin', 'dist', 'schemas', 'site', 'package.json']) {
      if (!existsSync(join(ROOT, name))) continue;
      // Judged on the path inside the package: the checkout itself may sit in a folder named site/.
      cpSync(join(ROOT, name), join(PKG, name), { recursive: true, filter: (src) => !/^site[\\/](\.astro|dist|node_modules)$/.test(relative(ROOT, src)) });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(PKG, 'node_modules'), 'dir');
  }
  return { fingerprint, newerSrc };
}

// ---------------------------------------------------------------------------------------------
// Corpora.

function ensureCorpus(size) {
  const dir = join(CORPUS_ROOT, size.name);
  const manifestPath = join(dir, 'bench-manifest.json');
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {}
  if (!manifest || manifest.generator !== generatorVersion || manifest.entities !== size.entities || !existsSync(join(dir, 'model', 'operating-model.md'))) {
    log(`generating ${size.name} (${size.entities} entities) in ${relative(ROOT, dir)} …`);
    const t0 = performance.now();
    manifest = writeCorpus(dir, { entities: size.entities, seed: 1 });
    log(`  ${manifest.files} files, ${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.planted.length} planted findings, ${sec(performance.now() - t0)} s`);
  }
  return { ...size, dir, manifest };
}

/** `file:line:col rule message` of each finding in `opmodel lint --format json` output. */
function findingsOf(stdout) {
  try {
    const doc = JSON.parse(stdout);
    return doc.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The commands.

const lintEnv = { OPMODEL_TODAY: AS_OF, NO_COLOR: '1' };
const astroEnv = { ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true', NO_COLOR: '1' };

function lintCommands(c) {
  const cache = join(c.dir, '.opmodel-cache');
  const aside = join(c.dir, '.opmodel-cache.bench-aside');
  const lintArgs = [OPMODEL, 'lint', c.dir, '--format', 'json'];
  const state = (c.cacheState = { fresh: false });
  const prime = async () => {
    if (state.fresh) return;
    const r = await measure({ cmd: NODE, args: [...lintArgs, '--cache'], env: lintEnv, capture: true });
    if (r.code !== 0 && r.code !== 1) throw new Error(`priming the cache failed (${r.code}): ${r.stderr}`);
    state.fresh = true;
  };
  // The file a CPO edits: a bet in bets/ that carries no planted finding.
  const planted = new Set(c.manifest.planted.map((p) => p.file));
  const bets = readdirSync(join(c.dir, 'model', 'bets')).filter((n) => n.endsWith('.md') && !planted.has(`model/bets/${n}`)).sort();
  const editFile = join(c.dir, 'model', 'bets', bets[Math.floor(bets.length / 2)]);
  let original;
  let edits = 0;
  return [
    { id: `floor-${c.name}`, label: 'floor (read + js-yaml + ajv + ids/refs)', size: c.name, group: 'lint', cmd: NODE, args: [join(BENCH, 'floor.mjs'), c.dir], ok: [0, 1] },
    {
      id: `cold-${c.name}`, label: '`opmodel lint` cold', size: c.name, group: 'lint', cmd: NODE, args: lintArgs, env: lintEnv, capture: true, ok: [0, 1], lint: true,
      prepare: async () => {
        rmSync(aside, { recursive: true, force: true });
        if (existsSync(cache)) renameSync(cache, aside); // no cache, then put the warm one back
      },
      after: async () => {
        rmSync(cache, { recursive: true, force: true });
        if (existsSync(aside)) renameSync(aside, cache);
      },
    },
    { id: `warm-${c.name}`, label: '`opmodel lint --cache` warm, nothing changed', size: c.name, group: 'lint', cmd: NODE, args: [...lintArgs, '--cache'], env: lintEnv, capture: true, ok: [0, 1], lint: true, prepare: prime },
    {
      id: `warm1-${c.name}`, label: '`opmodel lint --cache` warm, one file changed', size: c.name, group: 'lint', cmd: NODE, args: [...lintArgs, '--cache'], env: lintEnv, capture: true, ok: [0, 1], lint: true,
      note: `edits ${relative(c.dir, editFile)}`,
      prepare: async () => {
        await prime();
        original = readFileSync(editFile, 'utf8');
        writeFileSync(editFile, `${original}\nUpdated after the checkpoint review: the first cohort moved the leading indicator by ${3 + (++edits % 5)} points.\n`);
      },
      after: async () => {
        writeFileSync(editFile, original); // the cache now holds the edited version: re-prime next time
        state.fresh = false;
      },
    },
    {
      // Not a target: the same edit size, but to what cross-file rules read (a link), so every
      // rule runs again on all entities (cached ones from the per-file cache).
      id: `warmview-${c.name}`, label: '`opmodel lint --cache` warm, one file\'s links changed (all rules rerun)', size: c.name, group: 'lint', cmd: NODE, args: [...lintArgs, '--cache'], env: lintEnv, capture: true, ok: [0, 1], lint: true,
      note: `adds a link to itself to ${relative(c.dir, editFile)}`,
      prepare: async () => {
        await prime();
        original = readFileSync(editFile, 'utf8');
        writeFileSync(editFile, `${original}\nSee also [this bet](${editFile.split('/').pop()}) (review ${++edits}).\n`);
      },
      after: async () => {
        writeFileSync(editFile, original);
        state.fresh = false;
      },
    },
    { id: `mdlint-${c.name}`, label: 'markdownlint-cli2 (default rules)', size: c.name, group: 'lint', cmd: NODE, args: [MARKDOWNLINT, 'model/**/*.md'], cwd: c.dir, ok: [0, 1] },
  ];
}

function siteCommands(c, buildAvailable) {
  const out = (name) => join(TMP, `${name}-${c.name}`);
  const project = (name) => join(BENCH, name);
  const astro = (name, label) => ({
    id: `${name}-${c.name}`, label, size: c.name, group: 'site', cmd: NODE, args: [ASTRO, 'build'], cwd: project(name), poll: true, ok: [0], pages: true,
    env: { ...astroEnv, BENCH_MODEL_DIR: join(c.dir, 'model'), BENCH_OUT_DIR: join(out(name), 'dist'), BENCH_CACHE_DIR: join(out(name), 'cache') },
    outDir: join(out(name), 'dist'),
    prepare: async () => {
      rmSync(out(name), { recursive: true, force: true });
      rmSync(join(project(name), '.astro'), { recursive: true, force: true });
    },
  });
  const cmds = [
    astro('astro-plain', 'plain Astro build (one page per entity)'),
    astro('astro-starlight', 'Starlight build, short sidebar + Pagefind'),
  ];
  cmds.push({
    id: `opbuild-${c.name}`, label: '`opmodel build`', size: c.name, group: 'site', cmd: NODE, poll: true, ok: [0], pages: true,
    args: [OPMODEL, 'build', c.dir, '--out', join(out('opbuild'), 'dist'), '--allow-errors'], env: lintEnv,
    outDir: join(out('opbuild'), 'dist'),
    unavailable: buildAvailable ? undefined : 'not available yet',
    prepare: async () => rmSync(out('opbuild'), { recursive: true, force: true }),
  });
  if (beforePkg) {
    const commit = (spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: beforePkg, encoding: 'utf8' }).stdout || '').trim();
    cmds.push({
      id: `opbuild-before-${c.name}`, label: `\`opmodel build\` before (${option('before-label', commit || beforePkg)})`, size: c.name, group: 'site', cmd: NODE, poll: true, ok: [0], pages: true,
      args: [join(beforePkg, 'bin', 'opmodel.js'), 'build', c.dir, '--out', join(out('opbuild-before'), 'dist'), '--allow-errors'], env: lintEnv,
      outDir: join(out('opbuild-before'), 'dist'),
      prepare: async () => rmSync(out('opbuild-before'), { recursive: true, force: true }),
    });
  }
  return cmds;
}

function countHtml(dir) {
  let n = 0;
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.html')) n++;
    }
  };
  walk(dir);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Statistics and the report.

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function machine() {
  const c = cpus();
  const v = (bin) => (bin ? (spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout || '').trim() : 'n/a');
  const git = (args) => (spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout || '').trim();
  const dirty = git(['status', '--porcelain', '--', 'src']) ? ' (src/ has uncommitted changes)' : '';
  return {
    cpu: `${c[0]?.model ?? 'unknown'} × ${c.length} (available parallelism ${availableParallelism()})`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free at start`,
    os: `${platform()} ${release()}`,
    node: `${v(NODE)} (${relative(ROOT, NODE) || NODE}) for every measured command; plain \`node\` on PATH is ${v(NODE_PLAIN)}`,
    opmodel: `commit ${git(['rev-parse', '--short', 'HEAD'])}${dirty}`,
    time: GNU_TIME ? 'wall: parent clock around each child; peak RSS: GNU time %M (largest process of the tree), and for site builds the larger of that and the polled sum over the process tree' : 'wall: parent clock; peak RSS: /proc polling of the process tree every 25 ms',
  };
}

async function main() {
  const started = new Date();
  log(`opmodel benchmark: ${runs} run(s) per command${skipSite ? ', no site builds' : `, ${siteRuns} per site build`}, sizes ${sizeNames.join(', ')}${quick ? ' (quick)' : ''}`);
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json` first');
  const snap = snapshotPackage();
  if (snap.newerSrc.length) log(`warning: src/ has files newer than dist/ (${snap.newerSrc.slice(0, 3).join(', ')}${snap.newerSrc.length > 3 ? ', …' : ''}): run \`npx tsc -p tsconfig.json\` to measure them`);
  const m = machine();
  m.opmodel += `; dist/ fingerprint ${snap.fingerprint}${live ? ', run in place (--live)' : ', copied to a temp folder at the start and run from there'}${snap.newerSrc.length ? `; **warning**: src/ had files newer than dist/ (${snap.newerSrc.join(', ')})` : ''}`;
  const loads = [loadavg()[0]];

  const corpora = sizes.map(ensureCorpus);
  const buildHelp = spawnSync(NODE, [OPMODEL, 'build', '--help'], { encoding: 'utf8', cwd: ROOT });
  const buildAvailable = buildHelp.status === 0;
  log(`opmodel build: ${buildAvailable ? 'available' : 'not available yet (rows marked so)'}`);

  // Correctness, once per corpus (unmeasured): cold lint reports exactly the planted findings.
  const checks = [];
  for (const c of corpora) {
    const r = await measure({ cmd: NODE, args: [OPMODEL, 'lint', c.dir, '--format', 'json'], env: lintEnv, capture: true });
    const findings = findingsOf(r.stdout);
    c.baseline = findings;
    if (!findings) {
      checks.push(`${c.name}: \`opmodel lint --format json\` did not print JSON (exit ${r.code}): ${r.stderr.trim().split('\n')[0] ?? ''}`);
      continue;
    }
    const key = (f) => f.replace(/^(\S+?):\d+:\d+ (\S+) .*$/s, '$1 $2');
    const got = findings.map(key).sort();
    const want = c.manifest.planted.map((p) => `${p.file} ${p.rule}`).sort();
    const extra = got.filter((g) => !want.includes(g));
    const missing = want.filter((w) => !got.includes(w));
    checks.push(extra.length || missing.length
      ? `${c.name}: findings differ from the planted ones: ${extra.length} unexpected (${extra.slice(0, 3).join('; ')}), ${missing.length} missing (${missing.slice(0, 3).join('; ')})`
      : `${c.name}: cold lint reports exactly the ${want.length} planted findings (${[...new Set(c.manifest.planted.map((p) => p.rule))].join(', ')}), nothing else`);
  }
  checks.forEach((line) => log(`check: ${line}`));

  // The command list.
  const commands = [];
  if (!siteOnly) for (const c of corpora) commands.push(...lintCommands(c));
  if (!siteOnly) commands.push({ id: 'node-start', label: 'Node start alone (`node -e 0`), for reference', size: '–', group: 'lint', cmd: NODE, args: ['-e', '0'], ok: [0] });
  if (!siteOnly) commands.push({ id: 'example', label: 'example model lint (`opmodel lint /work/main`, Node start included)', size: 'example', group: 'lint', cmd: NODE, args: [OPMODEL, 'lint', ROOT], env: lintEnv, ok: [0, 1] });
  if (!siteOnly && NODE_PLAIN && realpathSync(NODE_PLAIN) !== NODE) {
    commands.push({ id: 'example-path-node', label: `example model lint with plain \`node\` (${(spawnSync(NODE_PLAIN, ['--version'], { encoding: 'utf8' }).stdout || '').trim()})`, size: 'example', group: 'lint', cmd: NODE_PLAIN, args: [OPMODEL, 'lint', ROOT], env: lintEnv, ok: [0, 1] });
  }
  if (!skipSite) for (const c of corpora) commands.push(...siteCommands(c, buildAvailable));
  if (!skipSite) {
    // The handbook of the example model itself (issue: its build time is reported here too).
    const exampleOut = join(TMP, 'opbuild-example');
    commands.push({
      id: 'opbuild-example', label: '`opmodel build` of the example model', size: 'example', group: 'site', cmd: NODE, poll: true, ok: [0], pages: true,
      args: [OPMODEL, 'build', ROOT, '--out', join(exampleOut, 'dist')], env: lintEnv,
      outDir: join(exampleOut, 'dist'),
      unavailable: buildAvailable ? undefined : 'not available yet',
      prepare: async () => rmSync(exampleOut, { recursive: true, force: true }),
    });
  }
  const results = new Map(commands.map((cmd) => [cmd.id, { cmd, runs: [], failures: [], mismatches: 0, pages: undefined }]));

  // Interleaved rounds: every command once per round, the order rotated each round.
  const active = commands.filter((cmd) => !cmd.unavailable);
  const rounds = siteOnly ? siteRuns : Math.max(runs, skipSite ? 0 : siteRuns);
  const t0 = performance.now();
  for (let round = 0; round < rounds; round++) {
    const inRound = active.filter((cmd) => round < (cmd.group === 'site' ? siteRuns : runs));
    const shift = round % inRound.length;
    const order = [...inRound.slice(shift), ...inRound.slice(0, shift)];
    log(`round ${round + 1}/${rounds}: ${order.length} commands`);
    for (const cmd of order) {
      const res = results.get(cmd.id);
      try {
        await cmd.prepare?.();
        // A site build writes hundreds of MB; flushed here, unmeasured, so that the next build
        // does not pay for writing the last one's files back to disk.
        if (cmd.group === 'site') spawnSync('sync');
        const r = await measure(cmd);
        await cmd.after?.();
        if (!cmd.ok.includes(r.code)) {
          res.failures.push(`exit ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`);
          log(`  ${cmd.id.padEnd(24)} FAILED (exit ${r.code}) ${r.stderr.trim().split('\n').slice(-1)[0] ?? ''}`);
          continue;
        }
        res.runs.push(r);
        if (cmd.lint) {
          const c = corpora.find((x) => x.name === cmd.size);
          const f = findingsOf(r.stdout);
          if (!f || !c.baseline || f.join('\n') !== c.baseline.join('\n')) res.mismatches++;
        }
        const own = /floor: .*?, (\d+) ms \((read [^)]*)\)/.exec(r.stderr);
        if (own) res.own = `last run in-process ${own[1]} ms: ${own[2]}`;
        if (cmd.pages && res.pages === undefined) res.pages = countHtml(cmd.outDir);
        if (cmd.id.startsWith('opbuild-') && res.weights === undefined) res.weights = pageWeights(cmd.outDir);
        if (cmd.outDir) rmSync(join(cmd.outDir, '..'), { recursive: true, force: true });
        log(`  ${cmd.id.padEnd(24)} ${sec(r.wallMs).padStart(7)} s  ${mb(r.rssKb).padStart(5)} MB`);
      } catch (error) {
        res.failures.push(String(error.message ?? error).slice(0, 300));
        log(`  ${cmd.id.padEnd(24)} FAILED ${error.message ?? error}`);
      }
    }
    loads.push(loadavg()[0]);
  }
  // `opmodel dev` at 1k: how soon an edited bet title is on its page.
  let dev;
  if (!skipDev && buildAvailable) {
    log('opmodel dev: edit-to-page latency at 1k');
    try {
      const latencies = await devLatency({ entities: 1000, edits: Math.max(3, runs), node: NODE, log });
      dev = { latencies, median: median(latencies) };
    } catch (error) {
      dev = { failure: String(error.message ?? error).slice(0, 300) };
      log(`  FAILED ${dev.failure}`);
    }
  }
  const totalMs = performance.now() - t0;
  rmSync(TMP, { recursive: true, force: true });

  // Figures.
  const fig = (id) => {
    const r = results.get(id);
    if (!r || r.runs.length === 0) return undefined;
    const walls = r.runs.map((x) => x.wallMs);
    return { median: median(walls), min: Math.min(...walls), max: Math.max(...walls), rss: Math.max(...r.runs.map((x) => x.rssKb)), n: walls.length, walls };
  };
  // A ratio of medians, with the spread of the per-round ratios (runs paired by round).
  const ratio = (a, b) => {
    const fa = fig(a), fb = fig(b);
    if (!fa || !fb) return undefined;
    const n = Math.min(fa.walls.length, fb.walls.length);
    const paired = Array.from({ length: n }, (_, i) => fa.walls[i] / fb.walls[i]);
    return { value: fa.median / fb.median, min: Math.min(...paired), max: Math.max(...paired) };
  };

  const big = corpora[corpora.length - 1]?.name;
  const small = corpora[0]?.name;
  const tag = (size, wanted) => (size === wanted ? '' : ` — on ${size}, ${wanted} not run`);
  const targets = [];
  const target = (name, value, limit, cmp, fmt, detail) => {
    const pass = value === undefined ? undefined : cmp === '≤' ? value <= limit : value >= limit;
    targets.push({ name, value, limit, cmp, fmt, detail, verdict: value === undefined ? 'n/a' : pass ? 'PASS' : 'FAIL' });
  };
  const fx = (x) => `${x.toFixed(2)}×`;
  const spread = (r) => (r ? ` (per-round ${r.min.toFixed(2)}–${r.max.toFixed(2)})` : '');
  let r;
  r = ratio(`cold-${big}`, `floor-${big}`);
  target(`cold \`lint\` / floor${tag(big, '10k')}`, r?.value, 2.0, '≤', fx, spread(r));
  r = ratio(`mdlint-${big}`, `cold-${big}`);
  target(`markdownlint-cli2 / cold \`lint\` (speed-up)${tag(big, '10k')}`, r?.value, 5, '≥', fx, spread(r));
  const peak = Math.max(0, ...[`cold-${big}`, `warm-${big}`, `warm1-${big}`].map((id) => fig(id)?.rss ?? 0));
  target(`peak RSS of \`lint\` (cold and warm)${tag(big, '10k')}`, peak ? peak / 1024 : undefined, 1024, '≤', (x) => `${x.toFixed(0)} MB`, '');
  r = ratio(`warm-${big}`, `floor-${big}`);
  target(`warm \`lint --cache\`, nothing changed / floor${tag(big, '10k')}`, r?.value, 0.5, '≤', fx, spread(r));
  r = ratio(`warm1-${big}`, `floor-${big}`);
  target(`warm \`lint --cache\`, one file changed / floor${tag(big, '10k')}`, r?.value, 0.6, '≤', fx, spread(r));
  const ex = fig('example');
  target('example model, cold `lint`, wall incl. Node start', ex ? ex.median / 1000 : undefined, 0.5, '≤', (x) => `${x.toFixed(2)} s`, ex ? ` (min ${sec(ex.min)} s)` : '');
  if (corpora.length > 1) {
    r = ratio(`cold-${big}`, `cold-${small}`);
    const scale = corpora[corpora.length - 1].entities / corpora[0].entities;
    target(`cold \`lint\` ${big} / ${small} (linear: ${scale.toFixed(0)})`, r?.value, 11 * (scale / 10), '≤', fx, spread(r));
  } else target('cold `lint` 10k / 1k', undefined, 11, '≤', fx, ' — needs both sizes');
  if (!skipSite) {
    const b1 = corpora.find((c) => c.name === '1k')?.name ?? small;
    r = ratio(`opbuild-${b1}`, `astro-starlight-${b1}`);
    target(`\`opmodel build\` / short-sidebar Starlight build (${b1})`, r?.value, 1.0, '≤', fx, r ? spread(r) : buildAvailable ? '' : ' — `opmodel build` not available yet');
    r = ratio(`opbuild-${big}`, `astro-plain-${big}`);
    const ob = fig(`opbuild-${big}`);
    target(`\`opmodel build\` / plain Astro build${tag(big, '10k')}`, r?.value, 1.5, '≤', fx, r ? `${spread(r)}; opmodel build ${sec(ob.median)} s, ${mb(ob.rss)} MB` : buildAvailable ? '' : ' — `opmodel build` not available yet');
    target(`peak RSS of \`opmodel build\`${tag(big, '10k')}`, ob ? ob.rss / 1024 : undefined, 2048, '≤', (x) => `${x.toFixed(0)} MB`, '');
    const before = fig(`opbuild-before-${big}`);
    if (before) {
      r = ratio(`opbuild-before-${big}`, `astro-plain-${big}`);
      target(`\`opmodel build\` before / plain Astro build${tag(big, '10k')} (for comparison)`, r?.value, 1.5, '≤', fx, `${spread(r)}; before ${sec(before.median)} s, ${mb(before.rss)} MB`);
    }
    const wBig = results.get(`opbuild-${big}`)?.weights;
    const wSmall = results.get(`opbuild-${small}`)?.weights;
    target(`largest HTML page of the handbook${tag(big, '10k')}`, wBig?.largestHtml ? wBig.largestHtml.size / 1024 : undefined, 250, '≤', (x) => `${x.toFixed(1)} KB`, wBig?.largestHtml ? ` (\`${wBig.largestHtml.file}\`; ${wBig.over.length} pages over 250 KB)` : '');
    if (corpora.length > 1 && wBig?.largestHtml && wSmall?.largestHtml) {
      const scale = corpora[corpora.length - 1].entities / corpora[0].entities;
      target(`largest HTML page ${big} / ${small} (entities ×${scale.toFixed(0)}; bounded pages stay near 1×)`, wBig.largestHtml.size / wSmall.largestHtml.size, 2, '≤', fx, '');
    }
    target('`opmodel dev` at 1k: edit a bet title → its page shows it (median)', dev?.median !== undefined ? dev.median / 1000 : undefined, 0.5, '≤', (x) => `${x.toFixed(2)} s`, dev?.latencies ? ` (${dev.latencies.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)` : dev?.failure ? ` — failed: ${dev.failure}` : '');
  }

  // The report.
  const L = [];
  L.push('# opmodel benchmark results', '');
  L.push(`Run ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC with \`node bench/run.mjs ${argv.join(' ')}\`.`.replace(/ `\.$/, '`.'));
  L.push(`${runs} measured run(s) per command${skipSite ? '' : `, ${siteRuns} per site build`}, interleaved: each round runs every command once, in an order rotated by one each round. Total measured time ${(totalMs / 60000).toFixed(1)} min.`, '');
  L.push('## Machine', '');
  for (const [k, v] of Object.entries(m)) L.push(`- **${k}**: ${v}`);
  L.push('- **disk**: before each site build, its previous output is deleted and `sync` flushes written files to disk (unmeasured), so no build pays for the one before it.');
  L.push(`- **load average** (1 min) at start and after each round: ${loads.map((x) => x.toFixed(1)).join(', ')} — the machine is shared, so absolute times are noisy; compare the ratios, which pair commands measured in the same rounds.`, '');
  L.push('## Corpora', '');
  L.push('| corpus | entities | units | files | MB | lines | planted findings | kinds |', '|---|---|---|---|---|---|---|---|');
  for (const c of corpora) {
    const k = c.manifest.kinds;
    L.push(`| ${c.name} | ${c.manifest.entities} | ${c.manifest.units} | ${c.manifest.files} | ${(c.manifest.bytes / 1e6).toFixed(1)} | ${c.manifest.lines} | ${c.manifest.planted.length} | ${Object.entries(k).map(([n, v]) => `${n} ${v}`).join(', ')} |`);
  }
  L.push('', 'Generated by `bench/generate.mjs` (seed 1), cached in `bench/.corpus/`. Checks (unmeasured):', '');
  for (const line of checks) L.push(`- ${line}`);
  const mism = [...results.values()].filter((x) => x.cmd.lint && x.mismatches);
  L.push(`- every measured \`lint\` run (cold, warm, one file changed) printed ${mism.length ? `**different** findings in ${mism.map((x) => `${x.cmd.id} (${x.mismatches}×)`).join(', ')}` : 'the same findings as the unmeasured cold run'}`, '');
  L.push('## Timings', '');
  L.push('| command | corpus | runs | median | min–max | peak RSS | notes |', '|---|---|---|---|---|---|---|');
  for (const { cmd, failures, pages, own } of results.values()) {
    const f = fig(cmd.id);
    const notes = [cmd.note, own, pages !== undefined ? `${pages} HTML pages` : undefined, failures.length ? `${failures.length} failed: ${failures[0]}` : undefined].filter(Boolean).join('; ');
    if (cmd.unavailable) L.push(`| ${cmd.label} | ${cmd.size} | – | ${cmd.unavailable} | | | |`);
    else if (!f) L.push(`| ${cmd.label} | ${cmd.size} | 0 | failed | | | ${notes} |`);
    else L.push(`| ${cmd.label} | ${cmd.size} | ${f.n} | ${sec(f.median)} s | ${sec(f.min)}–${sec(f.max)} s | ${mb(f.rss)} MB | ${notes} |`);
  }
  const weighed = [...results.values()].filter((x) => x.weights);
  if (weighed.length) {
    L.push('', '## Handbook page weights', '');
    L.push('The largest page of each type in the first `opmodel build` of each corpus (HTML, and the decision finder\'s JSON index), and the whole output (Pagefind\'s index included). `bench/page-weights.mjs DIR` prints the same for any build.', '');
    for (const x of weighed) {
      L.push(`### ${x.cmd.size}`, '', '| page type | largest page | size |', '|---|---|---|', ...weightRows(x.weights), '');
    }
  }
  L.push('', '## Targets', '');
  L.push('| target | measured | limit | verdict |', '|---|---|---|---|');
  for (const t of targets) {
    const limit = t.fmt === fx ? `${t.cmp} ${t.limit}×` : t.cmp + ' ' + t.fmt(t.limit);
    L.push(`| ${t.name} | ${t.value === undefined ? 'n/a' : t.fmt(t.value)}${t.detail ?? ''} | ${limit} | ${t.verdict} |`);
  }
  L.push('', '## What is measured', '');
  L.push('- Every command is a child process started from `bench/run.mjs`; wall time includes Node start. The corpus files are in the OS page cache for every run (cold/warm refers to opmodel\'s own `.opmodel-cache`).');
  L.push('- **floor**: `bench/floor.mjs` — read every model `.md`, split the frontmatter, js-yaml (core schema), ajv + ajv-formats against `schemas/<kind>.schema.json`, unique ids, references resolve to an allowed kind. Single thread, no Markdown parse.');
  L.push('- **cold**: `opmodel lint DIR --format json` with no `.opmodel-cache` present. **warm**: `--cache` after an unmeasured priming run; **one file changed**: a bet\'s body gets one more paragraph before the run (and is restored after it). `OPMODEL_TODAY` is fixed so date rules are stable.');
  L.push('- **markdownlint-cli2**: `markdownlint-cli2 "model/**/*.md"` in the corpus with default rules (same files; its report goes to /dev/null).');
  L.push('- **site builds**: `astro build` of `bench/astro-plain` (one page per entity via a glob content collection) and `bench/astro-starlight` (same pages as Starlight docs, a sidebar of section links only, Pagefind search); output and caches in a temp dir, deleted before each run. `opmodel build DIR --out TMP --allow-errors` when the command exists.');
  L.push('- **`opmodel dev` latency** (`bench/dev-latency.mjs`): `opmodel dev` on a fresh copy of the 1k corpus; after the first page is served, a bet\'s `title:` is rewritten and its page polled every 20 ms until the new title is served; the time from the write to that response, per edit.');
  L.push('- Ratios are ratios of medians; "per-round" is the range of the ratio computed within each round.', '');
  const report = L.join('\n') + '\n';
  writeFileSync(outFile, report);
  process.stdout.write(`\n${report}`);
  log(`wrote ${relative(process.cwd(), outFile) || outFile}`);
}

main().catch((error) => {
  log(`bench: ${error.stack ?? error}`);
  rmSync(TMP, { recursive: true, force: true });
  process.exit(2);
});
