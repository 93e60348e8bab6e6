/* Record forms: fill the web address (slug) or metric key from the name while the user
   has not typed one, and put the focus on the first field with an error after HTMX
   swaps a form back. Every form works without this file: the server derives both. */
(function () {
  "use strict";
  function slugify(text, joiner) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9\s_-]/g, "").trim().replace(/[\s_-]+/g, joiner);
  }
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field.dataset && field.dataset.fills) {
      var target = document.getElementById(field.dataset.fills);
      if (target && !target.dataset.typed) {
        target.value = slugify(field.value, target.dataset.joiner || "-");
      }
    } else if (field.dataset && field.dataset.joiner !== undefined) {
      field.dataset.typed = field.value ? "yes" : "";
    }
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var invalid = event.target.querySelector && event.target.querySelector(
      ".form-field--error input, .form-field--error select, .form-field--error textarea");
    if (invalid) { invalid.focus(); }
  });
})();
