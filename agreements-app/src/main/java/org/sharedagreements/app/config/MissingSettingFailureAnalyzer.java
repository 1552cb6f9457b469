package org.sharedagreements.app.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing production setting into Spring Boot's short start-up failure report instead of a stack trace. */
public class MissingSettingFailureAnalyzer extends AbstractFailureAnalyzer<MissingProductionSetting> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionSetting cause) {
        return new FailureAnalysis(cause.getMessage(), "See README.md, section Production.", cause);
    }
}
