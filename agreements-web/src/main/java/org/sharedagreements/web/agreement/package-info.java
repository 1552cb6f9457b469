/**
 * The agreement page ({@code /app/agreements/{a}}) and every partner command as a form post under the API's path
 * with the API's field names ({@code PartnerCommandPages}). {@code AgreementPages} is the one piece that reads the
 * agreement through the query side's gate and read model, sends a command through the command gateway with the
 * caller's roles, and turns the outcome into a page: a redirect to {@code ?v=<version>#<item>}, or the page again
 * with the write side's refusal (409) or the invalid field (422); {@code AgreementPageProblems} renders the 404,
 * 403 and "still updating" pages. {@code AgreementView} names the people of the page ("You", "Your partner") and
 * says which actions its state offers the person; a counsellor's view offers none.
 */
package org.sharedagreements.web.agreement;
