// The GitHub Action run as GitHub runs it: `node action/dist/index.js` from a copy of action/ with no
// node_modules above it, INPUT_* and GITHUB_* variables, a pull_request event, a shallow clone of
// a scratch repository, and the REST API played by an HTTP server on 127.0.0.1 that records calls.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { cleanTemp, exampleModel, repoRoot, runCli, tempDir, testToday, writeFile } from './helpers.js';

const identity = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...identity } }).trim();

/** Text a model file could hold that must not act on GitHub: commands, mentions, HTML, table breaks. */
const hostileTitle = 'Ship it ::warning::spoofed %0A @everyone and @acme/leads <img src=x onerror=alert(1)> | a cell\nnext line $x$';
const hostileName = 'model/guardrails/::error::pwned %0A @everyone <img src=x onerror=alert(1)> | cell.md';
/** A file name with a line break and a tab: its findings must keep one line each, and name the file. */
const brokenName = 'model/guardrails/two\nlines\tand a tab).md';

/** A new page that records again a decision the product page records (test/pull-request/README.md). */
const pricingPage = readFileSync(join(repoRoot, 'test/pull-request/model/decision-rights/a-pricing.md'), 'utf8');

const hostileGuardrail = `---
title: ${JSON.stringify(hostileTitle)}
type: guidance
scope: solutions
owner: head-of-design
review_by: 2027-04-30
---

Whatever the title says, this page is plain prose.
`;

interface Recorded {
  method: string;
  url: string;
  body?: { body?: string };
}

/** The issue-comment endpoints of the REST API, with 150 earlier comments so the list has two pages. */
class FakeGitHub {
  server: Server;
  requests: Recorded[] = [];
  comments: { id: number; body: string; user: { login: string; type: string } }[] = [];
  /** Answer writes with this status instead (403: a token that cannot write). */
  refuseWrites: number | undefined;

  constructor() {
    for (let i = 1; i <= 150; i++) this.comments.push({ id: i, body: i === 3 ? 'Someone quoting <!-- opmodel --> in passing' : `comment ${i}`, user: { login: `person${i}`, type: 'User' } });
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const url = new URL(req.url!, this.url);
    this.requests.push({ method: req.method!, url: url.pathname + url.search, ...(raw ? { body: JSON.parse(raw) } : {}) });
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(data));
    };
    const list = /^\/repos\/acme\/ops\/issues\/7\/comments$/.test(url.pathname);
    const one = /^\/repos\/acme\/ops\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (list && req.method === 'GET') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const pages = Math.max(1, Math.ceil(this.comments.length / perPage));
      const link = page < pages ? { link: `<${this.url}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next"` } : {};
      return send(200, this.comments.slice((page - 1) * perPage, page * perPage), link);
    }
    if (this.refuseWrites && req.method !== 'GET') return send(this.refuseWrites, { message: 'Resource not accessible by integration' });
    if (list && req.method === 'POST') {
      const comment = { id: 1000 + this.comments.length, body: JSON.parse(raw).body as string, user: { login: 'github-actions[bot]', type: 'Bot' } };
      this.comments.push(comment);
      return send(201, comment);
    }
    if (one && req.method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(one[1]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = JSON.parse(raw).body as string;
      return send(200, comment);
    }
    send(404, { message: 'Not Found' });
  }

  writes(): Recorded[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }
}

let api: FakeGitHub;
let action: string;
let origin: string;
let baseSha: string;
let headSha: string;

