// `opmodel build` as a user runs it: the lint gate, --allow-errors on the hostile corpus with the
// output scanned for anything executable, and the refusal to overwrite a folder it did not make.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemp, cliPath, copyOfExample, runCli, tempDir, testToday, writeFile } from './helpers.js';
import { writeHostileCorpus } from './hostile/corpus.js';

afterAll(cleanTemp);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? htmlFiles(abs) : abs.endsWith('.html') ? [abs] : [];
  });
}

/** Whether a process whose command line names this work folder still runs (an Astro child left behind). */
function astroStillRuns(scratch: string): boolean {
  return spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout.split('\n').some((line) => line.includes(scratch));
}

describe('opmodel build', () => {
  it('refuses a model with lint errors, printing the findings as lint does', () => {
    const root = copyOfExample();
    writeFile(root, 'model/roles/ops-analyst.md', '---\ntitle: Ops analyst\nreports_to: nobody-by-that-name\n---\n');
    const out = join(tempDir(), 'site');
    // The handbook's Astro starts while the model is linted; a refused build leaves none of it behind.
    const scratch = tempDir();
    const run = runCli(['build', '--out', out], root, { TMPDIR: scratch });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('model/roles/ops-analyst.md');
    expect(run.stdout).toMatch(/3:1\s+error\s+reports_to 'nobody-by-that-name'/);
    expect(run.stderr).toContain('--allow-errors');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('Ctrl-C during a build stops Astro and leaves no work folder and no output', async () => {
    const root = copyOfExample();
    const out = join(tempDir(), 'site');
    const scratch = tempDir();
    const child = spawn(process.execPath, [cliPath, 'build', '--out', out], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', OPMODEL_TODAY: testToday, TMPDIR: scratch },
      stdio: 'ignore',
    });
    const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    // Wait until the build has started Astro (its staged site is in the work folder), then interrupt.
    const astroStarted = () => readdirSync(scratch).some((name) => existsSync(join(scratch, name, 'site', 'run-astro.mjs')));
    for (let waited = 0; !astroStarted() && waited < 20_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
    expect(astroStarted()).toBe(true);
    child.kill('SIGINT'); // the CLI alone, not its process group: it must stop Astro itself
    expect(await exit).toBe(130);
    for (let waited = 0; astroStillRuns(scratch) && waited < 5_000; waited += 100) await new Promise((done) => setTimeout(done, 100));
    expect(astroStillRuns(scratch)).toBe(false);
    expect(readdirSync(scratch)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('builds the hostile corpus with --allow-errors, and nothing executable reaches the pages', () => {
    const root = copyOfExample();
    writeHostileCorpus(root, join(tempDir(), 'pwned'));
    writeFile(root, 'model/roles/html-in-title.md', '---\ntitle: "<script>alert(1)</script><img src=x onerror=alert(2)>"\nholder: "<iframe src=javascript:alert(3)>"\n---\n\n<a href="javascript:alert(4)">x</a> [y](data:text/html,alert(5)) <svg onload=alert(6)>\n');
    const out = join(tempDir(), 'site');
    const run = runCli(['build', '--out', out, '--base', '/handbook/', '--allow-errors'], root);
    expect(run.status, run.stderr).toBe(0);
    const pages = htmlFiles(out);
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      // Text inside a quoted attribute value cannot become markup; look at everything else. The only
      // SVG allowed is the handbook's own indicator chart (bet pages), drawn from numbers.
      const markup = html.replace(/<svg class="indicator-chart__svg" viewBox="[\d .]+" role="img" aria-label="[^"]*">/g, '').replace(/"[^"]*"/g, '""');
      expect(markup, page).not.toMatch(/<script[^>]*>[^<]*alert\(|<iframe|<svg|<[^>]*\son(error|load)\s*=/i);
      expect(html, page).not.toMatch(/<[a-z][^>]*\s(href|src|action)\s*=\s*["']?\s*(javascript|vbscript|data):/i);
      expect(html, page).not.toContain('root:x:0:0');
    }
    // The escaped title still reads as text.
    const rolePage = pages.find((p) => p.includes('html-in-title'));
    expect(rolePage).toBeDefined();
    expect(readFileSync(rolePage!, 'utf8')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('never replaces a folder it did not build, and rebuilds its own', () => {
    const root = copyOfExample();
    const out = tempDir();
    writeFile(out, 'keep-me.txt', 'precious');
    const refused = runCli(['build', '--out', out], root);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('not empty');
    expect(readFileSync(join(out, 'keep-me.txt'), 'utf8')).toBe('precious');
    const inRepo = runCli(['build', '--out', '.'], root);
    expect(inRepo.status).toBe(2);
    expect(existsSync(join(root, 'model', 'operating-model.md'))).toBe(true);
    const relative = runCli(['build', root, '--out', 'here-site'], out);
    expect(relative.status, relative.stderr).toBe(0);
    expect(existsSync(join(out, 'here-site', 'index.html'))).toBe(true);
    const own = join(tempDir(), 'site');
    expect(runCli(['build', '--out', own], root).status).toBe(0);
    expect(runCli(['build', '--out', own], root).status).toBe(0);
    expect(existsSync(join(own, 'index.html'))).toBe(true);
  });
});
