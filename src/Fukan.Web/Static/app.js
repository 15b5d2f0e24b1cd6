// Fukan dashboard behaviour. Loaded from /static/app.js (the Content-Security-Policy allows no inline script).
// Only text and server-built URLs are touched; document strings are never evaluated or written as HTML here.
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState !== 'loading') fn(); else document.addEventListener('DOMContentLoaded', fn);
  }

  ready(function () {
    // Reader: bring the highlighted lines (?lines=A-B) into view, again once fonts and layout have settled
    // (a long document reflows when the CJK fonts arrive).
    var first = document.querySelector('.line.hl');
    if (first) {
      var show = function () { first.scrollIntoView({ block: 'center' }); };
      show();
      window.addEventListener('load', show);
      if (document.fonts && document.fonts.ready) document.fonts.ready.then(show);
    }

    // Filter forms submit themselves when a choice changes (number inputs after a short pause).
    document.querySelectorAll('form[data-autosubmit]').forEach(function (form) {
      var timer = null;
      form.addEventListener('change', function (e) {
        if (e.target && e.target.type === 'number') {
          clearTimeout(timer);
          timer = setTimeout(function () { form.requestSubmit(); }, 300);
        } else {
          form.requestSubmit();
        }
      });
    });

    // Search as you type: fetch the server-rendered result list (HTML the server escaped) for the current query.
    var live = document.querySelector('input[data-live]');
    var results = document.getElementById('results');
    if (live && results) {
      var pending = null, seq = 0;
      live.addEventListener('input', function () {
        clearTimeout(pending);
        pending = setTimeout(function () {
          var q = live.value.trim();
          if (q.length < 2) return;
          var mine = ++seq;
          fetch('/search?fragment=1&q=' + encodeURIComponent(q), { headers: { 'Accept': 'text/html' } })
            .then(function (r) { return r.ok ? r.text() : null; })
            .then(function (html) {
              if (html === null || mine !== seq) return;
              var doc = new DOMParser().parseFromString(html, 'text/html');
              var fresh = doc.getElementById('results');
              if (fresh) results.replaceWith(document.importNode(fresh, true));
              results = document.getElementById('results');
              history.replaceState(null, '', '/search?q=' + encodeURIComponent(q));
            })
            .catch(function () { /* typing on; the form still works */ });
        }, 250);
      });
    }
  });
})();
