// The assistant's page: a sentence → POST /api/assistant/commands → answer or proposal → confirm or cancel; the
// customer's 360 beside it. The browser's session (Tasklist's login, or SSO) authenticates the /api calls; changes carry
// the CSRF token /assistant/session hands out. No framework: data goes into the page as text, never as HTML.
'use strict';

const TEXTS = {
  fr: {
    title: 'Assistant', other: 'English', loginTitle: 'Connexion',
    loginHelp: 'Même compte et même session que Tasklist.', user: 'Utilisateur', password: 'Mot de passe',
    logIn: 'Se connecter', loginFailed: 'Utilisateur ou mot de passe incorrect.', customer: 'Client',
    ask: 'Que voulez-vous faire ?', send: 'Envoyer', confirm: 'Confirmer', cancel: 'Annuler',
    systems: 'Systèmes appelés', noSystem: 'aucun', expires: 'Expire', intent: 'Intention', details: 'Détails',
    proposed: 'Proposition', clarification: 'Précision requise', refused: 'Refusé', answered: 'Réponse',
    executed: 'Fait', failed: 'Échec', expired: 'Expirée', cancelled: 'Annulée', result: 'Résultat', chooseOne: 'Choisissez :', noMatch: 'Aucun client trouvé.',
    badges: { vip: 'VIP', commercial: 'Commercial', neverSuspend: 'Jamais suspendu' },
    yes: 'oui', no: 'non', loggedInAs: 'Connecté : ', error: 'Erreur', noCustomer: 'Aucun client choisi.',
    labels: { data: 'Données', result: 'Résultat', related: 'Dossier', locations: 'Adresses de service' }
  },
  en: {
    title: 'Assistant', other: 'Français', loginTitle: 'Log in',
    loginHelp: 'Same account and session as Tasklist.', user: 'User', password: 'Password',
    logIn: 'Log in', loginFailed: 'Wrong user or password.', customer: 'Customer',
    ask: 'What do you want to do?', send: 'Send', confirm: 'Confirm', cancel: 'Cancel',
    systems: 'Systems called', noSystem: 'none', expires: 'Expires', intent: 'Intent', details: 'Details',
    proposed: 'Proposal', clarification: 'Needs a detail', refused: 'Refused', answered: 'Answer',
    executed: 'Done', failed: 'Failed', expired: 'Expired', cancelled: 'Cancelled', result: 'Result', chooseOne: 'Choose one:', noMatch: 'No customer found.',
    badges: { vip: 'VIP', commercial: 'Commercial', neverSuspend: 'Never suspended' },
    yes: 'yes', no: 'no', loggedInAs: 'Logged in: ', error: 'Error', noCustomer: 'No customer chosen.',
    labels: { data: 'Data', result: 'Result', related: 'Records', locations: 'Service locations' }
  }
};

const state = {
  lang: new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : (localStorage.getItem('assistant.lang') || 'fr'),
  csrf: null,
  customerId: new URLSearchParams(location.search).get('customer'),
  lastText: null,
  lastAnswer: null
};
const t = key => TEXTS[state.lang][key];
const $ = id => document.getElementById(id);

// ---- Quebec formats: 183,83 $ and 26 mars 2027 (fr-CA); $183.83 and March 26, 2027 (en-CA)
const locale = () => (state.lang === 'fr' ? 'fr-CA' : 'en-CA');
const money = n => new Intl.NumberFormat(locale(), { style: 'currency', currency: 'CAD' }).format(n);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MONEY_KEY = /amount|balance|total|price|paid|owed|due$|limit|credit|fee|subtotal|tps|tvq/i;
function date(text) {
  const [y, m, d] = text.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(y, m - 1, d));
}
function instant(text) {
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZone: 'America/Montreal' }).format(new Date(text));
}
function show(key, value) {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (typeof value === 'number' && MONEY_KEY.test(key)) return money(value);
  if (typeof value === 'string' && MONEY_KEY.test(key) && /^-?\d+(\.\d+)?$/.test(value)) return money(Number(value));
  if (typeof value === 'string' && DATE.test(value)) return date(value);
  if (typeof value === 'string' && INSTANT.test(value)) return instant(value);
  if (Array.isArray(value)) return value.map(v => (typeof v === 'object' ? compact(v) : show(key, v))).join(', ');
  if (typeof value === 'object') return compact(value);
  return String(value);
}
const compact = o => (o === null ? '—' : Object.entries(o).map(([k, v]) => `${label(k)} : ${show(k, v)}`).join(' · '));
const label = key => t('labels')[key] || key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').toLowerCase();

