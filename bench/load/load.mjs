#!/usr/bin/env node
// Load benchmark: 32 keep-alive clients search (queries from bench/queries.txt)
// for N seconds while one importer POSTs documents continuously (the minutes of
// ../shared/dev-minutes/docs, each copy made unique by a trailing line, or
// generated minutes when that folder is missing).
//
// By default it starts the built `beslut` on a free loopback port over a
// temporary data folder (content/samples imported, an administrator's API token
// for the importer). With --url it loads a server that is already running
// (--token then names the importer's token; without it there is no importer).
//
//   node bench/load/load.mjs [--seconds 60] [--clients 32] [--warmup 2]
//                            [--exe build/bin/beslut] [--queries bench/queries.txt]
//                            [--docs ../shared/dev-minutes/docs] [--no-import]
//                            [--url http://127.0.0.1:8080 --token TOKEN] [--json]
//
// Prints search requests, errors (any non-2xx answer or socket error), p50,
// p95 and p99 latency; imports, their errors and latency; one machine-readable
// line "LOAD_RESULT key=value …". Exits 1 when there was any error, 2 on bad
// usage or when the server could not be started.
// Environment: BESLUT_EXE, BESLUT_SOURCE_DIR (defaults from this file's place).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = process.env.BESLUT_SOURCE_DIR || resolve(here, '../..');

function parseArgs(argv) {
  const o = {
    seconds: 60, clients: 32, warmup: 2,
    exe: process.env.BESLUT_EXE || join(root, 'build/bin/beslut'),
    queries: join(root, 'bench/queries.txt'),
    docs: resolve(root, '../shared/dev-minutes/docs'),
    import: true, url: null, token: null, json: false, keep: false,
  };
  for (let i = 2; i < argv.length; ++i) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--seconds': o.seconds = Number(value()); break;
      case '--clients': o.clients = Number(value()); break;
      case '--warmup': o.warmup = Number(value()); break;
      case '--exe': o.exe = resolve(value()); break;
      case '--queries': o.queries = resolve(value()); break;
      case '--docs': o.docs = resolve(value()); break;
      case '--no-import': o.import = false; break;
      case '--url': o.url = value().replace(/\/$/, ''); break;
      case '--token': o.token = value(); break;
      case '--json': o.json = true; break;
      case '--keep': o.keep = true; break;
      case '-h': case '--help': usage(null); break;
      default: usage(`unknown argument ${a}`);
    }
  }
  if (!(o.seconds > 0) || !(o.clients >= 1) || !(o.warmup >= 0)) usage('--seconds and --clients must be positive');
  return o;
}

function usage(message) {
  const text = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n')
    .filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n');
  if (message) console.error(`load.mjs: ${message}\n`);
  console.error(text);
  process.exit(message ? 2 : 0);
}

function readQueries(file) {
  const qs = readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (qs.length === 0) throw new Error(`no queries in ${file}`);
  return qs.map((q) => `/api/v1/search?q=${encodeURIComponent(q)}&limit=10`);
}

function generatedMinutes(n) {
  const orgs = ['Kommunstyrelsen', 'Barn- och utbildningsnämnden', 'Miljö- och byggnadsnämnden', 'Kultur- och fritidsnämnden'];
  const topics = ['skolskjuts', 'detaljplan för centrum', 'budget för nästa år', 'kompetensförsörjning', 'bredband på landsbygden', 'äldreomsorgens bemanning'];
  const out = [];
  for (let i = 0; i < n; ++i) {
    const org = orgs[i % orgs.length];
    let text = `PROTOKOLL\n${org}\nSammanträdesdatum 2025-0${1 + (i % 9)}-1${i % 10}\n\nPlats: Stadshuset\n\n` +
      'Ordförande: Anna Andersson\nSekreterare: Bertil Berg\nJusterare: Cecilia Carlsson\n\n';
    for (let p = 1; p <= 8; ++p) {
      const t = topics[(i + p) % topics.length];
      text += `§ ${p} Ärende om ${t}\n\n${org} beslutar att godkänna förslaget om ${t}. ` +
        `Förvaltningschefen får i uppdrag att återkomma med en redovisning om ${t} till nästa sammanträde.\n\n`;
    }
    out.push({ name: `genererat-${i}.txt`, text });
  }
  return out;
}

function readDocs(dir) {
  if (existsSync(dir)) {
    const files = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f) && !f.startsWith('.')).sort();
    if (files.length > 0) return files.map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
  }
  return generatedMinutes(20);
}

