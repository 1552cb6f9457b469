/**
 * A counsellor's caseload: the agreements every partner granted them, each with what needs their attention now
 * (open breaches, open red flags, boundaries due for review, proposals pending for over seven days), worked out
 * from the agreement-state documents.
 */
package org.sharedagreements.query.caseload;
