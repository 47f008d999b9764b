// Shared helpers for the resilience tests (Node 20, no npm packages): the built
// `beslut` (env BESLUT_EXE, default build/bin/beslut of this checkout) over a
// temporary data folder, driven through its CLI and served on a free loopback
// port (`--port 0`, the port read from the line the server prints), and small
// HTTP helpers on node:http (one connection per request, so a killed server
// never leaves a half-dead keep-alive socket behind).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Default: build/bin/beslut of this checkout (/work/main/build/bin/beslut here).
export let exe = process.env.BESLUT_EXE || fileURLToPath(new URL('../../build/bin/beslut', import.meta.url));
export const sourceDir = process.env.BESLUT_SOURCE_DIR || '';

// ---------------------------------------------------------------- a stable copy of the binary

// Size and modification time of every file of an installation prefix (bin/beslut, lib, share, etc).
function fingerprint(prefix, exePath) {
  const parts = [];
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const n of readdirSync(p).sort()) walk(join(p, n));
    else parts.push(`${p}:${st.size}:${st.mtimeMs}`);
  };
  walk(exePath);
  for (const d of ['lib', 'share', 'etc']) walk(join(prefix, d));
  return parts.join('|');
}

// Copies the installation `beslut` runs from (PREFIX/bin/beslut with PREFIX/lib, PREFIX/share,
// PREFIX/etc, which it finds relative to itself) to a temporary folder and uses that copy from
// now on, so that a rebuild while the tests run cannot mix two builds. Waits while a build is
// writing (the files change during the copy, or the copy cannot list its plugins). Returns
// {dir, exe, builtAt, remove()}, or null when the binary does not sit in such a prefix.
export async function snapshotBinary({ onWait } = {}) {
  const prefix = dirname(dirname(exe));
  if (basename(dirname(exe)) !== 'bin' || !existsSync(join(prefix, 'lib'))) return null;
  const deadline = Date.now() + binaryWaitMs;
  for (;;) {
    const before = fingerprint(prefix, exe);
    // The executable is relinked after the libraries it links; an older one means a build is
    // half-way (a library newer than the executable ran into std::bad_alloc here once).
    const libs = readdirSync(join(prefix, 'lib')).filter((n) => /\.so(\.|$)/.test(n));
    const newestLib = Math.max(0, ...libs.map((n) => statSync(join(prefix, 'lib', n)).mtimeMs));
    if (statSync(exe).mtimeMs < newestLib) {
      if (Date.now() > deadline) throw new Error(`${exe} is older than its libraries in ${prefix}/lib: a build is half-way`);
      if (onWait) onWait(`${exe} is older than ${prefix}/lib: a build is half-way; waiting`);
      await sleep(3000);
      continue;
    }
    const dir = mkdtempSync(join(tmpdir(), 'beslut-binary-'));
    mkdirSync(join(dir, 'bin'));
    cpSync(exe, join(dir, 'bin', 'beslut'), { dereference: true });
    for (const d of ['lib', 'share', 'etc']) {
      if (existsSync(join(prefix, d))) cpSync(join(prefix, d), join(dir, d), { recursive: true, dereference: true });
    }
    const copied = join(dir, 'bin', 'beslut');
    const probe = spawnSync(copied, ['plugins'], { encoding: 'utf8', timeout: 60000 });
    if (before === fingerprint(prefix, exe) && probe.status === 0) {
      const original = exe;
      const builtAt = new Date(statSync(exe).mtimeMs).toISOString();
      exe = copied;
      const remove = () => {
        exe = original;
        rmSync(dir, { recursive: true, force: true });
      };
      return { dir, exe: copied, original, builtAt, remove };
    }
    rmSync(dir, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`no stable copy of ${exe}: ${probe.stderr || probe.error}`);
    if (onWait) onWait(`the build in ${prefix} is changing; waiting`);
    await sleep(3000);
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- data folders

// A fresh, empty temporary folder; remove it with removeDataDir.
export function makeDataDir(prefix = 'beslut-resilience-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDataDir(dir) {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------- command line

// True when `beslut` could not run at all because it is being rebuilt right now (a half-written
// executable or library, "Text file busy"): worth waiting for, not a finding.
export function binaryBeingReplaced(text, code) {
  return code === 127 || code === 126 ||
    /error while loading shared libraries|symbol lookup error|invalid ELF header|ETXTBSY|Text file busy|ENOENT|EACCES|Exec format error|cannot load plugin library|file too short/i.test(text || '');
}

// How long to wait for a binary that is being rebuilt (ms); BESLUT_BINARY_WAIT_MS overrides.
export const binaryWaitMs = Number(process.env.BESLUT_BINARY_WAIT_MS || 300000);

// Runs `beslut ARGS...` to completion: {status, signal, stdout, stderr, ms}. `input` goes to
// standard input. While the binary is being rebuilt (see binaryBeingReplaced) it waits and tries
// again, for up to binaryWaitMs.
export function cli(args, { input, timeoutMs = 120000, cwd } = {}) {
  const deadline = Date.now() + binaryWaitMs;
  for (;;) {
    const t0 = Date.now();
    const r = spawnSync(exe, args, {
      input: input ?? '',
      encoding: 'utf8',
      timeout: timeoutMs,
      cwd,
      maxBuffer: 256 * 1024 * 1024,
    });
    const result = {
      status: r.status,
      signal: r.signal,
      stdout: r.stdout ?? '',
      stderr: (r.stderr ?? '') + (r.error && r.error.code !== 'ETIMEDOUT' ? String(r.error.message) : ''),
      error: r.error,
      ms: Date.now() - t0,
    };
    const replaced = binaryBeingReplaced(result.stderr, result.status) || (r.error && r.error.code !== 'ETIMEDOUT');
    if (!replaced || Date.now() > deadline) return result;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);  // a synchronous sleep
  }
}

// True when the binary does not know the (sub)command: the CLI prints
// "unknown command 'X'" (or a usage line for an unknown subcommand).
export function isUnknownCommand(result) {
  const text = result.stderr + result.stdout;
  return /unknown (sub)?command/i.test(text);
}

// `beslut user add` (password on standard input) then `beslut token create`;
// returns the token. Throws with the CLI's output on failure.
export function createUserWithToken(dataDir, { name, role, organization, password = 'ett långt lösenord 123' }) {
  const args = ['user', 'add', '--data', dataDir, name, '--role', role];
  if (organization) args.push('--organization', organization);
  const added = cli(args, { input: password + '\n' });
  if (added.status !== 0) throw new Error(`beslut ${args.join(' ')} exited ${added.status}: ${added.stderr}${added.stdout}`);
  const made = cli(['token', 'create', '--data', dataDir, name]);
  if (made.status !== 0) throw new Error(`beslut token create exited ${made.status}: ${made.stderr}${made.stdout}`);
  const token = made.stdout.trim();
  if (!/^[A-Za-z0-9_-]{20,}$/.test(token)) throw new Error(`unexpected token output: ${JSON.stringify(made.stdout)}`);
  return token;
}

// ---------------------------------------------------------------- the server

// Keeps the last `limit` characters of a stream.
function tail(limit) {
  let text = '';
  return {
    add(chunk) {
      text += chunk;
      if (text.length > limit) text = text.slice(text.length - limit);
    },
    get text() {
      return text;
    },
  };
}

// `beslut serve --data DIR --port 0 [extraArgs]`; resolves once the server has
// printed the address it serves and GET /healthz answers 200 (and, with
// `ready`, GET /readyz answers 200: the index has caught up with the store).
// Returns {proc, base, port, pid, log(), exited} where `exited` resolves with
// {code, signal, at} when the process ends. A binary that is being rebuilt
// (see binaryBeingReplaced) is waited for, up to binaryWaitMs; `onWait` hears of it.
export async function startServer(dataDir, { extraArgs = [], startTimeoutMs = 60000, ready = false, onWait } = {}) {
  const deadline = Date.now() + binaryWaitMs;
  for (;;) {
    try {
      return await startOnce(dataDir, { extraArgs, startTimeoutMs, ready });
    } catch (e) {
      if (!e.binaryReplaced || Date.now() > deadline) throw e;
      if (onWait) onWait(e.message);
      await sleep(2000);
    }
  }
}

async function startOnce(dataDir, { extraArgs, startTimeoutMs, ready }) {
  const t0 = Date.now();
  const proc = spawn(exe, ['serve', '--data', dataDir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = tail(64 * 1024);
  proc.stdout.setEncoding('utf8');
  proc.stderr.setEncoding('utf8');
  proc.stdout.on('data', (c) => out.add(c));
  proc.stderr.on('data', (c) => out.add(c));
  const exited = new Promise((resolve) => {
    proc.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() }));
    // Not started at all (no 'exit' follows).
    proc.once('error', (err) => resolve({ code: null, signal: null, error: err, at: Date.now() }));
  });
  const server = { proc, pid: proc.pid, base: null, port: 0, exited, log: () => out.text, startedAt: t0 };

  const base = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server did not print its address within ${startTimeoutMs} ms:\n${out.text}`));
    }, startTimeoutMs);
    const onData = (chunk) => {
      seen += chunk;
      const m = seen.match(/serves (http:\/\/[0-9.]+:(\d+))\//);
      if (m) {
        clearTimeout(timer);
        proc.stdout.off('data', onData);
        resolve(m[1]);
      }
    };
    proc.stdout.on('data', onData);
    exited.then(({ code, signal, error }) => {
      clearTimeout(timer);
      const e = new Error(error ? `server could not be started: ${error.message}`
        : `server exited (code ${code}, signal ${signal}) before serving:\n${out.text}`);
      e.binaryReplaced = !!error || binaryBeingReplaced(out.text, code);
      reject(e);
    });
  });
  server.base = base;
  server.port = Number(base.split(':').pop());
  const deadline = t0 + startTimeoutMs;
  await waitFor(server, '/healthz', deadline);
  if (ready) await waitFor(server, '/readyz', deadline);
  server.readyMs = Date.now() - t0;
  return server;
}

// Polls GET path until it answers 200; throws (with the server's log) at the deadline.
export async function waitFor(server, path, deadline) {
  let last = '';
  for (;;) {
    if (server.proc.exitCode !== null || server.proc.signalCode !== null) {
      throw new Error(`server exited while waiting for ${path}:\n${server.log()}`);
    }
    try {
      const r = await request(server.base, 'GET', path, { timeoutMs: 5000 });
      if (r.status === 200) return r;
      last = `${r.status} ${r.text.slice(0, 200)}`;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > deadline) throw new Error(`GET ${path} did not answer 200 in time (last: ${last}):\n${server.log()}`);
    await sleep(50);
  }
}

function alive(server) {
  return server && server.proc.pid !== undefined && server.proc.exitCode === null && server.proc.signalCode === null;
}

// SIGKILL, then waits for the process to be gone.
export async function killServer(server) {
  if (!alive(server)) return server ? server.exited : null;
  server.proc.kill('SIGKILL');
  return server.exited;
}

// Sends `signal` (SIGTERM by default) and waits up to `graceMs` for the exit;
// after that it kills the process. Returns {code, signal, ms, timedOut}.
export async function stopServer(server, { signal = 'SIGTERM', graceMs = 10000 } = {}) {
  if (!alive(server)) {
    const e = server ? await server.exited : { code: null, signal: null };
    return { ...e, ms: 0, timedOut: false };
  }
  const t0 = Date.now();
  server.proc.kill(signal);
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve(null), graceMs); });
  const done = await Promise.race([server.exited, timeout]);
  clearTimeout(timer);
  if (done) return { code: done.code, signal: done.signal, ms: done.at - t0, timedOut: false };
  server.proc.kill('SIGKILL');
  const e = await server.exited;
  return { code: e.code, signal: e.signal, ms: Date.now() - t0, timedOut: true };
}

// ---------------------------------------------------------------- HTTP

// One request on a fresh connection. Resolves {status, headers, body (Buffer),
// text, json (parsed or undefined)}; rejects on a network error or timeout.
export function request(base, method, path, { headers = {}, body, token, timeoutMs = 30000 } = {}) {
  const url = new URL(path, base);
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  let payload = body;
  if (payload !== undefined && !Buffer.isBuffer(payload)) payload = Buffer.from(String(payload));
  if (payload !== undefined) h['content-length'] = payload.length;
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: h, agent: false },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('response aborted')));
        res.on('end', () => {
          if (!res.complete) return reject(new Error('response incomplete'));
          const buf = Buffer.concat(chunks);
          const text = buf.toString('utf8');
          let json;
          if (/json/.test(res.headers['content-type'] || '')) {
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
          }
          resolve({ status: res.statusCode, headers: res.headers, body: buf, text, json });
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${method} ${path}`)));
    req.on('error', reject);
    req.end(payload);
  });
}

