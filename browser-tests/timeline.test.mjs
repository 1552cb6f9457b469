// Browser test of the timeline page in headless Chromium: sign in with a development token, open an agreement,
// see its timeline, move the as-of slider, accept a proposal and propose a boundary; a screenshot is written to
// ../target/timeline.png. Swagger UI renders too. Both fail on any Content-Security-Policy violation or complaint
// about the Permissions-Policy header. Needs the service running in its local profile at BASE_URL (see .ci/run).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE_URL || 'http://127.0.0.1:8080';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
let passed = 0;
let failed = 0;

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log('ok - ' + name);
  } catch (e) {
    failed++;
    console.log('not ok - ' + name + ': ' + e.message);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function call(method, path, token, body) {
  const response = await fetch(base + path, {
    method, headers: { Authorization: 'Bearer ' + token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new Error(method + ' ' + path + ' answered ' + response.status + ' ' + JSON.stringify(json));
  return json;
}

async function token(sub) {
  const response = await fetch(base + '/dev/tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sub, roles: [] }) });
  return (await response.json()).token;
}

// A couple with history: an accepted boundary, a declined revision, and a proposal waiting for Bea.
const suffix = Date.now().toString(36);
const ana = 'ana-' + suffix;
const bea = 'bea-' + suffix;
const anaToken = await token(ana);
const beaToken = await token(bea);
const { agreementId } = await call('POST', '/api/agreements', anaToken, { title: 'Ana and Bea, starting again' });
await call('POST', `/api/agreements/${agreementId}/invitations`, anaToken, { partnerId: bea });
await call('POST', `/api/agreements/${agreementId}/join`, beaToken);
const first = await call('POST', `/api/agreements/${agreementId}/boundaries`, anaToken, {
  category: 'ONLINE_ENGAGEMENT', statement: 'No private messages with exes', reviewEvery: 'P30D' });
await call('POST', `/api/agreements/${agreementId}/boundaries/${first.boundaryId}/acceptances`, beaToken, { boundaryVersion: 1 });
await call('POST', `/api/agreements/${agreementId}/boundaries/${first.boundaryId}/revisions`, anaToken, {
  category: 'ONLINE_ENGAGEMENT', statement: 'Keep it friendly' });
await call('POST', `/api/agreements/${agreementId}/boundaries/${first.boundaryId}/declines`, beaToken, {
  boundaryVersion: 2, reason: 'Too vague' });
const waiting = await call('POST', `/api/agreements/${agreementId}/boundaries`, anaToken, {
  category: 'DISCLOSURE', statement: 'We share attractions within a week' });

const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const policyComplaints = [];

// Collects what the browser says about our Content-Security-Policy and Permissions-Policy on a page: violation
// events (recorded by a script the test injects, which the policy does not govern) and console messages.
async function watchedPage() {
  const watched = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
  await watched.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error('Content Security Policy violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI);
    });
  });
  watched.on('console', (message) => {
    if (/Content Security Policy|Permissions-Policy|Permissions policy/i.test(message.text())) {
      policyComplaints.push(message.text());
    }
  });
  return watched;
}

const page = await watchedPage();
try {
  await page.goto(base + '/');

  await check('signs in with a development token', async () => {
    await page.fill('#dev-sub', bea);
    await page.click('#dev-token-button');
    await page.waitForFunction((sub) => document.getElementById('who').textContent.includes(sub), bea, { timeout: 15000 });
    await page.waitForSelector('#agreement:not([hidden])', { timeout: 15000 });
  });

  await check('opens the agreement and shows its timeline', async () => {
    await page.selectOption('#agreement-select', agreementId);
    await page.waitForFunction(() => document.querySelectorAll('#timeline li').length >= 8, null, { timeout: 15000 });
    expect((await page.textContent('#agreement-title')).includes('Ana and Bea'), 'title shown');
    expect(await page.locator('#timeline li.kind-proposal').count() >= 2, 'proposals coloured as proposals');
    expect(await page.locator('#timeline li.kind-revision').count() >= 1, 'the revision is shown');
  });

  await check('shows the hash chain badge', async () => {
    await page.waitForFunction(() => !document.getElementById('integrity').textContent.includes('checking'), null, { timeout: 15000 });
    const badge = await page.textContent('#integrity');
    expect(badge.length > 0, 'badge has a verdict: ' + badge);
  });

  await check('the as-of slider shows the agreement as it stood then', async () => {
    const max = Number(await page.getAttribute('#asof-slider', 'max'));
    await page.focus('#asof-slider');
    await page.$eval('#asof-slider', (slider) => { slider.value = '3'; slider.dispatchEvent(new Event('input')); });
    await page.waitForFunction(() => document.getElementById('asof-note').textContent.startsWith('(as of'), null, { timeout: 15000 });
    await page.waitForFunction(() => document.querySelectorAll('#boundaries .boundary').length === 1, null, { timeout: 15000 });
    expect(await page.locator('#timeline li.future').count() === max - 3, 'later events are dimmed');
    await page.$eval('#asof-slider', (slider) => { slider.value = slider.max; slider.dispatchEvent(new Event('input')); });
    await page.waitForFunction(() => document.querySelectorAll('#boundaries .boundary').length === 2, null, { timeout: 15000 });
  });

  await check('accepts the waiting proposal', async () => {
    await page.click(`[data-boundary-id="${waiting.boundaryId}"] button:has-text("Accept version 1")`);
    await page.waitForFunction((id) => {
      const box = document.querySelector(`[data-boundary-id="${id}"] .status`);
      return box && box.textContent.startsWith('active');
    }, waiting.boundaryId, { timeout: 15000 });
  });

  await check('proposes a new boundary', async () => {
    await page.selectOption('#p-category', 'INTIMACY_PACE');
    await page.fill('#p-statement', 'We go at the pace of the slower one');
    await page.click('#propose-form button[type=submit]');
    await page.waitForFunction(() => [...document.querySelectorAll('#boundaries h4')]
      .some((h) => h.textContent.includes('slower one')), null, { timeout: 15000 });
  });

  mkdirSync(new URL('../target/', import.meta.url), { recursive: true });
  await page.screenshot({ path: new URL('../target/timeline.png', import.meta.url).pathname, fullPage: true });

  await check('the timeline page runs under the Content-Security-Policy without a violation', async () => {
    expect(policyComplaints.length === 0, policyComplaints.join(' | '));
  });

  await check('Swagger UI renders the API under the Content-Security-Policy', async () => {
    const swagger = await watchedPage();
    const response = await swagger.goto(base + '/swagger-ui.html');
    expect((response.headers()['content-security-policy'] || '').includes("frame-ancestors 'none'"),
      'Swagger UI is served with our policy');
    await swagger.waitForFunction(() => document.querySelectorAll('.opblock').length >= 20, null, { timeout: 20000 });
    expect((await swagger.textContent('.info .title')).includes('shared-agreements'), 'the title is shown');
    await swagger.locator('.opblock-summary').first().click();
    await swagger.waitForSelector('.opblock.is-open .opblock-body', { timeout: 10000 });
    await swagger.screenshot({ path: new URL('../target/swagger-ui.png', import.meta.url).pathname, fullPage: false });
    expect(policyComplaints.length === 0, policyComplaints.join(' | '));
  });
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
