/**
 * The auditor's pages ({@code /app/audit}): every agreement's chain head; one agreement's redacted timeline
 * (pseudonymous actors, no content), its verification with each signed checkpoint and the key that signs them;
 * the redacted export as a download, with how to verify it offline. All through the query side's
 * {@code AuditReads}, as {@code /api/audit/agreements} reads: 403 for the listing and 404 for an agreement to
 * anyone but an auditor.
 */
package org.sharedagreements.web.audit;