// ---- DOM helpers (text only)
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => (k === 'class' ? (node.className = v) : node.setAttribute(k, v)));
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}
function table(key, rows) {
  const columns = [...new Set(rows.slice(0, 20).flatMap(r => Object.keys(r)))];
  return el('table', {}, el('thead', {}, el('tr', {}, columns.map(c => el('th', {}, label(c))))),
    el('tbody', {}, rows.map(r => el('tr', {}, columns.map(c => el('td', {}, show(c, r[c])))))));
}
function facts(object) {
  return el('dl', {}, Object.entries(object).flatMap(([k, v]) => [el('dt', {}, label(k)), el('dd', {}, show(k, v))]));
}
function anything(key, value) {
  if (Array.isArray(value) && value.length && value.every(v => v && typeof v === 'object' && !Array.isArray(v))) return table(key, value);
  if (value && typeof value === 'object' && !Array.isArray(value)) return facts(value);
  return el('p', {}, show(key, value));
}

// ---- HTTP: the session cookie goes along; changes carry the CSRF token
async function call(method, url, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrf) headers[state.csrf.header] = state.csrf.token;
  const response = await fetch(url, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
  if (response.status === 401) { showLogin(); throw new Error(t('loginTitle')); }
  if (!response.ok) throw new Error(json ? [json.title, json.detail].filter(Boolean).join(' — ') : `${response.status}`);
  return json;
}

