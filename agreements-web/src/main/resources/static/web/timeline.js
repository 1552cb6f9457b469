/*
 * The as-of view without a reload: moving the range says which event it is on, and letting go fetches the page for
 * that event and swaps the state shown ([data-as-of-region]) and the moment, keeping the focus on the range. The
 * form's Show button does the same without JavaScript. Uses SharedAgreements.refresh from live.js when present.
 */
(function () {
    "use strict";

    var form = document.getElementById("as-of-form");
    var range = document.getElementById("at");
    var moment = document.getElementById("as-of-moment");
    if (!form || !range || !moment) {
        return;
    }
    var pattern = form.getAttribute("data-moment-pattern") || "{0} / {1}";

    function words() {
        return pattern.replace("{0}", range.value).replace("{1}", range.max);
    }

    range.addEventListener("input", function () {
        moment.textContent = words();
        range.setAttribute("aria-valuetext", words());
    });

    range.addEventListener("change", function () {
        var shared = window.SharedAgreements;
        if (!shared || !shared.refresh || !window.URL) {
            return;
        }
        var url = new URL(form.action, window.location.href);
        url.searchParams.set("at", range.value);
        shared.refresh(url.toString(), "#as-of-moment, [data-as-of-region]").then(function () {
            moment = document.getElementById("as-of-moment");
            if (window.history && window.history.replaceState) {
                window.history.replaceState(null, "", url.toString());
            }
        }).catch(function () {
            form.submit();
        });
    });
}());
