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

// The queue: countdowns that tick every second (red once overdue), rows reloaded by htmx but not while a
// quick action is open or being filled in, and keyboard moves (j or down, k or up, Enter opens).
(function () {
  "use strict";

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function tick() {
    var queue = document.querySelector("[data-queue]");
    if (!queue) {
      return;
    }
    var day = queue.getAttribute("data-day") || "d";
    // Count from Pledge's clock: the offset of the browser's clock is taken when the rows arrive.
    if (!queue.hasAttribute("data-offset")) {
      var rendered = Date.parse(queue.getAttribute("data-now") || "");
      queue.setAttribute("data-offset", isNaN(rendered) ? "0" : String(rendered - Date.now()));
    }
    var now = Date.now() + Number(queue.getAttribute("data-offset"));
    var countdowns = queue.querySelectorAll("time.countdown[data-due]");
    for (var i = 0; i < countdowns.length; i++) {
      var element = countdowns[i];
      var left = Math.round((Date.parse(element.getAttribute("data-due")) - now) / 1000);
      var overdue = left < 0;
      var s = Math.abs(left);
      var days = Math.floor(s / 86400);
      var text = (overdue ? "\u2212" : "") + (days > 0 ? days + "\u00a0" + day + " " : "")
          + pad(Math.floor((s % 86400) / 3600)) + ":" + pad(Math.floor((s % 3600) / 60)) + ":" + pad(s % 60);
      element.textContent = text;
      element.classList.toggle("overdue", overdue);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    tick();
    window.setInterval(tick, 1000);
  });
  document.addEventListener("htmx:afterSwap", tick);

  // Hold the reload while someone works in the rows: an open quick action, or focus in a form field.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var target = event.detail.elt;
    if (!target || !target.hasAttribute || !target.hasAttribute("data-queue")) {
      return;
    }
    var active = document.activeElement;
    if (target.querySelector("details[open]")
        || (active && target.contains(active) && /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(active.tagName))) {
      event.preventDefault();
    }
  });

  var selected = null;

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#queue tbody tr[data-ticket]"));
  }

  function select(row) {
    var all = rows();
    for (var i = 0; i < all.length; i++) {
      all[i].classList.remove("selected");
    }
    if (!row) {
      return;
    }
    row.classList.add("selected");
    selected = row.getAttribute("data-ticket");
    var link = row.querySelector("a.open-ticket");
    if (link) {
      link.focus();
    }
  }

  // After a reload the same ticket stays selected, and keeps the focus if it had it.
  document.addEventListener("htmx:afterSwap", function () {
    if (selected) {
      var row = document.querySelector("#queue tr[data-ticket='" + selected + "']");
      if (row) {
        row.classList.add("selected");
      }
    }
  });

  document.addEventListener("keydown", function (event) {
    if (!document.querySelector("[data-queue]") || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var active = document.activeElement;
    if (active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) {
      return;
    }
    var all = rows();
    if (all.length === 0) {
      return;
    }
    var index = -1;
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute("data-ticket") === selected) {
        index = i;
      }
    }
    if (event.key === "j" || event.key === "ArrowDown") {
      select(all[Math.min(all.length - 1, index + 1)]);
      event.preventDefault();
    } else if (event.key === "k" || event.key === "ArrowUp") {
      select(all[Math.max(0, index - 1)]);
      event.preventDefault();
    } else if (event.key === "Enter" && index >= 0 && !(active && active.tagName === "A")
        && !(active && active.tagName === "BUTTON") && !(active && active.tagName === "SUMMARY")) {
      var link = all[index].querySelector("a.open-ticket");
      if (link) {
        window.location.href = link.href;
      }
    }
  });
})();
