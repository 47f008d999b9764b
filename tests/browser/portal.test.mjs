// The portal in Debian's Chromium, driven by playwright-core, against the built
// `beslut` serving a temporary data folder on loopback: the publishing workflow
// from login to the notice board, what anonymous visitors see, the follow-up
// dashboard, and search. Screenshots go to BESLUT_SCREENSHOT_DIR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeDataDir, removeDataDir, sample, importFile, addUser, startServer, stopServer, launchBrowser, screenshot,
} from './lib.mjs';

const SSR = 'Specifikt samverkansråd för skola, utbildning och kompetensförsörjning (Region Örebro län och länets kommuner)';
const MINUTES = 'protokoll-ssr-skola-utbildning-2018-09-28.txt';
const PASSWORD = 'ett långt lösenord';

async function login(page, base, name) {
  await page.goto(`${base}/logga-in`);
  await page.getByLabel('Namn').fill(name);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await Promise.all([page.waitForURL(`${base}/`), page.getByRole('button', { name: 'Logga in' }).click()]);
  await page.getByText(`Inloggad som ${name}`).waitFor();
}

async function logout(page, base) {
  await Promise.all([page.waitForURL(`${base}/`), page.getByRole('button', { name: 'Logga ut' }).click()]);
  await page.getByRole('link', { name: 'Logga in' }).waitFor();
}

async function hits(page, base, q) {
  await page.goto(`${base}/sok?q=${encodeURIComponent(q)}`);
  const status = await page.getByRole('status').first().textContent();
  return Number(status.trim().split(' ')[0]);
}

