// Crash-safety harness for `beslut serve` (Node 20, no npm packages).
//
//   node --test tests/resilience/crash.mjs          CI run: 20 cycles (BESLUT_CRASH_CYCLES overrides), ~1 min
//   node tests/resilience/crash.mjs --cycles 200    full run; prints the figures at the end
//        [--seed S] [--sample N|all] [--keep]
//
// Environment: BESLUT_EXE (default /work/main/build/bin/beslut); BESLUT_SOURCE_DIR (accepted, not
// needed); BESLUT_CRASH_CYCLES; BESLUT_CRASH_SEED (the same kill moments again); BESLUT_CRASH_IMPORTERS
// (concurrent importers, default 4); BESLUT_CRASH_SAMPLE (older acknowledged documents re-verified
// after each restart, default 300, `all` for every one); BESLUT_REQUIRE_CHECK=1 (fail, instead of
// reporting "not available", when the binary has no `beslut check`, `beslut audit verify` or
// `beslut audit list`); BESLUT_KEEP_DATA=1 or --keep (keep the data folder and print where it is);
// BESLUT_SNAPSHOT=0 (run the binary in place; by default its installation, bin/beslut with ../lib,
// ../share and ../etc, is copied to a temporary folder at the start, so that a rebuild during the
// run cannot mix two builds); BESLUT_BINARY_WAIT_MS (how long to wait for a build in progress).
//
// One data folder lives through the whole run; a secretary and an API token are made with the CLI
// before the first start. Each cycle: the server starts on port 0 and must answer /healthz and
// /readyz; the importers POST unique Swedish minutes to /api/v1/documents (raw body with
// ?filename= or multipart), each with a marker word QX<16 hex>7 and an end-marker line
// "SLUTMARKÖR <marker> SLUT" as its last line; 50–1500 ms after the imports start the server gets
// SIGKILL (every fifth cycle SIGTERM, which must end it with exit 0 within 10 s). A 2xx answer with
// an id is an acknowledgement; about half of the unacknowledged documents are sent again, byte for
// byte, in the next cycle (which must answer with the one existing document, never make a second).
// After every restart (new documents and a sample of older ones) and at the end (all):
//   - every acknowledged document is stored under its id, its original byte for byte;
//   - search for its marker finds it (and every other stored document of ours);
//   - a marker is in at most one document (the store is read id by id, and search is asked);
//   - every stored document is complete (marker, end-marker line, original bytes) and one of ours.
// At the end, server stopped: `beslut check` and `beslut audit verify` exit 0; every acknowledged
// document has a `document.import` audit row (`beslut audit list --json`; while that does not exist,
// audit_log is read with the sqlite3 shell); then the index is damaged twice (garbage over the
// postings of its largest segment; its commit point segments_N truncated) and the server must come
// up, rebuild from the store and find every stored document again (`beslut check` must notice the
// damage first). A round the server does not survive is repaired with `beslut reindex` (or by
// deleting the index folder) so that the next can run.
import { test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync, openSync, writeSync, closeSync, truncateSync, existsSync, writeFileSync, rmSync, realpathSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as lib from './lib.mjs';

const SIGTERM_LIMIT_MS = 10000;
const SIGTERM_WAIT_MS = 60000;       // how long we wait to measure a slow shutdown before SIGKILL
const START_TIMEOUT_MS = 90000;      // first answer and index caught up, also after a rebuild
const MARKER_RE = /QX[0-9a-f]{16}7/g;

// ------------------------------------------------------------------ random numbers (seeded)

function prng(seed) {
  let a = seed >>> 0;
  return () => {  // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ------------------------------------------------------------------ documents

const ORGAN_LINE = 'Kommunstyrelsen';
const PLACE = 'Stadshuset, Lindesberg';
const PEOPLE = ['Anna Berg', 'Karl Nilsson', 'Eva Lund', 'Per Holm', 'Maria Sjöberg', 'Johan Ek', 'Sara Lindqvist'];
const TOPICS = [
  ['Budgetuppföljning per mars', 'godkänna budgetuppföljningen och lägga den till handlingarna'],
  ['Revidering av delegationsordningen', 'anta den reviderade delegationsordningen'],
  ['Medborgarförslag om belysning vid Lindbacka', 'anse medborgarförslaget besvarat'],
  ['Årsredovisning för räddningstjänsten', 'godkänna årsredovisningen för räddningstjänsten'],
  ['Taxa för bygglov', 'fastställa taxan för bygglov enligt förvaltningens förslag'],
  ['Avfallsplan för länets kommuner', 'ställa sig bakom avfallsplanen'],
  ['Informationsärenden', 'lägga informationen till handlingarna'],
  ['Samverkansavtal om kollektivtrafik', 'godkänna samverkansavtalet'],
  ['Ansökan om medel ur landsbygdsfonden', 'bevilja föreningen 40 000 kronor'],
];
const FILLER = [
  'Förvaltningen redogör för ärendet och besvarar frågor från ledamöterna.',
  'Ärendet har beretts av arbetsutskottet som föreslår kommunstyrelsen att besluta enligt förslaget.',
  'Under överläggningen yrkar ordföranden bifall till arbetsutskottets förslag.',
  'Ordföranden ställer proposition på förslaget och finner att kommunstyrelsen bifaller detsamma.',
  'Ekonomichefen informerar om det ekonomiska läget och prognosen för helåret.',
  'Underlaget har skickats ut till ledamöterna tillsammans med kallelsen.',
  'Kommunstyrelsen noterar att ärendet har diskuterats i samtliga partigrupper.',
];

// A unique small set of minutes: returns {marker, endLine, filename, bytes}.
function makeDocument(rand) {
  const marker = 'QX' + randomBytes(8).toString('hex') + '7';
  const endLine = `SLUTMARKÖR ${marker} SLUT`;
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const date = `20${20 + Math.floor(rand() * 6)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const lines = [
    'PROTOKOLL', ORGAN_LINE, `Sammanträdesdatum ${date}`, '', `Plats: ${PLACE}`,
    `Ordförande: ${PEOPLE[0]}`, `Sekreterare: ${PEOPLE[1]}`, '',
    '§ 1 Val av justerare', `Kommunstyrelsen beslutar att utse ${pick(PEOPLE.slice(2))} att justera protokollet.`, '',
  ];
  const items = 1 + Math.floor(rand() * 5);
  const markerItem = 2 + Math.floor(rand() * items);
  // Now and then a larger document (up to ~40 KB), so that kills also land mid-upload.
  const paragraphs = rand() < 0.15 ? 40 + Math.floor(rand() * 200) : Math.floor(rand() * 4);
  for (let n = 2; n < 2 + items; n++) {
    const [title, decision] = pick(TOPICS);
    lines.push(`§ ${n} ${title}${n === markerItem ? ` kodord ${marker}` : ''}`);
    for (let p = 0; p < paragraphs / items; p++) lines.push(pick(FILLER));
    lines.push(`Kommunstyrelsen beslutar att ${decision}${n === markerItem ? `, kodord ${marker}` : ''}.`, '');
  }
  const last = 2 + items;
  lines.push(`§ ${last} Sammanträdets avslutande`, 'Ordföranden förklarar sammanträdet avslutat.', '', endLine, '');
  return { marker, endLine, filename: `protokoll-ks-${date}-${marker.slice(2, 10)}.txt`, bytes: Buffer.from(lines.join('\n')) };
}

// ------------------------------------------------------------------ small helpers

async function pool(items, width, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  });
  await Promise.all(workers);
}

// Retries a read a few times on network errors (never on an HTTP answer).
async function read(base, path, token) {
  let last;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await lib.request(base, 'GET', path, { token, timeoutMs: 30000 });
    } catch (e) {
      last = e;
      await lib.sleep(200);
    }
  }
  throw last;
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--cycles') out.cycles = Number(argv[++i]);
    else if (argv[i].startsWith('--cycles=')) out.cycles = Number(argv[i].slice(9));
    else if (argv[i] === '--seed') out.seed = Number(argv[++i]);
    else if (argv[i] === '--keep') out.keep = true;
    else if (argv[i] === '--sample') out.sample = argv[++i] === 'all' ? Infinity : Number(argv[i]);
    else throw new Error(`unknown argument ${argv[i]} (use --cycles N [--seed S] [--sample N|all] [--keep])`);
  }
  return out;
}

// ------------------------------------------------------------------ the harness

export const CATEGORIES = {
  restart: 'server starts and becomes ready after every kill',
  import_errors: 'imports answer 2xx (or a duplicate answer) while the server runs',
  durability: 'every acknowledged document is stored, byte for byte, under its id',
  search: 'every stored document is found by search for its marker',
  duplicates: 'a marker is in at most one document; retries do not duplicate',
  half_stored: 'every stored document is complete (marker, end line, original bytes) and ours',
  sigterm: `SIGTERM ends the server (exit 0) within ${SIGTERM_LIMIT_MS / 1000} s, under imports and idle`,
  audit_rows: 'every acknowledged document has a document.import audit row',
  check: '`beslut check` exits 0 on the data folder (and non-zero on a damaged index)',
  audit_verify: '`beslut audit verify` exits 0 on the data folder',
  index_rebuild: 'a damaged index is detected and rebuilt from the store at start',
};

export async function runCrashHarness({ cycles = 20, seed, importers, sample, keep = false, log = () => {} } = {}) {
  const sampleEnv = process.env.BESLUT_CRASH_SAMPLE;
  const sampleSize = sample ?? (sampleEnv === 'all' ? Infinity : Number(sampleEnv || 300));
  seed = Number.isFinite(seed) ? seed : (Number(process.env.BESLUT_CRASH_SEED) || (Date.now() % 2 ** 31));
  importers = importers || Number(process.env.BESLUT_CRASH_IMPORTERS) || 4;
  const requireCheck = process.env.BESLUT_REQUIRE_CHECK === '1';
  keep = keep || process.env.BESLUT_KEEP_DATA === '1';
  const killRand = prng(seed);               // kill moments and SIGTERM cycles: the same for a seed
  const rand = prng((seed ^ 0x9e3779b9) >>> 0); // documents, retries, samples
  const t0 = Date.now();

  const failures = Object.fromEntries(Object.keys(CATEGORIES).map((k) => [k, []]));
  const unavailable = {};   // category → why it could not be checked
  const ran = new Set();    // categories that were checked at all
  const notes = [];
  const fail = (category, message) => failures[category].push(message);

  const docs = new Map();     // marker → {marker, endLine, filename, bytes, multipart, acked, ackId, attempts: []}
  const storedIds = new Map(); // id → marker (or null: not one of ours), from reading the store by id
  const idsByMarker = new Map(); // marker → Set of ids (the reverse of storedIds)
  const forget = (id) => {
    const m = storedIds.get(id);
    if (m) idsByMarker.get(m)?.delete(id);
    storedIds.delete(id);
  };
  const remember = (id, marker) => {
    forget(id);
    storedIds.set(id, marker);
    if (marker) {
      if (!idsByMarker.has(marker)) idsByMarker.set(marker, new Set());
      idsByMarker.get(marker).add(id);
    }
  };
  let scannedUpTo = 0;        // ids 1..scannedUpTo have been looked at
  const verifiedAcked = new Set(); // markers whose acknowledgement has been verified at least once
  const statusCounts = {};
  let retrySample = '';
  const retryOutcomes = { created: 0, existing: 0, conflict409: 0, unacknowledged: 0, other: 0 };
  const figures = {
    seed, cycles_requested: cycles, sample: sampleSize, cycles_run: 0, sigkill_cycles: 0, sigterm_cycles: 0, importers,
    requests: 0, documents_sent: 0, acknowledged: 0, unacknowledged: 0, stored_unacknowledged: 0,
    retries: 0, lost: 0, not_searchable: 0, duplicates: 0, half_stored: 0, unaudited: 0,
    stored_without_audit_row: 0, sigterm_max_ms: 0, start_max_ms: 0,
  };

  // A copy of the binary, so that a rebuild during the run cannot mix two builds (BESLUT_SNAPSHOT=0: none).
  const snapshot = process.env.BESLUT_SNAPSHOT === '0' ? null : await lib.snapshotBinary({ onWait: log });
  notes.push(snapshot ? `binary: a copy of ${snapshot.original} (built ${snapshot.builtAt})` : `binary: ${lib.exe}`);
  const dataDir = lib.makeDataDir('beslut-crash-');
  let server = null;
  const killOnExit = () => { try { if (server) server.proc.kill('SIGKILL'); } catch { /* gone */ } };
  process.on('exit', killOnExit);

  // The body the generated documents are read as: the secretary must be its secretary.
  const organization = (() => {
    const probe = makeDocument(prng(1));
    const tmp = join(dataDir, 'probe.txt');
    writeFileSync(tmp, probe.bytes);
    const r = lib.cli(['extract', '--json', tmp]);
    rmSync(tmp, { force: true });
    try {
      return JSON.parse(r.stdout).organization || 'Kommunstyrelsen (Lindesbergs kommun)';
    } catch {
      return 'Kommunstyrelsen (Lindesbergs kommun)';
    }
  })();
  const token = lib.createUserWithToken(dataDir, { name: 'Sekreterare Krocktest', role: 'secretary', organization });

  let binaryWaits = 0;

  // Lines of a finished server's log that say something went wrong (evidence for the report).
  const serverErrors = new Map(); // line → count
  function harvest(srv) {
    if (!srv) return;
    for (const line of srv.log().split('\n')) {
      if (/could not|error|exception|fail|abort|corrupt/i.test(line)) {
        const key = line.replace(/\b\d+\b/g, 'N').slice(0, 240);
        serverErrors.set(key, (serverErrors.get(key) || 0) + 1);
      }
    }
  }

  async function start(label, category = 'restart') {
    harvest(server);
    try {
      server = await lib.startServer(dataDir, {
        ready: true,
        startTimeoutMs: START_TIMEOUT_MS,
        onWait: (why) => {
          if (!binaryWaits++) notes.push(`the binary was being rebuilt during the run; waited for it (${why.split('\n').find((l) => /beslut/.test(l) && !/serves/.test(l)) || why.slice(0, 120)})`);
          log('the binary is being rebuilt; waiting …');
        },
      });
      figures.start_max_ms = Math.max(figures.start_max_ms, server.readyMs);
      return true;
    } catch (e) {
      fail(category, `${label}: ${e.message.slice(0, 3000)}`);
      server = null;
      return false;
    }
  }

  // ---- verification against a running server
  // Problems are counted once per document (sets), however often a document is looked at.
  const lostMarkers = new Set();
  const unsearchable = new Set();
  const halfStoredIds = new Set();
  const duplicateMarkers = new Set();

  // Reads document `id` afresh and records what it holds in storedIds: returns 'missing' (404),
  // 'error' (another answer) or 'stored'.
  async function inspectStored(id, cycle) {
    const r = await read(server.base, `/api/v1/documents/${id}`, token);
    if (r.status === 404) {
      if (storedIds.has(id)) {
        const m = storedIds.get(id);
        fail('durability', `cycle ${cycle}: document ${id} (marker ${m}, ${m && docs.get(m).acked ? 'acknowledged' : 'unacknowledged'}) was stored before and is gone`);
        forget(id);
      }
      return 'missing';
    }
    if (r.status !== 200) {
      fail('durability', `cycle ${cycle}: GET /api/v1/documents/${id} → ${r.status} ${r.text.slice(0, 200)}`);
      return 'error';
    }
    const markers = [...new Set(r.text.match(MARKER_RE) || [])].filter((m) => docs.has(m));
    if (markers.length !== 1) {
      remember(id, null);
      if (!halfStoredIds.has(id)) {
        halfStoredIds.add(id);
        fail('half_stored', `cycle ${cycle}: document ${id} holds ${markers.length} of our markers (${markers.join(', ') || 'none'}): ${r.text.slice(0, 300)}`);
      }
      return 'stored';
    }
    const doc = docs.get(markers[0]);
    const before = storedIds.get(id);
    if (before && before !== doc.marker) {
      fail('durability', `cycle ${cycle}: document ${id} held ${before} and now holds ${doc.marker}`);
    }
    remember(id, doc.marker);
    const orig = await read(server.base, `/api/v1/documents/${id}/original`, token);
    const endLine = r.text.includes(JSON.stringify(doc.endLine).slice(1, -1));
    const same = orig.status === 200 && orig.body.equals(doc.bytes);
    if ((!endLine || !same) && !halfStoredIds.has(id)) {
      halfStoredIds.add(id);
      fail('half_stored', `cycle ${cycle}: document ${id} (marker ${doc.marker}, ${doc.acked ? 'acknowledged' : 'unacknowledged'}) is incomplete: end line ${endLine ? 'present' : 'MISSING'}, original ${orig.status} ${orig.status === 200 ? (same ? 'equal' : `DIFFERS (${orig.body.length} of ${doc.bytes.length} bytes)`) : orig.text.slice(0, 100)}`);
    }
    return 'stored';
  }

  // Looks at ids from `from` on until `misses` ids in a row are not there.
  async function scanStore(cycle, { from = scannedUpTo + 1, misses = 10 } = {}) {
    let id = from;
    let run = 0;
    while (run < misses) {
      const what = await inspectStored(id, cycle);
      if (what === 'missing') {
        run++;
      } else {
        run = 0;
        scannedUpTo = Math.max(scannedUpTo, id);
      }
      id++;
    }
  }

  const idsOf = (marker) => [...(idsByMarker.get(marker) || [])].sort((a, b) => a - b);

  // One document we sent: stored under the acknowledged id (read afresh), one copy, searchable.
  async function checkDocument(doc, cycle) {
    if (doc.acked) {
      await inspectStored(doc.ackId, cycle);
      if (storedIds.get(doc.ackId) !== doc.marker && !lostMarkers.has(doc.marker)) {
        lostMarkers.add(doc.marker);
        const r = await read(server.base, `/api/v1/documents/${doc.ackId}`, token);
        const elsewhere = idsOf(doc.marker);
        const a = doc.attempts.find((x) => x.id === doc.ackId) || {};
        fail('durability', `cycle ${cycle}: acknowledged document ${doc.ackId} (marker ${doc.marker}, ${a.how} ${a.status} in cycle ${doc.ackCycle}) is not stored under its id: GET → ${r.status} ${r.text.slice(0, 150)}${elsewhere.length ? `; the marker is in ${elsewhere.join(', ')}` : ''}`);
      }
    }
    const ids = idsOf(doc.marker);
    if (ids.length > 1 && !duplicateMarkers.has(doc.marker)) {
      duplicateMarkers.add(doc.marker);
      fail('duplicates', `cycle ${cycle}: marker ${doc.marker} is in documents ${ids.join(', ')} (attempts: ${doc.attempts.map((a) => `c${a.cycle}:${a.how}:${a.outcome}${a.id ? '#' + a.id : ''}`).join(' ')})`);
    }
    if (!doc.acked && !ids.length) return;
    const expected = doc.acked ? doc.ackId : ids[0];
    const r = await read(server.base, `/api/v1/search?q=${encodeURIComponent(doc.marker)}&limit=100&facets=false`, token);
    if (r.status !== 200 || !r.json) {
      if (!unsearchable.has(doc.marker)) {
        unsearchable.add(doc.marker);
        fail('search', `cycle ${cycle}: search for ${doc.marker} → ${r.status} ${r.text.slice(0, 200)}`);
      }
      return;
    }
    const found = [...new Set([...(r.json.documents || []), ...(r.json.hits || [])].map((d) => d.document_id))];
    if (!found.includes(expected) && !unsearchable.has(doc.marker)) {
      unsearchable.add(doc.marker);
      fail('search', `cycle ${cycle}: search for ${doc.marker} does not find ${doc.acked ? 'acknowledged' : 'stored'} document ${expected} (found: [${found.join(', ')}])`);
    }
    if (found.length > 1 && !duplicateMarkers.has(doc.marker)) {
      duplicateMarkers.add(doc.marker);
      fail('duplicates', `cycle ${cycle}: search for ${doc.marker} finds documents ${found.join(', ')}`);
    }
  }

  // After a restart: new ids in the store, the documents of the last cycle (and acknowledged ones
  // not yet verified), and a random sample of `sampleSize` older acknowledged ones; with `all`,
  // everything (the end of the run).
  async function verify(cycle, { all = false } = {}) {
    await scanStore(cycle, all ? { from: 1, misses: 20 } : {});
    let targets;
    if (all) {
      targets = [...docs.values()];
    } else {
      const fresh = [...docs.values()].filter((d) => d.lastCycle === cycle || (d.acked && !verifiedAcked.has(d.marker)));
      const freshSet = new Set(fresh);
      const older = [...docs.values()].filter((d) => d.acked && !freshSet.has(d));
      const sample = [];
      for (let i = 0; i < sampleSize && older.length; i++) {
        const j = Math.floor(rand() * older.length);
        sample.push(older[j]);
        older[j] = older[older.length - 1];
        older.pop();
      }
      targets = [...fresh, ...sample];
    }
    await pool(targets, 4, async (d) => {
      await checkDocument(d, cycle);
      if (d.acked) verifiedAcked.add(d.marker);
    });
    figures.lost = lostMarkers.size;
    figures.not_searchable = unsearchable.size;
    figures.half_stored = halfStoredIds.size;
    figures.duplicates = duplicateMarkers.size;
  }

  // ---- one cycle of imports

  async function importCycle(cycle, retryQueue, useSigterm) {
    let stopping = false;
    const queue = [...retryQueue];
    const one = async () => {
      while (!stopping) {
        let doc = queue.shift();
        const retry = !!doc;
        if (!doc) {
          doc = { ...makeDocument(rand), multipart: rand() < 0.5, acked: false, ackId: 0, attempts: [] };
          docs.set(doc.marker, doc);
          figures.documents_sent++;
        } else {
          figures.retries++;
        }
        doc.lastCycle = cycle;
        const attempt = { cycle, retry, how: doc.multipart ? 'multipart' : 'raw', outcome: 'pending', id: 0 };
        doc.attempts.push(attempt);
        figures.requests++;
        try {
          const r = await lib.importDocument(server.base, token, doc.filename, doc.bytes, { multipart: doc.multipart, timeoutMs: 60000 });
          statusCounts[r.status] = (statusCounts[r.status] || 0) + 1;
          attempt.status = r.status;
          if (r.status >= 200 && r.status < 300 && r.json && Number.isInteger(r.json.id)) {
            attempt.outcome = r.json.created === false ? 'existing' : 'created';
            attempt.id = r.json.id;
            if (doc.acked && doc.ackId !== r.json.id) {
              fail('duplicates', `cycle ${cycle}: ${doc.marker} was acknowledged as ${doc.ackId}, now again as ${r.json.id} (${r.status})`);
            }
            if (!doc.acked) { doc.acked = true; doc.ackId = r.json.id; doc.ackCycle = cycle; }
            if (retry) retryOutcomes[attempt.outcome]++;
            if (retry && attempt.outcome === 'existing' && !retrySample) retrySample = `${r.status} ${r.text.slice(0, 160)}`;
          } else if (r.status === 409) {
            attempt.outcome = 'conflict409';
            attempt.body = r.text.slice(0, 300);
            if (retry) retryOutcomes.conflict409++;
            if (retry && !retrySample) retrySample = `${r.status} ${r.text.slice(0, 160)}`;
          } else {
            attempt.outcome = `http${r.status}`;
            if (retry) retryOutcomes.other++;
            if (!stopping || r.status < 500) {
              fail('import_errors', `cycle ${cycle}: POST ${doc.filename} (${attempt.how}${retry ? ', retry' : ''}) → ${r.status} ${r.text.slice(0, 300)}`);
            }
          }
        } catch (e) {
          attempt.outcome = 'neterr';
          attempt.error = e.code || e.message;
          if (retry) retryOutcomes.unacknowledged++;
          if (!stopping) {
            fail('import_errors', `cycle ${cycle}: POST ${doc.filename} failed before the server was stopped: ${e.message}`);
          }
        }
      }
    };
    const workers = Array.from({ length: importers }, one);
    const delay = 50 + Math.floor(killRand() * 1451);
    await lib.sleep(delay);
    let stop;
    if (useSigterm) {
      figures.sigterm_cycles++;
      const result = lib.stopServer(server, { signal: 'SIGTERM', graceMs: SIGTERM_WAIT_MS });
      stopping = true;
      stop = await result;
      checkStop(stop, `cycle ${cycle}: SIGTERM ${delay} ms into imports`);
    } else {
      figures.sigkill_cycles++;
      stopping = true;
      await lib.killServer(server);
    }
    await Promise.all(workers);
    return { delay, stop };
  }

  // A SIGTERM must end the server with exit code 0 within SIGTERM_LIMIT_MS (the time is measured
  // up to SIGTERM_WAIT_MS, then it is killed).
  function checkStop(stop, label) {
    ran.add('sigterm');
    figures.sigterm_max_ms = Math.max(figures.sigterm_max_ms, stop.ms);
    if (stop.timedOut) {
      fail('sigterm', `${label}: still running after ${stop.ms} ms (then killed)\n${server.log().slice(-1000)}`);
    } else if (stop.ms > SIGTERM_LIMIT_MS) {
      fail('sigterm', `${label}: took ${stop.ms} ms to exit (limit ${SIGTERM_LIMIT_MS} ms)`);
    } else if (stop.code !== 0 || stop.signal) {
      fail('sigterm', `${label}: exit code ${stop.code}, signal ${stop.signal}, after ${stop.ms} ms\n${server.log().slice(-1000)}`);
    }
  }

  // Runs a verification step; a server that stops answering is a failure, not a crash of the harness.
  async function guarded(label, fn, category = 'restart') {
    try {
      await fn();
      return true;
    } catch (e) {
      fail(category, `${label}: the server stopped answering: ${e.message}${server ? `\n${server.log().slice(-1500)}` : ''}`);
      if (server) await lib.killServer(server);
      harvest(server);
      server = null;
      return false;
    }
  }

  // ---- the run

  try {
    if (!(await start('first start'))) throw new Error('stop');
    for (let cycle = 1; cycle <= cycles; cycle++) {
      // About half of the documents left unacknowledged by the last cycle are sent again.
      const retryQueue = [...docs.values()].filter((d) => !d.acked && d.lastCycle === cycle - 1 && rand() < 0.5);
      const useSigterm = cycle % 5 === 0 || (cycle === cycles && figures.sigterm_cycles === 0);
      const before = figures.requests;
      const { delay } = await importCycle(cycle, retryQueue, useSigterm);
      figures.cycles_run = cycle;
      if (!(await start(`start after cycle ${cycle} (${useSigterm ? 'SIGTERM' : 'SIGKILL'} ${delay} ms into imports)`))) break;
      if (!(await guarded(`verification after cycle ${cycle}`, () => verify(cycle)))) break;
      for (const k of ['restart', 'import_errors', 'durability', 'search', 'duplicates', 'half_stored']) ran.add(k);
      const acked = [...docs.values()].filter((d) => d.acked).length;
      log(`cycle ${cycle}/${cycles}: ${useSigterm ? 'SIGTERM' : 'SIGKILL'} after ${delay} ms, ${figures.requests - before} requests, ${acked} acknowledged so far, ready in ${server.readyMs} ms`);
    }

    // ---- the end: everything, with the server running
    if (server) {
      log('verifying every document …');
      await guarded('final verification', () => verify(figures.cycles_run + 1, { all: true }));
    }
    if (server) {
      checkStop(await lib.stopServer(server, { signal: 'SIGTERM', graceMs: SIGTERM_WAIT_MS }), 'final stop (idle, after the verification)');
      harvest(server);
      server = null;
    }

    // ---- checks with the server stopped
    const optional = (category, args, { expectFailure = false, label } = {}) => {
      const r = lib.cli(args, { timeoutMs: 600000 });
      const what = label || `beslut ${args.join(' ').replace(dataDir, 'DIR')}`;
      if (!lib.isUnknownCommand(r)) ran.add(category);
      if (lib.isUnknownCommand(r)) {
        const why = `${what}: not available in this binary (${(r.stderr.split('\n')[0] || '').trim()})`;
        if (!unavailable[category]) {
          unavailable[category] = why;
          if (requireCheck) fail(category, why + ' and BESLUT_REQUIRE_CHECK=1');
        }
        return null;
      }
      // A damaged index must be reported with a non-zero exit code, not with a crash.
      const ok = expectFailure ? r.status !== null && r.status !== 0 : r.status === 0;
      if (!ok) {
        fail(category, `${what} exited ${r.status}${r.signal ? ' (' + r.signal + ')' : ''}${expectFailure ? ' (expected non-zero: the index was damaged)' : ''}; output:\n${(r.stdout + r.stderr).slice(-2000)}`);
      }
      return r;
    };
    log('beslut check / audit verify …');
    optional('check', ['check', '--data', dataDir]);
    optional('audit_verify', ['audit', 'verify', '--data', dataDir]);

    // Audit rows: `beslut audit list --json`, else the database read with the sqlite3 shell.
    let importRows = null;
    let auditSource = '';
    const list = lib.cli(['audit', 'list', '--data', dataDir, '--limit', '1000000000', '--json'], { timeoutMs: 600000 });
    if (!lib.isUnknownCommand(list)) {
      auditSource = 'beslut audit list --limit 1000000000 --json';
      if (list.status !== 0) fail('audit_rows', `beslut audit list --json exited ${list.status}: ${(list.stdout + list.stderr).slice(-1000)}`);
      else importRows = auditImportIds(list.stdout);
      if (list.status === 0 && importRows === null) fail('audit_rows', `cannot read the output of beslut audit list --json: ${list.stdout.slice(0, 500)}`);
    } else {
      if (requireCheck) fail('audit_rows', '`beslut audit list --json` is not available in this binary and BESLUT_REQUIRE_CHECK=1');
      const sq = spawnSync('sqlite3', ['-readonly', join(dataDir, 'beslut.db'), "SELECT entity_id FROM audit_log WHERE action = 'document.import' AND entity = 'document'"], { encoding: 'utf8' });
      if (sq.status === 0) {
        auditSource = 'the sqlite3 shell on beslut.db (`beslut audit list` is not available)';
        importRows = new Set(sq.stdout.split('\n').filter(Boolean).map(Number));
      } else {
        unavailable.audit_rows = '`beslut audit list --json` is not available in this binary and the sqlite3 shell could not read audit_log';
        if (requireCheck) fail('audit_rows', unavailable.audit_rows + ' and BESLUT_REQUIRE_CHECK=1');
      }
    }
    if (importRows) {
      ran.add('audit_rows');
      notes.push(`audit rows read with ${auditSource}`);
      const missing = [];
      for (const d of docs.values()) if (d.acked && !importRows.has(d.ackId)) missing.push(d);
      figures.unaudited = missing.length;
      if (missing.length) {
        const byRetry = missing.filter((d) => d.attempts.find((a) => a.id === d.ackId)?.outcome === 'existing');
        const describe = (d) => {
          const a = d.attempts.find((x) => x.id === d.ackId) || {};
          return `${d.ackId} (${a.status} in cycle ${d.ackCycle}${a.outcome === 'existing' ? `, a re-send; first sent in cycle ${d.attempts[0].cycle}: ${d.attempts[0].outcome}` : ''})`;
        };
        fail('audit_rows', `${missing.length} acknowledged documents have no document.import audit row (${missing.length - byRetry.length} acknowledged by a 201 to their first import, ${byRetry.length} only by a 200 "created": false to a re-send after a kill), e.g. ${missing.slice(0, 6).map(describe).join('; ')}`);
      }
      const unackedStored = [...storedIds].filter(([id, m]) => m && !docs.get(m).acked && !importRows.has(id));
      figures.stored_without_audit_row = unackedStored.length;
      if (unackedStored.length) {
        notes.push(`${unackedStored.length} stored documents that were never acknowledged have no document.import audit row (the row is written after the import commits), e.g. ${unackedStored.slice(0, 5).map(([id]) => id).join(', ')}`);
      }
    }

    // ---- a damaged index must be detected and rebuilt from the store
    const storedDocs = [...docs.values()].filter((d) => d.acked || idsOf(d.marker).length);
    // Repairs the index by hand after a round the server did not pass, so that the next damage is
    // tried on a sound index; false when even that fails.
    const repair = (what) => {
      let re = lib.cli(['reindex', '--data', dataDir], { timeoutMs: 600000 });
      if (re.status === 0) {
        notes.push(`after "${what}" the index was repaired with \`beslut reindex\``);
        return true;
      }
      fail('index_rebuild', `${what}: \`beslut reindex\` cannot repair it either: exit ${re.status}${re.signal ? ' ' + re.signal : ''}: ${(re.stdout + re.stderr).trim().slice(-500)}`);
      rmSync(join(dataDir, 'index'), { recursive: true, force: true });
      re = lib.cli(['reindex', '--data', dataDir], { timeoutMs: 600000 });
      notes.push(`after "${what}" the index folder was deleted and rebuilt with \`beslut reindex\` (exit ${re.status})`);
      if (re.status !== 0) fail('index_rebuild', `beslut reindex after deleting the index folder exited ${re.status}: ${(re.stdout + re.stderr).slice(-1000)}`);
      return re.status === 0;
    };
    for (const damage of ['postings', 'truncated-commit']) {
      const what = damageIndex(join(dataDir, 'index'), damage);
      if (!what) { fail('index_rebuild', `${damage}: found no index file to damage in ${join(dataDir, 'index')}`); continue; }
      log(`index damaged (${what}); starting again …`);
      ran.add('index_rebuild');
      optional('check', ['check', '--data', dataDir], { expectFailure: true, label: `beslut check after ${what}` });
      if (!(await start(`${what}: the server did not come up`, 'index_rebuild'))) {
        if (!repair(what)) break;
        continue;
      }
      let missing = 0;
      const examples = [];
      const searched = await guarded(`searching after ${what}`, () => pool(storedDocs, 4, async (d) => {
        const r = await read(server.base, `/api/v1/search?q=${encodeURIComponent(d.marker)}&limit=100&facets=false`, token);
        const ids = r.status === 200 && r.json ? (r.json.documents || []).map((x) => x.document_id) : [];
        const id = d.acked ? d.ackId : idsOf(d.marker)[0];
        if (!ids.includes(id)) {
          missing++;
          if (examples.length < 5) examples.push(`${d.marker} (doc ${id}): ${r.status} ${r.text.slice(0, 160)}`);
        }
      }), 'index_rebuild');
      if (searched && missing) {
        fail('index_rebuild', `${what}: search misses ${missing} of ${storedDocs.length} stored documents after the restart, e.g.\n    ${examples.join('\n    ')}\n  server log:\n${server.log().slice(-1500)}`);
      }
      if (server) {
        checkStop(await lib.stopServer(server, { signal: 'SIGTERM', graceMs: SIGTERM_WAIT_MS }), `stop after ${what} (idle)`);
        harvest(server);
        server = null;
      }
      if ((!searched || missing) && !repair(what)) break;
    }
    optional('check', ['check', '--data', dataDir], { label: 'beslut check after the index was rebuilt' });
  } catch (e) {
    if (e.message !== 'stop') throw e;
  } finally {
    if (server) await lib.killServer(server);
    harvest(server);
    server = null;
    for (const [line, n] of [...serverErrors].slice(0, 10)) notes.push(`server log (${n}×): ${line}`);
    process.off('exit', killOnExit);
    if (keep) notes.push(`data folder kept: ${dataDir}`);
    else lib.removeDataDir(dataDir);
    if (snapshot) snapshot.remove();
  }

  if (retrySample) notes.push(`a re-sent document that was already stored is answered: ${retrySample}`);
  figures.acknowledged = [...docs.values()].filter((d) => d.acked).length;
  figures.unacknowledged = figures.documents_sent - figures.acknowledged;
  const storedMarkers = new Set([...idsByMarker].filter(([, ids]) => ids.size).map(([m]) => m));
  figures.stored_unacknowledged = [...docs.values()].filter((d) => !d.acked && storedMarkers.has(d.marker)).length;
  figures.seconds = Math.round((Date.now() - t0) / 100) / 10;
  return { figures, failures, unavailable, ran, notes, statusCounts, retryOutcomes, dataDir: keep ? dataDir : null };
}

