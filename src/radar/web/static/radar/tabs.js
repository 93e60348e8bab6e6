/* Turns a page's sections into tabs: <nav data-tabs> holds links to
   <section data-tab-panel id=…>. Without JavaScript every section shows and
   the links jump to them; with it one section shows at a time, the address
   keeps the open tab (#people) and links to a section or to anything inside
   one open that tab. Arrow keys move between tabs. */
(function () {
  "use strict";

  function init(nav) {
    var tabs = Array.prototype.slice.call(nav.querySelectorAll("[data-tab]"));
    var panels = tabs.map(function (tab) { return document.getElementById(tab.dataset.tab); });
    if (!tabs.length || panels.indexOf(null) !== -1) { return; }
    nav.setAttribute("role", "tablist");
    tabs.forEach(function (tab, i) {
      tab.setAttribute("role", "tab");
      tab.id = "tab-" + tab.dataset.tab;
      tab.setAttribute("aria-controls", panels[i].id);
      panels[i].setAttribute("role", "tabpanel");
      panels[i].setAttribute("tabindex", "-1");
    });

    function show(index) {
      tabs.forEach(function (tab, i) {
        var active = i === index;
        tab.setAttribute("aria-selected", active ? "true" : "false");
        tab.setAttribute("tabindex", active ? "0" : "-1");
        panels[i].hidden = !active;
      });
    }

    function panelFor(id) {
      if (!id) { return -1; }
      var target = document.getElementById(id);
      for (var i = 0; i < panels.length; i++) {
        if (target && (panels[i] === target || panels[i].contains(target))) { return i; }
      }
      return -1;
    }

    function follow(scroll) {
      var id = decodeURIComponent(location.hash.slice(1));
      var index = panelFor(id);
      if (index === -1) { return false; }
      show(index);
      if (scroll) {
        var target = document.getElementById(id);
        (target === panels[index] ? nav : target).scrollIntoView({ block: "start" });
      }
      return true;
    }

    nav.addEventListener("click", function (event) {
      var tab = event.target.closest("[data-tab]");
      if (!tab) { return; }
      event.preventDefault();
      show(tabs.indexOf(tab));
      history.replaceState(null, "", "#" + tab.dataset.tab);
    });
    nav.addEventListener("keydown", function (event) {
      var step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      var current = tabs.indexOf(document.activeElement);
      if (!step || current === -1) { return; }
      event.preventDefault();
      var next = (current + step + tabs.length) % tabs.length;
      show(next);
      tabs[next].focus();
      history.replaceState(null, "", "#" + tabs[next].dataset.tab);
    });
    window.addEventListener("hashchange", function () { follow(true); });
    if (!follow(true)) { show(0); }
    document.documentElement.classList.add("has-tabs");
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-tabs]").forEach(init);
  });
})();
