/**
 * The counsellor's caseload page ({@code /app/caseload}): the agreements granted to them, each with what needs
 * attention, most urgent first, as {@code GET /api/counsellor/caseload} reads them (the query side's
 * {@code Caseloads}), each linking to the agreement's read-only page and its timeline.
 */
package org.sharedagreements.web.caseload;
