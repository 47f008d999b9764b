// The portal in Debian's Chromium, driven by playwright-core: the built
// `beslut` serves a temporary data folder with the 2018 minutes imported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeDataDir, removeDataDir, sample, importFile, startServer, stopServer, launchBrowser, screenshot,
} from './lib.mjs';

test('search for Komtek: heading, highlighted hit, search box, Enter searches again', async () => {
  const data = makeDataDir();
  let server;
  let browser;
  try {
    importFile(data, sample('protokoll-ssr-skola-utbildning-2018-09-28.txt'));
    let base;
    ({ server, base } = await startServer(data));
    browser = await launchBrowser();
    const page = await browser.newPage();
    const response = await page.goto(`${base}/?q=Komtek`);
    assert.equal(response.status(), 200);

    assert.equal(await page.getByRole('heading', { level: 1, name: 'Sök', exact: true }).count(), 1);
    const marks = page.locator('article mark', { hasText: 'Komtek' });
    assert.ok(await marks.count() >= 1, 'a result article highlights Komtek');
    assert.equal((await marks.first().textContent()).trim(), 'Komtek');
    const box = page.getByLabel('Sökord');
    assert.equal(await box.inputValue(), 'Komtek');
    await screenshot(page, 'sok-komtek');

    // Keyboard: focus the search box and press Enter; the form searches again.
    await box.focus();
    assert.ok(await box.evaluate((el) => el === document.activeElement), 'the search box has focus');
    await Promise.all([page.waitForURL((url) => url.searchParams.get('sort') !== null), box.press('Enter')]);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/');
    assert.equal(url.searchParams.get('q'), 'Komtek');
    assert.equal(await page.getByLabel('Sökord').inputValue(), 'Komtek');
    assert.ok(await page.locator('article mark', { hasText: 'Komtek' }).count() >= 1);
  } finally {
    await browser?.close();
    await stopServer(server);
    removeDataDir(data);
  }
});