test('minutes from import to the notice board: secretary, adjuster, chair, and the public', async () => {
  const data = makeDataDir();
  let server;
  let browser;
  try {
    addUser(data, 'Anna Elverskog', 'secretary', SSR, PASSWORD);
    addUser(data, 'Håkan Söderman', 'reader', SSR, PASSWORD);
    addUser(data, 'Irén Lejegren', 'reader', SSR, PASSWORD);
    let base;
    ({ server, base } = await startServer(data));
    browser = await launchBrowser();
    const secretary = await (await browser.newContext()).newPage();
    const visitor = await (await browser.newContext()).newPage();

    // A wrong password is refused with a message, in Swedish.
    await secretary.goto(`${base}/logga-in`);
    await secretary.getByLabel('Namn').fill('Anna Elverskog');
    await secretary.getByLabel('Lösenord').fill('fel lösenord');
    await secretary.getByRole('button', { name: 'Logga in' }).click();
    await secretary.getByRole('alert').filter({ hasText: 'Fel användarnamn eller lösenord.' }).waitFor();

    // The secretary logs in and imports the 2018 minutes: a draft.
    await login(secretary, base, 'Anna Elverskog');
    await secretary.getByRole('link', { name: 'Nytt protokoll' }).click();
    await secretary.getByLabel('Fil').setInputFiles(sample(MINUTES));
    await Promise.all([secretary.waitForURL(/\/dokument\/\d+\?klart=importerad/),
      secretary.getByRole('button', { name: 'Läs in' }).click()]);
    const docUrl = secretary.url().replace(/\?.*$/, '');
    await secretary.getByText('Utkast', { exact: true }).waitFor();
    await screenshot(secretary, '01-utkast');
    assert.equal(await hits(visitor, base, 'Komtek'), 0, 'a draft is not public');

    // She corrects an attendee's affiliation.
    await secretary.goto(docUrl);
    await secretary.locator('summary', { hasText: 'Håkan Söderman' }).click();
    const form = secretary.locator('form', { has: secretary.locator('input[name=attendee][value="Håkan Söderman"]') });
    await form.getByLabel('Organisation').fill('Lekebergs kommun');
    await Promise.all([secretary.waitForURL(/klart=rattad/), form.getByRole('button', { name: 'Spara rättelsen' }).click()]);
    await secretary.getByText('Rättelsen är sparad.').waitFor();
    const row = secretary.locator('tr', { has: secretary.getByRole('link', { name: 'Håkan Söderman', exact: true }) });
    assert.match(await row.textContent(), /Lekebergs kommun/);

    // She confirms the strategy link of § 5 and corrects the decision of § 2.
    const link = secretary.locator('#p5 form', { has: secretary.locator('input[name=code]') }).first();
    const code = await link.locator('input[name=code]').getAttribute('value');
    await Promise.all([secretary.waitForURL(/klart=rattad/), link.getByRole('button', { name: 'Bekräfta' }).click()]);
    assert.equal(await secretary.locator('#p5 form', { has: secretary.locator(`input[name=code][value="${code}"]`) })
      .getByRole('button', { name: 'Bekräfta' }).count(), 0, 'a confirmed link has nothing left to confirm');
    await secretary.locator('#p2 summary', { hasText: 'Rätta beslutet' }).click();
    await secretary.locator('#p2').getByLabel('Beslutstext').fill('Håkan Söderman väljs till justerare.');
    await Promise.all([secretary.waitForURL(/klart=rattad/), secretary.locator('#p2').getByRole('button', { name: 'Spara rättelsen' }).click()]);
    assert.match(await secretary.locator('#p2 .decision').textContent(), /väljs till justerare\./);
    await secretary.locator('summary', { hasText: 'Historik' }).click();
    assert.match(await secretary.locator('details', { hasText: 'Historik' }).textContent(), /correction\.add \/items\/2\/decisions\/0/);

    // § 4 is marked non-public, then the minutes go for justering.
    await Promise.all([secretary.waitForURL(/klart=offentlighet/),
      secretary.getByRole('button', { name: 'Markera § 4 som ej offentlig' }).click()]);
    assert.equal(await secretary.locator('#p4 .badge.private').count(), 1);
    await Promise.all([secretary.waitForURL(/klart=skickad/), secretary.getByRole('button', { name: 'Skicka för justering' }).click()]);
    await secretary.getByText('Skickat för justering', { exact: true }).waitFor();
    await screenshot(secretary, '02-skickat');
    await logout(secretary, base);

    // The adjuster finds it on his start page and approves; the chair approves last.
    const adjuster = secretary;
    await login(adjuster, base, 'Håkan Söderman');
    await adjuster.getByRole('region', { name: 'Att göra' }).getByRole('link').first().click();
    await Promise.all([adjuster.waitForURL(/klart=justerad/), adjuster.getByRole('button', { name: 'Justera protokollet' }).click()]);
    await adjuster.getByText('Skickat för justering', { exact: true }).waitFor();  // the chair has not yet
    await logout(adjuster, base);
    assert.equal(await hits(visitor, base, 'Komtek'), 0, 'not public before the chair has approved');

    await login(adjuster, base, 'Irén Lejegren');
    await adjuster.goto(docUrl);
    await Promise.all([adjuster.waitForURL(/klart=justerad/), adjuster.getByRole('button', { name: 'Justera protokollet' }).click()]);
    await adjuster.getByText('Justerat och publicerat', { exact: true }).waitFor();
    assert.match(await adjuster.locator('main').textContent(), /Anslaget \d{4}-\d{2}-\d{2}; överklagandetiden går ut \d{4}-\d{2}-\d{2}/);
    await screenshot(adjuster, '03-justerat');

    // The public: the notice board, search, the document without § 4.
    await visitor.goto(`${base}/anslagstavla`);
    const posted = visitor.locator('tbody tr');
    assert.equal(await posted.count(), 1);
    assert.match(await posted.textContent(), /Specifikt samverkansråd/);
    await screenshot(visitor, '04-anslagstavla');
    assert.equal(await hits(visitor, base, 'Komtek'), 1);
    assert.ok(await visitor.locator('article mark', { hasText: 'Komtek' }).count() >= 1);
    await screenshot(visitor, '05-sok-komtek');
    assert.equal(await hits(visitor, base, 'förhandlingar'), 0, 'the non-public § 4 is not found');
    await visitor.goto(docUrl);
    assert.equal(await visitor.locator('#p4').count(), 0, 'the non-public § 4 is not shown');
    assert.equal(await visitor.locator('#p5').count(), 1);
    assert.equal(await visitor.getByRole('button', { name: /Justera|Skicka|Markera/ }).count(), 0, 'no forms for the public');
    // A signed-in reader of the council finds § 4.
    assert.equal(await hits(adjuster, base, 'förhandlingar'), 1);

    // The follow-up dashboard shows Ewa Lindberg's assignment, with its charts.
    await visitor.goto(`${base}/uppfoljning`);
    const ewa = visitor.getByRole('row', { name: /Ewa Lindberg/ });
    assert.equal(await ewa.count(), 1);
    assert.match(await ewa.textContent(), /vara med som stöd/);
    const canvas = visitor.locator('#per-omrade');
    assert.ok((await canvas.boundingBox()).height > 50, 'Chart.js drew the chart');
    await visitor.getByLabel('Ansvarig').fill('Ewa');
    await Promise.all([visitor.waitForURL(/ansvarig=Ewa/), visitor.getByLabel('Ansvarig').press('Enter')]);
    assert.equal(await visitor.getByRole('row', { name: /Ewa Lindberg/ }).count(), 1);
    await screenshot(visitor, '06-uppfoljning');
  } finally {
    await browser?.close();
    await stopServer(server);
    removeDataDir(data);
  }
});

