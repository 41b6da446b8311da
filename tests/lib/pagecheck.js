// pagecheck.js - the checks pagecheck.py runs inside a loaded report
// page (from the DevTools side: the page itself runs no script).  Each
// function returns an object of name: value, values that do not depend
// on the machine (counts, yes/no, the first problem found).

function rgba(s) {
  const m = s.match(/rgba?\(([^)]*)\)/);
  if (!m) return [0, 0, 0, 0];
  const v = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
  return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1];
}

function luminance(c) {
  const ch = (v) => {
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
}

function ratio(a, b) {
  const la = luminance(a), lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

// The colour behind el: its and its ancestors' backgrounds, composited
// over white (what the canvas is when nothing is set).
function background(el) {
  const layers = [];
  for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  let out = [255, 255, 255];
  for (let i = layers.length - 1; i >= 0; i--) {
    const a = layers[i][3];
    out = out.map((v, k) => layers[i][k] * a + v * (1 - a));
  }
  return out;
}

function ownText(el) {
  for (const n of el.childNodes)
    if (n.nodeType === 3 && n.textContent.trim()) return true;
  return false;
}

// Text whose colour fails WCAG AA (4.5:1, 3:1 for large text).
function lowContrast() {
  const bad = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (!ownText(el) || !el.getClientRects().length) continue;
    const st = getComputedStyle(el);
    if (st.visibility === "hidden") continue;
    const size = parseFloat(st.fontSize), bold = Number(st.fontWeight) >= 700;
    const need = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
    const r = ratio(rgba(st.color), background(el));
    if (r < need) bad.push(el.tagName.toLowerCase() + " " + r.toFixed(2));
  }
  return bad;
}

// One h1, first; no level skipped on the way down.
function headings() {
  const hs = [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")];
  if (!hs.length) return "none";
  if (document.querySelectorAll("h1").length !== 1) return "h1 count";
  let prev = 0;
  for (const h of hs) {
    const lv = Number(h.tagName[1]);
    if (prev === 0 && lv !== 1) return "starts at h" + lv;
    if (lv > prev + 1) return "h" + prev + " to h" + lv;
    if (!h.textContent.trim()) return "empty h" + lv;
    prev = lv;
  }
  return "in order";
}

// A data cell is announced with a header: a column header (th
// scope=col in the same column of the thead) or a row header (th
// scope=row in its row), or explicit headers=.
function cellsWithoutHeader() {
  let n = 0;
  for (const td of document.querySelectorAll("td")) {
    if (td.hasAttribute("headers")) continue;
    const tr = td.parentElement;
    if (tr.querySelector(":scope > th[scope=row]")) {
      // its row header; a column header too when the table has a thead
      const thead = td.closest("table").tHead;
      if (!thead) continue;
    }
    const table = td.closest("table");
    const head = table.tHead && table.tHead.rows[0];
    const th = head && head.cells[td.cellIndex];
    if (!th || th.tagName !== "TH" || th.getAttribute("scope") !== "col" ||
        !th.textContent.trim()) n++;
  }
  return n;
}

function tablesUnlabelled() {
  let n = 0;
  for (const t of document.querySelectorAll("table")) {
    const cap = t.caption && t.caption.textContent.trim();
    const by = t.getAttribute("aria-labelledby");
    const lab = by && document.getElementById(by);
    if (!cap && !(lab && lab.textContent.trim()) &&
        !(t.getAttribute("aria-label") || "").trim()) n++;
  }
  return n;
}

// Things that mean something must say it in words: badges, links,
// images; colour swatches are decoration beside their words.
function wordless() {
  let n = 0;
  for (const el of document.querySelectorAll(".badge,a,button"))
    if (!el.textContent.trim() && !el.getAttribute("aria-label")) n++;
  for (const img of document.querySelectorAll("img,svg,[role=img]"))
    if (!(img.getAttribute("alt") || img.getAttribute("aria-label"))) n++;
  for (const sw of document.querySelectorAll(".swatch"))
    if (sw.getAttribute("aria-hidden") !== "true" ||
        !sw.parentElement.textContent.trim()) n++;
  return n;
}

// The ranking's header row stays in view when the page is scrolled.
function stickyHeader() {
  const th = document.querySelector("table.ranking thead th");
  if (!th) return null;
  const last = document.querySelector("table.ranking tbody tr:last-child");
  last.scrollIntoView();
  const top = th.getBoundingClientRect().top;
  const scrolled = window.scrollY;
  window.scrollTo(0, 0);
  return scrolled > 0 && top >= 0 && top < 2 ? "yes" :
    "no (top " + top + ", scrolled " + scrolled + ")";
}

function firstFocusable() {
  return document.querySelector("a[href],button,input,select,textarea");
}

function pageChecks() {
  const low = lowContrast();
  const skip = firstFocusable();
  const target = skip && skip.getAttribute("href") === "#main" &&
    document.getElementById("main");
  const out = {
    styled: getComputedStyle(document.body).fontFamily.includes("system-ui")
      ? "yes" : "no",
    lang: document.documentElement.lang || "none",
    hscroll: document.scrollingElement.scrollWidth > window.innerWidth
      ? "yes" : "no",
    headings: headings(),
    "cells-without-header": cellsWithoutHeader(),
    "th-without-scope":
      document.querySelectorAll("th:not([scope])").length,
    "tables-unlabelled": tablesUnlabelled(),
    wordless: wordless(),
    "skip-link": target && target.tagName === "MAIN" ? "yes" : "no",
    "low-contrast": low.length ? low.length + " (" + low[0] + ")" : 0,
  };
  const sticky = stickyHeader();
  if (sticky) out["sticky-header"] = sticky;
  return out;
}

// After one Tab: the skip link has focus, is on screen, has a ring.
function focusChecks() {
  const el = document.activeElement;
  const st = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    "tab-focus": el.classList.contains("skip") ? "skip link" :
      el.tagName.toLowerCase(),
    "focus-visible": r.top >= 0 && r.bottom <= window.innerHeight &&
      st.outlineStyle !== "none" && parseFloat(st.outlineWidth) >= 2
      ? "yes" : "no",
  };
}

// Under print media: no skip link, no sticky header, highlights and
// badges keep their colours.
function printChecks() {
  const skip = document.querySelector(".skip");
  const th = document.querySelector("table.ranking thead th");
  const kept = [...document.querySelectorAll("mark,.badge,.swatch")]
    .every((e) => getComputedStyle(e).printColorAdjust === "exact");
  return {
    print: (!skip || getComputedStyle(skip).display === "none") &&
      (!th || getComputedStyle(th).position === "static") && kept
      ? "ok" : "not ok",
  };
}
