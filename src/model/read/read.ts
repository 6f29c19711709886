// Reads one model file safely (no symlink followed, size checked before reading, bytes checked
// before decoding) and turns it into an Entity plus `file`/`frontmatter` findings.
import { closeSync, constants, fstatSync, lstatSync, openSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { brokenEntity, idOf, positionList, type Entity, type FileResult } from '../domain/entity.js';
import { readFrontmatter } from './frontmatter.js';
import { bodyNeedsParse, checkBounds, readBody } from './body.js';
import { readOpenFile } from '../../util/fd.js';
import { resolveLinkTarget } from '../domain/link-target.js';

/** What the loader tells the reader about one file. */
export interface ReadTask {
  /** Absolute path. */
  abs: string;
  /** Repository-relative path, `/` separators. */
  file: string;
  /** The kind its folder implies, if any. */
  folderKind?: string;
  /** Kinds whose bodies hold tables that rules read. */
  tableKinds: string[];
  maxBytes: number;
  /** Keep the body text on the entity (the handbook and diff need it; lint does not). */
  keepBody: boolean;
  /** The walk saw a regular file here, so no lstat is needed before opening it. */
  regularFile?: boolean;
  /** The content hash the lint cache holds a result for; a file with this hash is not parsed. */
  knownHash?: string;
}

/** Reads and parses one file; never throws for bad input. */
export function readModelFile(task: ReadTask): FileResult {
  const result: FileResult = { file: task.file, findings: [] };
  const finding = (rule: 'file' | 'frontmatter', message: string, line = 1, column = 1) =>
    result.findings.push({ file: task.file, rule, message, line, column });

  const bytes = readBytes(task, (message) => finding('file', message));
  if (!bytes) return withBrokenEntity(result, task, '');
  const hash = createHash('sha1').update(bytes).digest('hex');
  // The cache holds this very content (the file was only touched): nothing to parse.
  if (task.knownHash === hash) return { file: task.file, findings: [], unchanged: true };
  const decoded = decodeText(bytes);
  if (typeof decoded !== 'string') {
    finding('file', decoded.message, decoded.line, 1);
    return withBrokenEntity(result, task, hash);
  }
  let text = decoded;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const fm = readFrontmatter(text);
  for (const p of fm.problems) finding('frontmatter', p.message, p.line, p.column);
  if (!fm.data) return withBrokenEntity(result, task, hash, fm.bodyLine);
  for (const c of fm.droppedComments) result.findings.push({ file: task.file, rule: 'yaml-comment', message: c.message, line: c.line, column: c.column });
  const data = fm.data;
  const declaredKind = typeof data.kind === 'string' ? data.kind : undefined;
  const kind = task.folderKind ?? declaredKind ?? '';
  const body = text.slice(fm.bodyOffset);
  const entity: Entity = {
    kind,
    id: idOf(task.file),
    file: task.file,
    data,
    positions: positionList(fm.positions),
    body: task.keepBody ? body : '',
    bodyLine: fm.bodyLine,
    links: [],
    tables: [],
    unsafeHtml: [],
    hash,
  };
  for (const _ in fm.written) {
    entity.written = fm.written;
    break;
  }
  result.entity = entity;

  const effectiveKind = declaredKind ?? kind;
  const wantsTables = task.tableKinds.includes(effectiveKind);
  // Bounds apply to every body, parsed here or not: the handbook renders them all.
  const refused = checkBounds(body, fm.bodyLine);
  if (refused) {
    entity.bodyUnparsed = true;
    finding('file', refused.message, refused.line, refused.column);
  } else if (bodyNeedsParse(body, wantsTables)) {
    const parsed = readBody(body, fm.bodyLine, wantsTables);
    if (parsed.refused) {
      entity.bodyUnparsed = true;
      finding('file', parsed.refused.message, parsed.refused.line, parsed.refused.column);
    }
    for (const link of parsed.links) link.target = resolveLinkTarget(task.file, link.url) ?? null;
    entity.links = parsed.links;
    entity.tables = parsed.tables;
    entity.unsafeHtml = parsed.unsafeHtml;
  }
  return result;
}

function withBrokenEntity(result: FileResult, task: ReadTask, hash: string, bodyLine = 1): FileResult {
  result.entity = brokenEntity(task, hash, bodyLine);
  return result;
}

/** Reads a file's bytes without following a symlink or blocking on a device or pipe. */
function readBytes(task: ReadTask, fail: (message: string) => void): Buffer | undefined {
  // The walk saw a regular file: open it at once (never following a link that replaced it since).
  if (task.regularFile) return readOpened(task, fail);
  let stat;
  try {
    stat = lstatSync(task.abs);
  } catch (error) {
    fail(`The file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): check its permissions.`);
    return undefined;
  }
  if (stat.isSymbolicLink()) {
    fail('The file is a symbolic link: opmodel never follows links. Replace it with the real file.');
    return undefined;
  }
  if (!acceptable(stat, task, fail, 'This is not a regular file (a device, pipe or socket): remove it from the model.')) return undefined;
  return readOpened(task, fail);
}

/** Whether a stat'ed path is a regular file of a size opmodel reads; if not, says why. */
function acceptable(stat: Stats, task: ReadTask, fail: (message: string) => void, notAFile: string): boolean {
  if (stat.isDirectory()) fail('This is a folder whose name ends in `.md`: rename the folder.');
  else if (!stat.isFile()) fail(notAFile);
  else if (stat.size > task.maxBytes) fail(`The file is ${formatSize(stat.size)}, more than the ${formatSize(task.maxBytes)} allowed: split it or move data out of the model.`);
  else if (stat.size === 0) fail('The file is empty: start it with `---`, a `title:` line and a closing `---`.');
  else return true;
  return false;
}

/** Opens without following links or blocking, checks what was opened, and reads it. */
function readOpened(task: ReadTask, fail: (message: string) => void): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(task.abs, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ELOOP' ? 'The file is a symbolic link: opmodel never follows links.' : `The file cannot be read (${code ?? 'error'}): check its permissions.`);
    return undefined;
  }
  try {
    const opened = fstatSync(fd);
    if (!acceptable(opened, task, fail, 'The file changed while it was read: run opmodel again.')) return undefined;
    return readOpenFile(fd, opened.size);
  } catch (error) {
    fail(`The file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
    return undefined;
  } finally {
    closeSync(fd);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's bytes as UTF-8 text, or says what makes it unreadable and on which line. */
function decodeText(bytes: Buffer): string | { message: string; line: number } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { message: 'The file is saved as UTF-16: save it as UTF-8.', line: 1 };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { message: 'The file contains NUL bytes, so it is binary, not text: only Markdown files belong in the model.', line: lineAt(bytes, nul) };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { message: 'The file is not valid UTF-8 text: save it with UTF-8 encoding.', line: lineAt(bytes, firstInvalidUtf8(bytes)) };
  }
  // A CR not followed by LF (old Mac line endings) is a line break, as editors and Markdown
  // read it: made LF here, so every line and column opmodel reports is the one an editor shows.
  return bytes.includes(13) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

function lineAt(bytes: Buffer, index: number): number {
  let line = 1;
  // LF, CRLF and a lone CR each end a line.
  for (let i = 0; i < index; i++) if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) line++;
  return line;
}

/** The offset of the first byte that is not valid UTF-8 (the file is known to hold one). */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    try {
      utf8.decode(bytes.subarray(i, i + need + 1));
    } catch {
      return i;
    }
    i += need + 1;
  }
  return 0;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
