/**
 * The history of a boundary: every version ever proposed, with its full terms, who proposed and accepted it and
 * how it ended (activated, superseded by a later version, declined, withdrawn, or still pending), and what
 * changed between one version in force and the next.
 */
package org.sharedagreements.query.history;