test('search, keyboard use and the pages of a body, a person and a priority area', async () => {
  const data = makeDataDir();
  let server;
  let browser;
  try {
    importFile(data, sample(MINUTES));
    let base;
    ({ server, base } = await startServer(data));
    browser = await launchBrowser();
    const page = await browser.newPage();

    // The skip link is the first thing the keyboard reaches.
    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Hoppa till innehållet');
    await screenshot(page, '07-start');

    await page.getByLabel('Sök bland protokoll och beslut').fill('Komtek');
    await Promise.all([page.waitForURL(/\/sok\?q=Komtek/), page.getByLabel('Sök bland protokoll och beslut').press('Enter')]);
    assert.equal(await page.getByRole('heading', { level: 1, name: 'Sök', exact: true }).count(), 1);
    assert.equal(await page.getByLabel('Sökord').inputValue(), 'Komtek');
    const hit = page.locator('article').first();
    assert.equal((await hit.locator('mark').first().textContent()).trim(), 'Komtek');
    // The hit leads to its § on the document page.
    await Promise.all([page.waitForURL(/\/dokument\/\d+#p5$/), hit.getByRole('link').click()]);
    await page.locator('#p5').waitFor();

    await page.getByRole('link', { name: SSR }).first().click();
    await page.getByRole('heading', { level: 1, name: SSR }).waitFor();
    assert.ok(await page.getByRole('row', { name: /Irén Lejegren/ }).count() >= 1, 'members listed');
    await page.getByRole('link', { name: 'Ewa Lindberg' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Ewa Lindberg' }).waitFor();
    assert.match(await page.locator('table.assignments').textContent(), /vara med som stöd/);
    // Her assignment names her with her employer; its link leads to the same person, meetings included.
    await page.getByRole('link', { name: 'Ewa Lindberg (Region Örebro län)' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Ewa Lindberg', exact: true }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Sammanträden' }).count(), 1);
    await screenshot(page, '08-person');

    await page.goto(`${base}/omrade/5.4`);
    await page.getByRole('heading', { level: 1, name: /5\.4 Kompetensförsörjning/ }).waitFor();
    // Items linked to the area themselves, not every § of a linked document.
    assert.equal(await page.getByRole('link', { name: /§ 8 Framtagandet av handlingsplan/ }).count(), 1);
    assert.equal(await page.getByRole('link', { name: /§ 1 Mötet öppnas/ }).count(), 0);
    await screenshot(page, '09-omrade');
    const missing = await page.goto(`${base}/omrade/9.9`);
    assert.equal(missing.status(), 404);
    await page.getByRole('heading', { name: 'Sidan finns inte' }).waitFor();
  } finally {
    await browser?.close();
    await stopServer(server);
    removeDataDir(data);
  }
});

test('minutes written in Markdown in the form: a draft, shown as written with cmark\'s safe rendering', async () => {
  const data = makeDataDir();
  let server;
  let browser;
  try {
    addUser(data, 'Anna Elverskog', 'secretary', SSR, PASSWORD);
    let base;
    ({ server, base } = await startServer(data));
    browser = await launchBrowser();
    const page = await browser.newPage();
    await login(page, base, 'Anna Elverskog');
    await page.getByRole('link', { name: 'Nytt protokoll' }).click();
    const markdown = [
      `# Protokoll ${SSR}`, '', 'Datum: 2018-12-14', '', 'Närvarande: Irén Lejegren, ordförande', '',
      'Justerare: Håkan Söderman', '',
      '1. Mötet öppnas', 'Ordföranden hälsade **alla** välkomna. <script>window.hacked = 1</script>', '',
      '2. Övrigt', 'Se [länken](javascript:window.hacked=2) och [regionen](https://www.regionorebrolan.se/).', '',
    ].join('\n');
    await page.getByLabel('…eller skriv protokollet (Markdown)').fill(markdown);
    await Promise.all([page.waitForURL(/\/dokument\/\d+\?klart=importerad/), page.getByRole('button', { name: 'Läs in' }).click()]);
    await page.getByText('Utkast', { exact: true }).waitFor();
    await page.locator('summary', { hasText: 'Protokollet som det skrevs' }).click();
    const rendered = page.locator('.rendered');
    assert.equal(await rendered.locator('strong', { hasText: 'alla' }).count(), 1, 'Markdown is rendered');
    assert.equal(await rendered.locator('script').count(), 0, 'raw HTML is not');
    assert.equal(await page.evaluate(() => window.hacked), undefined);
    const hrefs = await rendered.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(!hrefs.some((h) => h && h.startsWith('javascript:')), `no javascript: links (${hrefs})`);
    assert.ok(hrefs.includes('https://www.regionorebrolan.se/'));
    await screenshot(page, '10-markdown');
  } finally {
    await browser?.close();
    await stopServer(server);
    removeDataDir(data);
  }
});

test('an administrator adds a user and gives a role; others may not', async () => {
  const data = makeDataDir();
  let server;
  let browser;
  try {
    addUser(data, 'Admin Adminsson', 'administrator', '', PASSWORD);
    addUser(data, 'Anna Elverskog', 'secretary', SSR, PASSWORD);
    let base;
    ({ server, base } = await startServer(data));
    browser = await launchBrowser();
    const page = await (await browser.newContext()).newPage();
    await login(page, base, 'Admin Adminsson');
    await page.getByRole('link', { name: 'Användare' }).click();
    const add = page.locator('form[action="/administration/ny"]');
    await add.getByLabel('Namn (som i protokollen)').fill('Ulla Läsare');
    await add.getByLabel('Lösenord (minst 10 tecken)').fill(PASSWORD);
    await add.getByLabel('Roll').selectOption('reader');
    await add.getByLabel('Organ (för läsare och sekreterare)').fill(SSR);
    await add.getByRole('button', { name: 'Skapa användaren' }).click();
    await page.waitForURL(/\/administration\?klart=ny/);
    await page.getByText('Användaren är skapad.').waitFor();
    assert.match(await page.getByRole('row', { name: /Ulla Läsare/ }).textContent(), /läsare i Specifikt samverkansråd/);
    // A short password is refused with a message.
    await add.getByLabel('Namn (som i protokollen)').fill('Kalle');
    await add.getByLabel('Lösenord (minst 10 tecken)').evaluate((el) => el.removeAttribute('minlength'));
    await add.getByLabel('Lösenord (minst 10 tecken)').fill('kort');
    await add.getByLabel('Roll').selectOption('administrator');
    await add.getByRole('button', { name: 'Skapa användaren' }).click();
    await page.getByRole('alert').filter({ hasText: 'minst 10 tecken' }).waitFor();
    await page.locator('summary', { hasText: 'De 200 senaste ändringarna' }).click();
    assert.ok(await page.getByRole('row', { name: /Admin Adminsson.*user\.add.*user/ }).count() >= 1, 'the audit log shows it');
    await screenshot(page, '11-administration');
    await logout(page, base);
    // The new user signs in; a secretary cannot open the page.
    await login(page, base, 'Ulla Läsare');
    await logout(page, base);
    await login(page, base, 'Anna Elverskog');
    assert.equal(await page.getByRole('link', { name: 'Användare' }).count(), 0);
    const denied = await page.goto(`${base}/administration`);
    assert.equal(denied.status(), 403);
  } finally {
    await browser?.close();
    await stopServer(server);
    removeDataDir(data);
  }
});
