// tertial: the site's search, Pagefind in Material's search dialog (overrides/partials/search.html).
// Pagefind's index is split in chunks: a query downloads only the chunks of its words, and the texts
// (for excerpts) of the first result (if under FIRST_TEXT bytes: a report's text is up to ~60 kB, its
// excerpt leads to the goal that matched) and of the next results within OTHER_TEXTS bytes; the
// other results are shown by title (pagefind/tertial-pages.json). Nothing is loaded before the reader starts to search; no other
// host is asked.
// Synonyms residents use (curation/synonyms.yml, published as pagefind/tertial-synonyms.json) are
// searched too: the results take turns, the best of the words typed, then the best of each synonym,
// then the second best of each, so "äldreomsorg" shows home care and care homes near the top.

const SHOWN = 10;            // results shown (each loads its page's text for the excerpt)
const FIRST_TEXT = 64_000;   // bytes: the first result's text is loaded if no larger
const OTHER_TEXTS = 24_000;  // bytes: the other results' texts loaded, together (small pages)
// Pagefind's ranking (defaults 0.75, 1.4, 1.0): a report names a goal's words many times over; a short
// page about the goal or indicator is what a reader looks for, so length counts fully and repetition little.
const RANKING = { pageLength: 1.0, termSaturation: 0.5, termFrequency: 0.3 };

const form = document.querySelector("form.tertial-search");
const input = form.querySelector("input");
const status = form.parentElement.querySelector(".md-search-result__meta");
const list = form.parentElement.querySelector(".md-search-result__list");
const toggle = document.getElementById("__search");
const base = new URL(JSON.parse(document.getElementById("__config").textContent).base + "/", location.href);
let engine = null;
let latest = 0;

function load() {
  engine ??= (async () => {
    const pagefind = await import(new URL("pagefind/pagefind.js", base).href);
    await pagefind.options({ baseUrl: base.pathname, excerptLength: 24, ranking: RANKING });
    await pagefind.init();
    const json = async (name) => (await fetch(new URL(`pagefind/${name}`, base))).json();
    const [synonyms, pages] = await Promise.all([json("tertial-synonyms.json"), json("tertial-pages.json")]);
    return { pagefind, synonyms, pages };
  })();
  return engine;
}

// A Swedish word's endings (definite, plural, genitive): "äldreomsorgen" and "skolorna" are the terms
// "äldreomsorg" and "skola"; "parkering" is not "park".
const ENDING = /^(s|n|t|en|et|na|ns|er|ar|or|ens|ets|erna|arna|orna|ernas|arnas|ornas)?$/;

function isTerm(word, term) {
  if (word.startsWith(term)) return ENDING.test(word.slice(term.length));
  // "skolor", "skolorna": the term's last vowel gives way to the plural ending
  return /[ae]$/.test(term) && word.startsWith(term.slice(0, -1)) && /^(or|orna|ornas|er|erna)$/.test(word.slice(term.length - 1));
}

// The query and, for each word that is a curated term (with an ending), the query with that word
// replaced by each of the term's synonyms.
function variants(query, synonyms) {
  const words = query.toLocaleLowerCase("sv").split(/\s+/).filter(Boolean);
  const out = [words.join(" ")];
  words.forEach((word, i) => {
    for (const [term, alternatives] of Object.entries(synonyms)) {
      if (!isTerm(word, term)) continue;
      for (const alternative of alternatives) {
        out.push([...words.slice(0, i), alternative, ...words.slice(i + 1)].join(" "));
      }
    }
  });
  return out;
}

async function search(query) {
  const ticket = ++latest;
  if (!query.trim()) return show(ticket, [], form.dataset.placeholder);
  const { pagefind, synonyms, pages } = await load();
  const lists = [];
  for (const text of variants(query, synonyms)) {
    const found = await pagefind.search(text);
    if (ticket !== latest) return;
    lists.push(titleFirst(found?.results ?? [], text, pages));
  }
  const ranked = new Map();  // by id, in turns: each list's first, then each list's second, ...
  for (let i = 0; lists.some((list) => i < list.length); i++) {
    for (const list of lists) if (i < list.length && !ranked.has(list[i].id)) ranked.set(list[i].id, list[i]);
  }
  let spent = 0;
  const data = await Promise.all([...ranked.values()].slice(0, SHOWN).map((result, i) => {
    const [url, title, size] = pages[result.id];
    if (i === 0 ? size <= FIRST_TEXT : (spent += size) <= OTHER_TEXTS) return result.data();
    return { url: new URL(url.replace(/^\//, ""), base).pathname, meta: { title } };  // no excerpt
  }));
  const n = ranked.size;
  show(ticket, data, n === 0 ? form.dataset.none : n === 1 ? form.dataset.one : form.dataset.other.replace("#", n));
}

// Pages whose title holds every word searched come first, the shortest title first ("Sjukfrånvaro"
// before "Sjukfrånvaro dag 1-14", a district's page before its reports), then the rest as ranked.
function titleFirst(results, text, pages) {
  const words = text.split(" ");
  const title = (r) => pages[r.id][1];
  const named = (r) => words.every((w) => title(r).toLocaleLowerCase("sv").includes(w));
  const first = results.filter(named).sort((a, b) => title(a).length - title(b).length);
  return [...first, ...results.filter((r) => !named(r))];
}

// One result as Material draws it: the page's title, the section that matched, an excerpt. Texts
// are set as text; only Pagefind's <mark> around the words found is kept.
function item(page) {
  const section = bestSection(page);
  const a = element("a", { href: section ? section.url : page.url, className: "md-search-result__link" });
  const article = element("article", { className: "md-search-result__article md-typeset" });
  article.append(element("h1", { textContent: page.meta.title ?? page.url }));
  if (section) article.append(element("h2", { textContent: section.title }));
  if (page.excerpt) article.append(excerpt(section ? section.excerpt : page.excerpt));
  a.append(article);
  a.addEventListener("click", () => { toggle.checked = false; });
  const li = element("li", { className: "md-search-result__item" });
  li.append(a);
  return li;
}

// The part of a long page (under a heading) with the most weight of the words found, unless it is the
// page's start: a report's result leads to the goal whose text matched.
function bestSection(page) {
  const weight = (s) => (s.weighted_locations ?? []).reduce((sum, w) => sum + w.balanced_score, 0);
  const best = (page.sub_results ?? []).reduce((a, s) => (a && weight(a) >= weight(s) ? a : s), null);
  return best && best.title && best.title !== page.meta.title && best.url.includes("#") ? best : null;
}

function excerpt(html) {
  const p = element("p", {});
  const parsed = new DOMParser().parseFromString(html ?? "", "text/html").body;
  for (const node of parsed.childNodes) {
    p.append(node.nodeName === "MARK" ? element("mark", { textContent: node.textContent })
                                      : document.createTextNode(node.textContent));
  }
  return p;
}

function element(tag, props) {
  return Object.assign(document.createElement(tag), props);
}

function show(ticket, pages, text) {
  if (ticket !== latest) return;
  status.textContent = text;
  list.replaceChildren(...pages.map(item));
}

let timer = null;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => search(input.value), 150);
});
input.addEventListener("focus", () => { toggle.checked = true; load(); });
form.addEventListener("submit", (e) => {
  e.preventDefault();
  list.querySelector("a")?.click();
});
form.addEventListener("reset", () => { setTimeout(() => search(""), 0); input.focus(); });
toggle.addEventListener("change", () => { if (toggle.checked) input.focus(); });
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && toggle.checked) { toggle.checked = false; input.blur(); }
});
