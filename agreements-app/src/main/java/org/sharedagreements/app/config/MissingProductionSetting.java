package org.sharedagreements.app.config;

/** A setting that every profile but {@code local} cannot run without. */
public class MissingProductionSetting extends RefusedStart {

    public MissingProductionSetting(String reason) {
        super(reason, "See README.md, section Production.");
    }
}
