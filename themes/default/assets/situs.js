// pepgen: small enhancements of our own. Without JavaScript every table is
// shown in full and nothing is lost; with it, tables can be filtered and
// sorted, and the choice is kept in the address so a reload keeps it.
(function () {
  'use strict';

  function norm(s) {
    return (s || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim();
  }

  // "1.234", "98,5%", "+5", "−3" -> number; anything else sorts last.
  function numberOf(text) {
    var t = (text || '').replace(/\u2212/g, '-').replace(/[^0-9,\-]/g, '').replace(',', '.');
    var n = parseFloat(t);
    return isNaN(n) ? null : n;
  }

  function params() {
    try { return new URLSearchParams(window.location.search); } catch (e) { return null; }
  }

  function remember(update) {
    var p = params();
    if (!p) return;
    update(p);
    var q = p.toString();
    try {
      window.history.replaceState(null, '', window.location.pathname + (q ? '?' + q : '') + window.location.hash);
    } catch (e) { /* some browsers refuse this for pages opened from disk; filtering still works */ }
  }

  function setupFilters(form) {
    var tables = Array.prototype.slice.call(document.querySelectorAll('table[data-filterable]'));
    var text = form.querySelector('[data-filter-input]');
    var selects = Array.prototype.slice.call(form.querySelectorAll('[data-filter-select]'));
    var count = form.querySelector('[data-filter-count]');
    var p = params();
    if (p) {
      if (text && p.get(text.name)) text.value = p.get(text.name);
      selects.forEach(function (s) { if (p.get(s.name)) s.value = p.get(s.name); });
    }
    function apply() {
      var words = text ? norm(text.value).split(' ').filter(Boolean) : [];
      var shown = 0, total = 0;
      tables.forEach(function (table) {
        var visible = 0;
        Array.prototype.forEach.call(table.tBodies, function (body) {
          Array.prototype.forEach.call(body.rows, function (row) {
            var hay = norm(row.getAttribute('data-cari') || row.textContent);
            var ok = words.every(function (w) { return hay.indexOf(w) !== -1; });
            selects.forEach(function (s) {
              if (s.value && row.getAttribute('data-' + s.getAttribute('data-filter-select')) !== s.value) ok = false;
            });
            row.hidden = !ok;
            total++;
            if (ok) { shown++; visible++; }
          });
        });
        var empty = table.parentNode.parentNode.querySelector('[data-filter-empty]');
        if (empty) empty.hidden = visible !== 0;
      });
      if (count) count.textContent = 'Menampilkan ' + shown + ' dari ' + total + ' LSP.';
      remember(function (q) {
        if (text) { if (text.value) q.set(text.name, text.value); else q.delete(text.name); }
        selects.forEach(function (s) { if (s.value) q.set(s.name, s.value); else q.delete(s.name); });
      });
    }
    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
    var reset = form.querySelector('[data-filter-reset]');
    if (reset) reset.addEventListener('click', function () {
      if (text) text.value = '';
      selects.forEach(function (s) { s.value = ''; });
      apply();
    });
    form.hidden = false;
    apply();
  }

  function setupSort(table, index) {
    var heads = Array.prototype.slice.call(table.querySelectorAll('thead th[data-sort]'));
    if (!heads.length || table.tBodies.length !== 1) return;
    var body = table.tBodies[0];
    var original = Array.prototype.slice.call(body.rows);
    function sortBy(head, direction) {
      var col = Array.prototype.indexOf.call(head.parentNode.children, head);
      var numeric = head.getAttribute('data-sort') === 'angka';
      var rows = original.slice();
      if (direction) {
        rows.sort(function (a, b) {
          var ca = a.cells[col], cb = b.cells[col];
          var va = ca ? (ca.getAttribute('data-nilai') || ca.textContent) : '';
          var vb = cb ? (cb.getAttribute('data-nilai') || cb.textContent) : '';
          var r;
          if (numeric) {
            var na = numberOf(va), nb = numberOf(vb);
            if (na === null && nb === null) r = 0;
            else if (na === null) return 1;       // blanks last, whatever the direction
            else if (nb === null) return -1;
            else r = na - nb;
          } else {
            r = norm(va).localeCompare(norm(vb), 'id');
          }
          return direction === 'naik' ? r : -r;
        });
      }
      rows.forEach(function (r) { body.appendChild(r); });
      heads.forEach(function (h) {
        h.removeAttribute('aria-sort');
        h.querySelector('button').setAttribute('data-arah', '');
      });
      if (direction) {
        head.setAttribute('aria-sort', direction === 'naik' ? 'ascending' : 'descending');
        head.querySelector('button').setAttribute('data-arah', direction);
      }
    }
    heads.forEach(function (head, i) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      while (head.firstChild) button.appendChild(head.firstChild);
      head.appendChild(button);
      button.addEventListener('click', function () {
        var now = button.getAttribute('data-arah');
        var next = now === 'naik' ? 'turun' : now === 'turun' ? '' : 'naik';
        sortBy(head, next);
        remember(function (q) {
          var key = 'urut' + (index || '');
          if (next) q.set(key, i + '.' + next); else q.delete(key);
        });
      });
    });
    var p = params();
    var saved = p && p.get('urut' + (index || ''));
    if (saved) {
      var parts = saved.split('.');
      var head = heads[parseInt(parts[0], 10)];
      if (head && (parts[1] === 'naik' || parts[1] === 'turun')) sortBy(head, parts[1]);
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-filter]'), setupFilters);
    Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), setupSort);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
