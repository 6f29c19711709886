#!/usr/bin/env node
// The floor: the least work any linter of this format must do, done in the plainest way.
// Read every model .md file, split the frontmatter, js-yaml load it (YAML 1.2 core schema, so
// dates stay strings), ajv-validate it against schemas/<kind>.schema.json (with ajv-formats),
// check that ids are unique and that every reference names an existing entity of an allowed
// kind. One thread, no workers, no Markdown parse, no positions, no messages worth reading.
// Needs a build (`npm run build`) for the kind registry.
//
//   node bench/floor.mjs DIR [--json]
//
// Prints `floor: <files> files, <problems> problems, <ms> ms (read …, yaml …, ajv …, refs …)` on
// stderr, and with --json a one-line JSON summary on stdout.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, CORE_SCHEMA } from 'js-yaml';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { builtinKinds } from '../dist/model/domain/kinds.js';
import { relationFields } from '../dist/model/domain/relations.js';

const t0 = performance.now();
const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith('--')) ?? '.';
const schemasDir = fileURLToPath(new URL('../schemas/', import.meta.url));

// Folders and reference fields (SPEC §3) come from opmodel's kind registry, as built in dist/: data, not code.
const folders = Object.fromEntries(builtinKinds.filter((k) => k.folder).map((k) => [k.folder, k.name]));
const refs = relationFields.map((f) => [f.kind, f.path, f.targets]);

// 1. Walk and read.
const modelDir = join(root, 'model');
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = entry.name;
    if (name.startsWith('.') || name.startsWith('_')) continue;
    const abs = join(dir, name);
    if (entry.isDirectory()) walk(abs);
    else if (entry.isFile() && name.endsWith('.md') && name.toLowerCase() !== 'readme.md') files.push(abs);
  }
};
walk(modelDir);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const t1 = performance.now();

// 2. Split the frontmatter and parse it.
const problems = [];
const entities = [];
texts.forEach((text, i) => {
  const file = relative(root, files[i]).split(sep).join('/');
  const inModel = relative(modelDir, files[i]).split(sep);
  const kind = inModel.length === 1 && inModel[0] === 'operating-model.md' ? 'model' : folders[inModel[0]];
  const id = inModel[inModel.length - 1].slice(0, -3);
  if (!text.startsWith('---\n') && !text.startsWith('---\r\n')) {
    problems.push(`${file}: no frontmatter`);
    return;
  }
  const end = text.indexOf('\n---', 3);
  if (end < 0) {
    problems.push(`${file}: unterminated frontmatter`);
    return;
  }
  let data;
  try {
    data = load(text.slice(text.indexOf('\n') + 1, end + 1), { schema: CORE_SCHEMA });
  } catch (error) {
    problems.push(`${file}: ${error.message.split('\n')[0]}`);
    return;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problems.push(`${file}: frontmatter is not a mapping`);
    return;
  }
  entities.push({ file, kind, id, data });
});
const t2 = performance.now();

// 3. Validate against the kind's JSON Schema.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validators = new Map();
for (const kind of new Set(Object.values(folders).concat('model'))) {
  validators.set(kind, ajv.compile(JSON.parse(readFileSync(join(schemasDir, `${kind}.schema.json`), 'utf8'))));
}
for (const e of entities) {
  const validate = validators.get(e.kind);
  if (!validate) {
    problems.push(`${e.file}: unknown kind`);
    continue;
  }
  if (!validate(e.data)) for (const err of validate.errors) problems.push(`${e.file}: ${err.instancePath || '/'} ${err.message}${err.params?.additionalProperty ? ` (${err.params.additionalProperty})` : ''}`);
}
const t3 = performance.now();

// 4. Ids unique, references resolve to an allowed kind.
const byId = new Map();
for (const e of entities) {
  if (byId.has(e.id)) problems.push(`${e.file}: id '${e.id}' also used by ${byId.get(e.id).file}`);
  else byId.set(e.id, e);
}
const collect = (value, path, visit) => {
  if (path.length === 0) return visit(value);
  const [step, ...rest] = path;
  if (step === '*') {
    if (Array.isArray(value)) for (const item of value) collect(item, rest, visit);
  } else if (value && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, step)) collect(value[step], rest, visit);
};
const refsByKind = new Map();
for (const [kind, path, targets] of refs) {
  if (!refsByKind.has(kind)) refsByKind.set(kind, []);
  refsByKind.get(kind).push([path, targets]);
}
let references = 0;
for (const e of entities) {
  for (const [path, targets] of refsByKind.get(e.kind) ?? []) {
    collect(e.data, path, (value) => {
      if (typeof value !== 'string') return;
      references++;
      const target = byId.get(value);
      if (!target) problems.push(`${e.file}: ${path.filter((p) => p !== '*').join('.')} '${value}' does not exist`);
      else if (!targets.includes(target.kind)) problems.push(`${e.file}: ${path.join('.')} '${value}' is a ${target.kind}`);
    });
  }
}
const t4 = performance.now();

const ms = (a, b) => Math.round(b - a);
const summary = { files: files.length, entities: entities.length, references, problems: problems.length, ms: ms(t0, t4), read: ms(t0, t1), yaml: ms(t1, t2), ajv: ms(t2, t3), refs: ms(t3, t4) };
process.stderr.write(`floor: ${summary.files} files, ${summary.references} references, ${summary.problems} problems, ${summary.ms} ms (read ${summary.read}, yaml ${summary.yaml}, ajv ${summary.ajv}, refs ${summary.refs})\n`);
if (args.includes('--verbose')) for (const p of problems) process.stderr.write(`  ${p}\n`);
if (args.includes('--json')) process.stdout.write(`${JSON.stringify(summary)}\n`);
process.exitCode = problems.length ? 1 : 0;
