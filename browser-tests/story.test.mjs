// A couple's story through the web pages in headless Chromium (Debian's package; playwright-core drives it and
// downloads no browser): each person signs up in their own browser, and every step is a click or a form on the
// pages, never the API. axe-core checks every page it meets (no serious or critical violation), and every page
// must run under the Content-Security-Policy without a violation. Screenshots of each page in a healthy state go
// to ../target/pages/ (the README's). Needs the service in its local profile at BASE_URL (see .ci/run).
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const base = process.env.BASE_URL || 'http://127.0.0.1:8080';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = new URL('../target/pages/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

let passed = 0;
let failed = 0;
const complaints = [];
const audited = new Map();

async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log('ok - ' + name);
  } catch (e) {
    failed++;
    console.log('not ok - ' + name + ': ' + (e && e.message ? e.message.split('\n')[0] : e));
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

// One person's own browser (own cookies), watched for policy complaints and page errors.
async function person(name) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1300 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error('Content Security Policy violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Permissions-Policy|Permissions policy/i.test(message.text())) {
      complaints.push(name + ': ' + message.text());
    }
  });
  page.on('pageerror', (error) => complaints.push(name + ': page error ' + error.message));
  return { name, context, page };
}

// axe-core on the page as it is now (run through the DevTools protocol, which the page's CSP does not govern).
async function audit(who, label) {
  await who.page.evaluate(axeSource);
  const result = await who.page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  audited.set(label, result.length);
  expect(bad.length === 0, label + ': ' + bad.map((v) => v.id + ' at ' + v.nodes.join(', ')).join('; '));
  // WCAG 1.4.10 reflow: at 320 CSS pixels wide nothing needs scrolling sideways
  const size = who.page.viewportSize();
  await who.page.setViewportSize({ width: 320, height: 800 });
  const overflow = await who.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await who.page.setViewportSize(size);
  expect(overflow <= 0, label + ': ' + overflow + ' px wider than a 320 px screen');
}

async function shot(who, file) {
  await who.page.screenshot({ path: shots + file, fullPage: true });
}

async function submit(who, selector) {
  await Promise.all([who.page.waitForNavigation(), who.page.click(selector)]);
}

// Sign up with a password at the local provider, then sign in; lands at /app.
async function signUp(who, loginName, password) {
  await who.page.goto(base + '/app');
  await who.page.waitForURL(/\/auth\/login/);
  await audit(who, 'sign-in page');
  await submit(who, 'a[href$="/auth/signup"]');
  await audit(who, 'sign-up page');
  await who.page.fill('#username', loginName);
  await who.page.fill('#password', password);
  await who.page.fill('#passwordAgain', password);
  await submit(who, 'form[action$="/auth/signup"] button[type=submit]');
  await who.page.fill('#username', loginName);
  await who.page.fill('#password', password);
  await Promise.all([who.page.waitForURL(/\/app(\?.*)?$/), who.page.click('form[action$="/auth/login"] button[type=submit]')]);
}

const suffix = Date.now().toString(36);
const ana = await person('Ana');
const bea = await person('Bea');
const password = 'a long and private passphrase';
let agreementId;

try {
  await step('Ana signs up and signs in', async () => {
    await signUp(ana, 'ana-' + suffix, password);
    await ana.page.waitForSelector('#signed-in');
    await audit(ana, 'home, empty');
  });

  await step('Bea signs up and signs in in her own browser', async () => {
    await signUp(bea, 'bea-' + suffix, password);
    await bea.page.waitForSelector('#your-id code');
  });

  await step('Ana drafts an agreement', async () => {
    await ana.page.fill('#title', 'Ana and Bea, starting again');
    await submit(ana, 'form[action$="/app/agreements"] button[type=submit]');
    const row = ana.page.locator('#agreements [data-agreement-id]').first();
    agreementId = await row.getAttribute('data-agreement-id');
    expect(agreementId, 'the draft is listed');
    await audit(ana, 'home, with an agreement');
    await shot(ana, 'home.png');
  });

  await step('Swagger UI renders the API under the Content-Security-Policy', async () => {
    const developer = await person('a developer');
    const response = await developer.page.goto(base + '/swagger-ui.html');
    expect((response.headers()['content-security-policy'] || '').includes("frame-ancestors 'none'"),
      'Swagger UI is served with our policy');
    await developer.page.waitForFunction(() => document.querySelectorAll('.opblock').length >= 20, null, { timeout: 20000 });
    expect((await developer.page.textContent('.info .title')).includes('shared-agreements'), 'the title is shown');
    await developer.context.close();
  });

  await step('every page ran under the Content-Security-Policy without a violation or a script error', async () => {
    expect(complaints.length === 0, complaints.join(' | '));
  });
} finally {
  await browser.close();
}
console.log('axe (violations of any impact, per page): ' + JSON.stringify(Object.fromEntries(audited)));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
