/* report.js - draws the HTML reports of skillmatch from the page's data
 * (the JSON in <script type="application/json" id="sm-data">): a person's
 * report (check) or a screening (screen). Every string from the data goes
 * into the page with textContent or as a property, never as markup.
 * Screen renders on demand: one page of the table and its heat map at a
 * time, a resume's panel when its row is clicked. Embedded in each page by
 * tools/embed.py; the Content-Security-Policy allows it by its hash. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('sm-data').textContent);
  var main = document.getElementById('sm-main');
  var LEVELS = ['junior', 'mid', 'senior'];
  var RANK = {none: 0, junior: 1, mid: 2, senior: 3};

  /* ---- building the page: elements and text only ---- */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent, tag, cls, text) {
    var e = el(tag, cls, text);
    parent.appendChild(e);
    return e;
  }
  function clear(e) {
    while (e.firstChild) e.removeChild(e.firstChild);
  }
  function fix(v, d) {
    return v === null || v === undefined ? '-' : Number(v).toFixed(d);
  }
  function pct(v) {
    return Math.round((v || 0) * 100) + '%';
  }
  function bar(parent, v) {
    var b = add(parent, 'div', 'bar');
    var s = add(b, 'span');
    s.style.width = Math.max(0, Math.min(1, v || 0)) * 100 + '%';
    b.title = pct(v);
    return b;
  }
  function badge(parent, level) {
    return add(parent, 'span', 'lv lv-' + level, level);
  }
  function skillName(id) {
    var s = data.skills && data.skills[id];
    return s ? s[0] : id;
  }
  function skillCat(id) {
    var s = data.skills && data.skills[id];
    return s && s[1] ? s[1] : 'other';
  }
  function base(path) {
    var i = String(path).lastIndexOf('/');
    return i >= 0 && i < path.length - 1 ? path.slice(i + 1) : path;
  }
  function where(line, col, place) {
    return place ? place : 'line ' + line + (col ? ':' + col : '');
  }
  function nextLevel(level) {
    var r = RANK[level] || 0;
    return LEVELS[Math.min(r, 2)];
  }
  /* white to blue, by strength or score */
  function heat(v) {
    var t = Math.max(0, Math.min(1, v || 0));
    var r = Math.round(255 - t * (255 - 47)), g = Math.round(255 - t * (255 - 95)),
        b = Math.round(255 - t * (255 - 179));
    return 'rgb(' + r + ',' + g + ',' + b + ')';
  }
  function evidenceItem(ul, line, col, text, section, place, context) {
    var li = add(ul, 'li');
    li.appendChild(document.createTextNode(where(line, col, place) + ' '));
    add(li, 'span', 'ev-text', text);
    li.appendChild(document.createTextNode(' in ' + section +
      (context ? ' (weaker: ' + context + ')' : '')));
  }

  /* ---- check: one person's report ---- */
  function checkReport(r) {
    var card = add(main, 'section', 'report');
    var head = add(card, 'div', 'card');
    add(head, 'h1', null, r.file);
    var p = add(head, 'p');
    p.appendChild(document.createTextNode('Suggested level: '));
    badge(p, r.suggested_level);
    p.appendChild(document.createTextNode(' (confidence: ' + r.confidence + ')'));
    add(head, 'p', 'muted', r.reason);
    var yrs = r.years === null ? 'unknown' : fix(r.years, 1);
    add(head, 'p', null, 'Years of experience: ' + yrs + ' (' + r.years_method + ')' +
      (r.ml_years !== null && r.ml_years !== undefined ? '; in ML work: ' + fix(r.ml_years, 1) : ''));
    var pr = add(head, 'button', 'noprint', 'Print');
    pr.type = 'button';
    pr.addEventListener('click', function () { window.print(); });

    if (r.match && r.job) checkMatch(card, r);

    var cov = add(card, 'div', 'card');
    add(cov, 'h2', null, 'Coverage of each level');
    var t = add(cov, 'table', 'bars');
    (r.levels || []).forEach(function (l) {
      var tr = add(t, 'tr');
      add(tr, 'td', null, l.level);
      bar(add(tr, 'td'), l.score);
      add(tr, 'td', 'num', pct(l.score));
    });

    var target = nextLevel(r.suggested_level), ls = null;
    (r.levels || []).forEach(function (l) { if (l.level === target) ls = l; });
    if (ls) {
      var g = add(card, 'div', 'card');
      add(g, 'h2', null, 'What to add for ' + target + ' (' + ls.missing.length +
        ', heaviest first)');
      if (!ls.missing.length) add(g, 'p', 'muted', 'Nothing: every requirement is shown.');
      var ul = add(g, 'ul', 'gaps');
      ls.missing.forEach(function (m) {
        var li = add(ul, 'li');
        add(li, 'span', 'w', m.weight);
        add(li, 'strong', null, m.name);
        li.appendChild(document.createTextNode(': "' + m.reason + '" '));
        add(li, 'span', 'muted', '[' + m.source + ']');
      });
    }

    var sk = add(card, 'div', 'card');
    var skills = r.skills || [];
    add(sk, 'h2', null, 'Skills found (' + skills.length + ')');
    var byCat = {};
    skills.forEach(function (s) { (byCat[s.category] = byCat[s.category] || []).push(s); });
    Object.keys(byCat).sort().forEach(function (c) {
      add(sk, 'h3', null, c);
      var tab = add(sk, 'table', 'skilltab');
      byCat[c].forEach(function (s) {
        var tr = add(tab, 'tr');
        var td = add(tr, 'td');
        add(td, 'strong', null, s.name);
        if (s.strength < 1) add(td, 'div', 'muted', 'weak ' + fix(s.strength, 2));
        var ev = add(add(tr, 'td'), 'ul', 'ev');
        (s.evidence || []).slice(0, 5).forEach(function (e) {
          evidenceItem(ev, e.line, e.col, e.text, e.section, e.place, e.context);
        });
        var more = (s.evidence || []).length - 5 + (s.evidence_omitted || 0);
        if (more > 0) add(ev, 'li', 'muted', '+' + more + ' more');
      });
    });
    if (!skills.length) add(sk, 'p', 'muted', '(none)');
  }

  function checkMatch(card, r) {
    var m = r.match, j = r.job;
    var c = add(card, 'div', 'card');
    add(c, 'h2', null, 'Against ' + j.file);
    add(c, 'p', 'muted', 'Posting: ' + j.level + ' level; years asked: ' +
      (j.years_asked === null ? 'none' : j.years_asked + (j.years_asked_max !== null &&
        j.years_asked_max !== undefined ? '-' + j.years_asked_max : '+')) + '; ' +
      j.required.length + ' required, ' + j.preferred.length + ' preferred skills');
    var t = add(c, 'table', 'bars');
    var tr = add(t, 'tr');
    add(tr, 'td', null, 'Match');
    bar(add(tr, 'td'), m.score);
    add(tr, 'td', 'num', fix(m.score, 2));
    var fits = add(c, 'p');
    fits.appendChild(document.createTextNode('Years ' + fix(m.years, 1) + ': '));
    add(fits, 'span', 'fit-' + m.years_fit, m.years_fit);
    fits.appendChild(document.createTextNode('; level ' + m.level + ' against ' + j.level + ': '));
    add(fits, 'span', 'fit-' + m.level_fit, m.level_fit);
    add(c, 'p', null, m.verdict);
    var asks = {};
    (j.asks || []).forEach(function (a) { if (!asks[a.id]) asks[a.id] = a; });
    var missing = (m.missing || []).map(function (id) { return ['required', id]; })
      .concat((m.missing_preferred || []).map(function (id) { return ['preferred', id]; }));
    add(c, 'h3', null, 'Add to the resume for this job (' + missing.length + ')');
    var ul = add(c, 'ul', 'gaps');
    missing.forEach(function (k) {
      var li = add(ul, 'li');
      add(li, 'span', 'kind', k[0] + ' ');
      add(li, 'strong', null, skillName(k[1]));
      if (m.near && m.near[k[1]]) li.appendChild(document.createTextNode(
        ' (you show ' + skillName(m.near[k[1]]) + ')'));
      var a = asks[k[1]];
      if (a) add(li, 'div', 'muted', 'line ' + a.line + ': "' + a.text + '"');
    });
    var shown = m.matched || [];
    add(c, 'h3', null, 'Shown (' + shown.length + ')');
    var ev = add(c, 'ul', 'ev');
    shown.forEach(function (id) {
      var e = m.evidence && m.evidence[id];
      var li = add(ev, 'li');
      add(li, 'strong', null, skillName(id) + ' ');
      if (e) {
        li.appendChild(document.createTextNode(where(e.line, 0, e.place) + ' '));
        add(li, 'span', 'ev-text', e.text);
        li.appendChild(document.createTextNode(' in ' + e.section));
      }
    });
  }

  /* ---- screen: many resumes ---- */
  function screen() {
    var rows = data.rows || [], postings = data.postings || [];
    var np = postings.length, jobs = np > 0;
    rows.forEach(function (r, i) {
      r._i = i;
      r._err = r.status === 'error';
      r._lv = r._err ? 'error' : r.suggested_level;
      var names = [r.file, r.error || '', r.reason || ''];
      r._has = {};
      (r.skills || []).forEach(function (s) { r._has[s[0]] = s[1]; names.push(skillName(s[0])); });
      r._text = names.join('\n').toLowerCase();
      var g = r.gaps ? r.gaps[LEVELS.indexOf(nextLevel(r.suggested_level))] || [] : [];
      r._gaps = g.slice(0, 3).join(', ');
      r._miss = r.match ? (r.match.missing || []).slice(0, 3).join(', ') : '';
    });
    var ok = rows.filter(function (r) { return !r._err; }).length;

    var head = add(main, 'div', 'card');
    add(head, 'h1', null, 'skillmatch screen');
    var sub = add(head, 'p', 'sub', rows.length + ' input' + (rows.length === 1 ? '' : 's') +
      ': ' + ok + ' read, ' + (rows.length - ok) + ' could not be read' +
      (jobs ? '; matched against ' + np + ' posting' + (np === 1 ? '' : 's') + ': ' +
        postings.map(base).join(', ') : ''));
    sub.id = 'sm-summary';

    var grid = add(main, 'div', 'grid');
    histogram(add(grid, 'div', 'card'), rows);
    commonGaps(add(grid, 'div', 'card'), rows, postings);

    /* the table */
    var cols = jobs ? [
      {k: 'file', t: 'File', v: function (r) { return r.file; }, s: 1},
      {k: 'match', t: 'Match', num: 1, v: function (r) { return r.match ? r.match.score : -1; },
        show: function (r) { return r.match ? fix(r.match.score, 2) : '-'; }},
      np > 1 ? {k: 'best', t: 'Best job', v: function (r) { return r.job ? base(r.job) : ''; }, s: 1} : null,
      {k: 'missing', t: 'Missing', v: function (r) { return r._miss; }, s: 1,
        show: function (r) { return r._err ? '-' : r._miss || '-'; }},
      {k: 'years', t: 'Years', num: 1, v: function (r) { return r.years === null || r.years === undefined ? -1 : r.years; },
        show: function (r) { return r._err ? '-' : fix(r.years, 1); }},
      {k: 'level', t: 'Level', v: function (r) { return r._err ? -1 : RANK[r.suggested_level]; }, lv: 1},
      {k: 'status', t: 'Status', v: function (r) { return r._err ? 'error: ' + r.error : 'ok'; }, s: 1}
    ] : [
      {k: 'file', t: 'File', v: function (r) { return r.file; }, s: 1},
      {k: 'level', t: 'Level', v: function (r) { return r._err ? -1 : RANK[r.suggested_level]; }, lv: 1},
      {k: 'junior', t: 'Junior', num: 1, v: function (r) { return r.scores ? r.scores[0] : -1; },
        show: function (r) { return r.scores ? fix(r.scores[0], 2) : '-'; }},
      {k: 'mid', t: 'Mid', num: 1, v: function (r) { return r.scores ? r.scores[1] : -1; },
        show: function (r) { return r.scores ? fix(r.scores[1], 2) : '-'; }},
      {k: 'senior', t: 'Senior', num: 1, v: function (r) { return r.scores ? r.scores[2] : -1; },
        show: function (r) { return r.scores ? fix(r.scores[2], 2) : '-'; }},
      {k: 'years', t: 'Years', num: 1, v: function (r) { return r.years === null || r.years === undefined ? -1 : r.years; },
        show: function (r) { return r._err ? '-' : fix(r.years, 1); }},
      {k: 'gaps', t: 'Top gaps', v: function (r) { return r._gaps; }, s: 1,
        show: function (r) { return r._err ? '-' : r._gaps || '-'; }},
      {k: 'status', t: 'Status', v: function (r) { return r._err ? 'error: ' + r.error : 'ok'; }, s: 1}
    ];
    cols = cols.filter(function (c) { return c; });

    var card = add(main, 'div', 'card');
    add(card, 'h2', null, 'Resumes');
    var ctl = add(card, 'div', 'controls noprint');
    var q = add(ctl, 'input');
    q.id = 'sm-q';
    q.type = 'search';
    q.placeholder = 'Search file, skill, error';
    q.setAttribute('aria-label', 'Search');
    add(ctl, 'label', null, 'Level');
    var lvSel = add(ctl, 'select');
    lvSel.id = 'sm-level';
    ['', 'senior', 'mid', 'junior', 'none', 'error'].forEach(function (l) {
      var o = add(lvSel, 'option', null, l || 'any');
      o.value = l;
    });
    add(ctl, 'label', null, 'Shows skill');
    var skSel = add(ctl, 'select');
    skSel.id = 'sm-skill';
    var present = {};
    rows.forEach(function (r) { Object.keys(r._has).forEach(function (id) { present[id] = 1; }); });
    add(skSel, 'option', null, 'any').value = '';
    Object.keys(present).sort(function (a, b) {
      return skillName(a).localeCompare(skillName(b));
    }).forEach(function (id) {
      add(skSel, 'option', null, skillName(id)).value = id;
    });
    add(ctl, 'label', null, 'Rows a page');
    var size = add(ctl, 'select');
    size.id = 'sm-size';
    [25, 50, 100, 250].forEach(function (n) { add(size, 'option', null, n).value = n; });
    size.value = '50';
    var count = add(ctl, 'span', 'muted');
    count.id = 'sm-count';

    var tab = add(card, 'table');
    tab.id = 'sm-table';
    var hr = add(add(tab, 'thead'), 'tr');
    var body = add(tab, 'tbody');
    body.id = 'sm-rows';
    var pager = add(card, 'div', 'pager noprint');
    var prev = add(pager, 'button', null, 'Previous');
    prev.id = 'sm-prev';
    prev.type = 'button';
    var pageLabel = add(pager, 'span', 'muted');
    pageLabel.id = 'sm-page';
    var next = add(pager, 'button', null, 'Next');
    next.id = 'sm-next';
    next.type = 'button';

    var panel = add(main, 'div', 'card panel');
    panel.id = 'sm-panel';
    panel.hidden = true;
    var heatCard = add(main, 'div', 'card');
    add(heatCard, 'h2', null, jobs && np > 1 ? 'Match: resumes x postings (this page)'
      : 'Skills: resumes x skills by category (this page)');
    var heatBox = add(heatCard, 'div', 'heat');
    heatBox.id = 'sm-heat';

    var state = {sort: null, dir: 1, page: 0, view: rows.slice(), sel: -1};
    var ths = cols.map(function (c) {
      var th = add(hr, 'th', 'sort' + (c.num ? ' num' : ''), c.t);
      th.dataset.key = c.k;
      th.tabIndex = 0;
      function go() {
        if (state.sort === c) state.dir = -state.dir;
        else { state.sort = c; state.dir = c.s ? 1 : -1; }
        state.page = 0;
        apply();
      }
      th.addEventListener('click', go);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter') go(); });
      return th;
    });

    function apply() {
      var text = q.value.trim().toLowerCase(), lv = lvSel.value, sk = skSel.value;
      var v = rows.filter(function (r) {
        if (lv && r._lv !== lv) return false;
        if (sk && !(sk in r._has)) return false;
        if (text && r._text.indexOf(text) < 0) return false;
        return true;
      });
      if (state.sort) {
        var c = state.sort, d = state.dir;
        v.sort(function (a, b) {
          var x = c.v(a), y = c.v(b), k;
          if (c.s) k = String(x).localeCompare(String(y));
          else k = x < y ? -1 : x > y ? 1 : 0;
          return k * d || a._i - b._i;
        });
      }
      ths.forEach(function (th, i) {
        if (cols[i] === state.sort) th.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
        else th.removeAttribute('aria-sort');
      });
      state.view = v;
      draw();
    }

    function draw() {
      var per = Number(size.value), v = state.view;
      var pages = Math.max(1, Math.ceil(v.length / per));
      if (state.page >= pages) state.page = pages - 1;
      var from = state.page * per, to = Math.min(v.length, from + per);
      clear(body);
      var frag = document.createDocumentFragment();
      for (var i = from; i < to; i++) frag.appendChild(rowEl(v[i]));
      body.appendChild(frag);
      count.textContent = (v.length ? 'rows ' + (from + 1) + '-' + to + ' of ' : '') + v.length +
        (v.length === rows.length ? '' : ' (filtered from ' + rows.length + ')');
      count.dataset.shown = v.length;
      count.dataset.total = rows.length;
      pageLabel.textContent = 'page ' + (state.page + 1) + ' of ' + pages;
      prev.disabled = state.page === 0;
      next.disabled = state.page >= pages - 1;
      drawHeat(v.slice(from, to));
    }

    function rowEl(r) {
      var tr = el('tr', r._err ? 'err' : (r._i === state.sel ? 'sel' : ''));
      tr.dataset.i = r._i;
      cols.forEach(function (c) {
        var td = add(tr, 'td', c.num ? 'num' : c.k === 'file' ? 'file' : '');
        if (c.lv) badge(td, r._lv);
        else td.textContent = c.show ? c.show(r) : c.v(r);
      });
      tr.addEventListener('click', function () { showPanel(r); });
      return tr;
    }

    function showPanel(r) {
      state.sel = r._i;
      Array.prototype.forEach.call(body.children, function (tr) {
        tr.className = Number(tr.dataset.i) === r._i ? 'sel' : (rows[tr.dataset.i]._err ? 'err' : '');
      });
      clear(panel);
      panel.hidden = false;
      var x = add(panel, 'button', 'noprint', 'Close');
      x.type = 'button';
      x.style.float = 'right';
      x.addEventListener('click', function () { panel.hidden = true; });
      add(panel, 'h2', null, r.file);
      if (r._err) {
        add(panel, 'p', 'pre', 'Could not be read: ' + r.error);
        panel.scrollIntoView({block: 'nearest'});
        return;
      }
      var p = add(panel, 'p');
      badge(p, r.suggested_level);
      p.appendChild(document.createTextNode(' confidence ' + r.confidence + '; ' + r.reason));
      add(panel, 'p', 'muted', 'Years: ' + (r.years === null ? 'unknown' : fix(r.years, 1)) +
        ' (' + r.years_method + ')' + (r.ml_years !== null && r.ml_years !== undefined
          ? '; in ML work: ' + fix(r.ml_years, 1) : ''));
      var t = add(panel, 'table', 'bars');
      LEVELS.forEach(function (l, i) {
        var tr = add(t, 'tr');
        add(tr, 'td', null, l);
        bar(add(tr, 'td'), r.scores[i]);
        add(tr, 'td', 'num', pct(r.scores[i]));
      });
      if (r.match) {
        add(panel, 'h3', null, 'Match against ' + (r.job || postings[0]) + ': ' + fix(r.match.score, 2));
        add(panel, 'p', null, r.match.verdict);
        add(panel, 'p', 'muted', 'years ' + r.match.years_fit + ', level ' + r.match.level_fit);
        var mu = add(panel, 'ul', 'gaps');
        (r.match.missing || []).forEach(function (id) {
          var li = add(mu, 'li', null, 'required: ' + skillName(id));
          if (r.match.near && r.match.near[id]) li.textContent += ' (shows ' + skillName(r.match.near[id]) + ')';
        });
        (r.match.missing_preferred || []).forEach(function (id) {
          add(mu, 'li', 'muted', 'preferred: ' + skillName(id));
        });
      }
      var target = nextLevel(r.suggested_level), gi = LEVELS.indexOf(target);
      var gaps = (r.gaps && r.gaps[gi]) || [];
      add(panel, 'h3', null, 'Gaps to ' + target + ' (' + gaps.length + ')');
      var gu = add(panel, 'ul', 'gaps');
      gaps.forEach(function (id) {
        var g = (data.gaps && data.gaps[id]) || [id, '', '', ''];
        var li = add(gu, 'li');
        add(li, 'span', 'w', g[1]);
        add(li, 'strong', null, g[0]);
        li.appendChild(document.createTextNode(': "' + g[2] + '" '));
        add(li, 'span', 'muted', '[' + g[3] + ']');
      });
      add(panel, 'h3', null, 'Evidence (' + r.skills.length + ' skills)');
      var st = add(panel, 'table', 'skilltab');
      r.skills.forEach(function (s) {
        var tr = add(st, 'tr');
        var td = add(tr, 'td');
        add(td, 'strong', null, skillName(s[0]));
        add(td, 'div', 'muted', skillCat(s[0]) + (s[1] < 1 ? '; weak ' + fix(s[1], 2) : ''));
        var ul = add(add(tr, 'td'), 'ul', 'ev');
        s[4].forEach(function (e) { evidenceItem(ul, e[0], e[1], e[2], e[3], e[4], e[5]); });
        if (s[3] > s[4].length) add(ul, 'li', 'muted', '+' + (s[3] - s[4].length) + ' more');
      });
      panel.scrollIntoView({block: 'nearest'});
    }

    function drawHeat(page) {
      clear(heatBox);
      var t = add(heatBox, 'table');
      if (jobs && np > 1) {
        var h = add(t, 'tr');
        add(h, 'th', null, 'Resume');
        postings.forEach(function (p) { var th = add(h, 'th', null, base(p)); th.title = p; });
        page.forEach(function (r) {
          var tr = add(t, 'tr');
          var n = add(tr, 'td', 'name', r.file);
          n.title = r.file;
          postings.forEach(function (p, i) {
            var m = r.matches && r.matches[i];
            var td = add(tr, 'td', 'score', m ? fix(m[0], 2) : '-');
            if (m) td.style.background = heat(m[0]);
            if (m && m[0] > 0.6) td.style.color = '#fff';
          });
        });
        return;
      }
      var ids = {};
      page.forEach(function (r) { Object.keys(r._has).forEach(function (id) { ids[id] = 1; }); });
      var list = Object.keys(ids).sort(function (a, b) {
        return skillCat(a).localeCompare(skillCat(b)) || skillName(a).localeCompare(skillName(b));
      });
      if (!list.length) { add(heatBox, 'p', 'muted', 'No skills on this page.'); return; }
      var cats = add(t, 'tr'), names = add(t, 'tr');
      add(cats, 'th');
      add(names, 'th', null, 'Resume');
      var last = null, span = null, wide = 0;
      list.forEach(function (id) {
        var c = skillCat(id);
        if (c !== last) { span = add(cats, 'th', 'cat', c); wide = 0; last = c; }
        span.colSpan = ++wide;
        var th = add(names, 'th', 'skill', skillName(id));
        th.title = skillName(id);
      });
      page.forEach(function (r) {
        var tr = add(t, 'tr');
        var n = add(tr, 'td', 'name', r.file);
        n.title = r.file;
        list.forEach(function (id) {
          var td = add(tr, 'td', 'cell');
          if (id in r._has) {
            td.style.background = heat(0.25 + 0.75 * r._has[id]);
            td.title = skillName(id) + ': ' + fix(r._has[id], 2);
          }
        });
      });
    }

    q.addEventListener('input', function () { state.page = 0; apply(); });
    lvSel.addEventListener('change', function () { state.page = 0; apply(); });
    skSel.addEventListener('change', function () { state.page = 0; apply(); });
    size.addEventListener('change', function () { state.page = 0; draw(); });
    prev.addEventListener('click', function () { state.page--; draw(); });
    next.addEventListener('click', function () { state.page++; draw(); });
    apply();
  }

  function histogram(card, rows) {
    add(card, 'h2', null, 'Suggested levels');
    var n = {senior: 0, mid: 0, junior: 0, none: 0, error: 0}, max = 1;
    rows.forEach(function (r) { n[r._lv] = (n[r._lv] || 0) + 1; });
    Object.keys(n).forEach(function (k) { max = Math.max(max, n[k]); });
    var h = add(card, 'div', 'hist');
    h.id = 'sm-hist';
    Object.keys(n).forEach(function (k) {
      var row = add(h, 'div', 'row');
      row.dataset.level = k;
      badge(row, k);
      var b = add(row, 'div', 'bar');
      add(b, 'span').style.width = n[k] / max * 100 + '%';
      add(row, 'span', 'num', n[k]);
    });
  }

  function top(counts, k) {
    return Object.keys(counts).sort(function (a, b) {
      return counts[b] - counts[a] || (a < b ? -1 : 1);
    }).slice(0, k);
  }

  function commonGaps(card, rows, postings) {
    var box;
    if (postings.length) {
      add(card, 'h2', null, 'Most common missing skills, per posting');
      postings.forEach(function (p, i) {
        var c = {}, seen = 0;
        rows.forEach(function (r) {
          var miss = r.matches ? (r.matches[i] || [0, []])[1] : r.match ? r.match.missing : null;
          if (!miss) return;
          seen++;
          miss.forEach(function (id) { c[id] = (c[id] || 0) + 1; });
        });
        add(card, 'h3', null, base(p) + ' (' + seen + ' resumes)');
        box = add(card, 'ul', 'gaps');
        top(c, 5).forEach(function (id) {
          add(box, 'li', null, skillName(id) + ': ' + c[id] + ' of ' + seen);
        });
      });
      return;
    }
    add(card, 'h2', null, 'Most common gaps to the next level, per level');
    ['none', 'junior', 'mid', 'senior'].forEach(function (lv) {
      var c = {}, seen = 0, gi = LEVELS.indexOf(nextLevel(lv));
      rows.forEach(function (r) {
        if (r._err || r.suggested_level !== lv) return;
        seen++;
        (r.gaps[gi] || []).forEach(function (id) { c[id] = (c[id] || 0) + 1; });
      });
      if (!seen) return;
      add(card, 'h3', null, lv + ' (' + seen + ' resumes; gaps to ' + nextLevel(lv) + ')');
      box = add(card, 'ul', 'gaps');
      top(c, 5).forEach(function (id) {
        var g = (data.gaps && data.gaps[id]) || [id];
        add(box, 'li', null, g[0] + ': ' + c[id] + ' of ' + seen);
      });
    });
  }

  clear(main);
  if (data.kind === 'check') data.reports.forEach(checkReport);
  else screen();
  document.body.dataset.ready = String(performance.now());
})();
