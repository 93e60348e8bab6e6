/* Small progressive enhancements; every page works without this file. */
(function () {
  "use strict";
  // Filter forms send every field; drop the empty ones so shared URLs stay short.
  document.addEventListener("htmx:configRequest", function (event) {
    var params = event.detail.parameters;
    Object.keys(params).forEach(function (name) {
      if (params[name] === "") { delete params[name]; }
    });
  });
  // After a save the confirmation lands under the button just pressed: keep it in
  // view and give it the focus, so the eye and the screen reader both find it.
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    if (!event.detail.target || event.detail.target.id !== "form-status") { return; }
    setTimeout(function () {  // the swapped-in element, once the blank form is in too
      var status = document.getElementById("form-status");
      if (!status || !status.textContent.trim()) { return; }
      status.scrollIntoView({ block: "nearest" });
      status.focus({ preventScroll: true });
    }, 0);
  });
})();
