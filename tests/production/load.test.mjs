// The load benchmark (bench/load/load.mjs) for 10 s: 32 keep-alive search
// clients and one importer against the built `beslut`; not one error allowed
// (any non-2xx answer or socket error), and the server still running after.
//   node --test tests/production/load.test.mjs
// Environment: BESLUT_EXE (default /work/main/build/bin/beslut), BESLUT_SOURCE_DIR
// (default /work/main), BESLUT_LOAD_SECONDS (default 10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const exe = process.env.BESLUT_EXE || '/work/main/build/bin/beslut';
const source = process.env.BESLUT_SOURCE_DIR || '/work/main';
const seconds = process.env.BESLUT_LOAD_SECONDS || '10';

test(`${seconds} s of search load with continuous imports: no errors`, { timeout: 120000 }, async () => {
  const args = [join(source, 'bench/load/load.mjs'), '--seconds', seconds, '--json', '--exe', exe];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, BESLUT_EXE: exe, BESLUT_SOURCE_DIR: source },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => { out += c; });
  child.stderr.on('data', (c) => { err += c; });
  const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? s)));
  const line = out.split('\n').find((l) => l.startsWith('LOAD_RESULT')) ?? '';
  console.log(line || out + err);
  const json = out.slice(0, out.indexOf('LOAD_RESULT'));
  let result;
  try {
    result = JSON.parse(json);
  } catch {
    assert.fail(`load.mjs printed no result (exit ${code}):\n${out}\n${err}`);
  }
  const summary = JSON.stringify({ search: result.search, import: result.import }, null, 2);
  assert.ok(result.search.requests > 0, 'searches were made');
  assert.equal(result.search.errors, 0, `search errors:\n${summary}`);
  assert.ok(result.import && result.import.requests > 0, `documents were imported:\n${summary}`);
  assert.equal(result.import.errors, 0, `import errors:\n${summary}`);
  assert.equal(result.server_alive, true, 'the server survived');
  assert.equal(code, 0, `load.mjs exit code\n${err}`);
});
