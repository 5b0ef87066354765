"""Inline CSS and JavaScript of the annotated article page (no external file, no network)."""
from __future__ import annotations

CSS = """
:root { --ink:#1f2328; --muted:#57606a; --fig:#fde68a; --fig-line:#b45309; --lo:#6b7280; --focus:#1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 76rem; padding: 1rem 1.25rem 3rem; color: var(--ink); line-height: 1.6;
  font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, "Noto Sans CJK SC", sans-serif; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: .4rem 0 .6rem; }
h2 { font-size: 1.15rem; margin: 1.2rem 0 .5rem; }
nav a, footer a { color: var(--focus); }
.small, .note { font-size: .88rem; color: var(--muted); }
q { quotes: "\\201C" "\\201D"; font-style: normal; }
:lang(zh-CN) { font-style: normal; }
.legend ul { list-style: none; padding: 0; margin: 0; display: grid; gap: .3rem; }
.legend li { display: flex; gap: .6rem; align-items: baseline; }
.sample { flex: none; }
.d-sample { flex: none; font-weight: 700; padding: 0 .35rem; border: 1px solid #d0d7de; border-radius: 3px; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; gap: 2rem; align-items: start; }
.article-text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.08rem; line-height: 1.9; }
.fig { background: var(--fig); color: inherit; text-decoration: none; border-bottom: 2px solid var(--fig-line);
  border-radius: 2px; padding: 0 1px; margin: 0 1px; cursor: pointer; }
.fig:hover { background: #fcd34d; }
.fig:focus-visible, .left-out:focus-visible, .fig:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
.fig.current, .left-out.current { box-shadow: 0 0 0 2px var(--focus); }
.left-out { border-bottom: 2px dotted var(--lo); color: #4b5563; cursor: help; }
.date { background: #e0efe4; border-bottom: 2px solid #2f7a4a; border-radius: 2px; cursor: help; }
.date:focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }
.date.current { box-shadow: 0 0 0 2px var(--focus); }
.side { position: sticky; top: .5rem; max-height: calc(100vh - 1rem); overflow: auto; font-size: .92rem;
  border-left: 1px solid #d0d7de; padding-left: 1rem; }
ol.derived { padding-left: 1.2rem; margin: 0; }
ol.derived > li { margin: 0 0 .8rem; }
ol.derived > li:target { background: #eef2ff; }
.d-label { margin: 0; font-weight: 600; }
.d-formula { margin: .1rem 0; }
.d-value { font-weight: 700; }
.d-formula a, .inputs a { background: var(--fig); color: inherit; text-decoration: none;
  border-bottom: 1px solid var(--fig-line); }
.inputs { margin: .1rem 0; padding-left: 1rem; font-size: .85rem; color: var(--muted); }
.flag { font-size: .75rem; font-weight: 600; color: #9a3412; border: 1px solid #fdba74; border-radius: 3px;
  padding: 0 .3rem; }
.table-wrap { overflow-x: auto; }
table.figures { border-collapse: collapse; width: 100%; font-size: .88rem; }
table.figures th, table.figures td { border-bottom: 1px solid #d0d7de; padding: .3rem .45rem; text-align: left;
  vertical-align: top; }
table.figures th { background: #f6f8fa; }
table.figures tr:target { background: #fff7d6; }
td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
table.figures td:first-child { white-space: nowrap; }
table.figures td:nth-child(2) { min-width: 10em; }
table.figures td:nth-child(4) { min-width: 9em; }
td a[href^="#fig-"] { background: var(--fig); color: inherit; text-decoration: none;
  border-bottom: 2px solid var(--fig-line); }
code { font-size: .85em; color: var(--muted); overflow-wrap: anywhere; }
.tip { position: absolute; z-index: 10; max-width: min(26rem, calc(100vw - 1rem)); background: #fff;
  border: 1px solid #8c959f; border-radius: 6px; box-shadow: 0 6px 24px rgba(0,0,0,.18);
  padding: .6rem .8rem; font-size: .88rem; line-height: 1.45; }
.tip p { margin: .2rem 0; }
.tip .tip-title { font-weight: 700; }
.tip dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .6rem; margin: .3rem 0; }
.tip dt { color: var(--muted); }
.tip dd { margin: 0; }
.offs { color: var(--muted); font-size: .8rem; }
@media (max-width: 52rem) {
  body { padding: .75rem .8rem 2rem; }
  h1 { font-size: 1.3rem; }
  .layout { grid-template-columns: 1fr; gap: .5rem; }
  .side { position: static; max-height: none; overflow: visible; border-left: 0; padding-left: 0;
    border-top: 1px solid #d0d7de; }
  .article-text { font-size: 1.02rem; }
  table.figures { font-size: .8rem; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav, #tip, #tips { display: none !important; }
  .layout { display: block; }
  .side { position: static; max-height: none; overflow: visible; border: 0; padding: 0; font-size: 9pt; }
  .article-text { font-size: 10.5pt; line-height: 1.75; }
  a { color: inherit; text-decoration: none; }
  .fig:focus, .fig.current { outline: none; box-shadow: none; }
  .table-wrap { overflow: visible; }
  table.figures { font-size: 8pt; }
  table.figures td:nth-child(2), table.figures td:nth-child(4) { min-width: 0; width: 20%; }
  table.figures tr, ol.derived > li { break-inside: avoid; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
}
"""

