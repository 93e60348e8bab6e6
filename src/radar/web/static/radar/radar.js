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
})();
