// Helpers for the browser tests: the built `beslut` (BESLUT_EXE) over a
// temporary data folder, driven through its CLI and served on a free loopback
// port, and Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium)
// driven by playwright-core, which downloads no browser of its own.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const exe = process.env.BESLUT_EXE;
export const source = process.env.BESLUT_SOURCE_DIR;
assert.ok(exe && source, 'BESLUT_EXE and BESLUT_SOURCE_DIR must be set');

// A fresh, empty data folder; remove it with removeDataDir.
export function makeDataDir() {
  return mkdtempSync(join(tmpdir(), 'beslut-browser-'));
}

export function removeDataDir(dataDir) {
  rmSync(dataDir, { recursive: true, force: true });
}

// A path under the source tree, e.g. sample('protokoll-….txt').
export function sample(name) {
  return join(source, 'content/samples', name);
}

// `beslut serve` on port 0; resolves once it prints the URL it serves.
export async function startServer(dataDir) {
  const server = spawn(exe, ['serve', '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  server.stderr.on('data', (chunk) => { err += chunk; });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + out + err)), 20000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/serves (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}${err}`));
    });
  });
  return { server, base };
}

// Stops a server from startServer and waits for it to exit (so its data
// folder can then be removed).
export async function stopServer(server) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10000);
  await exited;
  clearTimeout(timer);
}

// The CLI contract: `beslut user add --data DIR NAME --role ROLE [--organization ORG]`,
// the password on standard input.
export function addUser(dataDir, name, role, organization, password) {
  const args = ['user', 'add', '--data', dataDir, name, '--role', role];
  if (organization) args.push('--organization', organization);
  execFileSync(exe, args, { input: password + '\n' });
}

// `beslut import --data DIR PATH`.
export function importFile(dataDir, path) {
  execFileSync(exe, ['import', '--data', dataDir, path]);
}

// Chromium as root in a container: no sandbox, and no /dev/shm (often 64 MB).
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

// A full-page PNG NAME.png in BESLUT_SCREENSHOT_DIR (skipped when unset).
export async function screenshot(page, name) {
  const dir = process.env.BESLUT_SCREENSHOT_DIR;
  if (!dir) return null;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
