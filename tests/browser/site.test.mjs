// End-to-end browser tests for the site pepgen generates.
//
// Run:  bash scripts/browser-test.sh            (installs what is missing, builds a fresh site, runs this)
//   or: PEPGEN_SITE=/path/to/site node --test tests/browser/
//
// The site directory comes from $PEPGEN_SITE (default: <repo>/site). Nothing about the example data is
// hard-coded: LSP ids, rounds, categories, IK values, guidance/statistics pages and datasets are discovered
// from the site itself (data/indeks-*.json, lsp/index.html, indikator/index.html, the file tree).
//
// Chromium is Debian's /usr/bin/chromium (override with $CHROMIUM), driven by playwright-core. Every
// request that leaves 127.0.0.1:<our port> is aborted and fails the page's test.
//
// ---------------------------------------------------------------------------------------------------
// Contract for interactive parts. Each group of tests lights up as soon as the markup appears on any
// page, and is reported as skipped (with the reason) until then.
//
//  Table filter
//    <form data-filter>                        container (any element; a form is natural). Optional
//      <input data-filter-input>               data-filter="<CSS selector>" names the table(s) to filter.
//      <select data-filter-select="provinsi">  optional drop-downs
//      <button data-filter-reset>              optional: clears every field
//    </form>
//    Rows filtered: `tbody tr` of the element(s) named by the data-filter value; else the rows inside the
//    container; else the rows of every `table[data-filterable]` on the page. A row is hidden with the
//    `hidden` attribute or display:none. The container may be `hidden` in the HTML (no-JS fallback) but
//    must be visible once the page has loaded.
//    Tested: typing a string that matches nothing leaves 0 rows; typing the longest word of the last row's
//    header cell (e.g. the LSP name) leaves >= 1 row; clearing restores the original count; for each
//    <select>, some option changes the visible row count and reset (or the empty option) restores it.
//
//  Sortable columns
//    <th data-sort="teks|angka"> (also accepted: text|number). Clicking the th's <button> (the script may
//    insert it; the th itself is clicked when there is none) sorts the rows of that table by the column and
//    sets aria-sort="ascending"|"descending" on the th; clicking again reverses. A cell's sort key is its
//    data-nilai (or data-value) attribute when present, else its text. "angka" keys are Indonesian
//    numbers ("1.234", "88,3%", "−3"); cells without a number are ignored by the order check.
//    Tested: for every th[data-sort] of the first sortable table on each page, two clicks give
//    ascending and descending order (by the key above) and two different row orders.
//
//  Search
//    <form role="search" action="…"> with an <input name="q">. Submitting (Enter) shows results, on the
//    same page or on the page the form navigates to (e.g. cari/index.html?q=…), inside
//    [data-search-results]; each result is a `[data-search-result]` element or else an `li` in it.
//    Tested from the home page's form and from the results page's own form: the longest word of a known
//    LSP name gives >= 1 result; a nonsense word gives 0.
// ---------------------------------------------------------------------------------------------------
//
// Artifacts (screenshots, the printed PDF) go to $PEPGEN_ARTIFACTS (default <repo>/tests/artifacts/,
// git-ignored).

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { HtmlValidate } from 'html-validate';
import { startServer } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const SITE = path.resolve(process.env.PEPGEN_SITE || path.join(REPO, 'site'));
const ARTIFACTS = path.resolve(process.env.PEPGEN_ARTIFACTS || path.join(REPO, 'tests', 'artifacts'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE_PATH = path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js');
const HTMLVALIDATE_CONFIG = path.join(HERE, '.htmlvalidate.json');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const NARROW = 360;
const WIDE = 1280;
const PAGE_TIMEOUT = 30_000;
const TEST_TIMEOUT = 120_000;

// ------------------------------------------------------------------------------------------------
// Static helpers (no browser)
// ------------------------------------------------------------------------------------------------

const exists = (rel) => fs.existsSync(path.join(SITE, rel));
const read = (rel) => fs.readFileSync(path.join(SITE, rel), 'utf8');

function walk(dir, out = []) {
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    if (ent.name.startsWith('.')) continue; // .pepgen-manifest, temp dirs
    const p = path.join(dir, ent.name);
    if (ent.isDirectory()) walk(p, out);
    else if (ent.isFile()) out.push(p);
  }
  return out;
}

const toRel = (abs) => path.relative(SITE, abs).split(path.sep).join('/');

function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// All href/src/srcset(-ish) URL attributes of an HTML document, with 1-based line numbers.
function urlAttributes(html) {
  const found = [];
  const re = /\s(href|src|xlink:href|poster|action|data)\s*=\s*("([^"]*)"|'([^']*)')/gi;
  let m;
  while ((m = re.exec(html))) {
    const value = decodeEntities(m[3] ?? m[4] ?? '');
    const line = html.slice(0, m.index).split('\n').length;
    found.push({ attr: m[1].toLowerCase(), value, line });
  }
  // srcset: comma-separated "url [descriptor]" list
  const reSet = /\ssrcset\s*=\s*("([^"]*)"|'([^']*)')/gi;
  while ((m = reSet.exec(html))) {
    const line = html.slice(0, m.index).split('\n').length;
    for (const part of decodeEntities(m[2] ?? m[3] ?? '').split(',')) {
      const u = part.trim().split(/\s+/)[0];
      if (u) found.push({ attr: 'srcset', value: u, line });
    }
  }
  return found;
}

