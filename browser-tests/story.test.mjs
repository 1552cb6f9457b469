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
  const [overflow, widest] = await who.page.evaluate(() => [document.documentElement.scrollWidth - window.innerWidth,
    [...document.querySelectorAll('body, body *')].filter((e) => e.scrollWidth > e.clientWidth + 1
      && getComputedStyle(e).overflowX === 'visible')
      .slice(-3).map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
        + ' ' + e.scrollWidth)]);
  await who.page.setViewportSize(size);
  expect(overflow <= 0, label + ': ' + overflow + ' px wider than a 320 px screen, at ' + widest.join(', '));
}

async function shot(who, file) {
  await who.page.screenshot({ path: shots + file, fullPage: true });
}

async function submit(who, selector) {
  await Promise.all([who.page.waitForNavigation(), who.page.click(selector)]);
}

// Sign up with a password at the local provider, then sign in; lands at /app.
async function signUp(who, loginName, password, role = 'partner') {
  await who.page.goto(base + '/app');
  await who.page.waitForURL(/\/auth\/login/);
  if (!audited.has('sign-in page')) await audit(who, 'sign-in page');
  await submit(who, 'a[href$="/auth/signup"]');
  if (!audited.has('sign-up page')) await audit(who, 'sign-up page');
  await who.page.fill('#username', loginName);
  await who.page.check('#role-' + role);
  if (await who.page.locator('#method-password').count() > 0) await who.page.check('#method-password');
  await who.page.fill('#password', password);
  await who.page.fill('#passwordAgain', password);
  await submit(who, 'form[action$="/auth/signup"] button[type=submit]');
  await who.page.fill('#username', loginName);
  await who.page.fill('#password', password);
  await Promise.all([who.page.waitForURL(/\/app(\?.*)?$/), who.page.click('form[action$="/auth/login"] button[type=submit]')]);
}

// Sign up with a passkey (Chromium's virtual authenticator, through the DevTools protocol), then sign in with it.
async function signUpWithPasskey(who, loginName) {
  const cdp = await who.context.newCDPSession(who.page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', { options: { protocol: 'ctap2', transport: 'internal',
    hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true } });
  await who.page.goto(base + '/app');
  await who.page.waitForURL(/\/auth\/login/);
  await submit(who, 'a[href$="/auth/signup"]');
  await who.page.fill('#username', loginName);
  await who.page.check('#method-passkey');
  await submit(who, 'form[action$="/auth/signup"] button[type=submit]');
  await who.page.waitForSelector('#passkey-create:not([hidden])');
  await audit(who, 'create a passkey');
  await who.page.fill('#passkey-label', 'This laptop');
  await Promise.all([who.page.waitForURL(/\/app(\?.*)?$/, { timeout: 20000 }),
    who.page.click('#passkey-create button[type=submit]')]);
}

// a signed-in person's pages are on the origin their sign-in ended on (the local provider's, localhost)
function originOf(who) {
  return who.page.url().startsWith('http') ? new URL(who.page.url()).origin : base;
}

async function open(who, path) {
  return who.page.goto(originOf(who) + path);
}

// the agreement page at its latest state (the page itself waits for the version a form's redirect names)
async function agreementPage(who) {
  await open(who, '/app/agreements/' + agreementId);
  await who.page.waitForSelector('#agreement-title');
}

async function boundaryIdOf(who, statement) {
  const article = who.page.locator('article[id^="boundary-"]', { hasText: statement }).first();
  return (await article.getAttribute('id')).substring('boundary-'.length);
}

async function idOf(who) {
  await open(who, '/app');
  return (await who.page.textContent('#your-id code')).trim();
}

const suffix = Date.now().toString(36);
const ana = await person('Ana');
const bea = await person('Bea');
const carol = await person('Carol, counsellor');
const dan = await person('Dan, auditor');
const olu = await person('Olu, operator');
const password = 'a long and private passphrase';
const first = 'We tell each other within a day when someone new messages us';
const revised = 'We tell each other the same evening when someone new messages us';
let agreementId;
let boundaryId;