// The ids of documents with a document.import row in `beslut audit list --json` output: a JSON
// array, an object holding one ({"entries"|"audit"|"rows"|…: [...]}), or one object per line.
function auditImportIds(text) {
  let rows = null;
  try {
    const v = JSON.parse(text);
    rows = Array.isArray(v) ? v : v && v.action ? [v] : Object.values(v || {}).find(Array.isArray) || null;
  } catch {
    try {
      rows = text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    } catch {
      return null;
    }
  }
  if (!rows) return null;
  const ids = new Set();
  for (const r of rows) {
    if (r && r.action === 'document.import' && (r.entity === undefined || r.entity === 'document')) {
      ids.add(Number(r.entity_id ?? r.entityId ?? r.document_id ?? r.target_id));
    }
  }
  return ids;
}

// Damages the index folder. 'postings': random bytes over the postings of the largest segment
// (its .frq file, or its whole .cfs when it is a compound file), a damage Lucene++ does not notice
// when it opens the index; 'truncated-commit': the newest segments_N file cut in half, which it
// does. Returns a label, or null when there is nothing to damage.
function damageIndex(indexDir, how) {
  if (!existsSync(indexDir)) return null;
  const files = readdirSync(indexDir).map((name) => ({ name, size: statSync(join(indexDir, name)).size }));
  if (how === 'postings') {
    const segments = new Map();
    for (const f of files) {
      const m = f.name.match(/^(_[0-9a-z]+)\.(\w+)$/);
      if (m) segments.set(m[1], (segments.get(m[1]) || 0) + f.size);
    }
    const largest = [...segments].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!largest) return null;
    const target = files.find((f) => f.name === `${largest}.frq` && f.size > 0) || files.find((f) => f.name === `${largest}.cfs`)
      || files.filter((f) => f.name.startsWith(largest + '.')).sort((a, b) => b.size - a.size)[0];
    const fd = openSync(join(indexDir, target.name), 'r+');
    writeSync(fd, randomBytes(target.size), 0, target.size, 0);
    closeSync(fd);
    return `garbage over index/${target.name} (${target.size} bytes; the largest segment)`;
  }
  const commits = files.filter((f) => /^segments_[0-9a-z]+$/.test(f.name))
    .sort((a, b) => parseInt(b.name.slice(9), 36) - parseInt(a.name.slice(9), 36));
  if (!commits.length) return null;
  truncateSync(join(indexDir, commits[0].name), Math.floor(commits[0].size / 2));
  return `index/${commits[0].name} truncated to ${Math.floor(commits[0].size / 2)} of ${commits[0].size} bytes`;
}

