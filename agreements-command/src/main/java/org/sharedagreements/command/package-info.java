/**
 * The write side: the Agreement aggregate and its rules ({@code agreement}), the HTTP commands ({@code web}) and
 * the {@code Idempotency-Key} records ({@code idempotency}). Every class Spring or Axon runs here carries
 * {@link org.sharedagreements.command.CommandSide}, so it exists only on command nodes.
 */
package org.sharedagreements.command;
