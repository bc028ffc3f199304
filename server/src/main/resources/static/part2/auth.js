/*
 * Signs the Part 2 page in with the hub's own authorization server: OAuth 2.0 authorization code
 * with PKCE (RFC 7636) for the public client "part2-web". The access token is kept in memory only;
 * the PKCE verifier and state live in sessionStorage just for the round trip. The redirect URI is a
 * loopback IP literal (127.0.0.1, any port), so the page moves itself there from "localhost".
 */
'use strict';

const Part2Auth = (() => {
  const CLIENT_ID = 'part2-web';
  const PAGE = '/part2/index.html';
  const KEEP = ['quadrant', 'from', 'to'];
  let accessToken = null;
  let claims = {};

  function base64Url(bytes) {
    let text = '';
    bytes.forEach((b) => { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function randomString(size) {
    const bytes = new Uint8Array(size);
    crypto.getRandomValues(bytes);
    return base64Url(bytes);
  }

  async function challengeFor(verifier) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    return base64Url(new Uint8Array(digest));
  }

  function redirectUri() {
    return window.location.origin + PAGE;
  }

  function decodeClaims(token) {
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(payload + '==='.slice((payload.length + 3) % 4)));
    } catch (e) {
      return {};
    }
  }

  async function startSignIn() {
    const wanted = new URLSearchParams();
    const current = new URLSearchParams(window.location.search);
    KEEP.forEach((k) => { if (current.get(k)) { wanted.set(k, current.get(k)); } });
    const verifier = randomString(48);
    const state = randomString(16);
    sessionStorage.setItem('part2.verifier', verifier);
    sessionStorage.setItem('part2.state', state);
    sessionStorage.setItem('part2.query', wanted.toString());
    const authorize = new URLSearchParams({
      response_type: 'code', client_id: CLIENT_ID, scope: 'hub', state,
      code_challenge: await challengeFor(verifier), code_challenge_method: 'S256', redirect_uri: redirectUri(),
    });
    window.location.assign('/oauth2/authorize?' + authorize.toString());
    return new Promise(() => {});
  }

  async function finishSignIn(params) {
    const state = sessionStorage.getItem('part2.state');
    const verifier = sessionStorage.getItem('part2.verifier');
    const query = sessionStorage.getItem('part2.query') || '';
    sessionStorage.removeItem('part2.state');
    sessionStorage.removeItem('part2.verifier');
    if (!state || params.get('state') !== state || !verifier) {
      throw new Error('The sign-in answer did not match this page; reload to sign in again.');
    }
    const response = await fetch('/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', client_id: CLIENT_ID, code: params.get('code'),
        redirect_uri: redirectUri(), code_verifier: verifier,
      }),
    });
    if (!response.ok) {
      throw new Error('The hub refused the sign-in (' + response.status + '); reload to sign in again.');
    }
    const body = await response.json();
    accessToken = body.access_token;
    claims = decodeClaims(accessToken);
    window.history.replaceState(null, '', PAGE + (query ? '?' + query : ''));
  }

  /** The access token, signing in first if the page has none. */
  async function token() {
    if (accessToken) {
      return accessToken;
    }
    if (window.location.hostname === 'localhost') {
      window.location.replace(window.location.href.replace('//localhost', '//127.0.0.1'));
      return new Promise(() => {});
    }
    const params = new URLSearchParams(window.location.search);
    if (params.get('error')) {
      throw new Error('Sign-in failed: ' + params.get('error'));
    }
    if (params.get('code')) {
      await finishSignIn(params);
      return accessToken;
    }
    return startSignIn();
  }

  /** Forgets the token (it expired or was refused) and signs in again. */
  function signInAgain() {
    accessToken = null;
    return startSignIn();
  }

  return { token, signInAgain, claims: () => claims };
})();