async function startServer(o) {
  const data = mkdtempSync(join(os.tmpdir(), 'beslut-load-'));
  execFileSync(o.exe, ['import', '--data', data, join(root, 'content/samples')], { stdio: 'pipe' });
  let token = null;
  if (o.import) {
    execFileSync(o.exe, ['user', 'add', '--data', data, 'Last Importör', '--role', 'administrator'],
      { input: 'ett långt lösenord för lasttestet\n', stdio: ['pipe', 'pipe', 'pipe'] });
    token = execFileSync(o.exe, ['token', 'create', '--data', data, 'Last Importör']).toString().trim();
  }
  const proc = spawn(o.exe, ['serve', '--data', data, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (c) => { log += c; });
  proc.stderr.on('data', (c) => { log += c; });
  const url = await new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('beslut did not start: ' + log)), 30000);
    const check = () => {
      const m = log.match(/serves (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); resolvePromise(m[1]); }
    };
    proc.stdout.on('data', check);
    proc.on('exit', (code, sig) => { clearTimeout(timer); reject(new Error(`beslut exited (${code ?? sig}): ${log}`)); });
  });
  return {
    url, token, data, log: () => log,
    alive: () => proc.exitCode === null && proc.signalCode === null,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        await new Promise((r) => {
          const t = setTimeout(() => proc.kill('SIGKILL'), 15000);
          proc.once('exit', () => { clearTimeout(t); r(); });
          proc.kill('SIGTERM');
        });
      }
      if (!o.keep) rmSync(data, { recursive: true, force: true });
    },
  };
}

// One request; resolves { status, ms, error, body? } (never rejects).
function request(agent, url, { method = 'GET', headers = {}, body = null, keepBody = false }) {
  return new Promise((resolvePromise) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => { if (keepBody || res.statusCode >= 300) chunks.push(c); });
      res.on('end', () => resolvePromise({
        status: res.statusCode, ms: elapsed(), error: null,
        body: chunks.length ? Buffer.concat(chunks).toString('utf8') : '',
      }));
      res.on('error', (e) => resolvePromise({ status: res.statusCode, ms: elapsed(), error: e.code || e.message }));
    });
    req.setTimeout(30000, () => req.destroy(new Error('client timeout (30 s)')));
    req.on('error', (e) => resolvePromise({ status: null, ms: elapsed(), error: e.code || e.message }));
    if (body !== null) req.end(body); else req.end();
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

class Stats {
  constructor() { this.ms = []; this.ok = 0; this.errors = 0; this.byKind = new Map(); this.samples = []; }
  add(r, what) {
    const good = r.error === null && r.status >= 200 && r.status < 300;
    if (good) { this.ok++; this.ms.push(r.ms); return true; }
    this.errors++;
    const kind = r.error ?? `HTTP ${r.status}`;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    if (this.samples.length < 5) this.samples.push(`${kind} on ${what}${r.body ? ': ' + r.body.slice(0, 200) : ''}`);
    return false;
  }
  summary() {
    const s = [...this.ms].sort((a, b) => a - b);
    const r2 = (x) => (x === null ? null : Math.round(x * 100) / 100);
    return {
      requests: this.ok + this.errors, ok: this.ok, errors: this.errors,
      p50_ms: r2(percentile(s, 50)), p95_ms: r2(percentile(s, 95)), p99_ms: r2(percentile(s, 99)),
      max_ms: r2(s.length ? s[s.length - 1] : null),
      error_kinds: Object.fromEntries(this.byKind), error_samples: this.samples,
    };
  }
}

