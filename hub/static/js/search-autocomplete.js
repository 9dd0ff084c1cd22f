// Suggestions under a search box: an ARIA 1.2 combobox. Without JavaScript the box is a
// plain search field; with it, typing two letters lists matching pages the visitor may see.
// One script for every such box (the search page's and the header's): each names its list
// (aria-controls) and its live region (data-status, else the search page's).
(function () {
    "use strict";

    function attach(input) {
        if (input.autocompleteAttached) { return; }  // the script included twice
        input.autocompleteAttached = true;
        var list = document.getElementById(input.getAttribute("aria-controls"));
        if (!list) { return; }
        var status = document.getElementById(input.getAttribute("data-status") || "search-autocomplete-status");
        // Options are named after their list: "search-suggestion-0" under "search-suggestions".
        var optionPrefix = list.id.replace(/s$/, "") + "-";
        var url = input.getAttribute("data-autocomplete-url");
        var timer = null;
        var active = -1;
        var controller = null;

        function options() { return list.querySelectorAll("[role=option]"); }

        function close() {
            list.hidden = true;
            list.innerHTML = "";
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            var items = options();
            if (!items.length) { return; }
            active = (index + items.length) % items.length;
            items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
            input.setAttribute("aria-activedescendant", items[active].id);
        }

        function render(results) {
            list.innerHTML = "";
            results.forEach(function (result, i) {
                var li = document.createElement("li");
                li.id = optionPrefix + i;
                li.setAttribute("role", "option");
                li.setAttribute("aria-selected", "false");
                var a = document.createElement("a");
                a.href = result.url;
                a.textContent = result.title;
                a.tabIndex = -1;
                li.appendChild(a);
                li.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.assign(result.url); });
                list.appendChild(li);
            });
            var open = results.length > 0;
            list.hidden = !open;
            input.setAttribute("aria-expanded", open ? "true" : "false");
            if (status) {
                var template = input.getAttribute("data-status-template") || "{count}";
                status.textContent = open ? template.replace("{count}", results.length) : "";
            }
        }

        function fetchSuggestions() {
            var text = input.value.trim();
            if (text.length < 2) { close(); return; }
            if (controller) { controller.abort(); }
            controller = new AbortController();
            fetch(url + "?q=" + encodeURIComponent(text), { signal: controller.signal, credentials: "same-origin", headers: { "Accept": "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                .then(function (data) { render(data.results || []); })
                .catch(function () { /* aborted or offline: the plain search still works */ });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, 200);
        });
        input.addEventListener("keydown", function (event) {
            if (list.hidden) { return; }
            if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
            else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
            else if (event.key === "Escape") { close(); }
            else if (event.key === "Enter" && active >= 0) {
                event.preventDefault();
                window.location.assign(options()[active].querySelector("a").href);
            }
        });
        input.addEventListener("blur", function () { window.setTimeout(close, 150); });
    }

    document.querySelectorAll("input[data-autocomplete-url]").forEach(attach);
})();