beforeAll(async () => {
  // The committed bundle, away from this checkout's node_modules.
  action = join(tempDir('opmodel-action-copy-'), 'action');
  cpSync(join(repoRoot, 'action'), action, { recursive: true });
  for (let dir = action; dir !== dirname(dir); dir = dirname(dir)) expect(existsSync(join(dir, 'node_modules'))).toBe(false);
  api = new FakeGitHub();
  await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));

  // The model repository: main, with an old defect; a pull-request branch on top of it.
  origin = tempDir('opmodel-origin-');
  cpSync(exampleModel, join(origin, 'model'), { recursive: true });
  const kiosk = join(origin, 'model/bets/clock-in-kiosk.md');
  writeFileSync(kiosk, readFileSync(kiosk, 'utf8').replace(/^owner: .*$/m, 'owner: nobody-here'));
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'add', '.');
  git(origin, 'commit', '-qm', 'the model, with one old defect');
  baseSha = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'checkout', '-qb', 'pricing');
  writeFile(origin, 'model/decision-rights/a-pricing.md', pricingPage);
  const product = join(origin, 'model/decision-rights/product-decisions.md');
  // Who decides on a renewal discount moves from the CRO to the CPO.
  writeFileSync(product, readFileSync(product, 'utf8').replace('| Offer a renewal discount above 15% | 2 business days | ceo | I | | D |', '| Offer a renewal discount above 15% | 2 business days | ceo | D | | I |'));
  writeFile(origin, 'model/guardrails/ship-it.md', hostileGuardrail);
  writeFile(origin, hostileName, hostileGuardrail.replace(JSON.stringify(hostileTitle), '"A page with a strange name"'));
  writeFile(origin, brokenName, hostileGuardrail.replace(JSON.stringify(hostileTitle), '"A page with a broken name"'));
  git(origin, 'add', '.');
  git(origin, 'commit', '-qm', 'pricing');
  headSha = git(origin, 'rev-parse', 'HEAD');
});

afterAll(async () => {
  await new Promise<void>((resolve) => api.server.close(() => resolve()));
  cleanTemp();
});

/** A fresh shallow clone of the pull request's head, as actions/checkout makes it. */
function checkout(): string {
  const workspace = join(tempDir('opmodel-workspace-'), 'ops');
  git(repoRoot, 'clone', '-q', '--depth', '1', '--branch', 'pricing', `file://${origin}`, workspace);
  return workspace;
}

interface ActionRun {
  headSha: string;
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  workspace: string;
}

