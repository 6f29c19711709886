// Data flows one way through src/: files → entities → findings → reporters. This reads the import
// graph of src/ (scripts/import-graph.mjs, with the TypeScript compiler's import scanner) and fails
// on an import that goes the wrong way, and when docs/architecture.md's drawing of it is stale.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagram, documentWithDiagram, importEdges, roomEdges, roomOf } from '../scripts/import-graph.mjs';
import { repoRoot } from './helpers.js';

type Edge = { from: string; to: string };
const edges: Edge[] = importEdges();

/** For each room, the rooms it must not import: each arrow points down the flow files → entities → findings → reporters. */
const forbidden: Record<string, readonly string[]> = {
  // The domain: pure model logic; reads no file, knows no cache, rule, reporter, command or site.
  'model/domain': ['model/read', 'model/cache', 'model/edit', 'engine', 'rules', 'reporters', 'commands', 'cli', 'site', 'action'],
  // Reading files → entities: nothing that runs after it.
  'model/read': ['model/cache', 'model/edit', 'engine', 'rules', 'reporters', 'commands', 'cli', 'site', 'action'],
  // Rules judge entities: no reading, no cache, no engine, reporters or commands.
  rules: ['model/read', 'model/cache', 'model/edit', 'engine', 'reporters', 'commands', 'cli', 'site', 'action'],
  // The cache stores what the engine gives it.
  'model/cache': ['engine', 'rules', 'reporters', 'commands', 'cli', 'site', 'action'],
  // Reporters know findings only.
  reporters: ['model/domain', 'model/read', 'model/cache', 'model/edit', 'engine', 'rules', 'commands', 'cli', 'site', 'action'],
  // The engine is called by commands, the Action and the site build, never the other way.
  engine: ['commands', 'cli', 'site', 'action', 'reporters'],
  // Shapes, settings and helpers every room uses import no room.
  shared: ['model/domain', 'model/read', 'model/cache', 'model/edit', 'engine', 'rules', 'reporters', 'commands', 'cli', 'site', 'action', 'config', 'util'],
  config: ['model/domain', 'model/read', 'model/cache', 'model/edit', 'engine', 'rules', 'reporters', 'commands', 'cli', 'site', 'action'],
  util: ['model/domain', 'model/read', 'model/cache', 'model/edit', 'engine', 'rules', 'reporters', 'commands', 'cli', 'site', 'action', 'config'],
};

/** The imports that go the wrong way, as `file imports file` lines. */
function wrongWay(list: readonly Edge[]): string[] {
  return list
    .filter((e) => e.to.startsWith('site/') || forbidden[roomOf(e.from)]?.includes(roomOf(e.to)))
    .map((e) => `${e.from} imports ${e.to}`);
}

describe('the import graph of src/', () => {
  it('is read from the real files, every import resolving to a file', () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges).toContainEqual({ from: 'src/lint.ts', to: 'src/model/read/load.ts' });
    for (const { from, to } of edges) expect(existsSync(join(repoRoot, to)), `${from} imports ${to}`).toBe(true);
  });

  it('places every file of src/ in a room', () => {
    const unplaced = [...new Set(edges.flatMap((e) => [e.from, e.to]).filter((f) => f.startsWith('src/') && roomOf(f).startsWith('unplaced')))];
    expect(unplaced).toEqual([]);
  });

  it('has no import that goes the wrong way, and nothing in src/ imports the Astro project in site/', () => {
    expect(wrongWay(edges)).toEqual([]);
  });

  it.each([
    ['the domain reading a file', 'src/model/domain/entity.ts', 'src/model/read/load.ts'],
    ['reading importing a rule', 'src/model/read/read.ts', 'src/rules/index.ts'],
    ['a rule importing a command', 'src/rules/ref.ts', 'src/commands/who.ts'],
    ['a reporter knowing a rule', 'src/reporters/json.ts', 'src/rules/index.ts'],
    ['src/ importing the handbook', 'src/site/build.ts', 'site/src/lib/match.ts'],
  ])('would fail on %s', (_, from, to) => {
    expect(wrongWay([...edges, { from, to }])).toEqual([`${from} imports ${to}`]);
  });

  it('has no cycle between rooms', () => {
    const next = new Map<string, string[]>();
    for (const e of roomEdges(edges) as Edge[]) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const cycles: string[] = [];
    const visit = (room: string, path: string[]) => {
      for (const to of next.get(room) ?? []) {
        if (path.includes(to)) cycles.push([...path.slice(path.indexOf(to)), to].join(' → '));
        else visit(to, [...path, to]);
      }
    };
    for (const room of next.keys()) visit(room, [room]);
    expect(cycles).toEqual([]);
  });
});

describe('docs/architecture.md', () => {
  it('draws the current import graph (node scripts/import-graph.mjs --check)', () => {
    const check = execFileSync(process.execPath, [join(repoRoot, 'scripts/import-graph.mjs'), '--check'], { cwd: repoRoot, encoding: 'utf8' });
    expect(check).toBe('');
  });

  it('is out of date once a room gains an edge', () => {
    const text = readFileSync(join(repoRoot, 'docs/architecture.md'), 'utf8');
    const drawn = diagram(roomEdges([...edges, { from: 'src/reporters/json.ts', to: 'src/rules/index.ts' }]));
    expect(drawn).toContain('reporters --> rules');
    expect(documentWithDiagram(text, drawn)).not.toBe(text);
  });
});
