// A case's timeline: the caller's own projections of its items, newest at the bottom. Items come
// from the REST API (pages going back with the `before` cursor) and from the live feed; both are
// merged by id, so paging back never skips or repeats an item while new ones arrive.
import { api, clear, el, humanise, markingText, session, when } from '/app/assets/hub.js';

const PAGE = 20;

/**
 * Timeline order: by the time shared, then by id. (The hub gives no position numbers: their gaps
 * would show items this viewer may not know exist.)
 */
export function byTime(a, b) {
  return Date.parse(a.sharedAt) - Date.parse(b.sharedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A placeholder where content is withheld: which label, whose, whom to ask. Text only. */
export function placeholder(w, what) {
  return el('span', { class: 'withheld', 'data-label': w.label },
    el('span', { class: 'withheld-tag' }, what + ' withheld:'), ' ', w.labelName, ' - held by ', w.owningAgencyName, '. Ask ', w.ask || w.owningAgencyName, '.');
}

/**
 * One part of a redacted text: its words, marked with their label when they are a restricted part
 * this viewer may read (so the author sees what others are shown a placeholder for), or the
 * placeholder. Text only.
 */
export function textPart(p) {
  if (p.withheld) return placeholder(p.withheld, 'Part');
  if (p.restricted) {
    return el('span', { class: 'restricted', 'data-label': p.restricted.label },
      el('span', { class: 'restricted-tag' }, p.restricted.labelName + ':'), ' ', p.text);
  }
  return p.text;
}

function body(item) {
  if (item.withheld) {
    return el('p', { class: 'text' }, placeholder(item.withheld, 'Item'));
  }
  return el('p', { class: 'text' }, (item.parts || [{ text: item.text }]).map(textPart));
}

function details(item) {
  const lines = [];
  if (item.sourceEvaluation != null || item.handling) {
    lines.push(el('li', {}, 'Grading 3x5x2: source ', String(item.sourceEvaluation ?? '-'), ', intelligence ',
      item.intelligenceAssessment ?? '-', ', handling ', item.handling ? item.handling.code : '-',
      item.handling && item.handling.conditions ? ' (' + item.handling.conditions + ')' : ''));
  }
  if (item.location) {
    lines.push(el('li', {}, 'Place: ', [item.location.placeName, item.location.address, item.location.postcode,
      item.location.district].filter(Boolean).join(', ')));
  }
  (item.persons || []).forEach(p => lines.push(el('li', {}, 'Person: ', p.name, p.description ? ' - ' + p.description : '')));
  if (item.withdrawal) {
    lines.push(el('li', { class: 'withdrawal' }, 'Withdrawn by ', item.withdrawal.by, ' ', when(item.withdrawal.at), ': ',
      item.withdrawal.reason || ''));
  }
  return lines.length ? el('ul', { class: 'item-details' }, lines) : null;
}

export function renderItem(item, actions = null) {
  return el('li', { class: 'item' + (item.withheld ? ' item-withheld' : '') + (item.status === 'WITHDRAWN' ? ' withdrawn' : ''),
    id: 'item-' + item.id },
  el('div', { class: 'item-head' },
    el('span', { class: 'marking', title: 'Protective marking' }, markingText(item.marking)),
    el('span', { class: 'label-tag', title: 'Handling label' }, item.labelName),
    el('span', { class: 'agency' }, item.owningAgencyName),
    item.author ? el('span', { class: 'author' }, item.author) : null,
    item.category ? el('span', { class: 'category' }, humanise(item.category)) : null,
    el('time', { datetime: item.sharedAt }, when(item.sharedAt)),
    item.revision > 1 ? el('span', { class: 'muted' }, 'edited') : null),
  body(item), details(item), actions);
}

export class Timeline {
  constructor(caseId, holder, onChange) {
    this.caseId = caseId;
    this.holder = holder;
    this.onChange = onChange;
    this.items = new Map();
    this.cursor = undefined; // nextBefore of the oldest REST page loaded; null when there is no more
    this.queue = Promise.resolve();
  }

  /** Runs REST loads one at a time, so two never race over the cursor. */
  serial(task) {
    this.queue = this.queue.then(task, task);
    return this.queue;
  }

  merge(item) {
    const known = this.items.get(item.id);
    if (known && (known.revision > item.revision || (known.status === 'WITHDRAWN' && item.status !== 'WITHDRAWN'))) return;
    this.items.set(item.id, item);
  }

  receive(message) {
    this.merge(message.item);
    this.render(true);
  }

  page(before) {
    return api('/api/cases/' + encodeURIComponent(this.caseId) + '/intel?limit=' + PAGE + (before ? '&before=' + encodeURIComponent(before) : ''));
  }

  /**
   * Loads the newest page, and then pages on until it meets an item already shown: after the first
   * load, a reconnect or a token renewal, whatever was shared while the live feed was away.
   */
  catchUp() {
    return this.serial(async () => {
      let before = null;
      for (;;) {
        const page = await this.page(before);
        const overlap = page.items.some(i => this.items.has(i.id));
        page.items.forEach(i => this.merge(i));
        if (this.cursor === undefined) {
          this.cursor = page.nextBefore ?? null;
          break;
        }
        if (overlap || page.nextBefore == null) break;
        before = page.nextBefore;
      }
      this.render(true);
    });
  }

  /** The next page back in time, from the REST cursor (never from live items). */
  older() {
    return this.serial(async () => {
      if (!this.cursor) return;
      const page = await this.page(this.cursor);
      page.items.forEach(i => this.merge(i));
      this.cursor = page.nextBefore ?? null;
      this.render(false);
    });
  }

  /**
   * The author may withdraw their own active item, with a reason shown under it. (Editing is left
   * to the API: the page sees the author's text with restricted segments already flattened, so an
   * edit from here could re-share restricted words as plain text.)
   */
  actionsFor(item) {
    if (item.withheld || item.status !== 'ACTIVE' || !item.author || item.author !== session.claims.sub) return null;
    return el('div', { class: 'item-actions' },
      el('button', { type: 'button', class: 'withdraw', 'data-item': item.id, onclick: () => this.askWithdraw(item) }, 'Withdraw'));
  }

  /** A form below the timeline (it survives re-rendering): the reason, then the withdrawal. */
  askWithdraw(item) {
    let panel = this.holder.querySelector('#withdraw-panel');
    if (!panel) {
      panel = el('form', { id: 'withdraw-panel', class: 'withdraw-panel' });
      this.holder.querySelector('.timeline-scroll').after(panel);
    }
    const reason = el('input', { type: 'text', name: 'reason', id: 'withdraw-reason', required: true, maxlength: 1000,
      'aria-label': 'Reason for withdrawing', placeholder: 'Why? Everyone who can see the item will see this.' });
    const message = el('p', { class: 'muted', id: 'withdraw-message' });
    const cancel = el('button', { type: 'button', onclick: () => panel.remove() }, 'Cancel');
    clear(panel).append(el('p', {}, 'Withdraw your item shared ', when(item.sharedAt), '? It stays in the history, marked withdrawn.'),
      reason, el('button', { type: 'submit', id: 'withdraw-confirm' }, 'Withdraw item'), cancel, message);
    panel.onsubmit = async event => {
      event.preventDefault();
      if (!reason.value.trim()) return;
      panel.querySelector('#withdraw-confirm').disabled = true;
      try {
        const withdrawn = await api('/api/cases/' + encodeURIComponent(this.caseId) + '/intel/' + encodeURIComponent(item.id)
          + '/withdraw', { method: 'POST', body: { reason: reason.value.trim() } });
        this.merge(withdrawn);
        this.render(false);
        panel.remove();
      } catch (e) {
        message.textContent = 'Not withdrawn: ' + e.message;
        panel.querySelector('#withdraw-confirm').disabled = false;
      }
    };
    reason.focus();
  }

  /** The newest item shown, or null. */
  newest() {
    let newest = null;
    for (const i of this.items.values()) if (!newest || byTime(i, newest) > 0) newest = i;
    return newest;
  }

  render(stickToBottom) {
    const scroller = this.holder.querySelector('.timeline-scroll');
    const list = this.holder.querySelector('ol');
    const fromBottom = scroller.scrollHeight - scroller.scrollTop;
    const atBottom = fromBottom - scroller.clientHeight < 40;
    const sorted = [...this.items.values()].sort(byTime);
    clear(list).append(...sorted.map(item => renderItem(item, this.actionsFor(item))));
    this.holder.querySelector('.older').hidden = !this.cursor;
    this.holder.querySelector('.empty').hidden = sorted.length > 0;
    if (stickToBottom && atBottom) scroller.scrollTop = scroller.scrollHeight;
    else scroller.scrollTop = scroller.scrollHeight - fromBottom;
    this.onChange(this);
  }
}
