/**
 * The published language of the shared-agreements service: the identifiers, value objects, commands and
 * events that both the write side and the read side speak. Nothing here depends on Spring or JDBC; Axon and
 * Jackson appear only as annotations, so the events stay plain records that any reader of the history can
 * deserialize.
 */
package org.sharedagreements.kernel;
