'use strict';
// The timeline page: plain JavaScript against the public HTTP API, with the caller's bearer token.
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { token: sessionStorage.getItem('agreements.token') || '', agreement: null, events: [], sub: '' };

  const KINDS = {
    BoundaryProposed: 'proposal', BoundaryRevised: 'revision', BoundaryAccepted: 'acceptance',
    BoundaryActivated: 'acceptance', BoundaryReinstated: 'acceptance', BoundaryBroken: 'breach',
    BreachAcknowledged: 'breach', BreachResolutionConfirmed: 'breach', BreachResolved: 'breach',
    ConsentWithdrawn: 'consent', BoundaryReviewDue: 'review', BoundaryReaffirmed: 'review', BoundaryReviewed: 'review'
  };
  const kindOf = (type) => KINDS[type] || 'other';

  function say(text) { $('message').textContent = text || ''; }

  async function api(method, path, body) {
    const headers = { Authorization: 'Bearer ' + state.token };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const detail = json && (json.errors ? json.errors.map((e) => e.field + ' ' + e.message).join('; ') : json.detail);
      throw new Error((detail || response.statusText) + ' (' + response.status + ')');
    }
    return json;
  }

  function subjectOf(token) {
    try { return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub; } catch (e) { return ''; }
  }

  async function signIn(token) {
    state.token = token.trim();
    state.sub = subjectOf(state.token);
    sessionStorage.setItem('agreements.token', state.token);
    say('');
    $('who').textContent = 'Signed in as ' + state.sub + '.';
    try {
      await loadAgreements();
    } catch (e) {
      $('who').textContent = '';
      say('Sign-in failed: ' + e.message);
    }
  }

  async function loadAgreements() {
    const list = await api('GET', '/api/agreements');
    const select = $('agreement-select');
    select.innerHTML = '';
    list.forEach((a) => {
      const option = document.createElement('option');
      option.value = a.agreementId;
      option.textContent = a.title + ' (' + a.status.toLowerCase() + ', ' + a.role.toLowerCase() + ')';
      select.appendChild(option);
    });
    $('agreements').hidden = false;
    if (list.length) {
      await openAgreement(select.value);
    } else {
      $('agreement').hidden = true;
      say('No agreements yet.');
    }
  }

  async function openAgreement(id, minVersion) {
    const suffix = minVersion === undefined ? '' : '?minVersion=' + minVersion;
    const current = await api('GET', '/api/agreements/' + id + suffix);
    state.agreement = current;
    state.events = [];
    let after = null;
    for (;;) {
      const page = await api('GET', '/api/agreements/' + id + '/timeline?limit=500' + (after === null ? '' : '&after=' + after));
      state.events = state.events.concat(page.events);
      if (page.nextAfter === null || page.nextAfter === undefined || page.events.length === 0) break;
      after = page.nextAfter;
    }
    $('agreement').hidden = false;
    $('agreement-title').textContent = current.title;
    $('agreement-meta').textContent = 'Status ' + current.status.toLowerCase() + ' · partners: '
      + current.partners.map((p) => p.partnerId + (p.status === 'JOINED' ? '' : ' (' + p.status.toLowerCase() + ')')).join(', ')
      + ' · version ' + current.version;
    $('propose').hidden = !current.partners.some((p) => p.partnerId === state.sub && p.status === 'JOINED')
      || current.status === 'ENDED' || current.status === 'ERASED';
    renderTimeline();
    const slider = $('asof-slider');
    slider.max = String(Math.max(0, state.events.length - 1));
    slider.value = slider.max;
    slider.setAttribute('aria-valuetext', label(state.events[state.events.length - 1]));
    await showAsOf(state.events.length - 1);
    verify(id);
  }

  function label(event) {
    return event ? new Date(event.at).toLocaleString() : '';
  }

  function renderTimeline() {
    const list = $('timeline');
    list.innerHTML = '';
    const axis = $('timeline-axis');
    axis.innerHTML = '';
    if (!state.events.length) return;
    const first = Date.parse(state.events[0].at);
    const last = Date.parse(state.events[state.events.length - 1].at);
    const span = Math.max(1, last - first);
    state.events.forEach((event, index) => {
      const kind = kindOf(event.type);
      const item = document.createElement('li');
      item.className = 'kind-' + kind;
      item.dataset.index = String(index);
      item.tabIndex = 0;
      const time = document.createElement('time');
      time.dateTime = event.at;
      time.textContent = new Date(event.at).toLocaleDateString();
      item.appendChild(time);
      item.appendChild(document.createTextNode(event.summary || event.type));
      item.addEventListener('click', () => moveSlider(index));
      item.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); moveSlider(index); } });
      list.appendChild(item);
      const tick = document.createElement('span');
      tick.className = 'tick kind-' + kind;
      tick.style.left = (((Date.parse(event.at) - first) / span) * 100) + '%';
      tick.title = event.type;
      axis.appendChild(tick);
    });
    const start = document.createElement('span');
    start.className = 'date';
    start.textContent = new Date(first).toLocaleDateString();
    const end = document.createElement('span');
    end.className = 'date end';
    end.textContent = new Date(last).toLocaleDateString();
    axis.appendChild(start);
    axis.appendChild(end);
  }

  function moveSlider(index) {
    $('asof-slider').value = String(index);
    showAsOf(index);
  }

  async function showAsOf(index) {
    const event = state.events[index];
    if (!event) return;
    $('asof-label').textContent = label(event);
    $('asof-slider').setAttribute('aria-valuetext', label(event));
    document.querySelectorAll('#timeline li').forEach((li) => li.classList.toggle('future', Number(li.dataset.index) > index));
    const latest = index === state.events.length - 1;
    const shown = latest ? state.agreement
      : await api('GET', '/api/agreements/' + state.agreement.agreementId + '?asOf=' + encodeURIComponent(event.at));
    $('asof-note').textContent = latest ? '(now)' : '(as of ' + label(event) + ')';
    await renderBoundaries(shown, latest);
  }

  async function renderBoundaries(shown, latest) {
    const container = $('boundaries');
    container.innerHTML = '';
    if (!shown.boundaries.length) {
      container.textContent = 'No boundaries yet.';
      return;
    }
    for (const boundary of shown.boundaries) {
      const box = document.createElement('article');
      box.className = 'boundary';
      box.dataset.boundaryId = boundary.boundaryId;
      const heading = document.createElement('h4');
      const terms = boundary.terms || (boundary.pending && boundary.pending.terms) || {};
      heading.textContent = (terms.statement || boundary.category) + ' ';
      const status = document.createElement('span');
      status.className = 'status';
      status.textContent = boundary.status.toLowerCase() + (boundary.reviewDue ? ', review due' : '');
      heading.appendChild(status);
      box.appendChild(heading);
      const details = document.createElement('p');
      details.textContent = boundary.category.toLowerCase().replace(/_/g, ' ')
        + (boundary.activeVersion ? ' · version ' + boundary.activeVersion + ' in force' : '')
        + (terms.measure ? ' · measure: ' + terms.measure : '') + (terms.consequence ? ' · if broken: ' + terms.consequence : '');
      box.appendChild(details);
      if (latest) {
        await addHistory(box, boundary);
        addActions(box, boundary);
      }
      container.appendChild(box);
    }
  }

  async function addHistory(box, boundary) {
    try {
      const history = await api('GET', '/api/agreements/' + state.agreement.agreementId + '/boundaries/' + boundary.boundaryId + '/history');
      const list = document.createElement('ol');
      list.className = 'versions';
      list.setAttribute('aria-label', 'Versions');
      history.versions.forEach((v) => {
        const item = document.createElement('li');
        item.value = v.boundaryVersion;
        item.textContent = 'v' + v.boundaryVersion + ' ' + v.outcome.toLowerCase() + ': ' + (v.terms ? v.terms.statement : '')
          + (v.reason ? ' (' + v.reason + ')' : '');
        list.appendChild(item);
      });
      box.appendChild(list);
      (history.changes || []).forEach((change) => {
        change.fields.forEach((f) => {
          const line = document.createElement('p');
          line.className = 'change';
          line.appendChild(document.createTextNode('v' + change.fromVersion + ' → v' + change.toVersion + ' ' + f.field + ': '));
          const del = document.createElement('del');
          del.textContent = f.from || '—';
          const ins = document.createElement('ins');
          ins.textContent = f.to || '—';
          line.appendChild(del);
          line.appendChild(document.createTextNode(' → '));
          line.appendChild(ins);
          box.appendChild(line);
        });
      });
    } catch (e) {
      // counsellors and partners both may read history; anything else is simply not shown
    }
  }

  function addActions(box, boundary) {
    const pending = boundary.pending;
    if (!pending || !state.agreement.partners.some((p) => p.partnerId === state.sub && p.status === 'JOINED')) return;
    const row = document.createElement('div');
    row.className = 'row';
    const note = document.createElement('span');
    note.textContent = 'Version ' + pending.boundaryVersion + ' proposed by ' + pending.proposedBy
      + ', accepted by ' + pending.acceptedBy.join(', ') + '.';
    row.appendChild(note);
    if (!pending.acceptedBy.includes(state.sub)) {
      row.appendChild(actionButton('Accept version ' + pending.boundaryVersion, () =>
        api('POST', base(boundary) + '/acceptances', { boundaryVersion: pending.boundaryVersion })));
      row.appendChild(actionButton('Decline version ' + pending.boundaryVersion, () =>
        api('POST', base(boundary) + '/declines', { boundaryVersion: pending.boundaryVersion }), true));
    }
    box.appendChild(row);
  }

  function base(boundary) {
    return '/api/agreements/' + state.agreement.agreementId + '/boundaries/' + boundary.boundaryId;
  }

  function actionButton(text, action, secondary) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    if (secondary) button.className = 'secondary';
    button.addEventListener('click', async () => {
      try {
        const answer = await action();
        await openAgreement(state.agreement.agreementId, answer.version);
      } catch (e) {
        say(e.message);
      }
    });
    return button;
  }

  async function verify(id) {
    const badge = $('integrity');
    badge.className = 'badge';
    badge.textContent = 'checking…';
    try {
      const verification = await api('GET', '/api/agreements/' + id + '/verification');
      badge.className = 'badge ' + (verification.valid ? 'valid' : 'invalid');
      badge.textContent = verification.valid ? 'History verified ✓ (' + verification.eventCount + ' events)'
        : 'History does not verify at event ' + verification.firstInvalidSequence;
    } catch (e) {
      badge.textContent = 'Verification unavailable';
    }
  }

  $('signin-form').addEventListener('submit', (e) => { e.preventDefault(); signIn($('token').value); });
  $('dev-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const response = await fetch('/dev/tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sub: $('dev-sub').value, roles: $('dev-counsellor').checked ? ['counsellor'] : [] }) });
      if (!response.ok) throw new Error('development tokens exist only in the local profile (' + response.status + ')');
      const json = await response.json();
      $('token').value = json.token;
      await signIn(json.token);
    } catch (err) {
      say(err.message);
    }
  });
  $('agreement-select').addEventListener('change', (e) => openAgreement(e.target.value).catch((err) => say(err.message)));
  $('refresh').addEventListener('click', () => loadAgreements().catch((err) => say(err.message)));
  $('asof-slider').addEventListener('input', (e) => showAsOf(Number(e.target.value)).catch((err) => say(err.message)));
  $('propose-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const answer = await api('POST', '/api/agreements/' + state.agreement.agreementId + '/boundaries', {
        category: $('p-category').value, statement: $('p-statement').value, measure: $('p-measure').value,
        consequence: $('p-consequence').value, reviewEvery: $('p-review').value });
      $('propose-form').reset();
      await openAgreement(state.agreement.agreementId, answer.version);
    } catch (err) {
      say(err.message);
    }
  });
  if (state.token) {
    $('token').value = state.token;
    signIn(state.token);
  }
})();
