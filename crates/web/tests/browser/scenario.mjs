// Vigie's browser scenario: Playwright driving the system's Chromium through
// the web application as people use it. Run by crates/vigie/tests/browser.rs
// against a demo database and `vigie serve`; by hand:
//
//   VIGIE_URL=http://127.0.0.1:8080 node scenario.mjs
//
// VIGIE_URL (required) is the server; VIGIE_ARTIFACTS the folder for the
// screenshots (default: a folder in the system's temporary directory);
// CHROMIUM the browser (default /usr/bin/chromium: no browser is downloaded).
//
// Elements are found by stable attributes (names, form actions, ids,
// classes), never by translated wording. Every wait is on a response or on
// the page's state, never a fixed delay.

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const base = process.env.VIGIE_URL;
if (!base) {
  console.error('VIGIE_URL is not set (the address of a `vigie serve` over a demo database)');
  process.exit(2);
}
const artifacts = process.env.VIGIE_ARTIFACTS || path.join(tmpdir(), 'vigie-browser');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const PASSWORD = 'vigie-demo-2023';
// the demo administrator's second factor (public, like the password; `vigie demo` prints it)
const ADMIN = 'admin@vigie.example';
const DEMO_TOTP_SECRET = 'VIGIEDEMOADMINTOTPSECRETJUSTDEMO';
const VIEWPORT = { width: 1280, height: 800 };
// Mauritania has no demo incident: its December 2023 cell goes from 0 to 1.
const DASHBOARD = '/dashboard?region=g5-sahel&month=2023-12';
const COUNTRY_ROW = 'MR';
// a bulletin's six files take several seconds each in a debug build
const BUILD_TIMEOUT = 300_000;

// a hung browser or server must not hang the test run
setTimeout(() => {
  console.error('the scenario took more than 15 minutes: stopped');
  process.exit(1);
}, 15 * 60_000).unref();

const url = (route) => new URL(route, base).href;
const pathOf = (address) => new URL(address).pathname;

let browser;
let current; // the page shown in the failure screenshot

/** Runs one step; on failure saves a screenshot and stops the scenario. */
async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    console.error(`not ok - ${name}`);
    if (current) {
      const file = path.join(artifacts, 'failure.png');
      await current.screenshot({ path: file, fullPage: true }).catch(() => {});
      console.error(`  page ${current.url()}, screenshot ${file}`);
    }
    throw error;
  }
}

/** The bytes of a base32 (RFC 4648) text, padding and case ignored. */
function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const char of text.toUpperCase().replace(/[=\s]/g, '')) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The TOTP code (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits) of a
 * base32 secret at `time` (milliseconds since the epoch). */
function totp(secret, time = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 1000 / 30)));
  const digest = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = digest[19] & 0x0f;
  const value = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}

/** A fresh browser context (its own cookies) logged in as `email`; with
 * `totpSecret`, through the second step with a code computed from it. */
async function login(email, totpSecret) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  const page = await context.newPage();
  current = page;
  const response = await page.goto(url('/login'));
  assert.equal(response.status(), 200, 'the login page answers 200');
  const form = page.locator('form[action="/login"]');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(PASSWORD);
  let landed = await submit(page, form);
  if (totpSecret) {
    assert.equal(pathOf(page.url()), '/login/code', `${email} is asked for a code after the password`);
    assert.equal(await page.locator('form[action="/logout"]').count(), 0, 'no session for the password alone');
    const second = page.locator('form[action="/login/code"]');
    await second.locator('input[name="code"]').fill(totp(totpSecret));
    landed = await submit(page, second);
  }
  assert.equal(landed.status(), 200, `${email} lands on a page after logging in`);
  assert.notEqual(pathOf(page.url()), '/login', `${email} is not sent back to the login form`);
  assert.equal(await page.locator('form[action="/logout"]').count(), 1, `${email} sees the logout button`);
  return page;
}

/**
 * Clicks the form's submit button; the response of the document that
 * follows (after any redirect), once that document has loaded.
 */
async function submit(page, form, timeout = 60_000) {
  const document = page.waitForResponse(
    (r) =>
      r.request().isNavigationRequest() &&
      r.frame() === page.mainFrame() &&
      !(r.status() >= 300 && r.status() < 400),
    { timeout },
  );
  const [response] = await Promise.all([
    document,
    page.waitForEvent('load', { timeout }),
    // the form's own submit button; the composer has several, its last builds
    form.locator('button[type="submit"]').last().click(),
  ]);
  return response;
}

