/* Review screen: keyboard shortcuts and focus management. Every action is also a plain form or
   link, so the page works without this file; here keys press those same buttons.
   j / k: next / previous card; a: accept; 1 / 2 / 3: accept as the first / second / third likely
   claim (linked and accepted; nothing when the card has fewer); r: reject; e: edit labels;
   l: link (search box, then Tab or ArrowDown to a result and Enter links it); n: new claim
   (prefilled statement); u: undo; Esc: leave a field or cancel an edit. After accept (a, 1, 2,
   3) or reject the next card gets focus. */
(function () {
  "use strict";

  var pending = null; // {id: card id, advance: bool} of the request in flight

  function cards() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-card].card"));
  }

  function currentCard() {
    var active = document.activeElement;
    var card = active && active.closest ? active.closest("[data-card].card") : null;
    if (card) return card;
    var marked = document.querySelector(".card.is-current");
    return marked || null;
  }

  function focusCard(card, options) {
    if (!card) return;
    cards().forEach(function (c) { c.classList.remove("is-current"); });
    card.classList.add("is-current");
    document.querySelectorAll("mark.is-current").forEach(function (m) { m.classList.remove("is-current"); });
    var mark = document.getElementById(card.id.replace("card-", "mark-"));
    if (mark) {
      mark.classList.add("is-current");
      if (!(options && options.keepArticle)) mark.scrollIntoView({block: "nearest"});
    }
    card.focus({preventScroll: true});
    card.scrollIntoView({block: "nearest"});
  }

  function move(step) {
    var list = cards();
    if (!list.length) return;
    var card = currentCard();
    var index = card ? list.indexOf(card) + step : (step > 0 ? 0 : list.length - 1);
    index = Math.max(0, Math.min(list.length - 1, index));
    focusCard(list[index]);
  }

  function trigger(card, action) {
    var el = card.querySelector('[data-action="' + action + '"]');
    if (!el) return false;
    if (el.tagName === "DETAILS") {
      // "Create a new claim": open it and put the cursor in the prefilled statement.
      el.open = true;
      var field = el.querySelector('input[name="statement"]');
      if (field) { field.focus(); field.select(); }
    } else if (el.tagName === "FORM") {
      if (el.requestSubmit) el.requestSubmit(); else el.submit();
    } else if (el.tagName === "INPUT") {
      el.focus();
    } else {
      el.click();
    }
    return true;
  }

  function isTyping(target) {
    return target && (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (event.key === "Escape") {
      var card = target.closest && target.closest("[data-card].card");
      if (card) {
        event.preventDefault();
        if (!trigger(card, "cancel")) focusCard(card);
      }
      return;
    }
    if (moveInResults(event)) return;
    if (isTyping(target)) return;
    var actions = {j: "next", k: "previous", a: "accept", r: "reject", e: "edit", l: "search", u: "undo", n: "new",
      1: "accept-as-1", 2: "accept-as-2", 3: "accept-as-3"};
    var action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    if (action === "next") return move(1);
    if (action === "previous") return move(-1);
    var current = currentCard();
    if (!current) { move(1); current = currentCard(); }
    if (current) trigger(current, action);
  });

  // In the claim search: ArrowDown / ArrowUp go from the box through the results' Link buttons
  // (Enter on one links it); the live search needs no Search button, so Tab skips it too.
  function moveInResults(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return false;
    var box = event.target.closest && event.target.closest(".card-link");
    if (!box) return false;
    var search = box.querySelector('[data-action="search"]');
    var buttons = Array.prototype.slice.call(box.querySelectorAll(".claim-results-region .claim-results button"));
    if (!buttons.length) return false;
    var index = buttons.indexOf(event.target);
    if (event.target !== search && index < 0) return false;
    event.preventDefault();
    if (event.key === "ArrowDown") {
      buttons[Math.min(buttons.length - 1, index + 1)].focus();
    } else if (index <= 0) {
      search.focus();
    } else {
      buttons[index - 1].focus();
    }
    return true;
  }

  function skipSearchButtons(root) {
    (root || document).querySelectorAll("[data-search-button]").forEach(function (button) {
      button.tabIndex = -1;
    });
  }
  skipSearchButtons();
  document.addEventListener("htmx:load", function (event) { skipSearchButtons(event.detail.elt); });

  // "Go back to it" in the notice of an unlinked accept.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-card-link]");
    if (!link) return;
    var card = document.getElementById(link.dataset.cardLink);
    if (!card) return;
    event.preventDefault();
    focusCard(card);
  });

  // A 400 carries the card with its error message (a refused link, an invalid label), a 409 the
  // card as it is now after someone else changed it, a 403 carrying a card a curator's change to
  // a published source that an editor must make (other 403s, such as CSRF, are not swapped in).
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    var refusedCard = xhr.status === 403 && xhr.responseText.indexOf("data-card") !== -1;
    if (xhr.status === 400 || xhr.status === 409 || refusedCard) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Remember which card a request belongs to, whether it was made by key or by mouse; a decision
  // (accept, accept as a likely claim, reject) moves on to the next card.
  var ADVANCING = /^(accept|accept-as-\d|reject)$/;
  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    var card = elt.closest && elt.closest("[data-card].card");
    if (!card || !elt.dataset || !elt.dataset.action || elt.dataset.action === "search") return;
    var action = elt.dataset.action;
    pending = {id: card.id, advance: ADVANCING.test(action), action: action};
  });

  document.addEventListener("htmx:afterSettle", function () {
    if (!pending) return;
    var card = document.getElementById(pending.id);
    var state = pending;
    pending = null;
    if (!card) return;
    // The swap dropped focus (to the body) unless the keyboard user already moved on while the
    // request was in flight (j/k during the settle delay): never pull them back.
    var active = document.activeElement;
    if (active && active !== document.body && !card.contains(active)) return;
    if (state.advance) {
      var list = cards();
      var after = list.slice(list.indexOf(card) + 1);
      var next = after.filter(function (c) { return c.classList.contains("card-suggested"); })[0] || after[0];
      focusCard(next || card);
      return;
    }
    if (state.action === "edit") {
      var field = card.querySelector("select, input:not([type=hidden]), textarea");
      card.classList.add("is-current");
      if (field) { field.focus(); return; }
    }
    focusCard(card);
  });

  // Clicking a highlighted sentence goes to its card.
  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest("mark[data-card]");
    if (!mark) return;
    if (String(window.getSelection() || "").length) return; // selecting text, not clicking
    focusCard(document.getElementById(mark.dataset.card), {keepArticle: true});
  });
  document.addEventListener("focusin", function (event) {
    var card = event.target.closest && event.target.closest("[data-card].card");
    if (card && !card.classList.contains("is-current")) {
      cards().forEach(function (c) { c.classList.remove("is-current"); });
      card.classList.add("is-current");
    }
  });

  // Selecting a passage in the article fills the "missed sentence" form with its offsets.
  var article = document.getElementById("article-text");
  var form = document.getElementById("passage-form");
  if (article && form) {
    document.addEventListener("mouseup", function () {
      var selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
      var range = selection.getRangeAt(0);
      if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) return;
      var before = document.createRange();
      before.setStart(article, 0);
      before.setEnd(range.startContainer, range.startOffset);
      var start = before.toString().length;
      var text = range.toString();
      form.querySelector('[name="passage"]').value = text;
      form.querySelector('[name="start"]').value = start;
      form.querySelector('[name="end"]').value = start + text.length;
    });
    form.querySelector('[name="passage"]').addEventListener("input", function () {
      // Typed or pasted by hand: let the server find it.
      form.querySelector('[name="start"]').value = "";
      form.querySelector('[name="end"]').value = "";
    });
  }

  // Land on the card named in the address (after a no-JS style redirect or a shared link).
  if (location.hash.indexOf("#card-") === 0) {
    var landed = document.getElementById(location.hash.slice(1));
    if (landed) focusCard(landed);
  }
})();
