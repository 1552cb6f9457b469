/**
 * The people-facing web pages, rendered on the server (Thymeleaf) for a session signed in by OpenID Connect, so no
 * token ever reaches the browser. They read through the query side's gate and send the kernel's commands through
 * the same command gateway as the API; they import nothing of the command side. The filter chains that guard them
 * are the app's wiring ({@code org.sharedagreements.app.security}).
 */
package org.sharedagreements.web;
