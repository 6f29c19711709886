#!/usr/bin/env node
// How soon `opmodel dev` shows an edit: copies a generated model to a temp folder, starts
// `opmodel dev` on it, then several times edits one bet's title and polls the bet's page until the
// new title is served. Prints each latency and the median (JSON with --json).
//
//   node bench/dev-latency.mjs [--entities 1000] [--edits 5] [--node PATH] [--json]
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus, AS_OF } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const entities = Number(option('entities', '1000'));
const edits = Number(option('edits', '5'));
const nodeDefault = join(ROOT, 'node_modules', '.bin', 'node');
const NODE = realpathSync(option('node', existsSync(nodeDefault) ? nodeDefault : process.execPath));
let port = 4700 + (process.pid % 200);

/** Measures `opmodel dev` edit-to-page latency on a generated model of `entities`; returns milliseconds per edit. */
export async function devLatency({ entities = 1000, edits = 5, node = NODE, log = () => {} } = {}) {
  port++;
  const work = mkdtempSync(join(tmpdir(), 'opmodel-dev-bench-'));
  writeCorpus(work, { entities, seed: 1 });
  const betsDir = join(work, 'model', 'bets');
  const bet = readdirSync(betsDir, { recursive: true, encoding: 'utf8' }).find((file) => file.endsWith('.md'));
  const file = join(betsDir, bet);
  const id = bet.split('/').pop().replace(/\.md$/, '');
  const original = readFileSync(file, 'utf8');
  // Not under a test runner's markers: Astro's dev server stands down inside Vitest.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'VITEST' && !key.startsWith('VITEST_') && key !== 'NODE_ENV'));
  const child = spawn(node, [join(ROOT, 'bin', 'opmodel.js'), 'dev', work, '--port', String(port)], {
    env: { ...env, OPMODEL_TODAY: AS_OF, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise((done, fail) => {
    const timer = setInterval(() => {
      const match = /Handbook preview at (\S+)/.exec(output);
      if (match) {
        clearInterval(timer);
        done(match[1]);
      }
    }, 50);
    child.once('exit', (code) => fail(new Error(`opmodel dev exited (${code}): ${output.slice(-500)}`)));
  });
  const page = `${url}${url.endsWith('/') ? '' : '/'}bets/${id}/`;
  const text = async () => {
    try {
      const response = await fetch(page);
      return response.ok ? await response.text() : '';
    } catch {
      return '';
    }
  };
  // The first request compiles the pages: not measured.
  for (let i = 0; i < 200 && !(await text()).includes('<h1'); i++) await new Promise((done) => setTimeout(done, 100));
  const latencies = [];
  try {
    for (let i = 0; i < edits; i++) {
      const title = `Edited title ${i} ${Date.now()}`;
      await new Promise((done) => setTimeout(done, 600));
      const started = performance.now();
      writeFileSync(file, original.replace(/^title: .*$/m, `title: "${title}"`));
      for (;;) {
        if ((await text()).includes(title)) break;
        if (performance.now() - started > 30_000) throw new Error(`the edit did not show within 30 s: ${output.slice(-500)}`);
        await new Promise((done) => setTimeout(done, 20));
      }
      latencies.push(performance.now() - started);
      log(`  edit ${i + 1}: ${latencies.at(-1).toFixed(0)} ms`);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    rmSync(work, { recursive: true, force: true });
  }
  return latencies;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const latencies = await devLatency({ entities, edits, log: (line) => process.stderr.write(`${line}\n`) });
  const sorted = [...latencies].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1];
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify({ entities, latencies, median })}\n`);
  else process.stdout.write(`opmodel dev at ${entities} entities: median ${median.toFixed(0)} ms over ${latencies.length} edits (${latencies.map((ms) => ms.toFixed(0)).join(', ')})\n`);
}
