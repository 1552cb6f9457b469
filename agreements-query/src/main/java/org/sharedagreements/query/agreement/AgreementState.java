package org.sharedagreements.query.agreement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * The agreement-state document of the HTTP contract, as {@link AgreementStateFold} builds it from events. Besides
 * the contract's fields it carries a few the contract allows adding ({@code lastEventAt}, when a pending version
 * was proposed, when flags and breaches were reported); instants are ISO-8601 strings with milliseconds.
 * Plain public fields, because the document is data: it is stored as JSONB and returned as it is.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"agreementId", "title", "status", "version", "asOf", "lastEventAt", "partners", "boundaries",
        "breaches", "redFlags", "counsellors"})
public class AgreementState {

    public String agreementId;
    public String title;
    public String status;
    public long version;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String asOf;
    public String lastEventAt;
    public List<Partner> partners = new ArrayList<>();
    public List<Boundary> boundaries = new ArrayList<>();
    public List<Breach> breaches = new ArrayList<>();
    public List<RedFlag> redFlags = new ArrayList<>();
    public List<Counsellor> counsellors = new ArrayList<>();

    public Partner partner(String partnerId) {
        return partners.stream().filter(p -> p.partnerId.equals(partnerId)).findFirst().orElse(null);
    }

    public Boundary boundary(String boundaryId) {
        return boundaries.stream().filter(b -> b.boundaryId.equals(boundaryId)).findFirst().orElse(null);
    }

    public Breach breach(String breachId) {
        return breaches.stream().filter(b -> b.breachId.equals(breachId)).findFirst().orElse(null);
    }

    public RedFlag redFlag(String flagId) {
        return redFlags.stream().filter(f -> f.flagId.equals(flagId)).findFirst().orElse(null);
    }

    public Counsellor counsellor(String counsellorId) {
        return counsellors.stream().filter(c -> c.counsellorId.equals(counsellorId)).findFirst().orElse(null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Partner {
        public String partnerId;
        /** INVITED, JOINED or LEFT. */
        public String status;

        public Partner() {
        }

        Partner(String partnerId, String status) {
            this.partnerId = partnerId;
            this.status = status;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"boundaryId", "category", "status", "activeVersion", "terms", "pending", "nextReviewAt",
            "reviewDue"})
    public static class Boundary {
        public String boundaryId;
        public String category;
        /** PROPOSED, ACTIVE, SUSPENDED, DECLINED, WITHDRAWN or RETIRED. */
        public String status;
        public Integer activeVersion;
        /** The terms of the version in force; null until a version is activated. */
        public Terms terms;
        /** The one version waiting for every partner's acceptance (a proposal or a revision), if any. */
        public Pending pending;
        public String nextReviewAt;
        public boolean reviewDue;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"statement", "measure", "consequence", "reviewEvery", "category"})
    public static class Terms {
        public String statement;
        public String measure;
        public String consequence;
        public String reviewEvery;
        /** Also on the boundary; kept per version because a revision may change it. */
        public String category;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"boundaryVersion", "terms", "proposedBy", "acceptedBy", "proposedAt"})
    public static class Pending {
        public int boundaryVersion;
        public Terms terms;
        public String proposedBy;
        public List<String> acceptedBy = new ArrayList<>();
        public String proposedAt;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"breachId", "boundaryId", "boundaryVersion", "breachedBy", "reportedBy", "selfDisclosed",
            "status", "occurredAt", "reportedAt", "description", "resolutionConfirmedBy"})
    public static class Breach {
        public String breachId;
        public String boundaryId;
        public int boundaryVersion;
        public String breachedBy;
        public String reportedBy;
        public boolean selfDisclosed;
        /** OPEN, ACKNOWLEDGED or RESOLVED. */
        public String status;
        public String occurredAt;
        public String reportedAt;
        public String description;
        public List<String> resolutionConfirmedBy = new ArrayList<>();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"flagId", "indicator", "raisedBy", "status", "raisedAt", "note", "addressedBy"})
    public static class RedFlag {
        public String flagId;
        public String indicator;
        public String raisedBy;
        /** OPEN or ADDRESSED. */
        public String status;
        public String raisedAt;
        public String note;
        public String addressedBy;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"counsellorId", "status", "approvedBy", "requestedBy"})
    public static class Counsellor {
        public String counsellorId;
        /** PENDING, GRANTED or REVOKED. */
        public String status;
        public List<String> approvedBy = new ArrayList<>();
        public String requestedBy;
    }
}