/** Types into a field, whether an input, a text area or a list. */
async function setField(form, name, value) {
  const field = form.locator(`[name="${name}"]`);
  const tag = await field.evaluate((element) => element.tagName);
  if (tag === 'SELECT') {
    await field.selectOption(value);
  } else {
    await field.fill(value);
  }
}

/** The cells of the dashboard table's row of `country` (its ISO code, the
 * row's data-country: the same in every language). */
async function dashboardRow(page, country) {
  const response = await page.goto(url(`${DASHBOARD}&lang=en`));
  assert.equal(response.status(), 200, 'the dashboard answers 200');
  const rows = page.locator('table.report tbody tr');
  const row = rows.and(page.locator(`[data-country="${country}"]`));
  assert.equal(await row.count(), 1, `the dashboard table has one row for ${country}`);
  const total = rows.and(page.locator('.total'));
  return {
    cells: await row.locator('td').allInnerTexts(),
    total: await total.locator('td').allInnerTexts(),
  };
}

/** The last number in a cell ("↑ 1" → 1). */
function figure(cell) {
  const match = /(\d[\d\s\u202f,]*)$/.exec(cell.trim());
  assert.ok(match, `a figure in the cell "${cell}"`);
  return Number(match[1].replace(/[\s\u202f,]/g, ''));
}

/** How the page is laid out: the brand's and the table's first column's boxes. */
async function layout(page) {
  const brand = await page.locator('header .brand').boundingBox();
  const firstRow = page.locator('table.report tbody tr').first();
  const header = await firstRow.locator('th').first().boundingBox();
  const lastCell = await firstRow.locator('td').last().boundingBox();
  const center = (box) => box.x + box.width / 2;
  return { brand: center(brand), rowHeader: center(header), lastCell: center(lastCell) };
}

/**
 * Compares two PNG screenshots in a blank page (the decoding is the
 * browser's): their heights, the first one's distinct colours, and the share
 * of pixels that differ over their common area.
 */
async function compare(page, first, second) {
  return page.evaluate(
    async ([a, b]) => {
      const read = async (data) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, canvas.width, canvas.height);
      };
      const [x, y] = [await read(a), await read(b)];
      const colours = new Set();
      for (let i = 0; i < x.data.length && colours.size < 1000; i += 4) {
        colours.add((x.data[i] << 16) | (x.data[i + 1] << 8) | x.data[i + 2]);
      }
      const width = Math.min(x.width, y.width);
      const height = Math.min(x.height, y.height);
      let differing = 0;
      for (let row = 0; row < height; row += 1) {
        for (let column = 0; column < width; column += 1) {
          const i = (row * x.width + column) * 4;
          const j = (row * y.width + column) * 4;
          if (x.data[i] !== y.data[j] || x.data[i + 1] !== y.data[j + 1] || x.data[i + 2] !== y.data[j + 2]) {
            differing += 1;
          }
        }
      }
      return { heights: [x.height, y.height], colours: colours.size, differing: differing / (width * height) };
    },
    [first.toString('base64'), second.toString('base64')],
  );
}

