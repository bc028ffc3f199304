// MACE Part 1 agenda, for the coordinators and chairs of a quadrant.
import { api, boot, clear, el, humanise, session, showFailure } from '/app/assets/hub.js';
import { placeholder, textPart } from '/app/assets/timeline.js';

async function showMeeting(id) {
  const holder = clear(document.getElementById('meeting'));
  const m = await api('/api/meetings/' + encodeURIComponent(id));
  holder.append(el('h2', {}, 'Meeting of ', m.date, ' - ', humanise(m.quadrant)),
    el('div', { class: 'actions' },
      el('button', { type: 'button', id: 'refresh-agenda', onclick: async () => {
        try { await api('/api/meetings/' + encodeURIComponent(id) + '/agenda/refresh', { method: 'POST' }); await showMeeting(id); } catch (e) { showFailure(e); }
      } }, 'Refresh agenda from the criteria')));
  const items = m.agenda.filter(i => !i.removed);
  if (items.length === 0) holder.append(el('p', { class: 'muted' }, 'No cases on this agenda.'));
  for (const section of ['NEW', 'CONTINUING', 'ADDED', 'STEP_DOWN_REVIEW']) {
    const inSection = items.filter(i => i.section === section);
    if (inSection.length === 0) continue;
    holder.append(el('h3', {}, humanise(section)), el('table', { class: 'agenda' },
      el('thead', {}, el('tr', {}, ['Case', 'Reason', 'Minutes', 'Actions'].map(h => el('th', {}, h)))),
      el('tbody', {}, inSection.map(i => el('tr', { 'data-case': i.caseId },
        el('td', {}, el('a', { href: '/app/case.html?id=' + encodeURIComponent(i.caseId) }, 'Case ', i.caseId.slice(0, 8))),
        el('td', {}, i.reason || ''),
        el('td', { class: 'text' }, i.minutesWithheld ? placeholder(i.minutesWithheld, 'Minutes')
          : (i.minutesParts || []).map(textPart)),
        el('td', {}, el('ul', {}, (i.actions || []).map(a => el('li', {},
          humanise(a.type), ': ', a.description, ' (', a.ownerAgency, ', due ', a.dueDate, ', ', humanise(a.status), ')')))))))));
  }
  if (m.withheldItems > 0) {
    holder.append(el('p', { class: 'withheld' }, m.withheldItems + ' agenda item(s) are about cases you may not read: ask the MACE coordinator.'));
  }
}

boot('agenda', async () => {
  const main = clear(document.querySelector('main'));
  main.append(el('h1', {}, 'MACE Part 1 agenda'));
  if (!session.hasRole('MACE_COORDINATOR', 'MACE_CHAIR')) {
    main.append(el('p', { id: 'not-coordinator' }, 'The Part 1 agenda is kept by the MACE coordinators and chairs.'));
    return;
  }
  const quadrants = session.claims.quadrants || [];
  const form = el('form', { id: 'new-meeting', class: 'row' },
    el('label', {}, 'Quadrant ', el('select', { id: 'meeting-quadrant' }, quadrants.map(q => el('option', { value: q }, humanise(q))))),
    el('label', {}, 'Date ', el('input', { type: 'date', id: 'meeting-date', required: true })),
    el('button', { type: 'submit' }, 'Create meeting'), el('span', { id: 'meeting-error', role: 'alert' }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const created = await api('/api/meetings', { method: 'POST', body: {
        quadrant: document.getElementById('meeting-quadrant').value, date: document.getElementById('meeting-date').value } });
      await list();
      await showMeeting(created.id);
    } catch (e) {
      document.getElementById('meeting-error').textContent = e.message;
    }
  });
  main.append(form, el('ul', { id: 'meetings' }), el('section', { id: 'meeting' }));
  async function list() {
    const meetings = await api('/api/meetings');
    const ul = clear(document.getElementById('meetings'));
    meetings.sort((a, b) => String(b.date).localeCompare(String(a.date)));
    ul.append(...meetings.map(m => el('li', {}, el('a', { href: '#', onclick: e => { e.preventDefault(); showMeeting(m.id).catch(showFailure); } },
      m.date, ' - ', humanise(m.quadrant), ' (', String(m.agendaItems), ' on the agenda)'))));
    if (meetings.length === 0) ul.append(el('li', { class: 'muted' }, 'No meetings yet.'));
    return meetings;
  }
  const meetings = await list();
  if (meetings.length > 0) await showMeeting(meetings[0].id);
});
