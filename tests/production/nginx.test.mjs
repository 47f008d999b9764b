// The production setup: nginx in front of Beslut with the SHIPPED includes
// (server/nginx/beslut-zones.conf, beslut-proxy.conf; beslut.conf is the TLS
// server that includes them), run as the current user on loopback plain HTTP
// with every path in a temporary folder, in front of the built `beslut` on a
// free port. Checks, through nginx:
//   (a) 100 slow half-open connections (partial headers, then a byte every 2 s)
//       do not keep 20 legitimate GETs from being answered within seconds,
//       and nginx drops the slow ones (client_header_timeout);
//   (b) ambiguous framing (two Transfer-Encoding headers, Content-Length: -1,
//       Transfer-Encoding: gzip, chunked, bad and huge chunk sizes, …) is
//       refused with a 4xx/501 and the request pipelined behind it in the same
//       write (an import of a document with a unique word) never reaches
//       Beslut: the word is not found afterwards, while the same pipelined
//       import behind a valid request is;
//   (c) an upload cut off before its Content-Length is never stored.
// The same slow-client attack, framing probes and cut-off upload are also run
// against Beslut directly, without nginx; those figures are printed, not
// asserted.
//
//   node --test tests/production/nginx.test.mjs
// Environment: BESLUT_EXE (default /work/main/build/bin/beslut),
// BESLUT_SOURCE_DIR (default /work/main), NGINX (default /usr/sbin/nginx),
// BESLUT_REQUIRE_NGINX=1 to fail instead of skipping when nginx is missing.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import {
  exe, source, nginxExe, sleep, tempDir, prepareData, startBeslut, startNginx,
  rawExchange, timedGet, getJson, cleanup,
} from './lib.mjs';

const haveNginx = existsSync(nginxExe);
const requireNginx = process.env.BESLUT_REQUIRE_NGINX === '1';
const skip = !haveNginx && !requireNginx ? `nginx not found at ${nginxExe} (set NGINX, or BESLUT_REQUIRE_NGINX=1 to fail)` : false;

const report = (line) => console.log(line);

// --- the slow-client attack ---------------------------------------------------

// Opens `connections` sockets that send the start of a request and then one
// byte every `dripMs`, never finishing the header.
function slowAttack(port, { connections = 100, dripMs = 2000 } = {}) {
  const sockets = [];
  const state = { connected: 0, closedByServer: 0, answered: 0 };
  for (let i = 0; i < connections; ++i) {
    const s = net.connect(port, '127.0.0.1');
    s.setNoDelay(true);
    s.on('connect', () => {
      state.connected++;
      s.write(`GET /api/v1/search?q=kommun HTTP/1.1\r\nHost: localhost\r\nX-Slow-${i}: `);
    });
    s.once('data', () => { state.answered++; });
    s.on('close', () => { if (!s.closedByUs) state.closedByServer++; });
    s.on('error', () => {});
    sockets.push(s);
  }
  const timer = setInterval(() => {
    for (const s of sockets) if (!s.destroyed && s.writable) s.write('a');
  }, dripMs);
  return {
    state,
    stop() {
      clearInterval(timer);
      for (const s of sockets) { s.closedByUs = true; s.destroy(); }
    },
  };
}

// 20 legitimate GETs at once, each on its own connection, each given timeoutMs.
async function legitimate(port, timeoutMs) {
  const paths = [];
  for (let i = 0; i < 10; ++i) paths.push('/api/v1/search?q=kommun', '/');
  return Promise.all(paths.map((p) => timedGet(port, p, timeoutMs).then((r) => ({ path: p, ...r }))));
}

function summarize(results) {
  const ok = results.filter((r) => r.ok);
  const ms = ok.map((r) => r.ms).sort((a, b) => a - b);
  return {
    ok: ok.length,
    timedOut: results.filter((r) => r.error === 'timeout').length,
    failed: results.filter((r) => !r.ok && r.error !== 'timeout').length,
    maxMs: ms.length ? ms[ms.length - 1] : null,
    medianMs: ms.length ? ms[Math.floor(ms.length / 2)] : null,
  };
}

// --- ambiguous framing ----------------------------------------------------------

