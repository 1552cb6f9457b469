/**
 * Live updates for the pages: {@code GET /app/agreements/{a}/live}, a Server-Sent Events stream that says
 * "agreement-changed" with the agreement's new version each time the read models applied one of its events, so
 * {@code static/web/live.js} can fetch the page again and swap its live region. It is one of the query side's
 * timeline streams ({@code TimelineStreams}), with their limits, their heartbeat and their access checks.
 */
package org.sharedagreements.web.live;
