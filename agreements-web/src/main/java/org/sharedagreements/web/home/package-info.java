/**
 * The signed-in home page ({@code /app}): who is signed in, their agreements as {@code GET /api/agreements} lists
 * them, and the form that drafts a new one.
 */
package org.sharedagreements.web.home;
