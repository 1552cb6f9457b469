package org.sharedagreements.app.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused start into Spring Boot's short start-up failure report instead of a stack trace. */
public class RefusedStartFailureAnalyzer extends AbstractFailureAnalyzer<RefusedStart> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RefusedStart cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