/** Runs the bundled Action for a pull_request event; `fork` makes it a fork's pull request. */
async function runAction(options: { fork?: boolean; inputs?: Record<string, string>; eventName?: string; event?: object; baseSha?: string } = {}): Promise<ActionRun> {
  const workspace = checkout();
  const scratch = tempDir('opmodel-runner-');
  const event = options.event ?? {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      base: { ref: 'main', sha: options.baseSha ?? baseSha, repo: { full_name: 'acme/ops' } },
      head: { ref: 'pricing', sha: headSha, repo: { full_name: options.fork ? 'someone/ops' : 'acme/ops' } },
    },
    repository: { full_name: 'acme/ops', name: 'ops', owner: { login: 'acme' } },
  };
  writeFileSync(join(scratch, 'event.json'), JSON.stringify(event));
  writeFileSync(join(scratch, 'summary.md'), '');
  writeFileSync(join(scratch, 'output.txt'), '');
  const inputs = { path: '.', 'changed-only': 'true', 'max-warnings': '', summary: 'true', comment: 'true', sarif: '', 'github-token': 'test-token', ...options.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: scratch,
    OPMODEL_TODAY: testToday,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: join(scratch, 'event.json'),
    GITHUB_STEP_SUMMARY: join(scratch, 'summary.md'),
    GITHUB_OUTPUT: join(scratch, 'output.txt'),
    GITHUB_REPOSITORY: 'acme/ops',
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: headSha,
    GITHUB_WORKSPACE: workspace,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [join(action, 'dist', 'index.js')], { cwd: workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  // GITHUB_OUTPUT holds `name<<DELIMITER`, the value, `DELIMITER`.
  const outputs: Record<string, string> = {};
  for (const match of readFileSync(join(scratch, 'output.txt'), 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return { headSha, status, stdout, stderr, summary: readFileSync(join(scratch, 'summary.md'), 'utf8'), outputs, workspace };
}

/** The workflow commands a run printed, as the runner reads them. */
const commands = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::'));

const ZWJ = '\u200d';

describe('the GitHub Action on a pull request', () => {
  let first: ActionRun;
  let second: ActionRun;

  beforeAll(async () => {
    first = await runAction();
    // The next push: the pricing page gains a consulted role.
    git(origin, 'checkout', '-q', 'pricing');
    writeFile(origin, 'model/decision-rights/a-pricing.md', pricingPage.replace('| Decision | SLA | cro | cpo |\n|---|---|---|---|', '| Decision | SLA | cro | cpo | ceo |\n|---|---|---|---|---|').replace('| D | C |', '| D | C | I |'));
    git(origin, 'commit', '-qam', 'inform the CEO');
    headSha = git(origin, 'rev-parse', 'HEAD');
    second = await runAction();
  });

  it('fetches the base commit into the shallow clone, and fails the job as lint would', () => {
    expect(git(first.workspace, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(git(first.workspace, 'cat-file', '-t', baseSha)).toBe('commit');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(1);
    expect(commands(first.stdout)).toContainEqual(expect.stringMatching(/^::error::opmodel lint found \d+ errors?\.$/));
  });

  it('counts and fails exactly as `opmodel lint --changed-since BASE` does', () => {
    const cli = runCli(['lint', '--changed-since', baseSha, '--format', 'json'], first.workspace);
    const { summary } = JSON.parse(cli.stdout);
    expect({ errors: String(summary.errors), warnings: String(summary.warnings) }).toEqual(first.outputs);
    expect(first.status).toBe(cli.status);
  });

  it('annotates the new duplicate row, not the old one, and leaves the old defect out', () => {
    const annotations = commands(first.stdout).filter((line) => /^::(error|warning) title=opmodel\(/.test(line));
    expect(annotations).toContainEqual(
      "::error title=opmodel(decision-duplicate),file=model/decision-rights/a-pricing.md,line=11,endLine=11,col=1::'Change list prices or plan packaging' is already decided in model/decision-rights/product-decisions.md line 21: keep one row, so there is one answer to who decides.%0A↳ model/decision-rights/product-decisions.md:21:1 first decided here",
    );
    expect(annotations.some((line) => line.includes('clock-in-kiosk'))).toBe(false);
    expect(Number(first.outputs.errors)).toBe(annotations.filter((l) => l.startsWith('::error')).length);
    expect(Number(first.outputs.warnings)).toBe(annotations.filter((l) => l.startsWith('::warning')).length);
  });

  it('prints no workflow command but its own, whatever the model files say', () => {
    for (const line of commands(first.stdout)) {
      expect(line).toMatch(/^::(error|warning|notice)( title=opmodel\([a-z-]+\),file=[^:,]*,line=\d+,endLine=\d+,col=\d+)?::[^\r\n]*$/);
      // The message a person reads: mentions broken. (The file property must stay the exact name.)
      expect(line.slice(line.indexOf('::', 2))).not.toMatch(/@everyone/);
    }
    // The hostile file name still names its file once the runner decodes it.
    const decode = (value: string) => value.replace(/%(25|0D|0A|3A|2C)/g, (_, c: string) => String.fromCharCode(parseInt(c, 16)));
    const files = commands(first.stdout).flatMap((line) => /,file=([^,]*),/.exec(line)?.[1] ?? []).map(decode);
    expect(files).toContain(hostileName);
    expect(files).toContain(brokenName);
  });

  it('writes a job summary with the counts, every finding in one intact table, and the model diff', () => {
    const summary = first.summary;
    expect(summary).toContain('## opmodel lint');
    expect(summary).toContain('GitHub shows at most 10 error and 10 warning annotations per step; every finding is listed here.');
    expect(summary).toMatch(/in the 5 model files this pull request changed and the findings it caused elsewhere \(95 model files checked\)\. 1 older error in files this pull request did not touch is not counted\./);
    expect(summary).toContain('### What this change does to the operating model');
    expect(summary).toMatch(/Who decides \*Offer a renewal discount above 15%\* moves from `cro` to `cpo`\./);
    // The duplicate row is a new row, not a change to the one that was there.
    expect(summary).toContain('- New decision *Change list prices or plan packaging*: `cro` decides.');
    expect(summary).not.toMatch(/\*Change list prices or plan packaging\*: consulted/);

    // Read back by a real GFM parser: one table, a row per finding, four cells each, no HTML but our line breaks.
    const tree = unified().use(remarkParse).use(remarkGfm).parse(summary) as any;
    const tables = tree.children.filter((n: any) => n.type === 'table');
    expect(tables).toHaveLength(1);
    const rows = tables[0].children.slice(1);
    expect(rows).toHaveLength(Number(first.outputs.errors) + Number(first.outputs.warnings));
    for (const row of rows) expect(row.children).toHaveLength(4);
    const html: string[] = [];
    const text: string[] = [];
    const visit = (node: any) => {
      if (node.type === 'html') html.push(node.value);
      if (node.type === 'text' || node.type === 'inlineCode') text.push(node.value);
      node.children?.forEach(visit);
    };
    visit(tree);
    expect(new Set(html)).toEqual(new Set(['<br>']));
    // The hostile title reads as it was written (one line, mentions broken), nothing rendered from it.
    const all = text.join('\n');
    expect(all).toContain(`Ship it ::warning::spoofed %0A @${ZWJ}everyone and @${ZWJ}acme/leads <img src=x onerror=a…`);
    expect(all).toContain(`::error::pwned %0A @${ZWJ}everyone <img src=x onerror=alert(1)> | cell`);
    expect(all).toContain('two lines\\tand a tab).md:1');
    expect(all).not.toMatch(/@everyone|@acme/);
    expect(summary.split('\n').some((line) => line.startsWith('::'))).toBe(false);
    // Each place links to its file at the pull request's head, whatever its name.
    const links = (node: any): any[] => (node.type === 'link' ? [node] : (node.children ?? []).flatMap(links));
    const blob = `https://github.example/acme/ops/blob/${first.headSha}/`;
    const linked = links(tables[0]).map((link) => {
      expect(link.url.startsWith(blob)).toBe(true);
      return decodeURIComponent(link.url.slice(blob.length).replace(/#L\d+$/, ''));
    });
    expect(linked).toEqual(expect.arrayContaining([hostileName, brokenName, 'model/decision-rights/a-pricing.md', 'model/decision-rights/product-decisions.md']));
  });

  it('posts one comment, finds it again on every page of the list, and updates it', () => {
    const posts = api.requests.filter((r) => r.method === 'POST');
    const patches = api.requests.filter((r) => r.method === 'PATCH');
    expect(posts).toHaveLength(1);
    expect(patches).toHaveLength(1);
    const created = api.comments.find((c) => c.user.type === 'Bot')!;
    expect(patches[0]!.url).toBe(`/repos/acme/ops/issues/comments/${created.id}`);
    // The second run read past the first page (100 comments) to find it.
    expect(api.requests.some((r) => r.method === 'GET' && r.url.includes('page=2'))).toBe(true);
    expect(api.comments.filter((c) => c.body.startsWith('<!-- opmodel -->'))).toHaveLength(1);
    expect(api.comments[2]!.body).toBe('Someone quoting <!-- opmodel --> in passing');
    expect(first.stdout).toContain('Pull-request comment: created.');
    expect(second.stdout).toContain('Pull-request comment: updated.');

    const body = created.body;
    expect(body.startsWith('<!-- opmodel -->\n### What this change does to the operating model')).toBe(true);
    expect(body).toContain('[details in the job summary](https://github.example/acme/ops/actions/runs/4242)');
    const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as any;
    const html: string[] = [];
    const visit = (node: any) => {
      if (node.type === 'html') html.push(node.value);
      node.children?.forEach(visit);
    };
    visit(tree);
    expect(html).toEqual(['<!-- opmodel -->']);
    expect(body).not.toMatch(/@everyone|@acme\/leads/);
    expect(body).toContain(`@${ZWJ}everyone`);
  });
});

describe('the GitHub Action where it cannot comment', () => {
  it("skips the comment on a fork's pull request with a notice, and posts nothing", async () => {
    const before = api.writes().length;
    const run = await runAction({ fork: true });
    expect(api.writes().length).toBe(before);
    expect(run.stdout).toMatch(/^::notice::opmodel did not comment: this pull request comes from a fork/m);
    expect(run.status).toBe(1);
    expect(run.summary).toContain('## opmodel lint');
  });

  it('turns a 403 from the API into a notice, never a failure of its own', async () => {
    api.refuseWrites = 403;
    api.comments = api.comments.filter((c) => c.user.type !== 'Bot');
    try {
      const run = await runAction({ inputs: { 'changed-only': 'false', 'max-warnings': '1000' } });
      expect(run.stdout).toMatch(/^::notice::opmodel did not comment on the pull request: the token cannot write to it \(HTTP 403\)/m);
      // The whole model: the old defect is reported too, and still fails the job.
      expect(run.stdout).toMatch(/::error title=opmodel\(ref\),file=model\/bets\/clock-in-kiosk\.md/);
      expect(run.status).toBe(1);
    } finally {
      api.refuseWrites = undefined;
    }
  });
});

describe('the GitHub Action outside the pull-request path', () => {
  it('writes SARIF where asked, with the findings it reported', async () => {
    const run = await runAction({ inputs: { comment: 'false', sarif: 'opmodel.sarif', 'changed-only': 'true' } });
    const log = JSON.parse(readFileSync(join(run.workspace, 'opmodel.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results).toHaveLength(Number(run.outputs.errors) + Number(run.outputs.warnings));
  });

  it('reports a usage mistake in an input as one line, not a stack trace', async () => {
    const run = await runAction({ inputs: { 'max-warnings': 'lots' } });
    expect(run.status).toBe(1);
    expect(commands(run.stdout)).toContain("::error::opmodel: The input 'max-warnings' must be a whole number such as 0, not 'lots'.");
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });
});

describe('the GitHub Action on a pull request that does not touch the model', () => {
  it('starts no comment, and does not call the model clean', async () => {
    api.comments = api.comments.filter((c) => c.user.type !== 'Bot');
    const before = api.writes().length;
    const run = await runAction({ baseSha: headSha });
    expect(api.writes().length).toBe(before);
    expect(run.stdout).toContain('Pull-request comment: unchanged.');
    expect(run.status).toBe(0);
    expect(run.summary).toContain('✅ No problems caused by this pull request, which changed no model file (95 model files checked). 4 older errors in files this pull request did not touch are not counted.');
    expect(run.summary).toContain('No change to the model.');
  });
});

describe('the GitHub Action without a base to compare with', () => {
  it('on a push, reports the whole model and comments nothing', async () => {
    const before = api.requests.length;
    const run = await runAction({ eventName: 'push', event: { ref: 'refs/heads/main', after: headSha, repository: { full_name: 'acme/ops' } } });
    expect(api.requests.length).toBe(before);
    expect(run.stdout).toMatch(/^::error title=opmodel\(ref\),file=model\/bets\/clock-in-kiosk\.md/m);
    expect(run.stdout).not.toMatch(/Fetching the base commit/);
    expect(run.summary).toMatch(/in the whole model \(95 model files checked\)\./);
    expect(run.summary).not.toContain('What this change does');
    expect(run.status).toBe(1);
  });

  it('when the base commit cannot be fetched, warns and reports the whole model', async () => {
    const run = await runAction({ baseSha: '0123456789abcdef0123456789abcdef01234567', inputs: { comment: 'false' } });
    expect(run.stdout).toMatch(/^::warning::opmodel could not fetch the base commit 0123456789abcdef0123456789abcdef01234567 \(.+\); it reports the whole model instead\.$/m);
    expect(run.stdout).toMatch(/^::error title=opmodel\(ref\),file=model\/bets\/clock-in-kiosk\.md/m);
    expect(run.status).toBe(1);
  });
});

describe('the committed bundle', () => {
  it('is fresh: rebuilding it gives the same files', () => {
    expect(existsSync(join(repoRoot, 'action/dist/index.js'))).toBe(true);
    const check = execFileSync(process.execPath, [join(repoRoot, 'scripts/build-action.mjs'), '--check'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(check).toBe('');
  });

  it('is what action.yml runs, on node24, with the inputs and outputs the docs name', () => {
    const yml = readFileSync(join(repoRoot, 'action.yml'), 'utf8');
    expect(yml).toMatch(/runs:\n {2}using: node24\n {2}main: action\/dist\/index\.js\n/);
    for (const input of ['path', 'changed-only', 'max-warnings', 'summary', 'comment', 'sarif', 'github-token']) expect(yml).toContain(`\n  ${input}:\n`);
    for (const output of ['errors', 'warnings']) expect(yml).toContain(`\n  ${output}:\n`);
  });
});
