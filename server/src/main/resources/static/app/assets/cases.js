// My cases: the cases I may read, their MACE standing and unread counts, kept live.
import { api, boot, clear, el, humanise, Live } from '/app/assets/hub.js';

const live = new Live();
const unread = new Map();

function unreadBadge(caseId) {
  const n = unread.get(caseId) || 0;
  return el('span', { class: n > 0 ? 'badge unread' : 'badge none', id: 'unread-' + caseId },
    n > 0 ? (n >= 99 ? '99+' : String(n)) + ' unread' : 'no unread');
}

function maceBadge(status) {
  if (!status) return el('span', { class: 'badge none' }, 'unknown');
  return status.inCriteria
    ? el('span', { class: 'badge mace' }, 'Meets MACE criteria: ', status.reasons.map(humanise).join(', '))
    : el('span', { class: 'badge none' }, 'Below MACE criteria');
}

function refreshUnread(caseId) {
  const badge = document.getElementById('unread-' + caseId);
  if (badge) badge.replaceWith(unreadBadge(caseId));
}

boot('index', async () => {
  const page = await api('/api/cases?page=0&size=50');
  const main = clear(document.querySelector('main'));
  main.append(el('h1', {}, 'My cases'));
  if (page.items.length === 0) {
    main.append(el('p', { class: 'muted', id: 'no-cases' }, 'You have no cases yet.'));
    return;
  }
  const ids = page.items.map(c => c.id);
  const query = ids.map(id => 'caseId=' + encodeURIComponent(id)).join('&');
  const [standings, counts] = await Promise.all([
    api('/api/mace-status?' + query).catch(() => []),
    api('/api/chat/unread?' + query).catch(() => ({ counts: {} })),
  ]);
  const byCase = new Map(standings.map(s => [s.caseId, s]));
  Object.entries(counts.counts).forEach(([id, n]) => unread.set(id, n));
  const rows = page.items.map(c => el('tr', { 'data-case': c.id },
    el('td', {}, el('a', { href: '/app/case.html?id=' + encodeURIComponent(c.id), class: 'case-link' }, c.childName)),
    el('td', {}, c.district, ' (', humanise(c.quadrant), ')'),
    el('td', {}, c.exploitationType),
    el('td', {}, humanise(c.status)),
    el('td', {}, maceBadge(byCase.get(c.id))),
    el('td', {}, unreadBadge(c.id))));
  main.append(el('table', { id: 'cases' },
    el('thead', {}, el('tr', {}, ['Child', 'District', 'Exploitation', 'Status', 'MACE', 'Chat'].map(h => el('th', {}, h)))),
    el('tbody', {}, rows)));
  if (page.hasMore) main.append(el('p', { class: 'muted' }, 'Showing your 50 most recent cases.'));
  ids.forEach(id => live.subscribe('/user/queue/cases/' + id, message => {
    if (message.change === 'SHARED') {
      unread.set(id, (unread.get(id) || 0) + 1);
      refreshUnread(id);
    }
  }, () => {
    // The hub confirmed the subscription: from now on nothing shared on this case is missed.
    const row = document.querySelector('tr[data-case="' + id + '"]');
    if (row) row.dataset.live = 'ready';
  }));
  live.start();
});
