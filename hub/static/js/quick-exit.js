/*
 * Quick exit ("Exit this page"), after GOV.UK's pattern.
 *
 * The button and Shift pressed three times (alone, within a second) blank the page at
 * once and replace it in the history with a neutral site, so Back does not bring it back.
 * Without JavaScript the button is a plain link to the same neutral site.
 */
(function () {
  "use strict";

  var PRESSES = 3;
  var WINDOW_MS = 1000;
  var presses = [];
  var shiftAlone = false;
  var leaving = false;

  function exitUrl() {
    var link = document.querySelector("[data-quick-exit]");
    return document.body.getAttribute("data-quick-exit-url") || (link && link.href);
  }

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    if (leaving) {
      return;
    }
    leaving = true;
    var url = exitUrl();
    document.title = "\u00a0";
    var cover = document.createElement("div");
    cover.className = "quick-exit-cover";
    document.body.appendChild(cover);
    document.documentElement.classList.add("quick-exit-active");
    window.location.replace(url);
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-quick-exit]");
    if (target) {
      leave(event);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift" && !event.repeat) {
      shiftAlone = true;
    } else {
      shiftAlone = false;
      presses = [];
    }
  });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) {
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
  });

  // A page restored from the back/forward cache must not show itself again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && leaving) {
      window.location.replace(exitUrl());
    }
  });
})();