async function scenario() {
  const incident = {
    date: '2023-12-20',
    country: 'MR',
    location: 'Bassikounou',
    admin1: 'Hodh Ech Chargui',
    latitude: '15.87',
    longitude: '-5.96',
    perpetrator: 'jnim',
    target: 'civilians',
    method: 'armed_assault',
    killed: '-2',
    wounded: '1',
    description: '[Browser test] An armed group attacked herders near Bassikounou.',
    sources: 'https://news.example/browser-test',
  };
  let before;
  let analyst;
  let incidentPath;

  await step('the dashboard shows no operation in Mauritania in December 2023', async () => {
    analyst = await login('analyst@vigie.example');
    before = await dashboardRow(analyst, COUNTRY_ROW);
    assert.equal(figure(before.cells[1]), 0, `Mauritania's operations in December 2023: ${before.cells}`);
  });

  await step('an incident with a negative number of killed comes back with the message next to that field', async () => {
    const response = await analyst.goto(url('/incidents/new'));
    assert.equal(response.status(), 200, 'the analyst opens the incident form');
    const form = analyst.locator('form.incident-form');
    for (const [name, value] of Object.entries(incident)) {
      await setField(form, name, value);
    }
    const refused = await submit(analyst, form);
    assert.equal(refused.status(), 422, 'the invalid incident is refused with 422');
    const killed = analyst.locator('form.incident-form [name="killed"]');
    assert.equal(await killed.getAttribute('aria-invalid'), 'true', 'the killed field is marked invalid');
    const message = form.locator('.field', { has: analyst.locator('[name="killed"]') }).locator('.field-error');
    assert.equal(await message.count(), 1, 'one message beside the killed field');
    assert.notEqual((await message.innerText()).trim(), '', 'the message says what is wrong');
    assert.equal(await killed.getAttribute('aria-describedby'), await message.getAttribute('id'), 'the field points at its message');
    assert.equal(await analyst.locator('.field-error').count(), 1, 'no other field has a message');
    for (const [name, value] of Object.entries(incident)) {
      const field = analyst.locator(`form.incident-form [name="${name}"]`);
      assert.equal(await field.inputValue(), value, `the typed ${name} is kept`);
    }
  });

  await step('the corrected incident is saved as a draft the author may not approve', async () => {
    const form = analyst.locator('form.incident-form');
    await setField(form, 'killed', '2');
    const saved = await submit(analyst, form);
    assert.equal(saved.status(), 200, 'the draft page answers 200');
    incidentPath = pathOf(analyst.url());
    assert.match(incidentPath, /^\/incidents\/[^/]+$/, 'the analyst lands on the incident page');
    assert.notEqual(incidentPath, '/incidents/new');
    assert.equal(await analyst.locator('h1 .status-draft').count(), 1, 'the incident is a draft');
    assert.equal(await analyst.locator('form[action$="/approve"]').count(), 0, 'no approve button for its author');
    // and the server refuses it too; the same token then logs out, so the
    // refusal is not a CSRF one
    const csrf = await analyst.locator('form[action="/logout"] input[name="csrf"]').inputValue();
    const forced = await analyst.request.post(url(`${incidentPath}/approve`), { form: { csrf }, maxRedirects: 0 });
    assert.equal(forced.status(), 403, 'the author cannot approve their own incident');
    const logout = await analyst.request.post(url('/logout'), { form: { csrf }, maxRedirects: 0 });
    assert.equal(logout.status(), 303, 'the same token is accepted for logging out');
    await analyst.context().close();
  });

  await step('a second analyst approves it', async () => {
    const reviewer = await login('analyst2@vigie.example');
    const response = await reviewer.goto(url(incidentPath));
    assert.equal(response.status(), 200, 'the second analyst reads the draft');
    const approve = reviewer.locator('form[action$="/approve"]');
    assert.equal(await approve.count(), 1, 'the second analyst has an approve button');
    const approved = await submit(reviewer, approve);
    assert.equal(approved.status(), 200, 'the incident page answers 200 after approval');
    assert.equal(pathOf(reviewer.url()), incidentPath, 'back on the incident page');
    assert.equal(await reviewer.locator('h1 .status-verified').count(), 1, 'the incident is verified');
    assert.equal(await reviewer.locator('form[action$="/approve"]').count(), 0, 'no second approval');

    const after = await dashboardRow(reviewer, COUNTRY_ROW);
    assert.equal(figure(after.cells[1]), 1, `Mauritania's operations in December 2023 now: ${after.cells}`);
    assert.equal(figure(after.cells[3]), figure(before.cells[3]) + 3, 'its victims count the 2 killed and 1 wounded');
    assert.equal(figure(after.total[1]), figure(before.total[1]) + 1, 'the total counts one more operation');
    await reviewer.context().close();
  });

  let editor;
  await step('the editor builds issue 58 and downloads its French PDF', async () => {
    editor = await login('editor@vigie.example');
    const response = await editor.goto(url('/bulletins?month=2023-12'));
    assert.equal(response.status(), 200, 'the editor opens the bulletins page');
    const form = editor.locator('form.bulletin-form');
    await setField(form, 'number', '58');
    await setField(form, 'month', '2023-12');
    await form.locator('input[name="region"][value="g5-sahel"]').check();
    const built = await submit(editor, form, BUILD_TIMEOUT);
    assert.equal(built.status(), 200, 'the bulletins page answers 200 after the build');
    const link = editor.locator('a[href="/bulletins/58/fr.pdf"]');
    assert.equal(await link.count(), 1, 'issue 58 lists its French PDF');
    // the browser shows the PDF inline; its bytes are fetched with the
    // editor's cookies, as a download would
    const pdf = await editor.request.get(url(await link.getAttribute('href')));
    assert.equal(pdf.status(), 200, 'the PDF answers 200');
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const bytes = await pdf.body();
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', 'the file is a PDF');
    assert.ok(bytes.length > 50_000, `the PDF has pages (${bytes.length} bytes)`);
    await writeFile(path.join(artifacts, 'bulletin-58-fr.pdf'), bytes);
  });

  await step('the Arabic dashboard is laid out right to left', async () => {
    const response = await editor.goto(url(`${DASHBOARD}&lang=ar`));
    assert.equal(response.status(), 200);
    const html = editor.locator('html');
    assert.equal(await html.getAttribute('dir'), 'rtl', '<html dir="rtl">');
    assert.equal(await html.getAttribute('lang'), 'ar', '<html lang="ar">');
    const direction = await editor.locator('body').evaluate((body) => getComputedStyle(body).direction);
    assert.equal(direction, 'rtl', 'the computed direction is rtl');
    const ar = await layout(editor);
    assert.ok(ar.brand > VIEWPORT.width / 2, `the brand is on the right in Arabic (x ${ar.brand})`);
    assert.ok(ar.rowHeader > ar.lastCell, 'the country column is the table\'s rightmost');
    const arPng = await editor.screenshot({ path: path.join(artifacts, 'dashboard-ar.png'), fullPage: true });

    await editor.goto(url(`${DASHBOARD}&lang=en`));
    assert.equal(await html.getAttribute('dir'), 'ltr', '<html dir="ltr"> in English');
    const en = await layout(editor);
    assert.ok(en.brand < VIEWPORT.width / 2, `the brand is on the left in English (x ${en.brand})`);
    assert.ok(en.rowHeader < en.lastCell, 'the country column is the table\'s leftmost in English');
    const enPng = await editor.screenshot({ path: path.join(artifacts, 'dashboard-en.png'), fullPage: true });

    const blank = await editor.context().newPage();
    const compared = await compare(blank, arPng, enPng);
    await blank.close();
    assert.ok(compared.heights[0] >= VIEWPORT.height, `the screenshot is the full page (${compared.heights[0]} px)`);
    assert.ok(compared.colours > 20, `the Arabic screenshot is not blank (${compared.colours} colours)`);
    const share = `${(compared.differing * 100).toFixed(1)} %`;
    assert.ok(compared.differing > 0.02, `the Arabic and English screenshots differ (${share} of pixels)`);
  });

  await step('the second-factor page shows its QR code as inline SVG under the CSP', async () => {
    const blocked = [];
    editor.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    const response = await editor.goto(url('/account/totp?lang=en'));
    assert.equal(response.status(), 200);
    const qr = editor.locator('figure.totp-qr svg');
    assert.equal(await qr.count(), 1, 'one QR code');
    const box = await qr.boundingBox();
    assert.ok(box && box.width >= 150 && box.height >= 150, `the QR code is drawn (${JSON.stringify(box)})`);
    const secret = (await editor.locator('code.totp-secret').innerText()).replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/, 'a 160-bit base32 secret');
    assert.match(await editor.locator('code.totp-uri').innerText(), /^otpauth:\/\/totp\/Vigie:editor@vigie\.example\?secret=/);
    await editor.screenshot({ path: path.join(artifacts, 'totp-enrol.png'), fullPage: true });
    assert.deepEqual(blocked, [], 'nothing blocked by the Content-Security-Policy');
  });

  await step('the administrator logs in with a code of the demo TOTP secret', async () => {
    // RFC 6238's SHA-1 vector: the scenario's TOTP is the one the server computes
    assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000), '287082');
    const admin = await login(ADMIN, DEMO_TOTP_SECRET);
    const response = await admin.goto(url('/admin/users?lang=en'));
    assert.equal(response.status(), 200, 'the administrator reaches the accounts');
    const row = admin.locator('table.list tbody tr').filter({ hasText: ADMIN });
    assert.equal(await row.locator('td.totp-yes').count(), 1, 'the list shows the administrator\'s second factor');
    await admin.screenshot({ path: path.join(artifacts, 'users-totp.png'), fullPage: true });
  });
}

async function main() {
  await mkdir(artifacts, { recursive: true });
  browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--metrics-recording-only',
    ],
  });
  console.log(`Chromium ${browser.version()} against ${base}; screenshots in ${artifacts}`);
  try {
    await scenario();
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exitCode = 1;
});
