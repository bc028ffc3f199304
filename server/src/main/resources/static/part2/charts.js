/*
 * Small SVG charts for the Part 2 page, drawn from the profile's counts: horizontal bars and
 * monthly trend lines. A withheld count ({"suppressed": true}) is drawn as a short hatched bar or
 * a hollow point labelled "<5", never as a number. Styling is in part2.css (no inline styles).
 */
'use strict';

const Charts = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  let charts = 0;

  function el(name, attributes, parent) {
    const node = document.createElementNS(NS, name);
    Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function text(parent, x, y, value, cls, anchor) {
    const t = el('text', { x, y, class: cls, 'text-anchor': anchor || 'start' }, parent);
    t.textContent = value;
    return t;
  }

  function withheld(count) {
    return count !== null && typeof count === 'object' && count.suppressed === true;
  }

  function shown(count) {
    return withheld(count) ? '<5' : String(count);
  }

  function svg(width, height, label) {
    const root = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
    const defs = el('defs', {}, root);
    charts += 1;
    root.dataset.hatch = 'withheld-hatch-' + charts;
    const hatch = el('pattern', { id: root.dataset.hatch, width: 6, height: 6, patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)' }, defs);
    el('rect', { width: 6, height: 6, fill: '#f3f2f1' }, hatch);
    el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#b1b4b6', 'stroke-width': 3 }, hatch);
    return root;
  }

  function figure(container, title) {
    container.replaceChildren();
    const caption = document.createElement('figcaption');
    caption.textContent = title;
    container.appendChild(caption);
  }

  function niceMax(values) {
    const max = Math.max(1, ...values);
    const step = Math.pow(10, Math.floor(Math.log10(max)));
    return Math.ceil(max / step) * step;
  }

  /** Horizontal bars: rows of {label, count}. */
  function bars(container, title, rows) {
    figure(container, title);
    const labelWidth = 210;
    const width = 560;
    const rowHeight = 22;
    const height = rows.length * rowHeight + 12;
    const root = svg(width, height, title + ': ' + rows.map((r) => r.label + ' ' + shown(r.count)).join(', '));
    const max = niceMax(rows.filter((r) => !withheld(r.count)).map((r) => r.count));
    const span = width - labelWidth - 50;
    rows.forEach((row, i) => {
      const y = 6 + i * rowHeight;
      text(root, labelWidth - 8, y + 15, row.label, 'bar-label', 'end');
      if (withheld(row.count)) {
        el('rect', { x: labelWidth, y: y + 3, width: 14, height: rowHeight - 8, class: 'bar-withheld',
          fill: `url(#${root.dataset.hatch})` }, root);
        text(root, labelWidth + 20, y + 15, '<5', 'bar-value');
      } else {
        const w = Math.max(row.count > 0 ? 2 : 0, span * row.count / max);
        el('rect', { x: labelWidth, y: y + 3, width: w, height: rowHeight - 8, class: 'bar' }, root);
        text(root, labelWidth + w + 6, y + 15, String(row.count), 'bar-value');
      }
    });
    el('line', { x1: labelWidth, y1: 4, x2: labelWidth, y2: height - 4, class: 'axis' }, root);
    container.appendChild(root);
  }

  /**
   * Trend lines by month: the period and the previous period, aligned by month number within each.
   * Withheld months break the line and show a hollow point marked "<5".
   */
  function lines(container, title, current, previous) {
    figure(container, title);
    const width = 560;
    const height = 240;
    const pad = { left: 40, right: 32, top: 16, bottom: 46 };
    const n = Math.max(current.length, previous.length, 2);
    const values = current.concat(previous).map((p) => p.count).filter((c) => !withheld(c));
    const max = niceMax(values.concat([5]));
    const x = (i) => pad.left + (width - pad.left - pad.right) * (n === 1 ? 0.5 : i / (n - 1));
    const y = (v) => height - pad.bottom - (height - pad.top - pad.bottom) * v / max;
    const root = svg(width, height, title + ': ' + current.map((p) => p.month + ' ' + shown(p.count)).join(', '));
    for (let t = 0; t <= 4; t++) {
      const v = (max * t) / 4;
      el('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v), class: 'gridline' }, root);
      text(root, pad.left - 6, y(v) + 4, String(Math.round(v)), 'tick', 'end');
    }
    el('line', { x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0), class: 'axis' }, root);
    current.forEach((p, i) => text(root, x(i), height - pad.bottom + 16, p.month, 'tick', 'middle'));
    [[previous, 'previous'], [current, 'current']].forEach(([points, kind]) => {
      let path = '';
      let pen = false;
      points.forEach((p, i) => {
        if (withheld(p.count)) {
          pen = false;
          el('circle', { cx: x(i), cy: y(2.5), r: 4, class: 'dot-withheld' }, root);
          if (kind === 'current') { text(root, x(i), y(2.5) - 8, '<5', 'tick', 'middle'); }
          return;
        }
        path += (pen ? ' L ' : ' M ') + x(i) + ' ' + y(p.count);
        pen = true;
        el('circle', { cx: x(i), cy: y(p.count), r: 3.5, class: 'dot-' + kind }, root);
      });
      if (path) { el('path', { d: path.trim(), class: 'line-' + kind }, root); }
    });
    el('line', { x1: pad.left, x2: pad.left + 24, y1: height - 12, y2: height - 12, class: 'line-current' }, root);
    text(root, pad.left + 30, height - 8, 'this period', 'legend');
    el('line', { x1: pad.left + 130, x2: pad.left + 154, y1: height - 12, y2: height - 12, class: 'line-previous' }, root);
    text(root, pad.left + 160, height - 8, 'previous period (same months before)', 'legend');
    container.appendChild(root);
  }

  return { bars, lines, shown, withheld };
})();