async function main() {
  const o = parseArgs(process.argv);
  const queries = readQueries(o.queries);
  const docs = o.import ? readDocs(o.docs) : [];
  let server = null;
  let url = o.url;
  let token = o.token;
  if (!url) {
    if (!existsSync(o.exe)) { console.error(`load.mjs: no beslut at ${o.exe}`); process.exit(2); }
    try {
      server = await startServer(o);
    } catch (e) {
      console.error(`load.mjs: ${e.message}`);
      process.exit(2);
    }
    url = server.url;
    token = server.token;
  }
  const importing = o.import && !!token;
  const load0 = os.loadavg()[0];

  const agent = new http.Agent({ keepAlive: true, maxSockets: o.clients, maxFreeSockets: o.clients });
  const importAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const search = new Stats();
  const imports = new Stats();
  let created = 0;
  let existing = 0;
  let measuring = o.warmup === 0;
  let running = true;

  async function searcher(id) {
    let n = Math.floor((id * queries.length) / o.clients);
    while (running) {
      const path = queries[n++ % queries.length];
      const r = await request(agent, url + path, {});
      if (measuring) search.add(r, path);  // one that ends after the stop was sent in time: it counts
    }
  }

  async function importer() {
    let n = 0;
    while (running) {
      const doc = docs[n % docs.length];
      const copy = Math.floor(n / docs.length);
      ++n;
      const text = `${doc.text}\n\nLasttest: kopia ${copy} av ${doc.name}, ${process.pid}-${n}.\n`;
      const name = encodeURIComponent(`${basename(doc.name, '.txt').replace(/\.md$/, '')}-lasttest-${n}.txt`);
      const r = await request(importAgent, `${url}/api/v1/documents?filename=${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain; charset=utf-8' },
        body: Buffer.from(text, 'utf8'), keepBody: true,
      });
      if (!measuring) continue;
      if (imports.add(r, `import ${doc.name}`)) {
        if (r.status === 201) created++; else existing++;
      }
    }
  }

  const workers = [];
  for (let i = 0; i < o.clients; ++i) workers.push(searcher(i));
  if (importing) workers.push(importer());
  if (o.warmup > 0) {
    await new Promise((r) => setTimeout(r, o.warmup * 1000));
    measuring = true;
  }
  const started = process.hrtime.bigint();
  await new Promise((r) => setTimeout(r, o.seconds * 1000));
  running = false;
  await Promise.all(workers);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  importAgent.destroy();

  const s = search.summary();
  const im = imports.summary();
  const alive = server ? server.alive() : true;
  const serverErrors = server ? server.log().split('\n').filter((l) => /error/i.test(l)) : [];
  const result = {
    seconds: Math.round(seconds * 10) / 10, clients: o.clients, url, exe: server ? o.exe : null,
    search: { ...s, per_second: Math.round((s.requests / seconds) * 10) / 10 },
    import: importing ? { ...im, created, existing, per_second: Math.round((im.requests / seconds) * 100) / 100 } : null,
    server_alive: alive, server_error_lines: serverErrors.length,
    loadavg: [load0, os.loadavg()[0]].map((x) => Math.round(x * 100) / 100), cpus: os.cpus().length,
  };

  if (o.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const f = (x) => (x === null ? '-' : x.toFixed(1));
    console.log(`Beslut load: ${result.seconds} s after ${o.warmup} s warm-up, ${o.clients} keep-alive search clients, ` +
      `${importing ? '1 importer' : 'no importer'}; ${url}${server ? ` (${o.exe})` : ''}`);
    console.log(`  machine: ${result.cpus} CPUs, load average ${result.loadavg[0]} at start, ${result.loadavg[1]} at end`);
    console.log(`  search:  ${s.requests} requests (${result.search.per_second}/s), ${s.errors} errors; ` +
      `latency p50 ${f(s.p50_ms)} ms, p95 ${f(s.p95_ms)} ms, p99 ${f(s.p99_ms)} ms, max ${f(s.max_ms)} ms`);
    if (importing) {
      console.log(`  import:  ${im.requests} requests (${result.import.per_second}/s): ${created} created, ${existing} already stored, ` +
        `${im.errors} errors; latency p50 ${f(im.p50_ms)} ms, p99 ${f(im.p99_ms)} ms, max ${f(im.max_ms)} ms`);
    }
    for (const [label, st] of [['search', s], ['import', im]]) {
      for (const [kind, count] of Object.entries(st.error_kinds)) console.log(`  ${label} error: ${kind} × ${count}`);
      for (const sample of st.error_samples) console.log(`    e.g. ${sample}`);
    }
    if (server) console.log(`  server: ${alive ? 'running' : 'DIED'} at the end, ${serverErrors.length} error lines in its log`);
    for (const l of serverErrors.slice(0, 5)) console.log(`    ${l}`);
  }
  const errors = s.errors + (importing ? im.errors : 0) + (alive ? 0 : 1);
  console.log(`LOAD_RESULT seconds=${result.seconds} clients=${o.clients} requests=${s.requests} errors=${s.errors} ` +
    `p50_ms=${s.p50_ms} p95_ms=${s.p95_ms} p99_ms=${s.p99_ms} max_ms=${s.max_ms} ` +
    `imports=${importing ? im.requests : 0} import_errors=${importing ? im.errors : 0} import_p50_ms=${im.p50_ms} ` +
    `import_p99_ms=${im.p99_ms} server_alive=${alive}`);
  if (server) {
    if (o.keep) console.log(`  data kept in ${server.data}`);
    await server.stop();
  }
  process.exit(errors > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(`load.mjs: ${e.stack || e}`);
  process.exit(2);
});
