/*
 * The MACE Part 2 page: asks the hub for a quadrant's (or the county's) problem profile with the
 * signed-in user's token, and draws it: headline figures with their trend, monthly trend lines,
 * bars by exploitation type, disruption type, district and indicator, the ranked hotspots, and
 * exports as CSV and PDF. Everything shown comes from the profile as the hub published it: withheld
 * counts are shown as "<5" and never worked out here.
 */
'use strict';

(() => {
  const QUADRANTS = ['MID', 'NORTH', 'SOUTH', 'WEST'];
  const $ = (id) => document.getElementById(id);
  const shown = (c) => Charts.shown(c);

  function status(state, message) {
    $('status').dataset.state = state;
    $('status').textContent = message;
  }

  function lastQuarter(today) {
    const q = Math.floor(today.getMonth() / 3);
    const start = new Date(Date.UTC(today.getFullYear(), (q - 1) * 3, 1));
    const end = new Date(Date.UTC(today.getFullYear(), q * 3, 0));
    const iso = (d) => d.toISOString().slice(0, 10);
    return { from: iso(start), to: iso(end) };
  }

  function setUpForm(claims) {
    const roles = claims.roles || [];
    const covered = (claims.quadrants || []).filter((q) => QUADRANTS.includes(q));
    const options = [];
    if (roles.includes('SUBCOMMITTEE') || covered.length === QUADRANTS.length) {
      options.push(['ALL', 'Essex (county, all quadrants)']);
    }
    const countyOnly = roles.length > 0 && roles.every((r) => r === 'SUBCOMMITTEE');
    if (!countyOnly) {
      covered.forEach((q) => options.push([q, q.charAt(0) + q.slice(1).toLowerCase()]));
    }
    if (options.length === 0) { QUADRANTS.forEach((q) => options.push([q, q])); }
    $('quadrant').replaceChildren(...options.map(([value, label]) => new Option(label, value)));
    const params = new URLSearchParams(window.location.search);
    const quarter = lastQuarter(new Date());
    if (params.get('quadrant')) { $('quadrant').value = params.get('quadrant').toUpperCase(); }
    $('from').value = params.get('from') || quarter.from;
    $('to').value = params.get('to') || quarter.to;
    $('who').textContent = 'Signed in as ' + (claims.sub || 'unknown') + (roles.length ? ' (' + roles.join(', ') + ')' : '');
  }

  function query() {
    return new URLSearchParams({ quadrant: $('quadrant').value, from: $('from').value, to: $('to').value }).toString();
  }

  async function call(path) {
    const token = await Part2Auth.token();
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token } });
    if (response.status === 401) {
      await Part2Auth.signInAgain();
    }
    if (!response.ok) {
      let detail = 'The hub answered ' + response.status + '.';
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || detail;
      } catch (e) { /* not problem+json */ }
      throw new Error(detail);
    }
    return response;
  }

  function card(trend) {
    const div = document.createElement('div');
    div.className = 'card';
    const change = Charts.withheld(trend.change) ? 'change withheld'
      : (trend.change > 0 ? 'up ' + trend.change : trend.change < 0 ? 'down ' + (-trend.change) : 'no change');
    [['label', trend.label], ['value', shown(trend.current)],
      ['trend', 'previous period ' + shown(trend.previous) + ', ' + change]].forEach(([cls, value]) => {
      const span = document.createElement('div');
      span.className = cls;
      span.textContent = value;
      div.appendChild(span);
    });
    div.dataset.key = trend.key;
    return div;
  }

  function hotspot(h) {
    const li = document.createElement('li');
    const rank = document.createElement('span');
    rank.className = 'rank';
    rank.textContent = String(h.rank);
    const place = document.createElement('div');
    const name = document.createElement('div');
    name.className = 'place';
    name.textContent = h.place + (h.district ? ' (' + h.district + ')' : '');
    const detail = document.createElement('div');
    detail.className = 'detail';
    detail.textContent = 'intelligence ' + shown(h.intelligence) + ', found missing ' + shown(h.missingFound)
      + ', disruption ' + shown(h.disruption) + '; previous period ' + shown(h.previousTotal);
    place.append(name, detail);
    const total = document.createElement('div');
    total.className = 'place';
    total.textContent = shown(h.total) + ' mentions';
    li.append(rank, place, total);
    return li;
  }

  function quadrantTable(rows) {
    const table = $('by-quadrant');
    table.replaceChildren();
    const head = table.insertRow();
    ['Quadrant', 'On MACE', 'New', 'Stepped down', 'Missing episodes', 'Disruption updates'].forEach((h) => {
      const th = document.createElement('th');
      th.textContent = h;
      head.appendChild(th);
    });
    rows.forEach((r) => {
      const tr = table.insertRow();
      [r.quadrant, shown(r.onMace), shown(r.newToMace), shown(r.steppedDown), shown(r.missingEpisodes),
        shown(r.disruptionUpdates)].forEach((v) => { tr.insertCell().textContent = v; });
    });
  }

  function render(p) {
    $('title').textContent = p.scope === 'COUNTY' ? 'Essex (county): all four quadrants' : p.scope + ' quadrant';
    $('periods').textContent = 'Period ' + p.period.from + ' to ' + p.period.to + ', compared with '
      + p.previousPeriod.from + ' to ' + p.previousPeriod.to + '. Generated ' + p.generatedAt + '.';
    $('rule').textContent = p.suppressionRule;
    $('headline').replaceChildren(...p.headline.map(card));
    Charts.lines($('missing-trend'), 'Missing episodes by month (total ' + shown(p.missingEpisodes.total) + ')',
      p.missingEpisodes.current, p.missingEpisodes.previous);
    Charts.lines($('disruption-trend'), 'Disruption updates by month (total ' + shown(p.disruptionUpdates.total) + ')',
      p.disruptionUpdates.current, p.disruptionUpdates.previous);
    Charts.bars($('mace-by-type'), 'Children on MACE by exploitation type (total ' + shown(p.mace.total.onMace) + ')',
      p.mace.byType.map((r) => ({ label: r.exploitationType.replace(/_/g, ' '), count: r.onMace })));
    Charts.bars($('disruptions-by-type'), 'Disruption updates by type',
      p.disruptionsByType.rows.map((r) => ({ label: r.label, count: r.current })));
    Charts.bars($('disruptions-by-district'), 'Disruption updates by district',
      p.disruptionsByDistrict.rows.map((r) => ({ label: r.label, count: r.current })));
    Charts.bars($('indicators'), 'Exploitation indicators recorded (total ' + shown(p.indicators.total.current) + ')',
      p.indicators.rows.map((r) => ({ label: r.label, count: r.current })));
    const spots = p.hotspots.map(hotspot);
    if (spots.length === 0) {
      const li = document.createElement('li');
      li.textContent = 'No place was mentioned 5 times or more in the period.';
      spots.push(li);
    }
    $('hotspots').replaceChildren(...spots);
    $('quadrants-block').hidden = !p.byQuadrant;
    if (p.byQuadrant) { quadrantTable(p.byQuadrant); }
    $('profile').hidden = false;
  }

  async function show() {
    status('loading', 'Loading the profile...');
    $('csv').disabled = true;
    $('pdf').disabled = true;
    try {
      const profile = await (await call('/api/profiles?' + query())).json();
      render(profile);
      window.history.replaceState(null, '', '/part2/index.html?' + query());
      $('csv').disabled = false;
      $('pdf').disabled = false;
      status('ready', 'Profile ' + profile.scope + ', ' + profile.period.from + ' to ' + profile.period.to
        + '. Counts from 1 to 4 are shown as <5.');
    } catch (e) {
      $('profile').hidden = true;
      status('error', e.message);
    }
  }

  async function download(format) {
    try {
      const response = await call('/api/profiles/export.' + format + '?' + query());
      const disposition = response.headers.get('Content-Disposition') || '';
      const match = /filename="?([^";]+)"?/.exec(disposition);
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = match ? match[1] : 'mace-part2.' + format;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      status('error', e.message);
    }
  }

  async function start() {
    try {
      await Part2Auth.token();
    } catch (e) {
      status('error', e.message);
      return;
    }
    setUpForm(Part2Auth.claims());
    $('query').addEventListener('submit', (event) => { event.preventDefault(); show(); });
    $('csv').addEventListener('click', () => download('csv'));
    $('pdf').addEventListener('click', () => download('pdf'));
    show();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
