/**
 * The agreement's record for its partners and granted counsellors: the timeline in plain sentences that name the
 * boundary each event is about, the agreement as it was at a chosen event (the as-of view), every version of one
 * boundary side by side, and the printable record of the boundaries in force with their histories and the chain's
 * verification (also as a PDF). Every page reads through the query side's gate and its read models, as the API's
 * timeline, history, as-of and verification endpoints do; anyone else gets the same 404 as for a random id.
 */
package org.sharedagreements.web.record;
