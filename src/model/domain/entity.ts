// The loaded form of one model file: frontmatter data plus the source positions and body
// structures (links, tables, raw HTML) that rules and the handbook need. Plain data, and the
// entity a file that cannot be read or parsed still has.
import { basename } from 'node:path';
import type { Position, RawFinding } from '../../types.js';
import type { KindData } from './kinds.js';

/** A Markdown link or image found in a body. */
export interface BodyLink {
  url: string;
  /** Visible text of the link. */
  text: string;
  line: number;
  column: number;
  /** Where the link ends (the column after it), when the Markdown reader gives it. */
  end?: Position;
  /** `link`, `image` or `definition` (a `[ref]: url` line). */
  type: 'link' | 'image' | 'definition';
  /**
   * The repository-relative path the link points at, resolved by the reader: null when the
   * link is not a relative file link (a URL, an anchor). Absent on links made elsewhere.
   */
  target?: string | null;
}

/** Raw HTML in a body that the handbook would have to strip. */
export interface UnsafeHtml {
  /** What was found, e.g. `<script>`, `onerror=`, `javascript: URL`. */
  what: string;
  line: number;
  column: number;
}

/** One cell of a GFM table, as plain text plus the links inside it. */
export interface TableCell {
  text: string;
  line: number;
  column: number;
  /** Where the cell ends (the column after it), when the Markdown reader gives it. */
  end?: Position;
  links: BodyLink[];
}

/** A GFM table in a body: the header row and the body rows. */
export interface BodyTable {
  line: number;
  column: number;
  header: TableCell[];
  rows: TableCell[][];
}

/** One parsed model file; `Entity<'bet'>` has a bet's frontmatter type (see `ofKind`). */
export interface Entity<K extends string = string> {
  /** The kind, from the folder or the `kind:` field. */
  kind: K;
  /** The file name without `.md`. */
  id: string;
  /** Path relative to the repository root, `/` separators. */
  file: string;
  /** The frontmatter mapping, exactly as YAML 1.2 core schema gives it (dates stay strings). */
  data: KindData<K>;
  /**
   * Where each key sits, as one flat list `[pointer, line, column, …]` (read it with `positionAt`):
   * JSON Pointer (`/owner`, `/leading_indicators/0/metric`) → position of the key (for mapping
   * entries) or of the item (for list entries); `` (empty) is the frontmatter's opening line.
   * Flat because tens of thousands of small position objects cost more to copy between threads
   * and to the cache than reading the files did; findings need only a few of them.
   */
  positions: PositionList;
  /** Pointer → text as written of a number or true/false that reads differently (`1.0`), when any. */
  written?: Record<string, string>;
  /** The Markdown body (after the closing `---`), line endings as in the file. */
  body: string;
  /** 1-based file line on which the body starts. */
  bodyLine: number;
  /** Links in the body (only filled when the body needed parsing). */
  links: BodyLink[];
  /** GFM tables in the body (decision-rights, context-table and custom kinds). */
  tables: BodyTable[];
  /** Raw HTML the site would strip. */
  unsafeHtml: UnsafeHtml[];
  /** True when the file could not be read or its frontmatter parsed: only its id and kind count. */
  broken?: boolean;
  /** True when the body was too deep or pathological to parse safely. */
  bodyUnparsed?: boolean;
  /** Content hash (sha1 hex) of the file bytes. */
  hash: string;
}

/** Positions by JSON Pointer, flattened: `[pointer, line, column, pointer, line, column, …]`. */
export type PositionList = (string | number)[];

/** Flattens a pointer → position map into a PositionList. */
export function positionList(positions: Record<string, Position>): PositionList {
  const list: PositionList = [];
  for (const pointer in positions) {
    const position = positions[pointer]!;
    list.push(pointer, position.line, position.column);
  }
  return list;
}

/** Where a JSON Pointer's key sits in an entity, when the reader recorded it. */
export function positionAt(entity: Pick<Entity, 'positions'>, pointer: string): Position | undefined {
  const list = entity.positions;
  for (let i = 0; i + 2 < list.length; i += 3) if (list[i] === pointer) return { line: list[i + 1] as number, column: list[i + 2] as number };
  return undefined;
}

/** What loading one file produced: an entity, findings, or both. */
export interface FileResult {
  file: string;
  entity?: Entity;
  /** Findings of the `file` and `frontmatter` rules (severity filled in later). */
  findings: RawFinding[];
  /** Set by the reader when the file's content hash is the one the cache asked about. */
  unchanged?: boolean;
  /** Set when the worker reading the file ran out of time or memory or crashed: not cached. */
  transient?: boolean;
}

/** The whole model as the rules and the handbook see it. */
export interface LoadedModel {
  /** Absolute repository root. */
  root: string;
  /** Repository-relative model folder. */
  modelDir: string;
  /** Every entity, including broken ones (which only reserve their id). */
  entities: Entity[];
  /** One result per file looked at, in path order. */
  files: FileResult[];
  /** Repository-relative paths of every file under the model folder (for the `link` rule). */
  paths: Set<string>;
  /** Whether the model folder exists at all. */
  modelDirFound: boolean;
}

/** An entity's id: its file name without `.md`. */
export const idOf = (file: string): string => basename(file).replace(/\.md$/i, '');

/**
 * The entity of a file that cannot be read or parsed: its id (the file name) and the kind its
 * folder implies still count, so references to it are no further findings.
 */
export function brokenEntity(task: { file: string; folderKind?: string }, hash = '', bodyLine = 1): Entity {
  return {
    kind: task.folderKind ?? '',
    id: idOf(task.file),
    file: task.file,
    data: {},
    positions: [],
    body: '',
    bodyLine,
    links: [],
    tables: [],
    unsafeHtml: [],
    hash,
    broken: true,
  };
}
