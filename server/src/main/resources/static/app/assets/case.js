// A case: its details, the redacted timeline with live chat, and its risk records.
import { api, ApiProblem, boot, clear, el, humanise, Live, showFailure, when } from '/app/assets/hub.js';
import { byTime, placeholder, textPart, Timeline } from '/app/assets/timeline.js';
import { composer } from '/app/assets/compose.js';

const live = new Live();
let readUpTo = null; // the newest item marked read
let readTimer = null;

/** Marks the feed read up to the newest item shown, at most every 2 s and only while the page is seen. */
function markRead(caseId, timeline) {
  const unread = item => item && !(readUpTo && byTime(item, readUpTo) <= 0);
  if (!unread(timeline.newest()) || document.visibilityState !== 'visible' || readTimer) return;
  readTimer = setTimeout(async () => {
    readTimer = null;
    const newest = timeline.newest();
    if (!unread(newest)) return;
    try {
      await api('/api/cases/' + encodeURIComponent(caseId) + '/chat/read', { method: 'PUT', body: { itemId: newest.id } });
      readUpTo = newest;
    } catch (e) { /* the count is a convenience; try again on the next item */ }
  }, 2000);
}

function header(c, mace) {
  return el('section', { class: 'case-head' },
    el('h1', { id: 'child-name' }, c.childName),
    el('p', {}, 'Born ', c.dateOfBirth, ' \u00b7 ', c.district, ' (', humanise(c.quadrant), ' quadrant) \u00b7 ',
      c.exploitationType, ' \u00b7 ', humanise(c.status)),
    el('p', { id: 'mace-status' }, mace && mace.inCriteria
      ? el('span', { class: 'badge mace' }, 'Meets MACE criteria: ', mace.reasons.map(humanise).join(', '), ' since ', when(mace.enteredAt))
      : el('span', { class: 'badge none' }, 'Below MACE criteria')),
    el('p', { class: 'muted' }, 'Members: ', c.members.map(m => m.name).join(', ')));
}

async function panel(id, title, path, render) {
  const section = el('section', { class: 'panel', id }, el('h2', {}, title), el('p', { class: 'muted' }, 'Loading\u2026'));
  document.getElementById('side').append(section);
  try {
    const data = await api(path);
    section.lastChild.replaceWith(render(data));
  } catch (e) {
    section.lastChild.replaceWith(el('p', { class: 'muted' }, 'Not available to you: ', e.message));
  }
}

function table(headers, rows) {
  if (rows.length === 0) return el('p', { class: 'muted' }, 'None recorded.');
  return el('table', {}, el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map(cell => el('td', {}, cell))))));
}

boot('case', async () => {
  const caseId = new URLSearchParams(location.search).get('id');
  if (!caseId) throw new ApiProblem(404, {});
  const base = '/api/cases/' + encodeURIComponent(caseId);
  const c = await api(base);
  document.title = 'Case - MACE Hub';
  const [labels, mace] = await Promise.all([api('/api/labels'), api('/api/mace-status?caseId=' + encodeURIComponent(caseId)).catch(() => [])]);
  const main = clear(document.querySelector('main'));
  const feed = el('section', { class: 'feed', id: 'feed' },
    el('div', { class: 'feed-head' }, el('h2', {}, 'Timeline and chat'), el('span', { id: 'live-status', class: 'badge none' }, 'connecting')),
    el('div', { class: 'timeline-scroll' },
      el('button', { type: 'button', class: 'older', id: 'older', hidden: true }, 'Load earlier items'),
      el('p', { class: 'empty muted' }, 'Nothing shared yet.'),
      el('ol', { id: 'timeline' })));
  main.append(header(c, mace[0]), el('div', { class: 'case-body' }, el('div', { class: 'case-main' }, feed), el('aside', { id: 'side' })));
  const timeline = new Timeline(caseId, feed, t => markRead(caseId, t));
  feed.querySelector('#older').addEventListener('click', () => timeline.older().catch(showFailure));
  feed.append(composer(caseId, labels, item => { timeline.merge(item); timeline.render(true); }));
  live.onStatus = status => { const s = document.getElementById('live-status'); s.textContent = status; s.className = 'badge ' + (status === 'live' ? 'live' : 'none'); };
  live.subscribe('/user/queue/cases/' + caseId, message => timeline.receive(message), () => timeline.catchUp());
  await timeline.catchUp();
  live.start();
  document.addEventListener('visibilitychange', () => markRead(caseId, timeline));
  panel('missing-episodes', 'Missing episodes', base + '/missing-episodes', list => table(
    ['Started', 'Returned', 'Where found', 'Return interview'],
    list.map(e => [when(e.startedAt) + (e.lateReport ? ' (late report)' : ''), e.returnedAt ? when(e.returnedAt) : 'still missing',
      e.whereFound || '', e.returnHomeInterview == null ? '' : (e.returnHomeInterview ? 'yes' : 'no')])));
  panel('assessments', 'Risk assessments', base + '/risk-assessments', history => table(
    ['Level', 'Known exploited', 'Assessed', 'Next review', 'By'],
    history.history.map(a => [a.level + (a.current ? ' (current)' : ''), a.knownToBeExploited ? 'yes' : 'no', a.assessedOn,
      a.nextReviewOn || '', a.assessorAgency])));
  panel('indicators', 'Exploitation indicators', base + '/indicators', list => table(
    ['Indicator', 'Observed', 'Note', 'Agency'],
    list.map(i => i.withheld
      ? [placeholder(i.withheld, 'Indicator'), '', '', i.recordedByAgencyName || i.recordedByAgency]
      : [humanise(i.indicator), i.observedOn,
        el('span', {}, (i.sourceNoteParts || []).map(textPart)),
        i.recordedByAgencyName || i.recordedByAgency])));
});
