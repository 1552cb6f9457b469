/**
 * Who may see which agreement: partners who joined (and still after they left) and counsellors whose access every
 * partner granted and nobody revoked. Everyone else, invitees who have not joined included, is told the agreement
 * does not exist (404, never 403): its existence is itself sensitive.
 */
package org.sharedagreements.query.access;
