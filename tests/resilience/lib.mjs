// Shared helpers for the resilience tests (Node 20, no npm packages): the built
// `beslut` (env BESLUT_EXE, default /work/main/build/bin/beslut) over a
// temporary data folder, driven through its CLI and served on a free loopback
// port (`--port 0`, the port read from the line the server prints), and small
// HTTP helpers on node:http (one connection per request, so a killed server
// never leaves a half-dead keep-alive socket behind).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const exe = process.env.BESLUT_EXE || '/work/main/build/bin/beslut';
export const sourceDir = process.env.BESLUT_SOURCE_DIR || '';

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

// Runs `beslut ARGS...` to completion: {status, signal, stdout, stderr, ms}.
// `input` goes to standard input.
export function cli(args, { input, timeoutMs = 120000, cwd } = {}) {
  const t0 = Date.now();
  const r = spawnSync(exe, args, {
    input: input ?? '',
    encoding: 'utf8',
    timeout: timeoutMs,
    cwd,
    maxBuffer: 256 * 1024 * 1024,
  });
  return {
    status: r.status,
    signal: r.signal,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    error: r.error,
    ms: Date.now() - t0,
  };
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
// {code, signal, at} when the process ends.
export async function startServer(dataDir, { extraArgs = [], startTimeoutMs = 60000, ready = false } = {}) {
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
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (code ${code}, signal ${signal}) before serving:\n${out.text}`));
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
  return server && server.proc.exitCode === null && server.proc.signalCode === null;
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
