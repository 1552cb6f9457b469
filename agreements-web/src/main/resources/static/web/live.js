/*
 * Live updates for any page whose <main> carries data-live-agreement="<agreement id>" (no inline script: CSP
 * script-src 'self'). It follows /app/agreements/<id>/live (Server-Sent Events, "agreement-changed" with the new
 * version) and, on each change, fetches this page's URL again and swaps every [data-live-region] element for the
 * same element of the fetched page, keeping the keyboard focus where it was when that element is still there, and
 * says the main's data-live-updated word ("Updated") in a polite status region it adds. Without it, or without
 * JavaScript, the page is the same, only not live. Reconnects with a growing delay; closes the stream when the tab
 * stays hidden for a while and opens it again (and catches up) when it is shown.
 */
(function () {
    "use strict";

    var HIDDEN_FOR_LONG_MS = 60 * 1000;
    var FIRST_RETRY_MS = 2000;
    var LAST_RETRY_MS = 60 * 1000;
    var FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]";

    /** Fetches url (same origin, with the session cookie) and swaps the elements matching selector. */
    function refresh(url, selector) {
        return fetch(url, {credentials: "same-origin", headers: {"Accept": "text/html"}, cache: "no-store"})
            .then(function (response) {
                if (!response.ok || response.redirected) {
                    throw new Error("the page answered " + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                var fetched = new DOMParser().parseFromString(html, "text/html");
                var current = document.querySelectorAll(selector);
                var replacements = fetched.querySelectorAll(selector);
                var focused = document.activeElement;
                var focusedId = focused && focused !== document.body ? focused.id : null;
                var changed = false;
                var refocus = null;
                for (var i = 0; i < current.length; i++) {
                    var replacement = current[i].id ? fetched.getElementById(current[i].id) : replacements[i];
                    if (!replacement || replacement.isEqualNode(current[i])) {
                        continue;
                    }
                    // the focused control of a region without an id is found again by its place among the
                    // region's focusable elements
                    var place = current[i].contains(focused)
                        ? Array.prototype.indexOf.call(current[i].querySelectorAll(FOCUSABLE), focused) : -1;
                    var imported = document.importNode(replacement, true);
                    current[i].replaceWith(imported);
                    changed = true;
                    if (place >= 0) {
                        refocus = (focusedId && document.getElementById(focusedId))
                            || imported.querySelectorAll(FOCUSABLE)[place] || null;
                    }
                }
                if (refocus && document.activeElement !== refocus) {
                    refocus.focus({preventScroll: true});
                }
                return changed;
            });
    }

    window.SharedAgreements = window.SharedAgreements || {};
    window.SharedAgreements.refresh = refresh;

    var main = document.querySelector("main[data-live-agreement]");
    if (!main || typeof EventSource === "undefined" || !window.fetch || !window.DOMParser) {
        return;
    }
    var agreementId = main.getAttribute("data-live-agreement");
    var livePath = "/app/agreements/" + encodeURIComponent(agreementId) + "/live";
    var updatedWord = main.getAttribute("data-live-updated") || "Updated";

    var status = document.createElement("div");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.className = "live-status";
    document.body.appendChild(status);

    var source = null;
    var retries = 0;
    var retryTimer = null;
    var hiddenTimer = null;
    var fetching = false;
    var again = false;
    var stopped = false;

    function announce() {
        // emptied first, so the same word is announced again on the next update
        status.textContent = "";
        window.setTimeout(function () {
            status.textContent = updatedWord;
        }, 100);
    }

    function update() {
        if (fetching) {
            again = true;
            return;
        }
        fetching = true;
        refresh(window.location.href, "[data-live-region]")
            .then(function (changed) {
                if (changed) {
                    announce();
                }
            })
            .catch(function () {
                // signed out, or no longer allowed to see it: stop following it
                stop();
            })
            .then(function () {
                fetching = false;
                if (again && !stopped) {
                    again = false;
                    update();
                }
            });
    }

    function connect(catchUp) {
        if (source || stopped) {
            return;
        }
        source = new EventSource(livePath);
        source.addEventListener("open", function () {
            retries = 0;
            if (catchUp) {
                update();
            }
            catchUp = false;
        });
        source.addEventListener("agreement-changed", update);
        source.addEventListener("error", function () {
            // reconnect on our own schedule rather than the browser's fixed one
            close();
            scheduleReconnect();
        });
    }

    function close() {
        if (source) {
            source.close();
            source = null;
        }
    }

    function scheduleReconnect() {
        if (stopped || document.hidden || retryTimer) {
            return;
        }
        var delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * Math.pow(2, retries));
        retries++;
        retryTimer = window.setTimeout(function () {
            retryTimer = null;
            connect(true);
        }, delay / 2 + Math.random() * delay / 2);
    }

    function stop() {
        stopped = true;
        close();
        window.clearTimeout(retryTimer);
        window.clearTimeout(hiddenTimer);
    }

    document.addEventListener("visibilitychange", function () {
        if (stopped) {
            return;
        }
        if (document.hidden) {
            hiddenTimer = window.setTimeout(function () {
                hiddenTimer = null;
                close();
                window.clearTimeout(retryTimer);
                retryTimer = null;
            }, HIDDEN_FOR_LONG_MS);
        } else {
            window.clearTimeout(hiddenTimer);
            hiddenTimer = null;
            if (!source) {
                retries = 0;
                connect(true);
            }
        }
    });
    window.addEventListener("pagehide", close);

    connect(false);
}());
