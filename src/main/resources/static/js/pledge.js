// Pledge's pages work as plain HTML forms and links; this file only adds to them. Loaded from its own
// URL: the Content-Security-Policy allows no inline script.
(function () {
  "use strict";

  function cookie(name) {
    var prefix = name + "=";
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].indexOf(prefix) === 0) {
        return decodeURIComponent(parts[i].substring(prefix.length));
      }
    }
    return null;
  }

  // Requests htmx makes carry the CSRF token the way Spring Security reads it from a script.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = cookie("XSRF-TOKEN");
    if (token) {
      event.detail.headers["X-XSRF-TOKEN"] = token;
    }
  });
})();
