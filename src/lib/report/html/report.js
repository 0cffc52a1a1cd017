// SPDX-License-Identifier: MIT
// report.html: the diagram (hover an actor to see its ties, click an actor
// or a tie for the sentences or rows behind it), the period slider, sortable
// tables. Names, sentences and links from the input are data: they only
// ever reach the page through textContent and checked href attributes.
(function () {
  'use strict';
  var report = JSON.parse(document.getElementById('report-data').textContent);
  var sources = JSON.parse(document.getElementById('sources-data').textContent);
  var names = {};
  report.actors.forEach(function (a) { names[a.code] = a.name; });
  function nameOf(code) { return names[code] || code; }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function titleOf(g) {
    var t = g.querySelector('title');
    return t ? t.textContent : '';
  }
  // "CHN--RUS" or "CHN->RUS": the two ends of a tie
  function endsOf(g) {
    var m = /^(.*?)(--|->)(.*)$/.exec(titleOf(g));
    return m ? [m[1], m[3]] : null;
  }

  // -- sources -------------------------------------------------------------
  var byPair = {};
  sources.relations.forEach(function (r) { byPair[r.a + '|' + r.b] = r; });
  function pairKey(x, y) { return x < y ? x + '|' + y : y + '|' + x; }
  function showEvents(title, events, more) {
    var list = document.getElementById('sources-list');
    document.getElementById('sources-title').textContent = title;
    list.textContent = '';
    if (events.length === 0) {
      list.appendChild(el('li', 'No kept events (the relation came from a dyad table).'));
    }
    events.forEach(function (ev) {
      var li = el('li');
      var head = [ev.date || 'undated', nameOf(ev.source) + ' \u2192 ' + nameOf(ev.target)];
      if (ev.code) { head.push(ev.code + (ev.cameo ? ' ' + ev.cameo : '')); }
      li.appendChild(el('span', head.join(', ') + ': ', 'meta'));
      if (ev.text) {
        li.appendChild(el('span', '\u201c' + ev.text + '\u201d'));
      } else if (ev.source_text || ev.target_text) {
        li.appendChild(el('span', 'the row names \u201c' + (ev.source_text || '?') +
          '\u201d \u2192 \u201c' + (ev.target_text || '?') + '\u201d'));
      }
      if (ev.doc) {
        li.appendChild(document.createTextNode(' '));
        if (/^https?:\/\//i.test(ev.doc)) {
          var a = el('a', ev.doc);
          a.setAttribute('href', ev.doc);
          a.setAttribute('rel', 'noopener noreferrer nofollow');
          a.setAttribute('target', '_blank');
          li.appendChild(a);
        } else {
          li.appendChild(el('span', '(' + ev.doc + (ev.sentence ? ', sentence ' + ev.sentence : '') + ')', 'meta'));
        }
      }
      list.appendChild(li);
    });
    if (more > 0) { list.appendChild(el('li', 'and ' + more + ' more', 'meta')); }
  }
  function showRelation(x, y) {
    var r = byPair[pairKey(x, y)];
    showEvents(nameOf(x) + ' \u2013 ' + nameOf(y), r ? r.events : [], r ? r.more : 0);
  }
  function showActor(code) {
    var events = [], more = 0;
    sources.relations.forEach(function (r) {
      if (r.a === code || r.b === code) {
        events = events.concat(r.events);
        more += r.more;
      }
    });
    events.sort(function (p, q) { return (p.date || '') < (q.date || '') ? -1 : (p.date || '') > (q.date || '') ? 1 : 0; });
    if (events.length > 60) { more += events.length - 60; events = events.slice(0, 60); }
    showEvents(nameOf(code) + ': every tie', events, more);
  }

  // -- the diagrams --------------------------------------------------------
  function wire(svg) {
    var nodes = svg.querySelectorAll('g.node');
    var edges = svg.querySelectorAll('g.edge');
    Array.prototype.forEach.call(nodes, function (n) {
      var code = titleOf(n);
      n.addEventListener('mouseenter', function () {
        svg.classList.add('dim');
        n.classList.add('hl');
        Array.prototype.forEach.call(edges, function (e) {
          var ends = endsOf(e);
          if (ends && (ends[0] === code || ends[1] === code)) { e.classList.add('hl'); }
        });
      });
      n.addEventListener('mouseleave', function () {
        svg.classList.remove('dim');
        Array.prototype.forEach.call(svg.querySelectorAll('.hl'), function (h) { h.classList.remove('hl'); });
      });
      n.addEventListener('click', function (ev) { ev.preventDefault(); showActor(code); });
    });
    Array.prototype.forEach.call(edges, function (e) {
      e.addEventListener('click', function (ev) {
        var ends = endsOf(e);
        ev.preventDefault();
        if (ends) { showRelation(ends[0], ends[1]); }
      });
    });
  }
  var diagrams = document.querySelectorAll('.diagram');
  Array.prototype.forEach.call(diagrams, function (d) {
    var svg = d.querySelector('svg');
    if (svg) { wire(svg); }
  });
  var slider = document.getElementById('period');
  var periods = report.periods || [];
  function showPeriod(v) {
    var key = v >= periods.length ? 'all' : String(v);
    Array.prototype.forEach.call(diagrams, function (d) { d.hidden = d.getAttribute('data-period') !== key; });
    document.getElementById('period-label').textContent =
      key === 'all' ? 'all periods' : periods[v].period + ' (' + periods[v].events + ' events)';
  }
  if (slider && periods.length > 0) {
    document.getElementById('period-control').hidden = false;
    slider.max = String(periods.length);
    slider.value = String(periods.length);
    slider.addEventListener('input', function () { showPeriod(Number(slider.value)); });
    showPeriod(periods.length);
  }

  // -- tables --------------------------------------------------------------
  function fmt(v, d) { return typeof v === 'number' ? (Math.round(v * Math.pow(10, d)) / Math.pow(10, d)).toString() : v; }
  function table(id, columns, rows) {
    var t = document.getElementById(id);
    if (!t) { return; }
    var thead = el('thead'), tr = el('tr'), tbody = el('tbody');
    columns.forEach(function (c, i) {
      var th = el('th', c.title, c.text ? 'text' : '');
      th.addEventListener('click', function () { sortBy(t, i, c.text); });
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    rows.forEach(function (r) {
      var row = el('tr');
      columns.forEach(function (c) {
        var v = c.value(r);
        var td = el('td', c.text ? v : fmt(v, c.digits === undefined ? 3 : c.digits), c.text ? 'text' : '');
        td.setAttribute('data-value', String(v));
        if (c.signed && typeof v === 'number') { td.className = v < 0 ? 'neg' : v > 0 ? 'pos' : ''; }
        row.appendChild(td);
      });
      tbody.appendChild(row);
    });
    t.appendChild(thead);
    t.appendChild(tbody);
  }
  function sortBy(t, col, text) {
    var th = t.tHead.rows[0].cells[col];
    var desc = !th.classList.contains('sorted-desc');
    Array.prototype.forEach.call(t.tHead.rows[0].cells, function (h) { h.classList.remove('sorted-asc', 'sorted-desc'); });
    th.classList.add(desc ? 'sorted-desc' : 'sorted-asc');
    var rows = Array.prototype.slice.call(t.tBodies[0].rows);
    rows.sort(function (p, q) {
      var a = p.cells[col].getAttribute('data-value'), b = q.cells[col].getAttribute('data-value');
      var c = text ? (a < b ? -1 : a > b ? 1 : 0) : Number(a) - Number(b);
      return desc ? -c : c;
    });
    rows.forEach(function (r) { t.tBodies[0].appendChild(r); });
  }
  table('actors-table', [
    {title: 'actor', text: true, value: function (a) { return a.code; }},
    {title: 'name', text: true, value: function (a) { return a.name; }},
    {title: 'pagerank', digits: 4, value: function (a) { return a.pagerank; }},
    {title: 'betweenness', digits: 2, value: function (a) { return a.betweenness; }},
    {title: 'cooperation', digits: 1, value: function (a) { return a.cooperation_out + a.cooperation_in; }},
    {title: 'conflict', digits: 1, value: function (a) { return a.conflict_out + a.conflict_in; }},
    {title: 'net', digits: 1, signed: true, value: function (a) { return a.net; }},
    {title: 'bloc', digits: 0, value: function (a) { return a.bloc; }}
  ], report.actors);
  table('relations-table', [
    {title: 'a', text: true, value: function (r) { return nameOf(r.a); }},
    {title: 'b', text: true, value: function (r) { return nameOf(r.b); }},
    {title: 'events', digits: 0, value: function (r) { return r.events; }},
    {title: 'cooperation', digits: 1, value: function (r) { return r.cooperation; }},
    {title: 'conflict', digits: 1, value: function (r) { return r.conflict; }},
    {title: 'net', digits: 1, signed: true, value: function (r) { return r.net; }}
  ], report.relations);
  if (report.changes) {
    table('changes-table', [
      {title: 'relation', text: true, value: function (c) { return nameOf(c.a) + ' \u2013 ' + nameOf(c.b); }},
      {title: 'from', text: true, value: function (c) { return c.from; }},
      {title: 'to', text: true, value: function (c) { return c.to; }},
      {title: 'net before', digits: 1, signed: true, value: function (c) { return c.net_before; }},
      {title: 'net after', digits: 1, signed: true, value: function (c) { return c.net_after; }},
      {title: 'change', digits: 1, signed: true, value: function (c) { return c.change; }},
      {title: 'score', digits: 1, signed: true, value: function (c) { return c.score; }}
    ], report.changes.what_changed);
    if (report.changes.what_changed.length === 0) {
      document.getElementById('changes-table').replaceWith(el('p',
        'No change passes the rule (' + report.changes.measured + ' changes measured).', 'note'));
    }
  }
  var inp = report.input;
  document.getElementById('summary').textContent = inp.kept + ' events kept from ' +
    inp.files.map(function (f) { return f.name; }).join(', ') +
    (inp.first ? ', ' + inp.first + ' to ' + inp.last : '') + '; ' + report.actors.length +
    ' actors, ' + report.relations.length + ' relations.';
  document.body.setAttribute('data-ready', '1');
}());
