// Disk full: Beslut's data folder on a tiny filesystem (tmpfs, mounted here;
// needs root, as CI has). Imports until the disk is full must answer 507 with
// a Swedish message, never 500 and never 2xx for something not stored; reads
// and search keep working; once space is freed, imports succeed again and
// become searchable, without a restart. Skipped only where mounting is not
// allowed and BESLUT_REQUIRE_MOUNT is not 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  createUserWithToken, startServer, stopServer, importDocument, getJson, sleep,
} from './lib.mjs';

function tryMount(dir, size) {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return true;
  } catch (e) {
    return false;
  }
}

function minutes(n, marker) {
  // Different bytes every time (no "already imported"), and a few KB each.
  return `Protokoll Regionala utvecklingsnämnden\nTid: 2024-0${1 + (n % 9)}-1${n % 10} kl 09:00 – 11:00\n\n` +
    `1. Mötet öppnas\n\n2. Information om ${marker}\n\nNämnden informeras om ${marker}. ` +
    'Ärendet gäller regional utveckling och kompetensförsörjning i länet. '.repeat(40) + `\n\nSlut ${n}\n`;
}

test('a full disk answers 507, reads and search go on, and writes work again once space is freed', { timeout: 240000 }, async (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'beslut-diskfull-'));
  const mounted = tryMount(root, '24m');
  if (!mounted) {
    rmSync(root, { recursive: true, force: true });
    if (process.env.BESLUT_REQUIRE_MOUNT === '1') assert.fail('cannot mount a tmpfs (run as root)');
    t.skip('mounting a tmpfs needs root');
    return;
  }
  let server;
  try {
    const data = path.join(root, 'data');
    mkdirSync(data);
    const token = createUserWithToken(data, { name: 'Sara Sekreterare', role: 'administrator' });
    server = await startServer(data, { ready: true });
    const first = await importDocument(server.base, token, 'forsta.txt', minutes(0, 'kanelbullefrågan'));
    assert.equal(first.status, 201, first.text);

    // Fill the disk, leaving a little: the store's next writes cannot fit.
    const filler = path.join(root, 'fyllnad');
    const free = () => Number(execFileSync('df', ['--output=avail', '-B1', root]).toString().split('\n')[1]);
    writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 256 * 1024)));

    let full = null;
    for (let n = 1; n <= 400 && !full; ++n) {
      const r = await importDocument(server.base, token, `nr${n}.txt`, minutes(n, `marker${n}x`));
      assert.notEqual(r.status, 500, `import ${n} answered 500: ${r.text}`);
      if (r.status === 201) continue;
      full = r;
    }
    assert.ok(full, 'the disk never filled');
    assert.equal(full.status, 507, full.text);
    assert.match(full.json?.error?.message ?? '', /plats/);

    // Reads and search go on.
    const read = await getJson(server.base, `/api/v1/documents/${first.json.id}`);
    assert.equal(read.status, 200);
    const found = await getJson(server.base, '/api/v1/search?q=kanelbullefr%C3%A5gan');
    assert.equal(found.status, 200);
    assert.equal(found.json.total, 1);

    // Space again: the next import is stored and found, without a restart.
    rmSync(filler);
    let again;
    for (let i = 0; i < 20; ++i) {
      again = await importDocument(server.base, token, 'igen.txt', minutes(999, 'pepparkaksfrågan'));
      if (again.status === 201) break;
      await sleep(500);
    }
    assert.equal(again.status, 201, again.text);
    let total = 0;
    for (let i = 0; i < 40 && total === 0; ++i) {
      total = (await getJson(server.base, '/api/v1/search?q=pepparkaksfr%C3%A5gan')).json.total;
      if (total === 0) await sleep(250);
    }
    assert.equal(total, 1);
  } finally {
    if (server) await stopServer(server);
    try { execFileSync('umount', [root]); } catch { /* already gone */ }
    rmSync(root, { recursive: true, force: true });
  }
});