const idCache = new Map();
function idsOf(rel) {
  if (!idCache.has(rel)) {
    const html = read(rel);
    const ids = new Set();
    for (const m of html.matchAll(/\s(?:id|name)\s*=\s*("([^"]*)"|'([^']*)')/gi)) ids.add(decodeEntities(m[2] ?? m[3]));
    idCache.set(rel, ids);
  }
  return idCache.get(rel);
}

// Relative links found in one page, filtered by a regex on the resolved site-relative path.
function linksFrom(rel, filter) {
  const out = [];
  for (const { value } of urlAttributes(read(rel))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//') || value.startsWith('#')) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), value.split('#')[0].split('?')[0]));
    if (filter.test(target) && !out.includes(target)) out.push(target);
  }
  return out;
}

function countColumns(rel) {
  return (read(rel).match(/<th\b[^>]*scope="col"/g) || []).length;
}

function sh(cmd, args) {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function have(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const norm = (s) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

// ------------------------------------------------------------------------------------------------
// Discovery: everything the tests need to know, read from the site
// ------------------------------------------------------------------------------------------------

function discover() {
  const problems = [];
  if (!fs.existsSync(path.join(SITE, 'index.html'))) {
    throw new Error(`No site at ${SITE} (index.html missing). Build it first or set PEPGEN_SITE.`);
  }
  const files = walk(SITE).map(toRel).sort();
  const htmlFiles = files.filter((f) => f.endsWith('.html'));

  // Rounds from data/indeks-<periode>.json
  const rounds = files
    .filter((f) => /^data\/indeks-[^/]+\.json$/.test(f))
    .map((f) => ({ file: f, ...JSON.parse(read(f)) }))
    .sort((a, b) => String(a.tanggal ?? a.periode).localeCompare(String(b.tanggal ?? b.periode)));
  if (!rounds.length) problems.push('no data/indeks-*.json found');
  const routine = rounds.filter((r) => r.jenis === 'rutin');
  const incidentalRounds = rounds.filter((r) => r.jenis !== 'rutin');
  const latestRoutine = routine.at(-1);

  // Scorecards linked from the LSP directory
  const scorecards = exists('lsp/index.html') ? linksFrom('lsp/index.html', /^lsp\/[^/]+\/index\.html$/) : [];
  if (!scorecards.length) problems.push('lsp/index.html links to no scorecard (lsp/<id>/index.html)');
  const scorecardOf = (id) => `lsp/${id}/index.html`;
  const listed = (id) => scorecards.includes(scorecardOf(id)) && exists(scorecardOf(id));
  const inIncidental = new Set(incidentalRounds.flatMap((r) => r.hasil.map((h) => h.lsp)));

  // Complete: complete sheet in the latest routine round (its scorecard headline shows that round);
  // prefer an LSP that has no incidental evaluation, so the headline is unambiguous.
  let complete = null;
  if (latestRoutine) {
    const candidates = latestRoutine.hasil.filter((h) => h.lengkap && h.ik != null && listed(h.lsp));
    const pick = candidates.find((h) => !inIncidental.has(h.lsp)) ?? candidates[0];
    if (pick) complete = { id: pick.lsp, name: pick.nama, ik: pick.ik, category: pick.kategori, round: latestRoutine };
  }
  if (!complete) problems.push('no complete score sheet (lengkap: true) in the latest routine round');

  // Incomplete: prefer the latest routine round, then any round (newest first)
  let incomplete = null;
  for (const r of [latestRoutine, ...[...rounds].reverse()].filter(Boolean)) {
    const h = r.hasil.find((x) => x.lengkap === false && listed(x.lsp));
    if (h) {
      incomplete = { id: h.lsp, name: h.nama, round: r };
      break;
    }
  }

  // Incidental: an LSP evaluated in a non-routine round
  let incidental = null;
  for (const r of [...incidentalRounds].reverse()) {
    const h = r.hasil.find((x) => listed(x.lsp));
    if (h) {
      incidental = { id: h.lsp, name: h.nama, round: r };
      break;
    }
  }

  const indicators = exists('indikator/index.html') ? linksFrom('indikator/index.html', /^indikator\/[^/]+\/index\.html$/) : [];
  const guides = files.filter((f) => /^panduan\/[^/]+\/index\.html$/.test(f));
  const statReports = files.filter((f) => /^statistik\/[^/]+\/index\.html$/.test(f));
  const datasets = files.filter((f) => /^statistik\/tabel\/[^/]+\/index\.html$/.test(f));
  // The dataset page with the most columns: the hardest one for the 360px layout.
  const dataset = [...datasets].sort((a, b) => countColumns(b) - countColumns(a) || a.localeCompare(b))[0];

  // Page types under test (label -> site-relative path)
  const pages = [];
  const add = (key, label, rel, note) => {
    if (rel && exists(rel)) pages.push({ key, label, rel });
    else problems.push(`page type "${label}" not found${note ? ` (${note})` : ''}`);
  };
  add('home', 'home', 'index.html');
  if (exists('panduan/index.html')) add('guides', 'guidance index', 'panduan/index.html');
  if (!guides.length) problems.push('no guidance page panduan/*/index.html');
  for (const g of guides) add(`guide:${g.split('/')[1]}`, `guidance page ${g.split('/')[1]}`, g);
  add('indicators', 'indicator catalogue', 'indikator/index.html');
  add('indicator', `indicator page ${indicators[0]?.split('/')[1] ?? '?'}`, indicators[0], 'no indikator/<kode>/index.html linked from the catalogue');
  add('lsps', 'LSP directory', 'lsp/index.html');
  if (complete) add('scorecard-complete', `scorecard, complete (${complete.id})`, scorecardOf(complete.id));
  if (incomplete) add('scorecard-incomplete', `scorecard, incomplete (${incomplete.id})`, scorecardOf(incomplete.id));
  else problems.push('no incomplete score sheet (lengkap: false) in data/indeks-*.json');
  if (incidental) add('scorecard-incidental', `scorecard with incidental evaluation (${incidental.id})`, scorecardOf(incidental.id));
  else problems.push('no LSP in an incidental round (jenis != "rutin") in data/indeks-*.json');
  if (exists('penilaian/index.html')) add('rounds', 'round list', 'penilaian/index.html');
  if (latestRoutine) add('round', `round page ${latestRoutine.periode}`, `penilaian/${latestRoutine.periode}/index.html`);
  if (incidentalRounds.length) {
    const r = incidentalRounds.at(-1);
    add('round-incidental', `round page ${r.periode} (incidental)`, `penilaian/${r.periode}/index.html`);
  }
  add('categories', 'category table', 'kategori/index.html');
  add('stats', 'statistics index', 'statistik/index.html');
  if (!statReports.length) problems.push('no statistics report statistik/*/index.html');
  for (const s of statReports) add(`stats:${s.split('/')[1]}`, `statistics report ${s.split('/')[1]}`, s);
  add('dataset', `dataset page ${dataset?.split('/')[2] ?? '?'}`, dataset, 'no statistik/tabel/*/index.html');
  // Pages beyond the required list, covered when they exist.
  if (exists('cari/index.html')) add('search', 'search page', 'cari/index.html');
  if (exists('unduh/index.html')) add('downloads', 'downloads page', 'unduh/index.html');
  if (latestRoutine && exists(`penilaian/${latestRoutine.periode}/cetak/index.html`)) {
    add('round-print', `printable round ${latestRoutine.periode}`, `penilaian/${latestRoutine.periode}/cetak/index.html`);
  }
  // Publication: the errata page, a draft round under review, a scorecard with
  // a dispute notice and one with a correction history (when the site has them).
  if (exists('ralat/index.html')) add('errata', 'errata page', 'ralat/index.html');
  const draftRound = htmlFiles.find((f) => /^penilaian\/[^/]+\/index\.html$/.test(f) && read(f).includes('class="draft-banner"'));
  if (draftRound) add('round-draft', `draft round ${draftRound.split('/')[1]}`, draftRound);
  const disputed = scorecards.find((f) => exists(f) && read(f).includes('<div class="notice" role="note">'));
  if (disputed) add('scorecard-dispute', `scorecard with an open dispute (${disputed.split('/')[1]})`, disputed);
  const corrected = scorecards.find((f) => exists(f) && read(f).includes('<ul class="corrections">'));
  if (corrected) add('scorecard-corrected', `scorecard with corrections (${corrected.split('/')[1]})`, corrected);
  const notFound = exists('404.html') ? '404.html' : null;
  if (notFound) pages.push({ key: '404', label: '404 page', rel: '404.html' });

  return { files, htmlFiles, rounds, latestRoutine, complete, incomplete, incidental, pages, notFound, problems };
}

const D = discover();
const pageByKey = (k) => D.pages.find((p) => p.key === k);

// ------------------------------------------------------------------------------------------------
// Browser fixtures
// ------------------------------------------------------------------------------------------------

let server;
let browser;
let origin; // 'http://127.0.0.1:PORT'

before(async () => {
  server = await startServer(SITE);
  origin = server.url.replace(/\/$/, '');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const urlOf = (rel) => `${origin}/${rel}`;

// A fresh context + page that records console errors, failed requests and any foreign request.
async function openPage({ width = WIDE, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  const log = { consoleErrors: [], pageErrors: [], failed: [], badStatus: [], foreign: [] };
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(origin + '/')) return route.continue();
    const entry = `${route.request().method()} ${u}`;
    if (!log.foreign.includes(entry)) log.foreign.push(entry);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT);
  page.on('request', (req) => {
    const u = req.url();
    const entry = `${req.method()} ${u}`;
    if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:') && !log.foreign.includes(entry)) log.foreign.push(entry);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      log.consoleErrors.push(`${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err?.stack || err)));
  page.on('requestfailed', (req) => {
    if (!req.url().startsWith(origin + '/')) return; // reported as foreign
    log.failed.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) log.badStatus.push(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
  return { context, page, log };
}

async function withPage(opts, fn) {
  const { context, page, log } = await openPage(opts);
  try {
    return await fn(page, log);
  } finally {
    await context.close();
  }
}

async function load(page, rel) {
  const res = await page.goto(urlOf(rel), { waitUntil: 'load' });
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  return res;
}

function formatAxe(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact}] ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'})`);
    lines.push(`    ${v.helpUrl}`);
    for (const n of v.nodes.slice(0, 3)) {
      lines.push(`    target: ${n.target.join(' ')}`);
      lines.push(`      html: ${n.html.replace(/\s+/g, ' ').slice(0, 300)}`);
      const why = (n.any?.[0]?.message || n.all?.[0]?.message || n.none?.[0]?.message || n.failureSummary || '').replace(/\s+/g, ' ');
      if (why) lines.push(`      why:  ${why.slice(0, 300)}`);
    }
  }
  return lines.join('\n');
}

// Elements that stick out to the right of the viewport and are not inside a horizontal scroll box.
async function overflowCulprits(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const scrolls = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') return true;
      }
      return false;
    };
    const sel = (el) => {
      const parts = [];
      for (let e = el; e && e.nodeType === 1 && parts.length < 5; e = e.parentElement) {
        let s = e.localName;
        if (e.id) {
          parts.unshift(`${s}#${e.id}`);
          break;
        }
        const cls = [...e.classList].slice(0, 2).join('.');
        if (cls) s += '.' + cls;
        parts.unshift(s);
      }
      return parts.join(' > ');
    };
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= vw + 0.5 || scrolls(el)) continue;
      // Report the outermost offender only.
      if (out.some((o) => o.el.contains(el))) continue;
      out.push({ el, text: `${sel(el)} (right edge ${Math.round(r.right)}px, width ${Math.round(r.width)}px)` });
      if (out.length >= 8) break;
    }
    return out.map((o) => o.text);
  });
}

