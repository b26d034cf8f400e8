// redline page behaviour: filters by kind and topic, j/k navigation, side-by-side view.
// The page is complete without this script; it only hides and shows what is already there.
(function () {
  "use strict";
  // The controls only work with this script, so they show only when it runs.
  document.body.classList.add("js");
  var changes = Array.prototype.slice.call(document.querySelectorAll("article.change"));
  var kindFilter = document.getElementById("kind-filter");
  var topicFilter = document.getElementById("topic-filter");
  var topics = {};
  changes.forEach(function (c) {
    (c.getAttribute("data-topics") || "").split(" ").forEach(function (t) { if (t) topics[t] = true; });
  });
  Object.keys(topics).sort().forEach(function (t) {
    var o = document.createElement("option");
    o.value = t; o.textContent = t;
    topicFilter.appendChild(o);
  });
  function apply() {
    var k = kindFilter.value, t = topicFilter.value;
    changes.forEach(function (c) {
      var okKind = !k || c.getAttribute("data-kind") === k;
      var okTopic = !t || (" " + c.getAttribute("data-topics") + " ").indexOf(" " + t + " ") >= 0;
      c.classList.toggle("hidden", !(okKind && okTopic));
    });
  }
  // History pages: pick one step, or all.
  var steps = Array.prototype.slice.call(document.querySelectorAll("section.step"));
  var stepFilter = document.getElementById("step-filter");
  if (!steps.length) {
    document.getElementById("step-picker").style.display = "none";
  }
  steps.forEach(function (s) {
    var o = document.createElement("option");
    o.value = s.id; o.textContent = s.querySelector("h2").textContent;
    stepFilter.appendChild(o);
  });
  stepFilter.addEventListener("change", function () {
    steps.forEach(function (s) { s.classList.toggle("hidden", !!stepFilter.value && s.id !== stepFilter.value); });
  });
  kindFilter.addEventListener("change", apply);
  topicFilter.addEventListener("change", apply);
  document.getElementById("sbs").addEventListener("change", function (e) {
    document.body.classList.toggle("side-by-side", e.target.checked);
  });
  var current = -1;
  function visible() {
    return changes.filter(function (c) {
      return !c.classList.contains("hidden") && c.getAttribute("data-kind") !== "unchanged" && c.offsetParent !== null;
    });
  }
  function go(step) {
    var list = visible();
    if (!list.length) return;
    var at = list.indexOf(changes[current]);
    var next = list[Math.max(0, Math.min(list.length - 1, at + step))];
    if (changes[current]) changes[current].classList.remove("current");
    current = changes.indexOf(next);
    next.classList.add("current");
    next.scrollIntoView({ block: "center" });
  }
  document.addEventListener("keydown", function (e) {
    if (e.target.tagName === "INPUT" || e.target.tagName === "SELECT" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "j") go(1);
    if (e.key === "k") go(-1);
  });
})();
