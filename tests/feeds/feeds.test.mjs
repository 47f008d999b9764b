// Starts the built `beslut` on a free loopback port over a temporary data
// folder, imports the 2018 minutes, follows up Ewa Lindberg's assignment and
// parses the feeds with real parsers: ical.js for iCalendar, rss-parser for Atom.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import Parser from 'rss-parser';

const exe = process.env.BESLUT_EXE;
const source = process.env.BESLUT_SOURCE_DIR;
assert.ok(exe && source, 'BESLUT_EXE and BESLUT_SOURCE_DIR must be set');

async function startServer(data) {
  const server = spawn(exe, ['serve', '--data', data, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + out)), 20000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/serves (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { server, base };
}

async function json(base, path, init) {
  const res = await fetch(base + path, init);
  const body = await res.json();
  return { status: res.status, body };
}

function post(base, path, body, token) {
  return json(base, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

test('assignment due dates and follow-ups as iCalendar and Atom, parsed by real parsers', async () => {
  const data = mkdtempSync(join(tmpdir(), 'beslut-feeds-'));
  execFileSync(exe, ['import', '--data', data, join(source, 'content/samples/protokoll-ssr-skola-utbildning-2018-09-28.txt')]);
  // The CLI contract: a user whose password comes on standard input, and an API token for them.
  execFileSync(exe, ['user', 'add', '--data', data, 'Anna Elverskog', '--role', 'administrator'],
    { input: 'ett långt lösenord\n' });
  const token = execFileSync(exe, ['token', 'create', '--data', data, 'Anna Elverskog']).toString().trim();
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  const { server, base } = await startServer(data);
  try {
    const list = await json(base, '/api/v1/assignments?assignee=Ewa');
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 1);
    const a = list.body.assignments[0];
    const corrected = await post(base, `/api/v1/documents/${a.source.document_id}/corrections`,
      { path: '/items/13/assignments/0', value: { due: '2019-10' } }, token);
    assert.equal(corrected.status, 201);
    const followed = await post(base, `/api/v1/assignments/${a.id}/followups`,
      { status: 'done', comment: 'Klart – uppdragsutbildningen startar <i>i höst</i>.', date: '2019-09-30' }, token);
    assert.equal(followed.status, 201);

    const ics = await (await fetch(base + '/feeds/assignments.ics')).text();
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.equal(events.length, 1);
    assert.match(events[0].summary, /Ewa Lindberg/);
    assert.equal(events[0].startDate.toString(), '2019-10-31');  // a month's due date is its last day
    assert.ok(events[0].startDate.isDate, 'an all-day event');
    assert.equal(events[0].uid, `assignment-${a.id}@beslut`);

    const parser = new Parser();
    const atom = await parser.parseString(await (await fetch(base + '/feeds/followups.atom')).text());
    assert.equal(atom.title, 'Beslut – uppföljning av uppdrag');
    assert.ok(atom.items.length >= 1);
    assert.match(atom.items[0].title, /^Ewa Lindberg.*: klar/);
    assert.equal(atom.items[0].summary ?? atom.items[0].contentSnippet ?? atom.items[0].content,
      'Klart – uppdragsutbildningen startar <i>i höst</i>.');

    assert.equal((await post(base, '/api/v1/saved-searches', { name: 'Komtek', query: 'Komtek' }, 'fel')).status, 401);
    const saved = await post(base, '/api/v1/saved-searches', { name: 'Komtek', query: 'Komtek' }, token);
    assert.equal(saved.status, 201);
    const searchFeed = await parser.parseString(await (await fetch(base + saved.body.feed)).text());
    assert.equal(searchFeed.title, 'Beslut – Komtek');
    assert.equal(searchFeed.items.length, 1);
    assert.match(searchFeed.items[0].title, /Besök från Komtek/);
  } finally {
    server.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  }
});
