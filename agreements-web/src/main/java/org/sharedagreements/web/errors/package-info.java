/** How a page says no: the API's status, as a page in the person's words ({@code app/problem.html}). */
package org.sharedagreements.web.errors;
