// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});
// Selects marked data-autosubmit send their form when changed; buttons marked data-print print
// the page; links marked data-back go back (no inline handlers: the Content-Security-Policy
// allows scripts from files only).
document.addEventListener('change', function (e) {
  var t = e.target;
  if (t && t.form && t.hasAttribute && t.hasAttribute('data-autosubmit')) { t.form.submit(); }
});
document.addEventListener('click', function (e) {
  var t = e.target && e.target.closest ? e.target.closest('[data-print]') : null;
  if (t) { e.preventDefault(); window.print(); return; }
  var back = e.target && e.target.closest ? e.target.closest('[data-back]') : null;
  if (back) { e.preventDefault(); window.history.back(); }
});
