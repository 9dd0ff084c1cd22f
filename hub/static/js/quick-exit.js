/*
 * Quick exit ("Exit this page"), after GOV.UK's pattern.
 *
 * The [data-quick-exit] link, and Shift pressed on its own three times within a second,
 * blank the page at once and then replace it in the history with a neutral site, so Back
 * does not bring it back. Nothing opens in a new tab. Without JavaScript the link is a
 * plain link to the same neutral site.
 */
(function () {
  "use strict";

  var PRESSES = 3;
  var WINDOW_MS = 1000;
  var NEUTRAL_TITLE = "New tab";
  var presses = [];
  var shiftAlone = false;
  var leaving = false;

  function exitUrl() {
    var link = document.querySelector("[data-quick-exit]");
    return (document.body && document.body.dataset.quickExitUrl) || (link && link.href) || "about:blank";
  }

  function blank() {
    // Inline styles as well as the class: the page must vanish even without hub.css.
    document.title = NEUTRAL_TITLE;
    var body = document.body;
    for (var i = 0; i < body.children.length; i++) {
      body.children[i].style.setProperty("visibility", "hidden", "important");
    }
    var cover = document.createElement("div");
    cover.className = "quick-exit-cover";
    cover.setAttribute("aria-hidden", "true");
    cover.style.cssText =
      "position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483647;background:#fff;";
    body.appendChild(cover);
    document.documentElement.classList.add("quick-exit-active");
    document.documentElement.style.background = "#fff";
  }

  function leave(event) {
    if (event) {
      event.preventDefault();
      event.stopPropagation();
    }
    if (leaving) {
      return;
    }
    leaving = true;
    blank();
    window.location.replace(exitUrl());
  }

  function fromExitLink(event) {
    return event.target && event.target.closest && event.target.closest("[data-quick-exit]");
  }

  // Any click on the link, with or without Ctrl/Cmd/Shift, leaves in this tab.
  document.addEventListener("click", function (event) {
    if (fromExitLink(event)) {
      leave(event);
    }
  });

  // Middle click would open a new tab and leave this page on screen: leave instead.
  document.addEventListener("auxclick", function (event) {
    if (fromExitLink(event)) {
      leave(event);
    }
  });

  // Shift three times: count a press only when Shift goes down and up again with no
  // other key in between, and ignore the auto-repeat of a held key.
  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key === "Shift") {
        if (!event.repeat) {
          shiftAlone = true;
        }
        return;
      }
      shiftAlone = false;
      presses = [];
    },
    true
  );

  document.addEventListener(
    "keyup",
    function (event) {
      if (event.key !== "Shift") {
        return;
      }
      if (!shiftAlone) {
        return;
      }
      shiftAlone = false;
      var now = Date.now();
      presses = presses.filter(function (time) {
        return now - time < WINDOW_MS;
      });
      presses.push(now);
      if (presses.length >= PRESSES) {
        presses = [];
        leave();
      }
    },
    true
  );

  // A click elsewhere between presses breaks the sequence as a key would.
  document.addEventListener(
    "mousedown",
    function () {
      shiftAlone = false;
    },
    true
  );

  // If the browser ever restores this page from its back/forward cache, leave again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && leaving) {
      window.location.replace(exitUrl());
    }
  });
})();
