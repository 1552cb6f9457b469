/**
 * The timeline of an agreement: one entry per event in sequence order, with who did it, when, one plain sentence
 * saying what happened and the event's own fields, kept by a projection and paged through by partners and
 * counsellors.
 */
package org.sharedagreements.query.timeline;
