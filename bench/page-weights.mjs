// Page weights of a built handbook, for the benchmark: the largest HTML page of each page type
// (home, each section index, entity pages, listing pages), the whole site, and pages over a bound.
//
//   node bench/page-weights.mjs DIR   prints the table
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The page type of a built file: `index.html`, `bets/ index`, `bets/* page`, `bets/unit/* listing`. */
function typeOf(file) {
  const parts = file.split('/');
  if (parts.length === 1) return file;
  if (parts.length === 2) return `${parts[0]}/ ${parts[1] === 'index.html' ? 'index' : parts[1]}`;
  if (parts.length === 3) return `${parts[0]}/* page`;
  return `${parts[0]}/${parts[1]}/* listing`;
}

/** Sizes of the handbook built in `dir`: per page type the largest page, whole-site totals, and the pages over `bound` bytes. */
export function pageWeights(dir, bound = 250 * 1024) {
  const pages = [];
  let total = 0;
  let files = 0;
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const size = statSync(path).size;
        total += size;
        files++;
        if (entry.name.endsWith('.html') || (entry.name.endsWith('.json') && !path.includes(`${join(dir, 'pagefind')}`))) pages.push({ file: relative(dir, path).split('\\').join('/'), size });
      }
    }
  };
  walk(dir);
  const largest = new Map();
  for (const page of pages) {
    const type = typeOf(page.file);
    if (!largest.has(type) || largest.get(type).size < page.size) largest.set(type, page);
  }
  const html = pages.filter((page) => page.file.endsWith('.html')).sort((a, b) => b.size - a.size);
  return {
    types: [...largest].map(([type, page]) => ({ type, ...page })).sort((a, b) => b.size - a.size),
    largestHtml: html[0] ?? null,
    htmlPages: html.length,
    htmlBytes: html.reduce((sum, page) => sum + page.size, 0),
    files,
    bytes: total,
    over: html.filter((page) => page.size > bound),
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The weights as Markdown table rows. */
export function weightRows(w) {
  return [
    ...w.types.map((t) => `| ${t.type} | \`${t.file}\` | ${kb(t.size)} |`),
    `| **largest HTML page** | \`${w.largestHtml?.file ?? '–'}\` | **${w.largestHtml ? kb(w.largestHtml.size) : '–'}** |`,
    `| **whole site** | ${w.files} files, ${w.htmlPages} HTML pages (${(w.htmlBytes / 1048576).toFixed(1)} MB of HTML) | **${(w.bytes / 1048576).toFixed(1)} MB** |`,
  ];
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const w = pageWeights(process.argv[2]);
  process.stdout.write(['| page type | largest page | size |', '|---|---|---|', ...weightRows(w)].join('\n') + '\n');
  if (w.over.length) process.stdout.write(`${w.over.length} pages over 250 KB\n`);
}
