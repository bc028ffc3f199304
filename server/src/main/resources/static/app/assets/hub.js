// The web app's shared module: sign-in token (authorization code + PKCE, held in memory only),
// API calls, the live channel, and DOM building that only ever inserts text.
import { Client } from '/webjars/stomp__stompjs/7.2.1/esm6/index.js';

const CLIENT_ID = 'hub-web';
const IDLE_LIMIT_MS = 30 * 60 * 1000;
const RENEW_BEFORE_MS = 60 * 1000;

/**
 * Builds an element. Children are nodes or strings; strings always become text nodes, so
 * user-supplied content can never become markup (the app never parses a string as HTML).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

export function when(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  return isNaN(d) ? String(instant) : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function markingText(marking) {
  return marking === 'OFFICIAL_SENSITIVE' ? 'OFFICIAL-SENSITIVE' : (marking || 'OFFICIAL');
}

export function humanise(value) {
  return String(value || '').toLowerCase().replace(/_/g, ' ');
}

/** Thrown when the sign-in session has ended: the page shows how to sign in again. */
export class SignedOut extends Error {}

/** A problem+json answer from the API. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
  }
}

function base64Url(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * The signed-in person's access token. Obtained by authorization code + PKCE against the hub's
 * own authorization server: the browser's session cookie (form login) authorises the request, the
 * redirect is followed by fetch (same origin), and the code is exchanged with the verifier that
 * never left this page's memory. Renewed before it expires while the person is active; after 30
 * minutes without activity the page wipes itself.
 */
class Session {
  constructor() {
    this.token = null;
    this.claims = {};
    this.lastActivity = Date.now();
    this.renewListeners = [];
    this.endListeners = [];
    this.ended = false;
  }

  async start() {
    await this.renew();
    for (const type of ['pointerdown', 'keydown', 'scroll', 'focus']) {
      window.addEventListener(type, () => { this.lastActivity = Date.now(); }, { passive: true, capture: true });
    }
    this.idleTimer = setInterval(() => {
      if (Date.now() - this.lastActivity > IDLE_LIMIT_MS) this.end('Your session ended after 30 minutes without activity.');
    }, 30 * 1000);
  }

  async renew() {
    const verifier = randomString(48);
    const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
    const state = randomString(16);
    const redirectUri = location.origin + '/app/signed-in.html';
    const authorize = '/oauth2/authorize?' + new URLSearchParams({
      response_type: 'code', client_id: CLIENT_ID, scope: 'hub', state,
      code_challenge: challenge, code_challenge_method: 'S256', redirect_uri: redirectUri,
    });
    const answer = await fetch(authorize, { credentials: 'same-origin', cache: 'no-store', redirect: 'follow' });
    const landed = new URL(answer.url);
    if (landed.pathname !== '/app/signed-in.html' || landed.searchParams.get('state') !== state
        || !landed.searchParams.get('code')) {
      // Say where the request ended (the login page, or an authorization error), never the code.
      throw new SignedOut('not signed in (authorization ended at ' + landed.pathname
        + (landed.searchParams.get('error') ? ', error ' + landed.searchParams.get('error') : '') + ')');
    }
    const exchanged = await fetch('/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', client_id: CLIENT_ID, code: landed.searchParams.get('code'),
        redirect_uri: redirectUri, code_verifier: verifier,
      }),
    });
    if (!exchanged.ok) throw new SignedOut('token refused');
    const body = await exchanged.json();
    this.token = body.access_token;
    this.claims = JSON.parse(new TextDecoder().decode(
      Uint8Array.from(atob(this.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0))));
    const lifetime = (body.expires_in || 300) * 1000;
    clearTimeout(this.renewTimer);
    this.renewTimer = setTimeout(() => this.renewIfActive(), Math.max(lifetime - RENEW_BEFORE_MS, 10 * 1000));
    this.renewListeners.forEach(listener => listener(this.token));
  }

  async renewIfActive() {
    if (Date.now() - this.lastActivity > IDLE_LIMIT_MS) {
      this.end('Your session ended after 30 minutes without activity.');
      return;
    }
    try {
      await this.renew();
    } catch (e) {
      this.end('Your session has ended.');
    }
  }

  onRenew(listener) { this.renewListeners.push(listener); }

  onEnd(listener) { this.endListeners.push(listener); }

  hasRole(...roles) {
    const held = this.claims.roles || [];
    return roles.some(r => held.includes(r));
  }

  /** Forgets the token, stops everything and wipes the page's content. */
  end(message) {
    if (this.ended) return;
    this.ended = true;
    this.token = null;
    clearTimeout(this.renewTimer);
    clearInterval(this.idleTimer);
    this.endListeners.forEach(listener => listener());
    const main = clear(document.querySelector('main'));
    main.append(el('section', { class: 'notice', id: 'signed-out' },
      el('h1', {}, 'Signed out'), el('p', {}, message),
      el('p', {}, el('a', { href: location.pathname + location.search }, 'Sign in again'))));
  }
}

