
(function () {
  "use strict";
  var form = document.getElementById("controls");
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");
  var nothing = document.getElementById("nothing");
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.group"));
  var texts = cards.map(function (card) { return card.textContent.toLowerCase(); });
  function apply() {
    var verdict = form.querySelector("input[name=verdict]:checked").value;
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    cards.forEach(function (card, i) {
      var show = (verdict === "all" || card.dataset.verdict === verdict) &&
        words.every(function (word) { return texts[i].indexOf(word) !== -1; });
      if (card.hidden === show) { card.hidden = !show; }
      if (show) { count += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = verdict !== "all" && group.dataset.verdict !== verdict ||
        words.length > 0 && !group.querySelector("article.card:not([hidden])");
    });
    nothing.hidden = count > 0 || cards.length === 0;
    shown.textContent = count + " of " + cards.length + " shown";
  }
  var pending = 0;
  function soon() {
    window.clearTimeout(pending);
    if (cards.length > 500) {
      pending = window.setTimeout(apply, 150);
    } else {
      apply();
    }
  }
  form.addEventListener("input", soon);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
