// The report's behaviour: page navigation (#corpus, #doc/<id>), triple → evidence links,
// filters, and the curator's verdicts (kept in localStorage, exported as a JSON file for
// `npm run curate -- --apply`). Plain browser JavaScript, no libraries, no network.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var storeKey = 'biotriples-verdicts:' + data.run;
  var verdicts = {};
  try { verdicts = JSON.parse(localStorage.getItem(storeKey) || '{}'); } catch (e) { verdicts = {}; }
  var curatorInput = document.getElementById('curator');
  try { curatorInput.value = localStorage.getItem('biotriples-curator') || ''; } catch (e) { /* storage may be off for file:// */ }

  function save() {
    try { localStorage.setItem(storeKey, JSON.stringify(verdicts)); } catch (e) { /* keep in memory */ }
    var n = Object.keys(verdicts).length;
    document.getElementById('verdict-count').textContent = n + (n === 1 ? ' verdict' : ' verdicts');
  }

  // --- navigation -------------------------------------------------------------------------
  function show() {
    var hash = decodeURIComponent(location.hash.slice(1));
    var pages = document.querySelectorAll('.page');
    var target = document.getElementById('corpus');
    if (hash.indexOf('doc/') === 0) {
      var id = hash.slice(4);
      for (var i = 0; i < pages.length; i++) if (pages[i].getAttribute('data-doc') === id) target = pages[i];
    }
    for (var j = 0; j < pages.length; j++) pages[j].hidden = pages[j] !== target;
    document.getElementById('doc-nav').value = target.getAttribute('data-doc') || '';
  }
  window.addEventListener('hashchange', show);
  document.getElementById('doc-nav').addEventListener('change', function (e) {
    location.hash = e.target.value ? 'doc/' + encodeURIComponent(e.target.value) : 'corpus';
  });

  // --- triple → evidence -----------------------------------------------------------------
  function goToEvidence(li) {
    var page = li.closest('.page');
    var old = page.querySelectorAll('.ev.hl, mark.arg, li.current');
    for (var i = 0; i < old.length; i++) old[i].classList.remove('hl', 'arg', 'current');
    var ev = document.getElementById(li.getAttribute('data-ev'));
    li.classList.add('current');
    if (!ev) return;
    ev.classList.add('hl');
    var marks = ev.querySelectorAll('mark.m');
    for (var j = 0; j < marks.length; j++) {
      var s = marks[j].getAttribute('data-start');
      if (s === li.getAttribute('data-subject') || s === li.getAttribute('data-object')) marks[j].classList.add('arg');
    }
    ev.scrollIntoView({ block: 'center' });
  }

  // --- filters ------------------------------------------------------------------------------
  function applyFilters(page) {
    var pred = page.querySelector('.f-predicate').value;
    var conf = parseFloat(page.querySelector('.f-confidence').value);
    var section = page.querySelector('.f-section').value;
    page.querySelector('.filters output').textContent = conf.toFixed(2);
    var items = page.querySelectorAll('li.triple');
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var li = items[i];
      var ok = (!pred || li.getAttribute('data-predicate') === pred) &&
        parseFloat(li.getAttribute('data-confidence')) >= conf &&
        (!section || li.getAttribute('data-section') === section);
      li.hidden = !ok;
      if (ok) shown++;
    }
    page.querySelector('.shown').textContent = shown + ' of ' + items.length + ' shown';
  }

  // --- verdicts ------------------------------------------------------------------------------
  function render(li) {
    var v = verdicts[li.getAttribute('data-id')];
    li.classList.remove('accepted', 'rejected', 'corrected');
    var label = li.querySelector('.verdict');
    if (!v) { label.textContent = ''; return; }
    li.classList.add(v.verdict === 'accept' ? 'accepted' : v.verdict === 'reject' ? 'rejected' : 'corrected');
    label.textContent = v.verdict === 'accept' ? '✓ accepted' : v.verdict === 'reject' ? '✗ rejected: ' + v.reason : '→ ' + v.predicate;
  }

  function setVerdict(li, v) {
    v.timestamp = new Date().toISOString();
    verdicts[li.getAttribute('data-id')] = v;
    save();
    render(li);
  }

  function exportVerdicts() {
    var curator = curatorInput.value.trim();
    var list = Object.keys(verdicts).sort().map(function (id) {
      var v = verdicts[id];
      var t = data.triples[id] || {};
      var out = { triple: id, verdict: v.verdict };
      if (v.reason) out.reason = v.reason;
      if (v.predicate) out.predicate = v.predicate;
      if (curator) out.curator = curator;
      out.timestamp = v.timestamp;
      out.doc = t.doc; out.rule = t.rule; out.extracted = t.predicate; out.subject = t.subject; out.object = t.object;
      return out;
    });
    var file = { format: 'biotriples-verdicts', version: 1, run: data.run, exported: new Date().toISOString(), verdicts: list };
    if (curator) file.curator = curator;
    var blob = new Blob([JSON.stringify(file, null, 2) + '\n'], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'verdicts-' + new Date().toISOString().slice(0, 10) + '.json';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  document.addEventListener('click', function (e) {
    var li = e.target.closest && e.target.closest('li.triple');
    if (!li) return;
    if (e.target.closest('a.go')) { e.preventDefault(); goToEvidence(li); return; }
    if (e.target.classList.contains('accept')) setVerdict(li, { verdict: 'accept' });
    if (e.target.classList.contains('reject')) { li.querySelector('.reason-box').hidden = false; li.querySelector('.reason').focus(); }
    if (e.target.classList.contains('confirm-reject')) {
      var reason = li.querySelector('.reason').value.trim();
      if (!reason) { li.querySelector('.reason').focus(); return; }
      li.querySelector('.reason-box').hidden = true;
      setVerdict(li, { verdict: 'reject', reason: reason });
    }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && e.target.classList && e.target.classList.contains('reason')) e.target.closest('li.triple').querySelector('.confirm-reject').click();
  });
  document.addEventListener('change', function (e) {
    var li = e.target.closest && e.target.closest('li.triple');
    if (li && e.target.classList.contains('correct') && e.target.value) setVerdict(li, { verdict: 'correct', predicate: e.target.value });
    var page = e.target.closest && e.target.closest('.page.doc');
    if (page && e.target.closest('.filters')) applyFilters(page);
  });
  document.addEventListener('input', function (e) {
    var page = e.target.closest && e.target.closest('.page.doc');
    if (page && e.target.classList.contains('f-confidence')) applyFilters(page);
  });
  curatorInput.addEventListener('change', function () {
    try { localStorage.setItem('biotriples-curator', curatorInput.value.trim()); } catch (e) { /* in memory only */ }
  });
  document.getElementById('export').addEventListener('click', exportVerdicts);

  var docs = document.querySelectorAll('.page.doc');
  for (var i = 0; i < docs.length; i++) applyFilters(docs[i]);
  var lis = document.querySelectorAll('li.triple');
  for (var j = 0; j < lis.length; j++) render(lis[j]);
  save();
  show();
})();