// Each case: a request with ambiguous or bad framing, then (same write) an
// import of a small document holding `marker`. If anything downstream executes
// the pipelined import, the marker becomes searchable.
const head = 'POST /api/v1/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n';
const framingCases = [
  ['two Transfer-Encoding headers', (imp) => `${head}Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${imp}`],
  ['Transfer-Encoding chunked then identity', (imp) => `${head}Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n0\r\n\r\n${imp}`],
  ['Content-Length: -1', (imp) => `${head}Content-Length: -1\r\n\r\n${imp}`],
  ['Transfer-Encoding: gzip, chunked', (imp) => `${head}Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n${imp}`],
  ['bad chunk size', (imp) => `${head}Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n${imp}`],
  ['huge chunk size (overflows 64 bits)', (imp) => `${head}Transfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\nabc\r\n0\r\n\r\n${imp}`],
  ['chunk of 2 GB', (imp) => `${head}Transfer-Encoding: chunked\r\n\r\n7fffffff\r\nabc\r\n0\r\n\r\n${imp}`],
  ['Content-Length with Transfer-Encoding', (imp) => `${head}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${imp}`],
  ['two Content-Length headers', (imp) => `${head}Content-Length: 2\r\nContent-Length: 0\r\n\r\n{}${imp}`],
];

// A unique word per probe (letters only, so that the analyzer keeps it whole).
let markerCount = 0;
function marker(tag) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let n = markerCount++;
  let suffix = '';
  do { suffix += letters[n % 26]; n = Math.floor(n / 26); } while (n > 0);
  return `zqx${tag}${suffix}`;
}

