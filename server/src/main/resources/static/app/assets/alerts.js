// My alerts: MACE criteria alerts and review prompts I may see, updated live.
import { api, boot, clear, el, humanise, Live, session, when } from '/app/assets/hub.js';

const alerts = new Map();
const live = new Live();

function row(a) {
  const manage = session.hasRole('MACE_COORDINATOR', 'MACE_CHAIR') && a.status === 'OPEN';
  return el('tr', { id: 'alert-' + a.id, class: a.escalated ? 'escalated' : null },
    el('td', {}, when(a.raisedAt)),
    el('td', {}, humanise(a.reason), a.maceCriterion ? '' : ' (review prompt)'),
    el('td', {}, el('a', { href: '/app/case.html?id=' + encodeURIComponent(a.caseId) }, 'Open case')),
    el('td', {}, humanise(a.quadrant)),
    el('td', {}, humanise(a.status), a.escalated ? ' - escalated' : ''),
    el('td', {}, manage ? el('button', { type: 'button', onclick: () => acknowledge(a.id) }, 'Acknowledge') : ''));
}

function render() {
  const body = clear(document.getElementById('alert-rows'));
  const sorted = [...alerts.values()].sort((x, y) => String(y.raisedAt).localeCompare(String(x.raisedAt)));
  body.append(...sorted.map(row));
  document.getElementById('no-alerts').hidden = sorted.length > 0;
}

async function acknowledge(id) {
  try {
    alerts.set(id, await api('/api/alerts/' + encodeURIComponent(id) + '/acknowledge', { method: 'POST' }));
    render();
  } catch (e) {
    document.getElementById('alert-error').textContent = e.message;
  }
}

boot('alerts', async () => {
  const main = clear(document.querySelector('main'));
  main.append(el('h1', {}, 'My alerts'),
    el('p', { class: 'muted' }, 'Alerts name the case, never the child. New alerts appear here as they are raised.'),
    el('p', { id: 'alert-error', role: 'alert' }),
    el('table', { id: 'alerts' },
      el('thead', {}, el('tr', {}, ['Raised', 'Reason', 'Case', 'Quadrant', 'Status', ''].map(h => el('th', {}, h)))),
      el('tbody', { id: 'alert-rows' })),
    el('p', { id: 'no-alerts', class: 'muted' }, 'No open alerts.'));
  live.subscribe('/user/queue/alerts', a => { alerts.set(a.id, a); render(); },
    async () => { (await api('/api/alerts')).forEach(a => alerts.set(a.id, a)); render(); });
  (await api('/api/alerts')).forEach(a => alerts.set(a.id, a));
  render();
  live.start();
});
