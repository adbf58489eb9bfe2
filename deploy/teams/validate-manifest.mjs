#!/usr/bin/env node
// Validates a Teams app manifest against the JSON schema of its manifestVersion, read offline from the npm package
// @microsoft/app-manifest (build/json-schemas/teams/v1.xx/MicrosoftTeams.schema.json). The Teams schemas declare
// JSON Schema draft-04, so Ajv's draft-04 build is used, with ajv-formats for "uri".
// Also checks that $schema names the same version, that no ${PLACEHOLDER} is left, and, for icons that sit next to
// the manifest, that they are PNGs of the sizes Teams asks for.
//
// Usage: node deploy/teams/validate-manifest.mjs path/to/manifest.json
// Exit codes: 0 valid, 1 invalid, 2 could not validate (bad arguments, unreadable file, npm packages missing).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

function fail(message, code = 2) {
  console.error(`validate-manifest: ${message}`);
  process.exit(code);
}

function loadPackage(name) {
  try {
    return require(name);
  } catch {
    fail(`the npm package '${name}' is not installed: run 'npm ci' in the repository root first.`);
  }
}

const manifestPath = process.argv[2];
if (!manifestPath || process.argv.length > 3) {
  fail('usage: node validate-manifest.mjs path/to/manifest.json');
}
if (!existsSync(manifestPath)) {
  fail(`${manifestPath} does not exist.`);
}

let manifest;
try {
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
} catch (error) {
  fail(`${manifestPath} is not valid JSON: ${error.message}`, 1);
}

const version = manifest?.manifestVersion;
if (typeof version !== 'string' || !/^(1\.\d+|devPreview)$/.test(version)) {
  fail(`${manifestPath}: "manifestVersion" must be a string such as "1.30" (found ${JSON.stringify(version)}).`, 1);
}

const Ajv = loadPackage('ajv-draft-04');
const addFormats = loadPackage('ajv-formats');
let schemaRoot;
try {
  schemaRoot = join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
} catch {
  fail(`the npm package '@microsoft/app-manifest' is not installed: run 'npm ci' in the repository root first.`);
}
const folder = version === 'devPreview' ? 'vDevPreview' : `v${version}`;
const schemaPath = join(schemaRoot, folder, 'MicrosoftTeams.schema.json');
if (!existsSync(schemaPath)) {
  fail(`no offline schema for manifestVersion ${version} in @microsoft/app-manifest (looked for ${folder}/MicrosoftTeams.schema.json).`, 1);
}
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));

// The Teams schemas leave out "type" next to some keywords; strictTypes would refuse to compile them.
const ajv = new (Ajv.default ?? Ajv)({ allErrors: true, strictTypes: false });
(addFormats.default ?? addFormats)(ajv);
const validate = ajv.compile(schema);

const errors = [];
if (!validate(manifest)) {
  for (const error of validate.errors) {
    const details = Object.entries(error.params ?? {})
      .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
      .join(', ');
    errors.push(`${error.instancePath || '/'}: ${error.message}${details ? ` (${details})` : ''}`);
  }
}

const expectedSchema = `https://developer.microsoft.com/json-schemas/teams/${folder}/MicrosoftTeams.schema.json`;
if (manifest.$schema !== undefined && manifest.$schema !== expectedSchema) {
  errors.push(`/$schema: must be ${expectedSchema} to match manifestVersion ${version}`);
}

const leftovers = JSON.stringify(manifest).match(/\$\{[A-Z_]+\}/g);
if (leftovers) {
  errors.push(`/: placeholders were not substituted: ${[...new Set(leftovers)].join(', ')}`);
}

// Icons: checked when the files sit next to the manifest (as in the package); otherwise only the schema applies.
const iconSizes = { color: 192, outline: 32 };
const iconNotes = [];
for (const [kind, size] of Object.entries(iconSizes)) {
  const file = manifest.icons?.[kind];
  if (typeof file !== 'string') continue;
  const path = resolve(dirname(manifestPath), file);
  if (!existsSync(path)) {
    iconNotes.push(`${kind} icon ${file} not beside the manifest, not checked`);
    continue;
  }
  const png = readFileSync(path);
  const isPng = png.length > 24 && png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    && png.toString('ascii', 12, 16) === 'IHDR';
  if (!isPng) {
    errors.push(`/icons/${kind}: ${file} is not a PNG file`);
    continue;
  }
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width !== size || height !== size) {
    errors.push(`/icons/${kind}: ${file} is ${width}x${height}, Teams needs ${size}x${size}`);
  }
}

const name = basename(manifestPath);
if (errors.length > 0) {
  console.error(`Schema validation FAILED: ${name} has ${errors.length} error(s) against the Teams manifest schema ${folder}:`);
  for (const error of errors) {
    console.error(`  ${error}`);
  }
  process.exit(1);
}
console.log(`Schema validation passed: ${name} conforms to the Teams manifest schema ${folder} (${basename(schemaPath)}).`);
for (const note of iconNotes) {
  console.log(`  note: ${note}`);
}