function importRequest(token, word) {
  const body = `Anteckning\n\nDetta dokument får bara finnas om begäran nådde Beslut: ${word}.\n`;
  return `POST /api/v1/documents?filename=${word}.txt HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n` +
    `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

async function stored(beslut, token, word) {
  const r = await getJson(beslut.base, `/api/v1/search?q=${word}&facets=false`, token);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.total;
}

// --- the interrupted upload ---------------------------------------------------------

// Sends the header of an upload announcing `announced` bytes, `sent` bytes of a
// text holding `word`, then closes (FIN, or RST with reset: true).
function cutUpload(port, token, word, { announced = 200000, sent = 50000, reset = false } = {}) {
  return new Promise((resolvePromise) => {
    const line = `Protokoll ${word} fortsätter här med mer text om kommunens beslut.\n`;
    let body = '';
    while (body.length < sent) body += line;
    body = body.slice(0, sent);
    const s = net.connect(port, '127.0.0.1');
    let answer = '';
    s.on('data', (c) => { answer += c; });
    s.on('error', () => {});
    s.on('close', () => resolvePromise(answer));
    s.on('connect', () => {
      s.write(`POST /api/v1/documents?filename=${word}.txt HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${announced}\r\n\r\n`);
      s.write(body, () => setTimeout(() => (reset ? s.resetAndDestroy() : s.end()), 300));
    });
    setTimeout(() => { s.destroy(); }, 5000);
  });
}

describe('Beslut behind nginx with the shipped configuration', { skip, timeout: 170000 }, () => {
  let data;
  let ndir;
  let token;
  let beslut;
  let nginx;

  before(async () => {
    assert.ok(existsSync(nginxExe), `nginx is required (BESLUT_REQUIRE_NGINX=1) but missing: ${nginxExe}`);
    assert.ok(existsSync(exe), `beslut not found: ${exe}`);
    data = tempDir('beslut-prod-data-');
    ndir = tempDir('beslut-prod-nginx-');
    token = prepareData(data);
    beslut = await startBeslut(data);
    nginx = await startNginx(ndir, beslut.port);
    report(`beslut ${beslut.base}, nginx ${nginx.base} (${nginxExe}, prefix ${ndir})`);
  });

  after(async () => {
    if (nginx) await nginx.stop();
    if (beslut) await beslut.stop();
    if (process.env.BESLUT_KEEP_TEMP !== '1') {
      if (data) cleanup(data);
      if (ndir) cleanup(ndir);
    }
  });

  test('beslut.conf is the TLS server around the shipped includes', () => {
    const conf = readFileSync(join(source, 'server/nginx/beslut.conf'), 'utf8');
    assert.match(conf, /^\s*include\s+\S*beslut-zones\.conf;/m);
    assert.match(conf, /^\s*include\s+\S*beslut-proxy\.conf;/m);
    assert.match(conf, /^\s*upstream beslut \{/m);
    const proxy = readFileSync(join(source, 'server/nginx/beslut-proxy.conf'), 'utf8');
    for (const d of ['client_header_timeout', 'client_body_timeout', 'client_max_body_size', 'proxy_request_buffering on', 'limit_req zone=']) {
      assert.ok(proxy.includes(d), `beslut-proxy.conf sets ${d}`);
    }
  });

  test('beslut.conf with its includes passes nginx -t (with a throw-away certificate)', (t) => {
    let haveOpenssl = true;
    try { execFileSync('openssl', ['version'], { stdio: 'pipe' }); } catch { haveOpenssl = false; }
    if (!haveOpenssl) { t.skip('openssl not found'); return; }
    // The layout of /etc/nginx: the includes in snippets/ beside nginx.conf.
    const dir = tempDir('beslut-prod-conf-');
    try {
      mkdirSync(join(dir, 'snippets'));
      mkdirSync(join(dir, 'logs'));
      for (const f of ['beslut-zones.conf', 'beslut-proxy.conf']) copyFileSync(join(source, 'server/nginx', f), join(dir, 'snippets', f));
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'),
        '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=beslut.example.se'], { stdio: 'pipe' });
      const site = readFileSync(join(source, 'server/nginx/beslut.conf'), 'utf8')
        .replace('/etc/ssl/certs/beslut.pem', join(dir, 'cert.pem'))
        .replace('/etc/ssl/private/beslut.key', join(dir, 'key.pem'));
      writeFileSync(join(dir, 'beslut.conf'), site);
      const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((d) => `    ${d}_temp_path ${join(dir, d)};`).join('\n');
      writeFileSync(join(dir, 'nginx.conf'),
        `pid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\nevents {}\nhttp {\n${temp}\n    include ${dir}/beslut.conf;\n}\n`);
      try {
        execFileSync(nginxExe, ['-t', '-p', dir + '/', '-e', join(dir, 'logs/error.log'), '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
      } catch (e) {
        assert.fail(`nginx -t refuses server/nginx/beslut.conf:\n${e.stderr}`);
      }
    } finally {
      cleanup(dir);
    }
  });

  test('through nginx: the samples are served', async () => {
    const r = await getJson(nginx.base, '/api/v1/search?q=kommun');
    assert.equal(r.status, 200);
    assert.ok(r.body.total > 0);
  });

  test('(a) through nginx: 100 slow clients do not keep 20 legitimate GETs waiting', { timeout: 60000 }, async () => {
    const started = Date.now();
    const attack = slowAttack(nginx.port);
    try {
      await sleep(3000);  // every connection open and dripping
      assert.equal(attack.state.connected, 100, 'all slow connections are open');
      assert.equal(attack.state.closedByServer, 0, 'and still open when the legitimate requests come');
      const results = await legitimate(nginx.port, 5000);
      const s = summarize(results);
      report(`through nginx, 100 slow clients: ${s.ok} of 20 legitimate GETs answered 200 (median ${s.medianMs} ms, max ${s.maxMs} ms), ${s.timedOut} timed out, ${s.failed} failed`);
      for (const r of results) assert.ok(r.ok, `${r.path}: ${JSON.stringify(r)}`);
      for (const r of results) assert.ok(r.ms < 5000, `${r.path} took ${r.ms} ms`);
      // nginx drops them after client_header_timeout (10 s); Beslut never sees them.
      while (attack.state.closedByServer < 100 && Date.now() - started < 16000) await sleep(250);
      report(`nginx closed ${attack.state.closedByServer} of 100 slow connections within ${((Date.now() - started) / 1000).toFixed(1)} s`);
      assert.equal(attack.state.closedByServer, 100, 'nginx closes slow headers (client_header_timeout 10s)');
      const timedOut = nginx.accessLog().split('\n').filter((l) => / 408 /.test(l));
      assert.equal(timedOut.length, 100, 'nginx logged 100 header timeouts (408)');
      assert.deepEqual(timedOut.filter((l) => !l.includes('upstream=-')), [], 'no slow request was forwarded to Beslut');
    } finally {
      attack.stop();
    }
  });

  test('(a) directly against Beslut, without nginx (informational)', { timeout: 60000 }, async () => {
    const attack = slowAttack(beslut.port);
    let s;
    try {
      await sleep(3000);
      const results = await legitimate(beslut.port, 5000);
      s = summarize(results);
      report(`DIRECT to Beslut, ${attack.state.connected} slow clients open (${attack.state.closedByServer} closed by Beslut): ` +
        `${s.ok} of 20 legitimate GETs answered within 5 s (median ${s.medianMs} ms, max ${s.maxMs} ms), ` +
        `${s.timedOut} of 20 timed out, ${s.failed} failed`);
    } finally {
      attack.stop();
    }
    // Beslut should come back once the slow clients are gone.
    const back = Date.now();
    let healthy = false;
    while (!healthy && Date.now() - back < 20000) {
      healthy = (await timedGet(beslut.port, '/healthz', 2000)).ok;
      if (!healthy) await sleep(200);
    }
    report(`DIRECT: Beslut ${healthy ? 'answers again' : 'still does not answer'} ${Date.now() - back} ms after the slow clients left`);
    assert.ok(beslut.alive(), 'beslut is still running');
  });

  test('(b) through nginx: ambiguous framing is refused and the pipelined request never reaches Beslut', { timeout: 60000 }, async () => {
    // The detector works: the same pipelined import behind a valid request is stored.
    const control = marker('control');
    const c = await rawExchange(nginx.port, `GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n${importRequest(token, control)}`, { timeoutMs: 5000 });
    assert.deepEqual(c.statuses, [200, 201], c.text);
    assert.equal(await stored(beslut, token, control), 1, 'a pipelined import behind a valid request is stored');

    const words = [];
    for (const [name, build] of framingCases) {
      const word = marker('nginx');
      words.push([name, word]);
      const r = await rawExchange(nginx.port, build(importRequest(token, word)), { timeoutMs: 5000 });
      report(`through nginx, ${name}: ${r.statuses.join(', ') || 'no answer'}${r.closed ? ', closed' : ''}`);
      assert.equal(r.statuses.length, 1, `${name}: one answer only, the pipelined request is not served: ${r.text}`);
      const status = r.statuses[0];
      assert.ok((status >= 400 && status < 500) || status === 501, `${name}: ${status}`);
      assert.ok(r.closed, `${name}: nginx closes the connection`);
    }
    for (const [name, word] of words) {
      assert.equal(await stored(beslut, token, word), 0, `${name}: the pipelined import reached Beslut`);
    }
    const leaked = nginx.accessLog().split('\n').filter((l) => l.includes('/api/v1/login') && !l.includes('upstream=-'));
    assert.deepEqual(leaked, [], 'none of the malformed requests was forwarded');
  });

  test('(b) directly against Beslut, without nginx (informational)', { timeout: 60000 }, async () => {
    for (const [name, build] of framingCases) {
      const word = marker('direct');
      const r = await rawExchange(beslut.port, build(importRequest(token, word)), { timeoutMs: 2000 });
      const n = await stored(beslut, token, word);
      report(`DIRECT ${name}: ${r.statuses.join(', ') || 'no answer within 2 s'}${r.closed ? ', closed' : ', left open'}; ` +
        `pipelined import ${n > 0 ? 'EXECUTED' : 'not executed'}`);
    }
    assert.ok(beslut.alive(), 'beslut is still running');
  });

  test('(c) through nginx: an upload cut off before its Content-Length is not stored', { timeout: 30000 }, async () => {
    for (const reset of [false, true]) {
      const word = marker('cut');
      const answer = await cutUpload(nginx.port, token, word, { reset });
      await sleep(300);
      assert.equal(await stored(beslut, token, word), 0, `cut upload (${reset ? 'RST' : 'FIN'}) was stored; answer: ${answer}`);
    }
    const forwarded = nginx.accessLog().split('\n').filter((l) => l.includes('zqxcut') && !l.includes('upstream=-'));
    assert.deepEqual(forwarded, [], 'nginx did not forward the cut uploads');
  });

  test('(c) directly against Beslut, without nginx (informational)', { timeout: 30000 }, async () => {
    for (const reset of [false, true]) {
      const word = marker('cutdirect');
      const answer = await cutUpload(beslut.port, token, word, { reset });
      await sleep(300);
      const n = await stored(beslut, token, word);
      const status = answer.match(/HTTP\/1\.[01] (\d{3})/)?.[1] ?? 'no answer';
      report(`DIRECT cut upload (50,000 of 200,000 bytes, then ${reset ? 'RST' : 'FIN'}): answer ${status}; ${n > 0 ? 'STORED' : 'not stored'}`);
    }
    assert.ok(beslut.alive(), 'beslut is still running');
  });
});
