// Unit and household pickers (templates/fragments/picker.html, ADR 0025): htmx fetches the
// suggestions as one types; this script shows them, moves through them with the arrow keys, and
// puts the chosen one's id (a household: its code) in the hidden field. No inline script: the
// Content-Security-Policy allows scripts from files only.
(function () {
  'use strict';

  function pickerOf(el) { return el && el.closest ? el.closest('[data-picker]') : null; }
  function listOf(p) { return p.querySelector('.picker-list'); }
  function inputOf(p) { return p.querySelector('[data-picker-input]'); }
  function options(p) { return Array.prototype.slice.call(listOf(p).querySelectorAll('[role=option]')); }

  function open(p, yes) {
    var list = listOf(p);
    var input = inputOf(p);
    list.hidden = !yes;
    input.setAttribute('aria-expanded', yes ? 'true' : 'false');
    if (!yes) { input.removeAttribute('aria-activedescendant'); }
  }

  function activate(p, index) {
    var all = options(p);
    if (!all.length) { return; }
    var i = (index + all.length) % all.length;
    all.forEach(function (o, k) {
      o.classList.toggle('active', k === i);
      o.setAttribute('aria-selected', k === i ? 'true' : 'false');
    });
    inputOf(p).setAttribute('aria-activedescendant', all[i].id);
    if (all[i].scrollIntoView) { all[i].scrollIntoView({ block: 'nearest' }); }
  }

  function activeIndex(p) {
    var all = options(p);
    for (var i = 0; i < all.length; i++) { if (all[i].classList.contains('active')) { return i; } }
    return -1;
  }

  function choose(p, option) {
    var input = inputOf(p);
    var id = option.getAttribute('data-id');
    var label = option.getAttribute('data-label');
    p.querySelector('[data-picker-value]').value = id;
    input.value = label;
    input.setAttribute('data-chosen', label);
    open(p, false);
  }

  function init(root) {
    var values = (root || document).querySelectorAll('[data-picker] [data-picker-value][data-name]');
    for (var i = 0; i < values.length; i++) { values[i].name = values[i].getAttribute('data-name'); }
    var inputs = (root || document).querySelectorAll('[data-picker] [data-picker-input]');
    for (var k = 0; k < inputs.length; k++) { inputs[k].setAttribute('data-chosen', inputs[k].value); }
  }

  document.addEventListener('DOMContentLoaded', function () { init(document); });

  // suggestions arrived: show them (or hide an empty list), the first one active
  document.addEventListener('htmx:afterSwap', function (e) {
    var list = e.target;
    if (!list.classList || !list.classList.contains('picker-list')) { return; }
    var p = pickerOf(list);
    var input = inputOf(p);
    var typing = document.activeElement === input && input.value.trim() !== '';
    open(p, typing && list.children.length > 0);
    if (typing) { activate(p, 0); }
  });

  document.addEventListener('input', function (e) {
    var p = pickerOf(e.target);
    if (!p || !e.target.hasAttribute('data-picker-input')) { return; }
    // the text no longer names the chosen unit: nothing is chosen until one is picked again
    if (e.target.value !== e.target.getAttribute('data-chosen')) {
      p.querySelector('[data-picker-value]').value = '';
    }
    if (e.target.value.trim() === '') { open(p, false); }
  });

  document.addEventListener('keydown', function (e) {
    var p = pickerOf(e.target);
    if (!p || !e.target.hasAttribute('data-picker-input')) { return; }
    var list = listOf(p);
    if (e.key === 'ArrowDown' || e.key === 'Down') {
      e.preventDefault();
      if (list.hidden && options(p).length) { open(p, true); activate(p, 0); } else { activate(p, activeIndex(p) + 1); }
    } else if (e.key === 'ArrowUp' || e.key === 'Up') {
      e.preventDefault();
      activate(p, activeIndex(p) - 1);
    } else if (e.key === 'Enter') {
      var i = activeIndex(p);
      if (!list.hidden && i >= 0) { e.preventDefault(); choose(p, options(p)[i]); }
    } else if (e.key === 'Escape' || e.key === 'Esc') {
      if (!list.hidden) { e.preventDefault(); open(p, false); }
    }
  });

  // mousedown (before the box loses focus) chooses an option
  document.addEventListener('mousedown', function (e) {
    var option = e.target.closest ? e.target.closest('.picker-list [role=option]') : null;
    if (option) { e.preventDefault(); choose(pickerOf(option), option); }
  });

  document.addEventListener('click', function (e) {
    var clear = e.target.closest ? e.target.closest('[data-picker-clear]') : null;
    if (!clear) { return; }
    var p = pickerOf(clear);
    p.querySelector('[data-picker-value]').value = '';
    var input = inputOf(p);
    input.value = '';
    input.setAttribute('data-chosen', '');
    open(p, false);
    input.focus();
  });

  document.addEventListener('focusout', function (e) {
    var p = pickerOf(e.target);
    if (!p || !e.target.hasAttribute('data-picker-input')) { return; }
    setTimeout(function () { if (!p.contains(document.activeElement)) { open(p, false); } }, 150);
  });
})();
