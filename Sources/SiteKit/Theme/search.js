// Stepwise search. Dependency-free; the page works without it. Press "/" to search.
// The index (search-index.js) loads on first use, as a script so that it works from file:// too.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script ? script.src.replace(/theme\/search\.js([?#].*)?$/, "") : "";
  var header = document.querySelector(".site-header");

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(function (w) { return w.length > 0; });
  }

  // Marks every word of `text` that starts with one of `terms`, as DOM nodes appended to `parent`.
  function appendMarked(parent, text, terms) {
    var pattern = /[\p{L}\p{N}_]+/gu, last = 0, match;
    while ((match = pattern.exec(text))) {
      var word = match[0].toLowerCase();
      if (!terms.some(function (t) { return word.indexOf(t) === 0; })) continue;
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var mark = document.createElement("mark");
      mark.textContent = match[0];
      parent.appendChild(mark);
      last = match.index + match[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // On a page opened from a result, mark the words that were searched for.
  var highlight = new URLSearchParams(location.search).get("highlight");
  var article = document.querySelector(".chapter");
  if (highlight && article) {
    var terms = words(highlight), nodes = [];
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      if (node.parentNode.closest("a.anchor")) return;
      var fragment = document.createDocumentFragment();
      appendMarked(fragment, node.nodeValue, terms);
      if (fragment.querySelector("mark")) node.parentNode.replaceChild(fragment, node);
    });
  }

  if (!header) return;
  var form = document.createElement("form");
  form.className = "search";
  form.setAttribute("role", "search");
  form.innerHTML = '<input type="search" class="search-input" placeholder="Search  /" aria-label="Search the guide"' +
    ' autocomplete="off" spellcheck="false"><ol class="search-results" hidden></ol>';
  header.insertBefore(form, header.querySelector(".repository-link"));
  var input = form.querySelector("input"), list = form.querySelector("ol");
  var index = null, postings = null, waiting = [];

  function load(then) {
    if (index) return then();
    waiting.push(then);
    if (waiting.length > 1) return;
    var tag = document.createElement("script");
    tag.src = root + "search-index.js";
    tag.onload = function () {
      index = window.stepwiseSearch;
      postings = index.postings.map(function (encoded) {
        var section = 0;
        return encoded.split(" ").map(function (item) {
          var parts = item.split(".");
          section += parseInt(parts[0], 36);
          return [section, parts.length > 1 ? Number(parts[1]) : 1];
        });
      });
      waiting.forEach(function (f) { f(); });
      waiting = [];
    };
    document.head.appendChild(tag);
  }

  function firstWordFrom(term) {
    var low = 0, high = index.words.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (index.words[middle] < term) low = middle + 1; else high = middle;
    }
    return low;
  }

  // Sections holding every term (as a word prefix), best first: title and heading hits above body hits.
  function search(terms) {
    var scores = null;
    terms.forEach(function (term) {
      var hits = new Map();
      for (var i = firstWordFrom(term); i < index.words.length && index.words[i].indexOf(term) === 0; i++) {
        var exact = index.words[i] === term ? 1 : 0;
        postings[i].forEach(function (p) {
          var score = p[1] * 2 + exact;
          if (!(hits.get(p[0]) >= score)) hits.set(p[0], score);
        });
      }
      if (scores === null) { scores = hits; return; }
      var both = new Map();
      scores.forEach(function (score, section) { if (hits.has(section)) both.set(section, score + hits.get(section)); });
      scores = both;
    });
    return Array.from(scores || []).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; }).slice(0, 20);
  }

  function show() {
    var terms = words(input.value);
    list.innerHTML = "";
    if (!terms.length) { list.hidden = true; return; }
    var results = search(terms);
    results.forEach(function (result) {
      var section = index.sections[result[0]], page = index.pages[section[0]];
      var link = document.createElement("a");
      link.href = root + page[1] + "?highlight=" + encodeURIComponent(terms.join(" ")) + (section[1] ? "#" + section[1] : "");
      var title = document.createElement("span");
      title.className = "search-page";
      appendMarked(title, page[0], terms);
      link.appendChild(title);
      if (section[2]) {
        var heading = document.createElement("span");
        heading.className = "search-heading";
        appendMarked(heading, section[2], terms);
        link.appendChild(heading);
      }
      var item = document.createElement("li");
      item.appendChild(link);
      list.appendChild(item);
    });
    if (!results.length) {
      var none = document.createElement("li");
      none.className = "search-none";
      none.textContent = "No results for “" + input.value.trim() + "”";
      list.appendChild(none);
    }
    list.hidden = false;
  }

  input.addEventListener("focus", function () { load(function () {}); });
  input.addEventListener("input", function () { load(show); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  form.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && links.length) { event.preventDefault(); links[Math.min(at + 1, links.length - 1)].focus(); }
    else if (event.key === "ArrowUp" && at >= 0) { event.preventDefault(); (at === 0 ? input : links[at - 1]).focus(); }
    else if (event.key === "Escape") { list.hidden = true; input.blur(); }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    input.focus();
  });
  document.addEventListener("click", function (event) { if (!form.contains(event.target)) list.hidden = true; });
})();