try {
  await step('Ana signs up with a password and signs in', async () => {
    await signUp(ana, 'ana-' + suffix, password);
    await ana.page.waitForSelector('#signed-in');
    await audit(ana, 'home, empty');
  });

  await step('Bea signs up with a passkey in her own browser', async () => {
    await signUpWithPasskey(bea, 'bea-' + suffix);
    await bea.page.waitForSelector('#your-id code');
  });

  await step('Ana drafts an agreement and invites Bea by her id', async () => {
    await ana.page.fill('#title', 'Ana and Bea, starting again');
    await submit(ana, 'form[action$="/app/agreements"] button[type=submit]');
    agreementId = await ana.page.locator('#agreements [data-agreement-id]').first().getAttribute('data-agreement-id');
    expect(agreementId, 'the draft is listed');
    const beaId = await idOf(bea);
    await agreementPage(ana);
    await ana.page.fill('#invite-partnerId', beaId);
    await submit(ana, '#invite button[type=submit]');
    await audit(ana, 'agreement, forming');
  });

  await step('Bea joins from what needs her', async () => {
    await open(bea, '/app');
    await bea.page.waitForSelector('[data-need="INVITATION"]');
    await audit(bea, 'home, an invitation');
    await submit(bea, '[data-need="INVITATION"] form button');
    await bea.page.waitForSelector('#agreement-title');
    expect((await bea.page.getAttribute('#agreement-status', 'data-status')) === 'ACTIVE', 'two partners: active');
  });

  await step("Ana's proposal appears on Bea's open page without a reload", async () => {
    await agreementPage(bea);
    const beaNavigations = [];
    bea.page.on('framenavigated', (frame) => { if (frame === bea.page.mainFrame()) beaNavigations.push(frame.url()); });
    await agreementPage(ana);
    await ana.page.selectOption('#propose-category', 'ONLINE_ENGAGEMENT');
    await ana.page.fill('#propose-statement', first);
    await ana.page.fill('#propose-reviewEvery', '30');
    await submit(ana, '#propose button[type=submit]');
    boundaryId = await boundaryIdOf(ana, first);
    await bea.page.waitForSelector('#accept-' + boundaryId, { timeout: 20000 });
    expect(beaNavigations.length === 0, 'Bea did not reload: ' + beaNavigations.join(' '));
    await audit(bea, 'agreement, a proposal to accept');
  });

  await step('Bea accepts; the boundary is in force', async () => {
    await submit(bea, '#accept-' + boundaryId + ' button[type=submit]');
    await bea.page.waitForSelector('#boundary-' + boundaryId + '[data-boundary-status="ACTIVE"]');
  });

  await step('Ana proposes a revision and Bea accepts it from what needs her, by keyboard alone', async () => {
    await agreementPage(ana);
    await ana.page.click('#boundary-' + boundaryId + ' details summary');
    await ana.page.fill('#revise-' + boundaryId + '-statement', revised);
    await submit(ana, '#revise-' + boundaryId + ' button[type=submit]');
    await open(bea, '/app');
    await bea.page.waitForSelector('[data-need="REVISION"]');
    await shot(bea, 'home.png');
    await bea.page.focus('[data-need="REVISION"] form[action$="/acceptances"] button');
    await Promise.all([bea.page.waitForNavigation(), bea.page.keyboard.press('Enter')]);
    await bea.page.waitForSelector('#boundary-' + boundaryId + '[data-boundary-status="ACTIVE"]');
    expect((await bea.page.textContent('#boundary-' + boundaryId)).includes(revised), 'the revision is in force');
  });

  await step('Bea withdraws her consent with one button, and both reaffirm', async () => {
    await submit(bea, '#consent-' + boundaryId + ' button[type=submit]');
    await bea.page.waitForSelector('#boundary-' + boundaryId + '[data-boundary-status="SUSPENDED"]');
    await audit(bea, 'agreement, a suspended boundary');
    await submit(bea, '#reaffirm-' + boundaryId + ' button[type=submit]');
    await agreementPage(ana);
    await submit(ana, '#reaffirm-' + boundaryId + ' button[type=submit]');
    await ana.page.waitForSelector('#boundary-' + boundaryId + '[data-boundary-status="ACTIVE"]');
  });

  await step('Ana discloses a breach herself, and both confirm it resolved', async () => {
    await ana.page.selectOption('#breach-boundaryId', boundaryId);
    await ana.page.check('#breach-breachedBy-me');
    await ana.page.fill('#breach-description', 'I answered a message from an old flame and did not say so');
    await ana.page.fill('#breach-occurredAt', new Date(Date.now() - 86400000).toISOString().substring(0, 16));
    await submit(ana, '#breach button[type=submit]');
    const breach = ana.page.locator('article[id^="breach-"]').first();
    const breachId = (await breach.getAttribute('id')).substring('breach-'.length);
    await audit(ana, 'agreement, a breach');
    await submit(ana, '#resolve-' + breachId + ' button[type=submit]');
    await open(bea, '/app');
    await bea.page.waitForSelector('[data-need="BREACH_TO_CONFIRM"]');
    await submit(bea, '[data-need="BREACH_TO_CONFIRM"] form button');
    await bea.page.waitForSelector('#breach-' + breachId + '[data-breach-status="RESOLVED"]');
    await shot(bea, 'agreement.png');
  });

  await step('Ana asks for counsellor Carol, Bea approves, Carol reads her caseload and the agreement', async () => {
    await signUp(carol, 'carol-' + suffix, password, 'counsellor');
    const carolId = await idOf(carol);
    await agreementPage(ana);
    await ana.page.fill('#counsellor-counsellorId', carolId);
    await submit(ana, '#counsellor button[type=submit]');
    await open(bea, '/app');
    await bea.page.waitForSelector('[data-need="COUNSELLOR_TO_APPROVE"]');
    await submit(bea, '[data-need="COUNSELLOR_TO_APPROVE"] form button');
    await open(carol, '/app/caseload');
    await carol.page.waitForSelector('#caseload [data-agreement-id="' + agreementId + '"]');
    await audit(carol, 'caseload');
    await shot(carol, 'caseload.png');
    await submit(carol, '#caseload [data-agreement-id="' + agreementId + '"] a[data-link="agreement"]');
    await carol.page.waitForSelector('#read-only');
    expect(await carol.page.locator('main form').count() === 0, 'a counsellor sees no form');
    await audit(carol, 'agreement, read-only for a counsellor');
  });

  await step('Ana revokes Carol at once; Carol then finds nothing', async () => {
    await agreementPage(ana);
    await submit(ana, 'form[action*="/counsellors/"][action$="/revocation"] button');
    const answer = await open(carol, '/app/agreements/' + agreementId);
    expect(answer.status() === 404, 'the revoked counsellor gets ' + answer.status());
    await audit(carol, 'not found');
  });

  await step('the timeline, the as-of view, a boundary history and the printable record', async () => {
    await open(bea, '/app/agreements/' + agreementId + '/timeline');
    await bea.page.waitForSelector('[data-sequence]');
    expect((await bea.page.textContent('main')).includes(revised), 'the timeline names the boundary');
    await audit(bea, 'timeline');
    await shot(bea, 'timeline.png');
    await open(bea, '/app/agreements/' + agreementId + '/timeline?at=4');
    await bea.page.waitForSelector('#as-of-state');
    await audit(bea, 'timeline, as of an earlier event');
    await open(bea, '/app/agreements/' + agreementId + '/boundaries/' + boundaryId);
    await bea.page.waitForSelector('table.versions');
    await audit(bea, 'boundary history');
    await shot(bea, 'history.png');
    await open(bea, '/app/agreements/' + agreementId + '/record');
    await bea.page.waitForSelector('#record-pdf');
    expect((await bea.page.textContent('main')).includes(revised), 'the record holds the boundary in force');
    await audit(bea, 'record');
    await shot(bea, 'record.png');
    const pdf = await bea.page.request.get(originOf(bea) + '/app/agreements/' + agreementId + '/record.pdf');
    expect(pdf.status() === 200 && (await pdf.body()).subarray(0, 5).toString() === '%PDF-', 'the PDF downloads');
  });

  await step('auditor Dan verifies the agreement and downloads its export', async () => {
    await signUp(dan, 'dan-' + suffix, password, 'auditor');
    await open(dan, '/app/audit');
    await dan.page.waitForSelector('#audit-agreements');
    await audit(dan, 'audit list');
    await open(dan, '/app/audit/' + agreementId);
    await dan.page.waitForSelector('#verification[data-valid="true"]');
    expect(!(await dan.page.textContent('main')).includes(revised), 'the auditor reads no content');
    await audit(dan, 'audit of an agreement');
    await shot(dan, 'audit.png');
    const exported = await dan.page.request.get(originOf(dan) + '/app/audit/' + agreementId + '/export');
    expect(exported.status() === 200 && (await exported.json()).events.length > 10, 'the export downloads');
  });

  await step('operator Olu sees the projections', async () => {
    await signUp(olu, 'olu-' + suffix, password, 'operator');
    await open(olu, '/app/operations');
    await olu.page.waitForSelector('#projections');
    await audit(olu, 'operations');
    await shot(olu, 'operations.png');
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
