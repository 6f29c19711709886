// A stand-in for src/model/load.ts in the site tests: reads a model folder into entities (frontmatter,
// body and GFM tables) so the handbook can be built before the real loader lands.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { BodyTable, Entity, TableCell } from '../../src/model/domain/entity.js';
import type { HandbookModel as LoadedModel } from '../../src/site/handbook.js';
import { builtinKinds } from '../../dist/model/domain/kinds.js';

const kindOfFolder: Record<string, string> = Object.fromEntries(builtinKinds.filter((k) => k.folder).map((k) => [k.folder, k.name]));

/** Loads `root/modelDir` the way the real loader will (minus positions and findings). */
export function loadFixture(root: string, modelDir = 'model'): LoadedModel {
  const entities: Entity[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md') && name !== 'README.md' && !name.startsWith('_')) entities.push(entityOf(root, path));
    }
  };
  walk(join(root, modelDir));
  return { root, modelDir, entities };
}

/** Builds an entity from a file's text. */
export function entityFromText(file: string, text: string): Entity {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  const data = (match ? parse(match[1]!, { schema: 'core' }) : {}) as Record<string, unknown>;
  const body = match ? text.slice(match[0].length) : text;
  const bodyLine = match ? match[0].split('\n').length : 1;
  const parts = file.split('/');
  const kind = parts.length === 2 && parts[1] === 'operating-model.md' ? 'model' : (kindOfFolder[parts[1] ?? ''] ?? String(data.kind ?? 'unknown'));
  return {
    kind,
    id: posix.basename(file, '.md'),
    file,
    data,
    positions: {},
    body,
    bodyLine,
    links: [],
    tables: tablesOf(body, bodyLine),
    unsafeHtml: [],
    hash: createHash('sha1').update(text).digest('hex'),
  };
}

function entityOf(root: string, path: string): Entity {
  const file = relative(root, path).split(sep).join('/');
  return entityFromText(file, readFileSync(path, 'utf8'));
}

interface Node { type: string; children?: Node[]; value?: string; url?: string; position?: { start: { line: number; column: number } } }

function tablesOf(body: string, bodyLine: number): BodyTable[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as unknown as Node;
  const tables: BodyTable[] = [];
  const text = (node: Node): string => node.value ?? (node.children ?? []).map(text).join('');
  const cell = (node: Node): TableCell => ({
    text: text(node),
    line: (node.position?.start.line ?? 1) + bodyLine - 1,
    column: node.position?.start.column ?? 1,
    links: [],
  });
  const visit = (node: Node) => {
    if (node.type === 'table') {
      const [header, ...rows] = node.children ?? [];
      tables.push({
        line: (node.position?.start.line ?? 1) + bodyLine - 1,
        column: node.position?.start.column ?? 1,
        header: (header?.children ?? []).map(cell),
        rows: rows.map((row) => (row.children ?? []).map(cell)),
      });
      return;
    }
    (node.children ?? []).forEach(visit);
  };
  visit(tree);
  return tables;
}
