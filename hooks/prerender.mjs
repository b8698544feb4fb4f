// Trunk post_build hook (see Trunk.toml): writes the article's header and every prospect and risk as plain HTML into
// the page, so the content shows before the wasm arrives and in a browser that cannot run it at all. The app removes
// this block when it starts (src/lib.rs). Text comes from data/potential-fruits.json (or the data set named as the
// first argument) and is always HTML-escaped, and is put into the page verbatim.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failer, stagingDir } from './staging.mjs';

const MARKER = '<!-- prerendered content -->';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

const fail = failer('prerender');
const dir = stagingDir(fail);

const escape = (text) => String(text)
  .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** "2021-06-04" → "4 June 2021", as the app writes dates. */
function humanDate(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

const data = JSON.parse(readFileSync(process.argv[2] || 'data/potential-fruits.json', 'utf8'));
const { article } = data;
const label = (terms, id) => (terms.find((t) => t.id === id) || { label: id }).label;
const scale = new Map(data.feasibility_scale.map((l) => [l.level, l.label]));
const maxLevel = Math.max(...data.feasibility_scale.map((l) => l.level));
const url = /^https?:\/\//i.test(article.url) ? article.url : null;

// The first card's title carries the Element Timing name that `cargo xtask bench` measures first paint by.
const cards = data.items.map((item, index) => `
      <li class="prerender-card cat-${escape(item.category)}">
        <h2${index === 0 ? ' elementtiming="first-card"' : ''}>${escape(item.title)}</h2>
        <p class="prerender-meta">${escape(label(data.vocabularies.categories, item.category))} · Feasibility: ${escape(scale.get(item.feasibility.level) || '')} (${item.feasibility.level} of ${maxLevel})</p>
        <p>${escape(item.summary)}</p>
        <blockquote><p>“${escape(item.feasibility.rationale)}”</p></blockquote>${item.feasibility.reading_note ? `
        <p class="reading-note"><strong>How it is read:</strong> ${escape(item.feasibility.reading_note)}</p>` : ''}
      </li>`).join('');

const block = `<div id="prerender" class="prerender">
    <header class="site-header">
      <p class="site-name">Summit Fruits</p>
      <h1 class="article-title">${escape(article.title)}</h1>
      <p class="byline"><span class="author">${escape(article.author)}</span>, <cite class="outlet">${escape(article.outlet)}</cite>, <time datetime="${escape(article.published)}">${escape(humanDate(article.published))}</time>${url ? ` · <a class="original-link" href="${escape(url)}" rel="noopener">Read the original</a>` : ''}</p>
    </header>
    <p class="prerender-notice" id="prerender-notice" role="status">The interactive explorer (filters, matrix, annotated article, timeline) appears here once it has loaded; it needs JavaScript and WebAssembly. Meanwhile, here is every prospect and risk the article discusses, with its feasibility in the article’s own words.</p>
    <ol class="prerender-list">${cards}
    </ol>
  </div>`;

const page = join(dir, 'index.html');
const html = readFileSync(page, 'utf8');
if (html.split(MARKER).length !== 2) fail(`index.html must hold the marker ${MARKER} exactly once`);
// A replacement given as a string would expand `$&`, `$'`, `` $` `` and `$$` in the data's text; a function's result is
// taken as it is.
writeFileSync(page, html.replace(MARKER, () => block));
console.log(`prerender: wrote ${data.items.length} items into index.html`);
