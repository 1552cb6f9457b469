/**
 * Demo data: with {@code agreements.demo=true} the service seeds a few months of one couple's history (Alex and
 * Sam), so a newcomer sees the point in a minute. Only through commands, like any client.
 */
package org.sharedagreements.app.demo;
