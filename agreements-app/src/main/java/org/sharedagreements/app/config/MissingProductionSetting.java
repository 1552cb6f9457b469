package org.sharedagreements.app.config;

/** A setting the {@code prod} profile cannot run without; reported as one line by {@link MissingSettingFailureAnalyzer}. */
public class MissingProductionSetting extends RuntimeException {

    public MissingProductionSetting(String reason) {
        super(reason, null, false, false);
    }
}