export const getJson = (base, path, opts) => request(base, 'GET', path, opts);

// multipart/form-data with one file field; returns {body, contentType}.
export function multipart(field, filename, bytes, mediaType = 'text/plain; charset=utf-8') {
  const boundary = '----beslut' + Math.random().toString(16).slice(2) + Date.now().toString(16);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      `Content-Type: ${mediaType}\r\n\r\n`,
  );
  const end = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, Buffer.from(bytes), end]), contentType: `multipart/form-data; boundary=${boundary}` };
}

// POST /api/v1/documents: the raw file as the body (`?filename=`), or as a
// multipart form with `multipart: true`.
export function importDocument(base, token, filename, bytes, { multipart: asForm = false, draft = false, timeoutMs } = {}) {
  const q = new URLSearchParams();
  if (draft) q.set('draft', 'true');
  if (asForm) {
    const form = multipart('file', filename, bytes);
    return request(base, 'POST', `/api/v1/documents${q.size ? '?' + q : ''}`, {
      token, body: form.body, headers: { 'content-type': form.contentType }, timeoutMs,
    });
  }
  q.set('filename', filename);
  return request(base, 'POST', `/api/v1/documents?${q}`, {
    token, body: Buffer.from(bytes), headers: { 'content-type': 'text/plain; charset=utf-8' }, timeoutMs,
  });
}
