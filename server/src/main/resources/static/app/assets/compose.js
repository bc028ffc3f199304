// The chat box: a message is an intelligence item, shared through the same API as any other, with
// a handling label, a marking, a category and optional inline restricted parts ([[label:text]]).
import { api, el } from '/app/assets/hub.js';

const CATEGORIES = ['OTHER', 'BEHAVIOUR_CHANGE', 'ASSOCIATION_WITH_OLDER_PEOPLE', 'MARKS_OR_SCARS', 'HEALTH',
  'CONCEALING_INTERNET_USE', 'SCHOOL_EXCLUSION_OR_ABSENCE', 'SEXUALISED_RISK_TAKING', 'GANG_ASSOCIATION', 'POSSESSIONS',
  'ASSOCIATES', 'LOCATIONS', 'VEHICLES', 'PHONES', 'ONLINE_ACTIVITY', 'MISSING', 'EDUCATION'];

function select(id, options) {
  return el('select', { id }, options.map(([value, text]) => el('option', { value }, text)));
}

export function composer(caseId, labels, onShared) {
  const text = el('textarea', { id: 'compose-text', rows: 3, maxlength: 65536, required: true,
    placeholder: 'Share an update with the case members' });
  const label = select('compose-label', labels.map(l => [l.id, l.name]));
  const marking = select('compose-marking', [['OFFICIAL_SENSITIVE', 'OFFICIAL-SENSITIVE'], ['OFFICIAL', 'OFFICIAL']]);
  const category = select('compose-category', CATEGORIES.map(c => [c, c.toLowerCase().replace(/_/g, ' ')]));
  const segmentLabel = select('segment-label', labels.filter(l => l.id !== 'all-members').map(l => [l.id, l.name]));
  const error = el('p', { id: 'compose-error', role: 'alert' });
  let idempotencyKey = crypto.randomUUID();
  text.addEventListener('input', () => { idempotencyKey = crypto.randomUUID(); });

  const restrict = el('button', { type: 'button', id: 'restrict' }, 'Restrict selected words');
  restrict.addEventListener('click', () => {
    const { selectionStart: from, selectionEnd: to, value } = text;
    if (from === to) { error.textContent = 'Select the words to restrict first.'; return; }
    text.value = value.slice(0, from) + '[[' + segmentLabel.value + ':' + value.slice(from, to) + ']]' + value.slice(to);
    idempotencyKey = crypto.randomUUID();
    error.textContent = '';
  });

  const form = el('form', { id: 'compose', class: 'compose' },
    el('label', { for: 'compose-text' }, 'Message'), text,
    el('div', { class: 'row' },
      el('label', {}, 'Shared with ', label), el('label', {}, 'Marking ', marking), el('label', {}, 'About ', category)),
    el('div', { class: 'row' }, el('label', {}, 'Restrict to ', segmentLabel), restrict,
      el('span', { class: 'hint' }, 'Restricted words are written [[label:words]]; others see a placeholder naming your agency.')),
    el('div', { class: 'row' }, el('button', { type: 'submit', id: 'send' }, 'Share'), error));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    const send = form.querySelector('#send');
    send.disabled = true;
    try {
      const shared = await api('/api/cases/' + encodeURIComponent(caseId) + '/intel', {
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey },
        body: { text: text.value, label: label.value, marking: marking.value, category: category.value,
          observedAt: new Date().toISOString() },
      });
      text.value = '';
      idempotencyKey = crypto.randomUUID();
      onShared(shared);
    } catch (e) {
      error.textContent = e.message;
    } finally {
      send.disabled = false;
    }
  });
  return form;
}
