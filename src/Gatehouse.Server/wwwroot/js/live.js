// Live updates for the staff pages, over one Server-Sent Events stream (/desk/stream).
// - [data-live-desk=ID]: a scan at this desk (or a notifying device of its site) opens the member in #member.
// - [data-live-src=URL][data-live-target=SELECTOR]: any new entry reloads that part of the page.
(function () {
  "use strict";
  if (!window.EventSource) { return; }
  var desk = document.querySelector("[data-live-desk]");
  var deskId = desk ? desk.getAttribute("data-live-desk") : null;
  var deskSite = desk ? desk.getAttribute("data-live-site") : null;
  var parts = Array.prototype.slice.call(document.querySelectorAll("[data-live-src]"));
  var pending = null;

  function swap(url, target, after) {
    return fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        var el = document.querySelector(target);
        if (html !== null && el) { el.innerHTML = html; if (after) { after(); } }
      });
  }

  function refreshParts() {
    // Several entries in a burst cause one reload per part.
    if (pending) { return; }
    pending = setTimeout(function () {
      pending = null;
      parts.forEach(function (p) { swap(p.getAttribute("data-live-src"), p.getAttribute("data-live-target")); });
    }, 150);
  }

  var stream = new EventSource("/desk/stream");
  // Lets a person (and a browser test) see the page is connected: scans from now on will show up.
  stream.onopen = function () { document.body.setAttribute("data-live", "ready"); };
  stream.onerror = function () { document.body.setAttribute("data-live", "reconnecting"); };
  stream.onmessage = function (message) {
    var entry = JSON.parse(message.data);
    // Its own reader, or another device of the site whose logic notifies the front desk (R-GYM-21).
    var forDesk = String(entry.device) === deskId || (entry.notify && String(entry.site) === deskSite);
    if (deskId && forDesk && entry.person) {
      swap("/Desk?handler=Panel&eventId=" + entry.id, "#member", function () {
        history.replaceState(null, "", "/Desk?eventId=" + entry.id);
        var scan = document.getElementById("scan");
        if (scan) { scan.value = ""; scan.focus(); }
      });
    }
    if (parts.length) { refreshParts(); }
  };
  window.addEventListener("beforeunload", function () { stream.close(); });
})();
