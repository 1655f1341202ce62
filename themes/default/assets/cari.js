// pepgen: search over the index built at build time (cari/indeks.js). Runs
// entirely in the browser; nothing is sent anywhere.
(function () {
  'use strict';
  var items = window.PEPGEN_CARI || [];
  var input = document.querySelector('[data-search-input]');
  var list = document.querySelector('[data-search-results]');
  var status = document.querySelector('[data-search-status]');
  if (!input || !list) return;

  function norm(s) {
    return (s || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim();
  }
  items.forEach(function (it) { it.nt = norm(it.t); it.nx = norm(it.x); });

  function search(query) {
    var words = norm(query).split(' ').filter(Boolean);
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!words.length) { status.textContent = ''; return; }
    var found = [];
    items.forEach(function (it) {
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        var w = words[i];
        if (it.nt.indexOf(w) === 0) score += 4;
        else if (it.nt.indexOf(' ' + w) !== -1) score += 3;
        else if (it.nt.indexOf(w) !== -1) score += 2;
        else if (it.nx.indexOf(w) !== -1) score += 1;
        else return;
      }
      found.push({ it: it, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score || a.it.t.localeCompare(b.it.t, 'id'); });
    found.slice(0, 50).forEach(function (f) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '../' + f.it.u;
      a.textContent = f.it.t;
      var kind = document.createElement('span');
      kind.className = 'search-kind';
      kind.textContent = f.it.j;
      var text = document.createElement('p');
      text.textContent = f.it.x.length > 220 ? f.it.x.slice(0, 220) + '…' : f.it.x;
      li.appendChild(kind);
      li.appendChild(a);
      li.appendChild(text);
      list.appendChild(li);
    });
    status.textContent = found.length
      ? found.length + ' hasil untuk “' + query + '”' + (found.length > 50 ? ', 50 teratas ditampilkan.' : '.')
      : 'Tidak ada hasil untuk “' + query + '”.';
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      search(input.value);
      try {
        window.history.replaceState(null, '', window.location.pathname + (input.value ? '?q=' + encodeURIComponent(input.value) : ''));
      } catch (e) { /* pages opened from disk may refuse; the results still show */ }
    }, 120);
  });
  var q = '';
  try { q = new URLSearchParams(window.location.search).get('q') || ''; } catch (e) { q = ''; }
  input.value = q;
  search(q);
})();
