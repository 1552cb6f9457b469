package org.sharedagreements.query.agreement;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.sharedagreements.kernel.access.GrantStatus;
import org.sharedagreements.kernel.access.Membership;
import org.sharedagreements.kernel.boundary.BoundaryStatus;
import org.sharedagreements.kernel.breach.BreachStatus;
import org.sharedagreements.kernel.membership.AgreementStatus;
import org.sharedagreements.kernel.redflag.RedFlagStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The agreement-state document of the HTTP contract, as {@link AgreementStateFold} builds it from events. Besides
 * the contract's fields it carries a few the contract allows adding ({@code lastEventAt}, when a pending version
 * was proposed, when flags and breaches were reported); instants are ISO-8601 strings with milliseconds.
 * Plain public fields, because the document is data: it is stored as JSONB and returned as it is. Statuses are the
 * kernel's enums, written by name. Boundaries, breaches, red flags and counsellors are found by id through an
 * index (the lists only ever grow), not by scanning the list: a long agreement has thousands of red flags.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"agreementId", "title", "status", "version", "asOf", "lastEventAt", "partners", "boundaries",
        "breaches", "redFlags", "counsellors"})
public class AgreementState {

    public String agreementId;
    public String title;
    public AgreementStatus status;
    public long version;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String asOf;
    public String lastEventAt;
    public List<Partner> partners = new ArrayList<>();
    public List<Boundary> boundaries = new ArrayList<>();
    public List<Breach> breaches = new ArrayList<>();
    public List<RedFlag> redFlags = new ArrayList<>();
    public List<Counsellor> counsellors = new ArrayList<>();
    /**
     * Whether this is only the document's outline, its people and content unreadable: the agreement's key was
     * destroyed before the projection folded its last events. The fold then names everyone as erased.
     */
    @JsonIgnore
    public boolean outlineOnly;

    private final Index<Partner> partnerIndex = new Index<>(p -> p.partnerId);
    private final Index<Boundary> boundaryIndex = new Index<>(b -> b.boundaryId);
    private final Index<Breach> breachIndex = new Index<>(b -> b.breachId);
    private final Index<RedFlag> redFlagIndex = new Index<>(f -> f.flagId);
    private final Index<Counsellor> counsellorIndex = new Index<>(c -> c.counsellorId);

    public Partner partner(String partnerId) {
        return partnerIndex.find(partners, partnerId);
    }

    public Boundary boundary(String boundaryId) {
        return boundaryIndex.find(boundaries, boundaryId);
    }

    public Breach breach(String breachId) {
        return breachIndex.find(breaches, breachId);
    }

    public RedFlag redFlag(String flagId) {
        return redFlagIndex.find(redFlags, flagId);
    }

    public Counsellor counsellor(String counsellorId) {
        return counsellorIndex.find(counsellors, counsellorId);
    }

    /**
     * Elements of one of the document's lists by id. The lists only grow at their end, so the index takes in
     * what was appended since it last looked; it is not part of the document (Jackson sees public fields only).
     */
    private static final class Index<T> {
        private final Function<T, String> idOf;
        private final Map<String, T> byId = new HashMap<>();
        private int indexed;

        Index(Function<T, String> idOf) {
            this.idOf = idOf;
        }

        T find(List<T> elements, String id) {
            if (elements.size() < indexed) {
                byId.clear();
                indexed = 0;
            }
            for (; indexed < elements.size(); indexed++) {
                T element = elements.get(indexed);
                byId.putIfAbsent(idOf.apply(element), element);
            }
            return byId.get(id);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class Partner {
        public String partnerId;
        public Membership status;

        public Partner() {
        }

        Partner(String partnerId, Membership status) {
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
        public BoundaryStatus status;
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
        public BreachStatus status;
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
        public RedFlagStatus status;
        public String raisedAt;
        public String note;
        public String addressedBy;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"counsellorId", "status", "approvedBy", "requestedBy"})
    public static class Counsellor {
        public String counsellorId;
        public GrantStatus status;
        public List<String> approvedBy = new ArrayList<>();
        public String requestedBy;
    }
}
