/**
 * What every projection of the read side shares: the processors they run in (pooled streaming processors with
 * their tokens in the JDBC token store and a JDBC dead-letter queue each, so a failing event is parked, reported
 * and retried instead of silently skipped), the per-agreement progress that makes each projection idempotent and
 * lets a reader wait for its own write ({@code minVersion}), and the one JSON and time format they write.
 */
package org.sharedagreements.query.projection;