// ---- login: the webapps' own (Camunda's) login, so the session is Tasklist's
async function session() {
  const response = await fetch('/assistant/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status !== 200) { showLogin(); return; }
  const me = await response.json();
  state.csrf = { header: me.csrfHeader, token: me.csrfToken };
  $('who').textContent = t('loggedInAs') + me.user;
  $('who').dataset.user = me.user;
  $('login').hidden = true;
  $('app').hidden = false;
  if (state.customerId) chooseCustomer(state.customerId);
}
function showLogin() {
  $('app').hidden = true;
  $('login').hidden = false;
}
async function logIn(event) {
  event.preventDefault();
  $('login-error').textContent = '';
  // Camunda's webapp API wants its own CSRF token, handed out on any GET
  const probe = await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' });
  const body = new URLSearchParams({ username: $('login-user').value, password: $('login-password').value });
  const response = await fetch('/camunda/api/admin/auth/user/default/login/welcome', { method: 'POST', credentials: 'same-origin',
    headers: { 'X-XSRF-TOKEN': probe.headers.get('X-XSRF-TOKEN') || '', 'Content-Type': 'application/x-www-form-urlencoded' }, body });
  if (!response.ok) { $('login-error').textContent = response.status === 429 ? `${t('error')} 429` : t('loginFailed'); return; }
  $('login-password').value = '';
  await session();
}

// ---- customer picker and Customer 360
let searchTimer;
function search() {
  clearTimeout(searchTimer);
  const q = $('customer-search').value.trim();
  if (q.length < 2) { $('customer-results').replaceChildren(); return; }
  searchTimer = setTimeout(async () => {
    try {
      const hits = await call('GET', `/api/customers?q=${encodeURIComponent(q)}&limit=10`);
      $('customer-results').replaceChildren(...(hits.length ? hits.map(hit =>
        el('li', { role: 'option', 'data-id': hit.id, tabindex: '0' }, `${hit.id} — ${hit.companyName || hit.name}`,
          el('small', {}, [hit.address, hit.phone].filter(Boolean).join(' · ')))) : [el('li', { class: 'empty' }, t('noMatch'))]));
    } catch (e) { $('customer-results').replaceChildren(el('li', { class: 'error' }, e.message)); }
  }, 250);
}
function pickFromList(event) {
  const item = event.target.closest('li[data-id]');
  if (!item) return;
  $('customer-results').replaceChildren();
  $('customer-search').value = '';
  chooseCustomer(item.dataset.id);
}
async function chooseCustomer(id) {
  state.customerId = id;
  const url = new URL(location.href);
  url.searchParams.set('customer', id);
  history.replaceState(null, '', url);
  $('customer-chosen').textContent = id;
  await load360();
}
async function load360() {
  const panel = $('customer360');
  if (!state.customerId) { panel.replaceChildren(el('p', {}, t('noCustomer'))); return; }
  try {
    render360(await call('GET', `/api/customers/${encodeURIComponent(state.customerId)}`));
  } catch (e) { panel.replaceChildren(el('p', { class: 'error' }, e.message)); }
}
const HEADER = ['id', 'legacyAccountId', 'firstName', 'lastName', 'companyName', 'email', 'phone', 'cellPhone', 'language',
  'status', 'createdAt'];
function render360(c) {
  const name = c.companyName || [c.firstName, c.lastName].filter(Boolean).join(' ');
  $('customer-chosen').textContent = `${c.id} — ${name}`;
  const badges = el('p', { class: 'badges' },
    el('span', { class: `badge status-${c.status}` }, c.status),
    Object.keys(t('badges')).filter(k => c[k] === true).map(k => el('span', { class: 'badge' }, t('badges')[k])),
    (Array.isArray(c.badges) ? c.badges : []).map(b => el('span', { class: 'badge' }, typeof b === 'object' ? compact(b) : b)));
  const header = {};
  HEADER.filter(k => k in c && !['firstName', 'lastName', 'companyName', 'id'].includes(k)).forEach(k => (header[k] = c[k]));
  // every other section as it comes: other capabilities add theirs without this page knowing them
  const sections = Object.entries(c).filter(([k]) => !HEADER.includes(k) && !['vip', 'commercial', 'neverSuspend', 'badges', 'related'].includes(k))
    .concat(Object.entries(c.related || {}));
  $('customer360').replaceChildren(
    el('h2', {}, name, ' ', el('small', {}, c.id)), badges, facts(header),
    sections.filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => el('section', { 'data-section': k }, el('h3', {}, label(k)), anything(k, v))));
}