// ------------------------------------------------------------------ report

export function formatReport(result) {
  const { figures: f, failures, unavailable, notes, statusCounts, retryOutcomes } = result;
  const lines = [];
  lines.push('Beslut crash harness');
  lines.push(`  seed ${f.seed}; cycles ${f.cycles_run}/${f.cycles_requested} (SIGKILL ${f.sigkill_cycles}, SIGTERM ${f.sigterm_cycles}); ${f.importers} importers; time ${f.seconds} s`);
  lines.push(`  documents sent ${f.documents_sent} in ${f.requests} requests; acknowledged ${f.acknowledged}; unacknowledged ${f.unacknowledged} (of which stored anyway ${f.stored_unacknowledged})`);
  lines.push(`  retries ${f.retries}: ${Object.entries(retryOutcomes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push(`  HTTP answers to imports: ${Object.entries(statusCounts).map(([k, v]) => `${k}×${v}`).join(', ') || 'none'}`);
  lines.push(`  lost ${f.lost}; not searchable ${f.not_searchable}; duplicates ${f.duplicates}; half-stored ${f.half_stored}; unaudited ${f.unaudited} (stored-unacknowledged without audit row ${f.stored_without_audit_row})`);
  lines.push(`  slowest start to ready ${f.start_max_ms} ms; slowest SIGTERM stop ${f.sigterm_max_ms} ms`);
  for (const n of notes) lines.push(`  note: ${n}`);
  lines.push('Checks:');
  for (const [k, title] of Object.entries(CATEGORIES)) {
    const list = failures[k];
    const state = list.length ? `FAIL (${list.length})` : unavailable[k] ? 'NOT AVAILABLE' : result.ran.has(k) ? 'ok' : 'NOT RUN';
    lines.push(`  [${state}] ${k}: ${title}`);
    if (unavailable[k] && !list.length) lines.push(`      ${unavailable[k]}`);
    for (const m of list.slice(0, 8)) lines.push('      ' + m.replace(/\n/g, '\n        '));
    if (list.length > 8) lines.push(`      … and ${list.length - 8} more`);
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------ entry points

const underTestRunner = !!process.env.NODE_TEST_CONTEXT;
const isMain = !!process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;

if (underTestRunner) {
  const cycles = Number(process.env.BESLUT_CRASH_CYCLES) || 20;
  test(`crash safety over ${cycles} SIGKILL/SIGTERM cycles`, { timeout: 30 * 60 * 1000 }, async (t) => {
    const result = await runCrashHarness({ cycles });
    for (const line of formatReport(result).split('\n')) t.diagnostic(line);
    for (const [k, title] of Object.entries(CATEGORIES)) {
      await t.test(`${k}: ${title}`, (st) => {
        const list = result.failures[k];
        if (!list.length && result.unavailable[k]) return st.skip(result.unavailable[k]);
        if (!list.length && !result.ran.has(k)) throw new Error('not run: the run ended early (see the other failures)');
        if (list.length) throw new Error(`${list.length} failure(s):\n` + list.slice(0, 10).join('\n'));
      });
    }
  });
} else if (isMain) {
  const args = parseArgs(process.argv.slice(2));
  const cycles = args.cycles || Number(process.env.BESLUT_CRASH_CYCLES) || 20;
  const result = await runCrashHarness({
    cycles, seed: args.seed, sample: args.sample, keep: args.keep, log: (m) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`),
  });
  console.log(formatReport(result));
  const failed = Object.values(result.failures).some((l) => l.length);
  process.exitCode = failed ? 1 : 0;
}