export const session = new Session();

/** Calls the API with the bearer token; JSON in and out; problem+json becomes an ApiProblem. */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  if (!session.token) throw new SignedOut('no token');
  const answer = await fetch(path, {
    method,
    headers: Object.assign({ Authorization: 'Bearer ' + session.token, Accept: 'application/json' },
      body === undefined ? {} : { 'Content-Type': 'application/json' }, headers),
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  if (answer.status === 204) return null;
  const type = answer.headers.get('Content-Type') || '';
  const parsed = type.includes('json') ? await answer.json() : null;
  if (!answer.ok) throw new ApiProblem(answer.status, parsed);
  return parsed;
}

/**
 * The live channel: STOMP over the hub's /ws, the bearer token in CONNECT. Each subscription waits
 * for the hub's receipt and then calls its onReady, so the page can fetch what it may have missed
 * (after a first connect, a reconnect, or a token renewal, which reconnects with the new token).
 */
export class Live {
  constructor() {
    this.subscriptions = [];
    this.client = null;
    this.receipt = 0;
    this.onStatus = () => {};
    session.onRenew(() => { if (this.client) this.reconnect(); });
    session.onEnd(() => this.stop());
  }

  subscribe(destination, onMessage, onReady = () => {}) {
    this.subscriptions.push({ destination, onMessage, onReady });
    if (this.client && this.client.connected) this.subscribeNow(this.subscriptions.at(-1));
  }

  start() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.client = new Client({
      brokerURL: scheme + '//' + location.host + '/ws',
      reconnectDelay: 3000,
      heartbeatIncoming: 0,
      heartbeatOutgoing: 0,
      beforeConnect: client => { client.connectHeaders = { Authorization: 'Bearer ' + session.token }; },
      onConnect: () => {
        this.onStatus('live');
        this.subscriptions.forEach(s => this.subscribeNow(s));
      },
      onWebSocketClose: () => this.onStatus('reconnecting'),
      onStompError: () => this.onStatus('reconnecting'),
    });
    this.client.activate();
  }

  subscribeNow(s) {
    const receipt = 'sub-' + (++this.receipt);
    this.client.watchForReceipt(receipt, () => s.onReady());
    this.client.subscribe(s.destination, message => s.onMessage(JSON.parse(message.body)), { receipt });
  }

  async reconnect() {
    await this.client.deactivate();
    if (!session.ended) this.client.activate();
  }

  stop() {
    if (this.client) this.client.deactivate();
  }
}

/** Shows the page frame: marking banners, navigation (coordinators see the agenda), who is signed in. */
export function frame(current) {
  const nav = document.getElementById('nav');
  const links = [['index', '/app/index.html', 'My cases'], ['alerts', '/app/alerts.html', 'My alerts']];
  if (session.hasRole('MACE_COORDINATOR', 'MACE_CHAIR')) links.push(['agenda', '/app/agenda.html', 'MACE Part 1 agenda']);
  clear(nav).append(...links.map(([key, href, text]) =>
    el('a', { href, class: key === current ? 'current' : null, 'aria-current': key === current ? 'page' : null }, text)));
  const who = clear(document.getElementById('who'));
  who.append(el('span', { id: 'who-name' }, session.claims.sub || ''), ' ',
    el('span', { class: 'muted' }, session.claims.agency || ''), ' ',
    el('a', { href: '/logout', id: 'sign-out' }, 'Sign out'));
}

/** Starts a page: sign-in token, frame, then the page's own code; explains failures as text. */
export async function boot(current, page) {
  try {
    await session.start();
    frame(current);
    await page();
  } catch (e) {
    showFailure(e);
  }
}

export function showFailure(e) {
  if (e instanceof SignedOut) {
    session.end('You are not signed in, or your session has ended.');
    return;
  }
  const main = clear(document.querySelector('main'));
  if (e instanceof ApiProblem && (e.status === 403 || e.status === 404)) {
    document.title = (e.status === 403 ? '403 Forbidden' : '404 Not found') + ' - MACE Hub';
    main.append(el('section', { class: 'notice', id: 'refused', 'data-status': e.status },
      el('h1', {}, e.status === 403 ? '403 - You may not open this' : '404 - Not found'),
      el('p', {}, e.status === 403
        ? 'The hub\'s policy does not let you see this. If you need it, ask the MACE coordinator for the quadrant.'
        : 'There is nothing here that you may see.'),
      el('p', {}, el('a', { href: '/app/index.html' }, 'Back to my cases'))));
    return;
  }
  main.append(el('section', { class: 'notice', id: 'failed' }, el('h1', {}, 'Something went wrong'),
    el('p', {}, e && e.message ? e.message : String(e))));
}