// ------------------------------------------------------------------------------------------------
// Tests
// ------------------------------------------------------------------------------------------------

test('discovery: the site has every page type under test', (t) => {
  t.diagnostic(`site: ${SITE}`);
  t.diagnostic(`${D.htmlFiles.length} HTML files, ${D.rounds.length} rounds (${D.rounds.map((r) => `${r.periode}/${r.jenis}`).join(', ')})`);
  t.diagnostic(`complete scorecard: ${D.complete?.id} (IK ${D.complete?.ik}, ${D.complete?.category}, round ${D.complete?.round.periode})`);
  t.diagnostic(`incomplete scorecard: ${D.incomplete?.id} (round ${D.incomplete?.round.periode})`);
  t.diagnostic(`scorecard with incidental evaluation: ${D.incidental?.id} (round ${D.incidental?.round.periode})`);
  t.diagnostic(`page types: ${D.pages.map((p) => p.rel).join(', ')}`);
  if (!D.notFound) t.diagnostic('404.html does not exist yet: the 404 page type is skipped');
  assert.deepEqual(D.problems, [], `Discovery problems:\n${D.problems.join('\n')}`);
});

for (const p of D.pages) {
  describe(`page: ${p.label} [${p.rel}]`, () => {
    // One desktop load serves both the load check and axe (the page is left as loaded, no interaction).
    let desktop;
    const loadDesktop = () =>
      (desktop ??= withPage({}, async (page, log) => {
        const res = await load(page, p.rel);
        const title = await page.title();
        const problems = [
          ...log.foreign.map((x) => `request to a host other than 127.0.0.1: ${x}`),
          ...log.failed.map((x) => `failed request: ${x}`),
          ...log.badStatus.map((x) => `HTTP error: ${x}`),
          ...log.pageErrors.map((x) => `page error: ${x}`),
          ...log.consoleErrors.map((x) => `console error: ${x}`),
        ];
        await page.addScriptTag({ path: AXE_PATH });
        const axe = await page.evaluate(
          async (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          AXE_TAGS,
        );
        return { status: res?.status(), title, problems, violations: axe.violations };
      }));

    test('loads with no console error, failed request or foreign request', { timeout: TEST_TIMEOUT }, async () => {
      const r = await loadDesktop();
      assert.equal(r.status, 200, `HTTP status of ${p.rel}`);
      assert.deepEqual(r.problems, [], `${p.rel}:\n${r.problems.join('\n')}`);
      assert.ok(r.title.trim().length > 0, `${p.rel} has an empty <title>`);
    });

    test(`axe-core (${AXE_TAGS.join(', ')}): zero violations`, { timeout: TEST_TIMEOUT }, async () => {
      const v = (await loadDesktop()).violations;
      assert.equal(v.length, 0, `${p.rel}: ${v.length} axe violation(s):\n${formatAxe(v)}`);
    });

    test(`no sideways page scroll at ${NARROW}px`, { timeout: TEST_TIMEOUT }, async () => {
      await withPage({ width: NARROW, height: 740 }, async (page) => {
        await load(page, p.rel);
        const sw = await page.evaluate(() => document.documentElement.scrollWidth);
        if (sw > NARROW) {
          const culprits = await overflowCulprits(page);
          assert.fail(
            `${p.rel}: document.documentElement.scrollWidth = ${sw} > ${NARROW}. ` +
              `Wide content must scroll inside its own .table-wrap / .chart-scroll box. Elements sticking out:\n` +
              culprits.map((c) => `  ${c}`).join('\n'),
          );
        }
      });
    });
  });
}

// Every text box of every chart, measured in the browser at both widths: no label may overlap another
// label or run past the edge of its chart. One page per width is reused, page after page.
describe('chart labels: no overlap, no overflow', () => {
  const chartPages = D.htmlFiles.filter((f) => read(f).includes('<svg class="chart'));
  test('the site has pages with charts', () => assert.ok(chartPages.length > 5, `only ${chartPages.length}`));
  for (const width of [NARROW, WIDE]) {
    test(`every SVG text box on ${chartPages.length} pages at ${width}px`, { timeout: 600_000 }, async () => {
      const problems = [];
      await withPage({ width, height: 900 }, async (page) => {
        for (const rel of chartPages) {
          await page.goto(urlOf(rel), { waitUntil: 'load' });
          const found = await page.evaluate(() => {
            const out = [];
            const eps = 0.5;
            for (const svg of document.querySelectorAll('svg.chart')) {
              const box = svg.getBoundingClientRect();
              const name = svg.querySelector('title')?.textContent ?? svg.id;
              const texts = [...svg.querySelectorAll('text')]
                .map((t) => ({ t: t.firstChild?.textContent ?? t.textContent, r: t.getBoundingClientRect() }))
                .filter((x) => x.r.width > 0 && x.r.height > 0);
              for (const x of texts) {
                if (x.r.left < box.left - eps || x.r.right > box.right + eps || x.r.top < box.top - eps || x.r.bottom > box.bottom + eps)
                  out.push(`"${name}": label "${x.t}" runs off the chart (${Math.round(x.r.left - box.left)}..${Math.round(x.r.right - box.left)} of ${Math.round(box.width)} px wide)`);
              }
              for (let i = 0; i < texts.length; i++)
                for (let j = i + 1; j < texts.length; j++) {
                  const a = texts[i].r, b = texts[j].r;
                  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                  if (w > 1 && h > 1) out.push(`"${name}": labels "${texts[i].t}" and "${texts[j].t}" overlap (${w.toFixed(1)} x ${h.toFixed(1)} px)`);
                }
            }
            return out;
          });
          for (const f of found) problems.push(`${rel}: ${f}`);
        }
      });
      assert.deepEqual(problems, [], `${problems.length} label problem(s) at ${width}px:\n${problems.slice(0, 40).join('\n')}`);
    });
  }
});

describe('screenshots (tests/artifacts/)', () => {
  const shots = [
    ['home', pageByKey('home')],
    [`scorecard-${D.complete?.id}`, pageByKey('scorecard-complete')],
    ['kategori', pageByKey('categories')],
    ['ralat', pageByKey('errata')],
    ['sanggahan', pageByKey('scorecard-dispute')],
    ['draf', pageByKey('round-draft')],
  ];
  for (const [name, p] of shots) {
    for (const width of [NARROW, WIDE]) {
      test(`${name} at ${width}px, full page`, { timeout: TEST_TIMEOUT, skip: p ? false : 'page type not found' }, async (t) => {
        await withPage({ width, height: 900 }, async (page) => {
          await load(page, p.rel);
          const file = path.join(ARTIFACTS, `${name}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          const size = fs.statSync(file).size;
          assert.ok(size > 1000, `${file} is suspiciously small (${size} bytes)`);
          t.diagnostic(`saved ${path.relative(REPO, file)} (${Math.round(size / 1024)} KiB)`);
        });
      });
    }
  }
});

describe('print: complete scorecard to A4 PDF', () => {
  const p = pageByKey('scorecard-complete');
  const tools = have('pdftotext') && have('pdfinfo');
  test(
    `scorecard ${D.complete?.id}: first page has IK and category, <= 3 pages, A4 width, no text cut`,
    { timeout: TEST_TIMEOUT, skip: !p ? 'no complete scorecard' : !tools ? 'pdftotext/pdfinfo missing (apt-get install poppler-utils)' : false },
    async (t) => {
      const pdf = path.join(ARTIFACTS, `scorecard-${D.complete.id}.pdf`);
      let screenWords;
      await withPage({}, async (page) => {
        await load(page, p.rel);
        await page.pdf({ path: pdf, format: 'A4', printBackground: true });
        // Text a reader of the printout must get: everything in <main> that is visible in print media.
        await page.emulateMedia({ media: 'print' });
        screenWords = await page.evaluate(() => {
          // Leave out visually hidden text (1px clipped captions etc.): it is not printed, by design.
          for (const el of document.querySelectorAll('main *')) {
            const r = el.getBoundingClientRect();
            const cs = getComputedStyle(el);
            const clipped = /^rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)$/.test(cs.clip) || /inset\(50%\)/.test(cs.clipPath);
            if (clipped || ((r.width <= 1 || r.height <= 1) && cs.overflow === 'hidden')) el.style.display = 'none';
          }
          return document.querySelector('main')?.innerText ?? document.body.innerText;
        });
      });

      const info = sh('pdfinfo', [pdf]);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts(.*)$/m.exec(info);
      const [w, h] = [Number(size?.[1]), Number(size?.[2])];
      t.diagnostic(`saved ${path.relative(REPO, pdf)}: ${pages} page(s), page size ${w} x ${h} pt${size?.[3] ?? ''}`);

      const first = norm(sh('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-']));
      const ik = D.complete.ik;
      const ikForms = [String(ik), ik.toLocaleString('id-ID')];
      assert.ok(ikForms.some((f) => new RegExp(`(^|[^\\d.,])${f.replace(/\./g, '\\.')}($|[^\\d.,])`).test(first)), `first PDF page lacks IK ${ik}:\n${first.slice(0, 1500)}`);
      assert.ok(first.includes(D.complete.category), `first PDF page lacks category "${D.complete.category}":\n${first.slice(0, 1500)}`);

      assert.ok(Math.abs(w - 595.28) < 1.5 && Math.abs(h - 841.89) < 1.5, `PDF page is not A4 portrait: ${w} x ${h} pt`);
      assert.ok(pages >= 1 && pages <= 3, `printed scorecard has ${pages} pages (limit 3)`);

      // No word may stick out of the page box (pdftotext keeps partially clipped words, with their boxes).
      const bbox = sh('pdftotext', ['-bbox', pdf, '-']);
      const cut = [];
      for (const pg of bbox.split('<page ').slice(1)) {
        const pw = Number(/width="([\d.]+)"/.exec(pg)[1]);
        for (const m of pg.matchAll(/<word xMin="([-\d.]+)" yMin="[-\d.]+" xMax="([-\d.]+)" yMax="[-\d.]+">([^<]*)<\/word>/g)) {
          if (Number(m[1]) < -0.5 || Number(m[2]) > pw + 0.5) cut.push(`"${decodeEntities(m[3])}" x ${m[1]}..${m[2]} (page width ${pw})`);
        }
      }
      assert.deepEqual(cut, [], `text cut at the page edge:\n${cut.slice(0, 20).join('\n')}`);

      // Every word of the printed page's text must be in the PDF (words wholly outside the page are
      // dropped by pdftotext, so a missing word means clipped content).
      const pdfText = norm(sh('pdftotext', [pdf, '-'])).toLowerCase();
      const pdfWords = new Set(pdfText.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
      const missing = [...new Set(norm(screenWords).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean))].filter(
        (wd) => !pdfWords.has(wd) && !pdfText.includes(wd),
      );
      assert.deepEqual(missing.slice(0, 30), [], `${missing.length} word(s) of the page are missing from the PDF (cut off?)`);
    },
  );
});

describe('keyboard', () => {
  test('first Tab on the home page focuses the skip link, with a visible focus indicator', { timeout: TEST_TIMEOUT }, async () => {
    await withPage({}, async (page) => {
      await load(page, 'index.html');
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement;
        const cs = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return {
          tag: el.localName,
          text: el.textContent.trim(),
          href: el.getAttribute('href'),
          outlineStyle: cs.outlineStyle,
          outlineWidth: parseFloat(cs.outlineWidth),
          box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
          vw: innerWidth,
          vh: innerHeight,
        };
      });
      assert.equal(first.tag, 'a', `first focusable element is <${first.tag}>, expected the skip link`);
      assert.equal(first.text, 'Lewati ke isi utama', 'first focusable element is not the skip link');
      assert.ok(first.outlineStyle !== 'none' && first.outlineWidth > 0, `focused skip link has no outline (outline-style ${first.outlineStyle}, width ${first.outlineWidth}px)`);
      assert.ok(first.box.left >= 0 && first.box.top >= 0 && first.box.right <= first.vw && first.box.bottom <= first.vh, `focused skip link is not on screen: ${JSON.stringify(first.box)}`);
      const target = first.href?.startsWith('#') ? first.href.slice(1) : null;
      assert.ok(target && (await page.$(`[id="${target}"]`)), `skip link target ${first.href} does not exist`);

      // The next focusable element is an ordinary link; it must show focus too.
      await page.keyboard.press('Tab');
      const second = await page.evaluate(() => {
        const el = document.activeElement;
        const cs = getComputedStyle(el);
        return { tag: el.localName, text: el.textContent.trim(), outlineStyle: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth) };
      });
      assert.equal(second.tag, 'a', `second focusable element is <${second.tag}>`);
      assert.ok(second.outlineStyle !== 'none' && second.outlineWidth > 0, `focused link "${second.text}" has no visible outline (outline-style ${second.outlineStyle})`);

      // Activating the skip link moves to the main content.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      // The fragment navigation lands after the key press returns: wait for it (briefly), then check.
      await page.waitForFunction((t) => location.hash === `#${t}`, target, { timeout: 2000 }).catch(() => {});
      assert.equal(new URL(page.url()).hash, `#${target}`, 'Enter on the skip link does not go to the main content');
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// Interactive parts (see the contract at the top of this file)
// ---------------------------------------------------------------------------------------------------

function pagesWith(re, limit = 4) {
  // Prefer the page types under test, then any other page, so the pages exercised are predictable.
  const ordered = [...new Set([...D.pages.map((p) => p.rel), ...D.htmlFiles])];
  return ordered.filter((f) => re.test(read(f))).slice(0, limit);
}

// Runs in the page: the rows a [data-filter] container filters (see the contract).
function filterRowsInPage(container) {
  const sel = container.getAttribute('data-filter');
  let rows;
  if (sel) rows = document.querySelectorAll(`${sel} tbody tr`);
  else if (container.querySelector('tbody tr')) rows = container.querySelectorAll('tbody tr');
  else rows = document.querySelectorAll('table[data-filterable] tbody tr');
  return [...rows];
}
const FILTER_ROWS_SRC = `(${filterRowsInPage.toString()})`;

const visibleRows = (handle) =>
  handle.evaluate((el, src) => {
    // eslint-disable-next-line no-eval
    const rows = (0, eval)(src)(el);
    return rows.filter((r) => !r.hidden && r.getClientRects().length > 0 && getComputedStyle(r).visibility !== 'hidden').length;
  }, FILTER_ROWS_SRC);

async function settle(page) {
  await page.waitForTimeout(250); // filters may debounce their input handler
}

describe('interactive: table filter [data-filter]', () => {
  const where = pagesWith(/\sdata-filter[\s=>]/);
  if (!where.length) {
    test('filter rows by typing', { skip: 'no [data-filter] in the site yet (see the contract at the top of site.test.mjs)' }, () => {});
  }
  for (const rel of where) {
    test(`${rel}: typing/choosing filters the rows, clearing restores them`, { timeout: TEST_TIMEOUT }, async (t) => {
      await withPage({}, async (page, log) => {
        await load(page, rel);
        const containers = page.locator('[data-filter]');
        const n = await containers.count();
        for (let i = 0; i < n; i++) {
          const box = containers.nth(i);
          const name = `[data-filter] #${i + 1}`;
          assert.ok(await box.isVisible(), `${name} is not visible after the page loaded (is the script running?)`);
          const input = box.locator('[data-filter-input]').first();
          assert.ok(await input.count(), `${name} has no [data-filter-input]`);
          const before = await visibleRows(box);
          assert.ok(before > 1, `${name}: ${before} visible row(s) to filter`);

          // A word from a row's header cell (the LSP name) must keep at least that row (read while visible).
          const word = await box.evaluate((el, src) => {
            const rows = (0, eval)(src)(el);
            const row = rows.at(-1);
            const cell = row?.querySelector('th') ?? row?.cells?.[0];
            // First line of the cell's rendered text (a <br> may be followed by a remark).
            const text = (cell?.innerText ?? '').trim().split('\n')[0].trim();
            return text.split(/\s+/).filter((w) => w.length >= 4).sort((a, b) => b.length - a.length)[0] ?? text;
          }, FILTER_ROWS_SRC);
          await input.click();
          await input.pressSequentially('zzqx-tidak-ada-zzqx', { delay: 5 });
          await settle(page);
          const none = await visibleRows(box);
          assert.ok(none < before, `${name}: typing a non-matching text left ${none} of ${before} rows visible`);
          assert.equal(none, 0, `${name}: typing a non-matching text left ${none} rows visible`);

          await input.fill('');
          await input.pressSequentially(word, { delay: 5 });
          await settle(page);
          const some = await visibleRows(box);
          assert.ok(some >= 1 && some <= before, `${name}: typing "${word}" (from the last row) leaves ${some} rows visible`);
          t.diagnostic(`${rel} ${name}: ${before} rows; "zzqx…" -> ${none}; "${word}" -> ${some}`);
          await input.fill('');
          await input.dispatchEvent('input');
          await settle(page);
          assert.equal(await visibleRows(box), before, `${name}: clearing the text does not restore all rows`);

          // Drop-downs [data-filter-select]: some option must change the row count; resetting restores it.
          const selects = box.locator('select[data-filter-select], select');
          for (let s = 0; s < (await selects.count()); s++) {
            const select = selects.nth(s);
            const label = (await select.getAttribute('name')) ?? `select ${s + 1}`;
            const values = (await select.locator('option').evaluateAll((os) => os.map((o) => o.value))).filter(Boolean);
            let changed = null;
            for (const v of values.slice(0, 6)) {
              await select.selectOption(v);
              await settle(page);
              const c = await visibleRows(box);
              if (c !== before) {
                changed = `${v} -> ${c}`;
                break;
              }
            }
            assert.ok(changed, `${name}: no option of <select name="${label}"> changes the visible row count`);
            t.diagnostic(`${rel} ${name}: ${label}=${changed}`);
            const reset = box.locator('[data-filter-reset]');
            if (await reset.count()) await reset.first().click();
            else await select.selectOption('');
            await settle(page);
            assert.equal(await visibleRows(box), before, `${name}: resetting <select name="${label}"> does not restore all rows`);
          }
        }
        assert.deepEqual([...log.pageErrors, ...log.consoleErrors, ...log.foreign], [], 'errors while filtering');
      });
    });
  }
});

function parseNumberId(s) {
  const m = /-?\d[\d.]*(,\d+)?/.exec(String(s).replace(/\u2212/g, '-'));
  if (!m) return null;
  return Number(m[0].replace(/\./g, '').replace(',', '.'));
}

const normText = (s) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim();

describe('interactive: sortable columns th[data-sort]', () => {
  const where = pagesWith(/<th\b[^>]*\sdata-sort[\s=>]/);
  if (!where.length) {
    test('sort rows by clicking a column header', { skip: 'no th[data-sort] in the site yet (see the contract at the top of site.test.mjs)' }, () => {});
  }
  for (const rel of where) {
    test(`${rel}: clicking a sortable header sorts the rows both ways`, { timeout: TEST_TIMEOUT }, async (t) => {
      await withPage({}, async (page, log) => {
        await load(page, rel);
        // One table per page is enough to exercise every kind of column; take the first sortable table.
        const table = page.locator('table:has(th[data-sort])').first();
        const ths = table.locator('th[data-sort]');
        const n = await ths.count();
        const done = [];
        for (let i = 0; i < n; i++) {
          const th = ths.nth(i);
          const kindAttr = (await th.getAttribute('data-sort')) || 'text';
          const numeric = /^(number|angka|num)$/i.test(kindAttr);
          const label = (await th.innerText()).trim();
          const columnValues = () =>
            th.evaluate((cell) => {
              const tableEl = cell.closest('table');
              const row = cell.parentElement;
              let idx = 0;
              for (const c of row.children) {
                if (c === cell) break;
                idx += c.colSpan || 1;
              }
              return [...tableEl.tBodies].map((tb) =>
                [...tb.rows]
                  .filter((r) => !r.hidden && r.getClientRects().length > 0)
                  .map((r) => {
                    let col = 0;
                    for (const c of r.cells) {
                      if (col === idx) return (c.getAttribute('data-nilai') ?? c.getAttribute('data-value') ?? c.textContent).trim();
                      col += c.colSpan || 1;
                    }
                    return '';
                  }),
              );
            });
          const before = await columnValues();
          const seen = [];
          for (let click = 0; click < 2; click++) {
            const btn = th.locator('button');
            await ((await btn.count()) ? btn.first() : th).click();
            await page.waitForTimeout(100);
            const dir = await th.getAttribute('aria-sort');
            assert.ok(dir === 'ascending' || dir === 'descending', `th "${label}": aria-sort is "${dir}" after click ${click + 1}`);
            const values = await columnValues();
            for (const body of values) {
              const keys = numeric ? body.map(parseNumberId).filter((x) => x !== null) : body.map(normText).filter(Boolean);
              const cmp = numeric ? (a, b) => a - b : (a, b) => a.localeCompare(b, 'id');
              for (let k = 1; k < keys.length; k++) {
                const c = cmp(keys[k - 1], keys[k]);
                assert.ok(dir === 'ascending' ? c <= 0 : c >= 0, `th "${label}" (data-sort="${kindAttr}", ${dir}): "${keys[k - 1]}" comes before "${keys[k]}"`);
              }
            }
            seen.push({ dir, values: JSON.stringify(values) });
          }
          assert.notEqual(seen[0].dir, seen[1].dir, `th "${label}": a second click does not reverse the direction`);
          if (new Set(before.flat()).size > 1) assert.notEqual(seen[0].values, seen[1].values, `th "${label}": row order is the same in both directions`);
          done.push(label);
        }
        t.diagnostic(`${rel}: sorted by ${done.map((d) => `"${d}"`).join(', ')}`);
        assert.deepEqual([...log.pageErrors, ...log.consoleErrors, ...log.foreign], [], 'errors while sorting');
      });
    });
  }
});

describe('interactive: search form[role=search]', () => {
  // The home page's form (e.g. in the header) and the page that shows results, when they exist.
  const where = [];
  if (/<form\b[^>]*\srole="search"/.test(read('index.html'))) where.push('index.html');
  const resultsPage = D.htmlFiles.find((f) => /\sdata-search-results[\s=>]/.test(read(f)) && /<form\b[^>]*\srole="search"/.test(read(f)));
  if (resultsPage && !where.includes(resultsPage)) where.push(resultsPage);
  if (!where.length) {
    const any = pagesWith(/<form\b[^>]*\srole="search"/, 1);
    where.push(...any);
  }
  if (!where.length) {
    test('search shows results', { skip: 'no form[role=search] in the site yet (see the contract at the top of site.test.mjs)' }, () => {});
  }
  for (const rel of where) {
    test(`${rel}: a known LSP name finds results, nonsense finds none`, { timeout: TEST_TIMEOUT }, async (t) => {
      const known = (D.complete?.name ?? '').split(/\s+/).filter((w) => w.length >= 4).sort((a, b) => b.length - a.length)[0] ?? 'LSP';
      const search = (term) =>
        withPage({}, async (page, log) => {
          await load(page, rel);
          // On a results page prefer the form next to the results, else the first search form.
          const form = (await page.locator('form[role=search]:has([data-search-input])').count())
            ? page.locator('form[role=search]:has([data-search-input])').first()
            : page.locator('form[role=search]').first();
          const input = form.locator('[name="q"]').first();
          assert.ok(await input.count(), `${rel}: form[role=search] has no input name="q"`);
          await input.click();
          await input.pressSequentially(term, { delay: 5 });
          await input.press('Enter');
          await page.waitForLoadState('load');
          await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
          await page.waitForSelector('[data-search-results]', { state: 'attached', timeout: 5_000 }).catch(() => {});
          await page.waitForTimeout(400);
          const count = await page.evaluate(() => {
            const box = document.querySelector('[data-search-results]');
            if (!box) return null;
            const marked = box.querySelectorAll('[data-search-result]');
            const items = marked.length ? marked : box.querySelectorAll('li');
            return [...items].filter((e) => e.getClientRects().length > 0).length;
          });
          assert.deepEqual([...log.foreign, ...log.pageErrors, ...log.consoleErrors, ...log.failed], [], `errors while searching for "${term}"`);
          return { count, url: page.url().replace(origin, '') };
        });
      const hits = await search(known);
      assert.notEqual(hits.count, null, `no [data-search-results] after submitting the search form (ended at ${hits.url})`);
      assert.ok(hits.count >= 1, `searching for "${known}" found nothing (${hits.url})`);
      const none = await search('zzqx-tidak-ada-zzqx');
      assert.equal(none.count, 0, `searching for nonsense still shows ${none.count} result(s) (${none.url})`);
      t.diagnostic(`${rel}: "${known}" -> ${hits.count} result(s) at ${hits.url}; nonsense -> ${none.count}`);
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// Static checks over every HTML file
// ---------------------------------------------------------------------------------------------------

test(`html-validate (tests/browser/.htmlvalidate.json) over every .html file: zero errors`, { timeout: 300_000 }, async (t) => {
  const config = JSON.parse(fs.readFileSync(HTMLVALIDATE_CONFIG, 'utf8'));
  delete config.$schema;
  const hv = new HtmlValidate(config);
  const errors = [];
  const byRule = new Map();
  let warnings = 0;
  for (const rel of D.htmlFiles) {
    const report = await hv.validateFile(path.join(SITE, rel));
    for (const r of report.results) {
      for (const m of r.messages) {
        if (m.severity === 2) {
          const line = `${rel}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` [${m.selector}]` : ''}`;
          errors.push(line);
          byRule.set(m.ruleId, [...(byRule.get(m.ruleId) ?? []), line]);
        } else warnings++;
      }
    }
  }
  t.diagnostic(`${D.htmlFiles.length} files validated, ${errors.length} error(s), ${warnings} warning(s)`);
  // Per rule: the count, the files affected, and the first few occurrences.
  const report = [...byRule]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([rule, list]) => {
      const files = new Set(list.map((e) => e.split(':')[0]));
      return [
        `${rule}: ${list.length} error(s) in ${files.size} file(s) (https://html-validate.org/rules/${rule}.html)`,
        ...list.slice(0, 6).map((e) => `    ${e}`),
        ...(list.length > 6 ? [`    … ${list.length - 6} more`] : []),
      ].join('\n');
    });
  assert.equal(errors.length, 0, `html-validate errors:\n${report.join('\n')}`);
});

test('link check: every internal href/src resolves to a file, every #fragment to an id', (t) => {
  const problems = [];
  let checked = 0;
  for (const rel of D.htmlFiles) {
    for (const { attr, value, line } of urlAttributes(read(rel))) {
      const where = `${rel}:${line} ${attr}="${value}"`;
      if (value === '') {
        problems.push(`${where}: empty URL`);
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) continue; // external / mailto: / data:
      checked++;
      const hashAt = value.indexOf('#');
      const pathPart = (hashAt >= 0 ? value.slice(0, hashAt) : value).split('?')[0];
      const fragment = hashAt >= 0 ? value.slice(hashAt + 1) : null;
      let target = rel;
      if (pathPart) {
        if (pathPart.startsWith('/')) {
          problems.push(`${where}: root-relative URL (breaks when the site is served from a subdirectory or opened from disk)`);
          continue;
        }
        let decoded;
        try {
          decoded = decodeURIComponent(pathPart);
        } catch {
          problems.push(`${where}: malformed percent-encoding`);
          continue;
        }
        target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), decoded));
        if (target.startsWith('../') || target === '..') {
          problems.push(`${where}: points outside the site`);
          continue;
        }
        const abs = path.join(SITE, target);
        if (!fs.existsSync(abs)) {
          problems.push(`${where}: ${target} does not exist`);
          continue;
        }
        if (fs.statSync(abs).isDirectory()) {
          problems.push(`${where}: ${target.replace(/\/+$/, '')}/ is a directory; links must name the file (index.html) to work from disk`);
          continue;
        }
      }
      if (fragment !== null && fragment !== '') {
        if (!target.endsWith('.html')) {
          problems.push(`${where}: fragment on a non-HTML target`);
          continue;
        }
        let id = fragment;
        try {
          id = decodeURIComponent(fragment);
        } catch {}
        if (!idsOf(target).has(id)) problems.push(`${where}: no element with id="${id}" in ${target}`);
      }
    }
  }
  t.diagnostic(`${checked} internal URLs checked in ${D.htmlFiles.length} files`);
  assert.deepEqual(problems.slice(0, 100), [], `${problems.length} broken internal link(s)`);
});

test('404: a missing URL gets status 404 and the site 404 page', { skip: D.notFound ? false : '404.html does not exist yet' }, async (t) => {
  await withPage({}, async (page, log) => {
    const res = await page.goto(urlOf('tidak-ada/halaman-ini/index.html'));
    assert.equal(res.status(), 404);
    const want = /<title>([^<]*)<\/title>/.exec(read('404.html'))?.[1];
    if (want) assert.equal(await page.title(), decodeEntities(want).trim());
    assert.deepEqual(log.foreign, [], 'the 404 page requests another host');
    // Informational: servers answer any depth with the same 404.html, so its relative links to the
    // stylesheet etc. only resolve from the site root.
    const urls = await page.evaluate(() =>
      [...document.querySelectorAll('link[href], script[src], img[src]')].map((e) => e.href || e.src),
    );
    const broken = [];
    for (const u of [...new Set(urls)].filter((x) => x.startsWith(origin + '/'))) {
      const r = await fetch(u, { method: 'HEAD' });
      if (r.status >= 400) broken.push(`${r.status} ${u.replace(origin, '')}`);
    }
    if (broken.length) t.diagnostic(`404.html served for a nested missing URL: its relative resources do not resolve: ${broken.join(', ')}`);
  });
});