// ---- the assistant
async function send(event, text) {
  if (event) event.preventDefault();
  state.lastText = text || $('command-text').value.trim();
  if (!state.lastText) return;
  const body = { text: state.lastText, locale: state.lang };
  if (state.customerId) body.customerId = state.customerId;
  $('answer').replaceChildren(el('p', { class: 'busy' }, '…'));
  try {
    renderAnswer(await call('POST', '/api/assistant/commands', body));
  } catch (e) { $('answer').replaceChildren(el('p', { class: 'error' }, e.message)); }
}
const STANDARD = ['id', 'status', 'intent', 'parameters', 'summary', 'calls', 'candidates', 'expiresAt', 'notice'];
function summaryOf(a) {
  return a.summary && typeof a.summary === 'object' ? (a.summary[state.lang] || a.summary.fr) : a.summary;
}
function renderAnswer(a) {
  state.lastAnswer = a;
  const card = el('div', { class: `card ${a.status}`, 'data-status': a.status, 'data-intent': a.intent || '' },
    el('h2', {}, t(a.status) || a.status, a.intent ? el('small', {}, ` ${t('intent')} : ${a.intent}`) : ''),
    el('p', { id: 'summary' }, summaryOf(a) || ''));
  // how the sentence was read, when the user should know (the AI assistant did not answer: the patterns read it)
  if (a.notice) card.append(el('p', { id: 'notice', class: 'notice' }, summaryOf({ summary: a.notice })));
  if (a.status === 'proposed') {
    card.append(el('h3', {}, t('systems')),
      el('ul', { id: 'calls', class: 'systems' }, (a.calls || []).length ? a.calls.map(s => el('li', {}, s)) : el('li', {}, t('noSystem'))));
    if (a.parameters && Object.keys(a.parameters).length) card.append(el('h3', {}, t('details')), facts(a.parameters));
    if (a.expiresAt) card.append(el('p', { class: 'expires' }, `${t('expires')} : ${instant(a.expiresAt)}`));
    const confirm = el('button', { type: 'button', id: 'confirm', class: 'primary' }, t('confirm'));
    const cancel = el('button', { type: 'button', id: 'cancel' }, t('cancel'));
    confirm.addEventListener('click', () => decide(a, 'confirm'));
    cancel.addEventListener('click', () => decide(a, 'cancel'));
    card.append(el('p', { class: 'actions' }, confirm, cancel), el('div', { id: 'result' }));
  }
  if (a.status === 'clarification' && Array.isArray(a.candidates)) {
    card.append(el('p', {}, t('chooseOne')), el('ul', { id: 'candidates' }, a.candidates.map(c => {
      const id = typeof c === 'object' ? (c.id || c.customerId) : c;
      const item = el('li', { tabindex: '0', 'data-id': id || '' }, typeof c === 'object' ? compact(c) : c);
      item.addEventListener('click', async () => { if (id) { await chooseCustomer(id); send(null, state.lastText); } });
      return item;
    })));
  }
  // an answer's data (or anything else the API adds), shown as it comes
  const extra = Object.entries(a).filter(([k, v]) => !STANDARD.includes(k) && v !== null);
  if (extra.length) card.append(el('div', { id: 'data' }, extra.map(([k, v]) => el('section', {}, el('h3', {}, label(k)), anything(k, v)))));
  $('answer').replaceChildren(card);
}
async function decide(a, action) {
  const buttons = [$('confirm'), $('cancel')];
  buttons.forEach(b => (b.disabled = true));
  const result = $('result');
  try {
    if (action === 'confirm') {
      const outcome = await call('POST', `/api/assistant/commands/${encodeURIComponent(a.id)}/confirm`) || {};
      const status = outcome.status || 'executed';
      result.replaceChildren(el('h3', {}, t('result')),
        el('p', { class: status === 'executed' ? 'done' : 'error', 'data-status': status }, t(status) || status),
        outcome.result != null ? anything('result', outcome.result) : '');
    } else {
      await call('DELETE', `/api/assistant/commands/${encodeURIComponent(a.id)}`);
      result.replaceChildren(el('p', { class: 'done', 'data-status': 'cancelled' }, t('cancelled')));
    }
    load360();
  } catch (e) {
    result.replaceChildren(el('p', { class: 'error' }, e.message));
    buttons.forEach(b => (b.disabled = false));
  }
}

// ---- language: French first, English on demand (the page's words, the summaries and the commands' locale)
function applyLanguage() {
  document.documentElement.lang = state.lang === 'fr' ? 'fr-CA' : 'en-CA';
  document.querySelectorAll('[data-text]').forEach(node => (node.textContent = t(node.dataset.text)));
  $('lang-toggle').textContent = t('other');
  if ($('who').dataset.user) $('who').textContent = t('loggedInAs') + $('who').dataset.user;
  if (state.lastAnswer) renderAnswer(state.lastAnswer);
  if (state.customerId && !$('app').hidden) load360();
}
function toggleLanguage() {
  state.lang = state.lang === 'fr' ? 'en' : 'fr';
  localStorage.setItem('assistant.lang', state.lang);
  applyLanguage();
}

document.addEventListener('DOMContentLoaded', () => {
  $('lang-toggle').addEventListener('click', toggleLanguage);
  $('login-form').addEventListener('submit', logIn);
  $('customer-search').addEventListener('input', search);
  $('customer-results').addEventListener('click', pickFromList);
  $('customer-results').addEventListener('keydown', e => { if (e.key === 'Enter') pickFromList(e); });
  $('command-form').addEventListener('submit', send);
  applyLanguage();
  session();
});