JS = """
(function () {
  var tip = document.getElementById('tip');
  var current = null, hideTimer = null, touch = false;
  function place(el) {
    var r = el.getBoundingClientRect(), sx = window.scrollX, sy = window.scrollY;
    var vw = document.documentElement.clientWidth, w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.max(sx + 8, Math.min(r.left + sx, sx + vw - w - 8));
    var top = r.bottom + sy + 6;
    if (r.bottom + h + 8 > window.innerHeight && r.top > h + 8) { top = r.top + sy - h - 6; }
    tip.style.left = left + 'px'; tip.style.top = top + 'px';
  }
  function show(el) {
    clearTimeout(hideTimer);
    var src = document.getElementById(el.getAttribute('data-tip'));
    if (!src) { return; }
    if (current && current !== el) { current.classList.remove('current'); current.removeAttribute('aria-expanded'); }
    tip.innerHTML = src.innerHTML;
    tip.setAttribute('lang', document.documentElement.lang);
    tip.hidden = false; current = el;
    el.classList.add('current'); el.setAttribute('aria-expanded', 'true');
    place(el);
  }
  function hide() {
    if (current) { current.classList.remove('current'); current.removeAttribute('aria-expanded'); delete current.dataset.armed; }
    tip.hidden = true; current = null;
  }
  function later() { clearTimeout(hideTimer); hideTimer = setTimeout(hide, 350); }
  var marks = document.querySelectorAll('[data-tip]');
  Array.prototype.forEach.call(marks, function (el) {
    // hover with a mouse only: a tap also sends pointer events, which must not close the box it opens
    el.addEventListener('pointerenter', function (e) { if (e.pointerType === 'mouse') { show(el); } });
    el.addEventListener('pointerleave', function (e) { if (e.pointerType === 'mouse') { later(); } });
    el.addEventListener('focus', function () { show(el); });
    el.addEventListener('blur', function (e) { if (!tip.contains(e.relatedTarget)) { later(); } });
    el.addEventListener('pointerdown', function (e) { touch = e.pointerType !== 'mouse'; });
    el.addEventListener('click', function (e) {
      // a first tap on a touch screen opens the box; a second one follows the link
      if (touch && !el.dataset.armed) { e.preventDefault(); el.dataset.armed = '1'; show(el); return; }
      var href = el.getAttribute('data-href');
      if (href) { location.hash = href; }
    });
    el.addEventListener('keydown', function (e) {
      var href = el.getAttribute('data-href');
      if ((e.key === 'Enter' || e.key === ' ') && href) { e.preventDefault(); location.hash = href; }
    });
  });
  tip.addEventListener('pointerenter', function () { clearTimeout(hideTimer); });
  tip.addEventListener('pointerleave', function (e) { if (e.pointerType === 'mouse') { later(); } });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && current) { var el = current; hide(); el.focus({preventScroll: true}); hide(); }
  });
  document.addEventListener('click', function (e) {
    if (current && !tip.contains(e.target) && !current.contains(e.target)) { hide(); }
  });
  window.addEventListener('resize', function () { if (current) { place(current); } });
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.hasAttribute('data-tip')) { el.scrollIntoView({block: 'center'}); el.focus({preventScroll: true}); show(el); }
  }
  window.addEventListener('hashchange', fromHash);
  // after the browser's own jump to the fragment, so the highlight ends up mid-screen with its box
  window.addEventListener('load', function () { setTimeout(fromHash, 50); });
})();
"""
