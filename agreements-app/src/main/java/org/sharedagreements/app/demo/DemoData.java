package org.sharedagreements.app.demo;

import org.sharedagreements.kernel.PrivateText;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryCategory;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.ReviewPeriod;
import org.sharedagreements.kernel.boundary.AcceptBoundary;
import org.sharedagreements.kernel.boundary.DeclineBoundary;
import org.sharedagreements.kernel.boundary.ProposeBoundary;
import org.sharedagreements.kernel.boundary.ReaffirmBoundary;
import org.sharedagreements.kernel.boundary.ReviseBoundary;
import org.sharedagreements.kernel.boundary.WithdrawConsent;
import org.sharedagreements.kernel.breach.ConfirmBreachResolution;
import org.sharedagreements.kernel.breach.ReportBreach;
import org.sharedagreements.kernel.counsellor.ApproveCounsellorAccess;
import org.sharedagreements.kernel.counsellor.RequestCounsellorAccess;
import org.sharedagreements.kernel.membership.DraftAgreement;
import org.sharedagreements.kernel.membership.InvitePartner;
import org.sharedagreements.kernel.membership.JoinAgreement;
import org.sharedagreements.kernel.redflag.AddressRedFlag;
import org.sharedagreements.kernel.redflag.RaiseRedFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Seeds one couple's last four months, once (the agreement's id is fixed, so a restart finds it and does nothing):
 * Alex drafts and invites Sam; they agree on online engagement; a revision Sam finds too vague is declined and a
 * clearer one accepted; Alex discloses a breach and they repair it; Sam withdraws consent to a pace boundary for
 * a while and both reaffirm it; a red flag is raised and addressed; both grant counsellor Dr Rivera access.
 * Events carry the dates they would have had: the seeder stands the service's {@link DemoClock} at each date
 * while it runs.
 */
@Component
@ConditionalOnProperty(name = "agreements.demo", havingValue = "true")
public class DemoData implements ApplicationRunner {

    static final AgreementId AGREEMENT = new AgreementId(UUID.fromString("00000000-0000-4000-8000-00000000de30"));
    static final PartnerId ALEX = PartnerId.of("alex");
    static final PartnerId SAM = PartnerId.of("sam");
    static final CounsellorId RIVERA = CounsellorId.of("dr-rivera");
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final DemoClock clock;

    public DemoData(CommandGateway commands, JdbcTemplate jdbc, DemoClock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, AGREEMENT.toString());
        if (existing != null && existing > 0) {
            log.info("Demo data already present (agreement {})", AGREEMENT);
            return;
        }
        Instant start = clock.instant().minus(120, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(19));
        try {
            seed(start);
        } finally {
            clock.resume();
        }
        log.info("Seeded demo data: agreement {} of alex and sam (tokens from POST /dev/tokens)", AGREEMENT);
    }

    private void seed(Instant start) {
        BoundaryId online = new BoundaryId(UUID.fromString("00000000-0000-4000-8000-0000000b0001"));
        BoundaryId pace = new BoundaryId(UUID.fromString("00000000-0000-4000-8000-0000000b0002"));
        BoundaryId disclosure = new BoundaryId(UUID.fromString("00000000-0000-4000-8000-0000000b0003"));

        at(start, 0);
        send(new DraftAgreement(AGREEMENT, ALEX, PrivateText.of("Rebuilding trust, together"), null));
        send(new InvitePartner(AGREEMENT, ALEX, SAM, null));
        at(start, 1);
        send(new JoinAgreement(AGREEMENT, SAM, null));
        at(start, 2);
        send(new ProposeBoundary(AGREEMENT, ALEX, online, terms(BoundaryCategory.ONLINE_ENGAGEMENT,
                "No private messaging with people we have felt drawn to.",
                "Either of us can ask to see recent conversations; no deleting threads.",
                "We talk it through the same evening, without blame.", "P30D"), null));
        send(new ProposeBoundary(AGREEMENT, SAM, pace, terms(BoundaryCategory.INTIMACY_PACE,
                "We let closeness come back at a pace that feels safe to both of us.",
                "We check in every Sunday about how it feels.", "We pause and talk before going further.", "P14D"), null));
        at(start, 3);
        send(new AcceptBoundary(AGREEMENT, SAM, online, 1, null));
        send(new AcceptBoundary(AGREEMENT, ALEX, pace, 1, null));
        at(start, 10);
        send(new ReviseBoundary(AGREEMENT, ALEX, online, terms(BoundaryCategory.ONLINE_ENGAGEMENT,
                "Keep online contact friendly.", "", "", "P30D"), null));
        at(start, 11);
        send(new DeclineBoundary(AGREEMENT, SAM, online, 2,
                PrivateText.of("Too vague for me: I need to know what friendly means."), null));
        at(start, 13);
        send(new ReviseBoundary(AGREEMENT, SAM, online, terms(BoundaryCategory.ONLINE_ENGAGEMENT,
                "No private messaging with people we have felt drawn to; group chats are fine.",
                "Either of us can ask to see recent conversations; no deleting threads.",
                "We talk it through the same evening, without blame.", "P30D"), null));
        at(start, 14);
        send(new AcceptBoundary(AGREEMENT, ALEX, online, 3, null));
        send(new ProposeBoundary(AGREEMENT, SAM, disclosure, terms(BoundaryCategory.DISCLOSURE,
                "If an attraction comes up, we say so within a week.", "", "We listen first, then talk.", "P30D"), null));
        at(start, 15);
        send(new AcceptBoundary(AGREEMENT, ALEX, disclosure, 1, null));
        at(start, 40);
        BreachId breach = new BreachId(UUID.fromString("00000000-0000-4000-8000-0000000b7001"));
        send(new ReportBreach(AGREEMENT, ALEX, breach, online, ALEX,
                PrivateText.of("I replied privately to an old flame's message and kept it to myself for two days."),
                start.plus(38, ChronoUnit.DAYS), null));
        at(start, 41);
        send(new ConfirmBreachResolution(AGREEMENT, SAM, breach,
                PrivateText.of("It hurt; thank you for telling me yourself."), null));
        at(start, 44);
        send(new ConfirmBreachResolution(AGREEMENT, ALEX, breach,
                PrivateText.of("Thread deleted together; we talked for hours."), null));
        at(start, 60);
        send(new WithdrawConsent(AGREEMENT, SAM, pace,
                PrivateText.of("I need a few weeks of just being close, no more."), null));
        RedFlagId flag = new RedFlagId(UUID.fromString("00000000-0000-4000-8000-0000000bf001"));
        at(start, 62);
        send(new RaiseRedFlag(AGREEMENT, ALEX, flag, RedFlagIndicator.LONELINESS,
                PrivateText.of("Evenings feel distant lately."), null));
        at(start, 66);
        send(new AddressRedFlag(AGREEMENT, SAM, flag, PrivateText.of("Phone-free dinners on weekdays."), null));
        at(start, 80);
        send(new ReaffirmBoundary(AGREEMENT, SAM, pace, null));
        send(new ReaffirmBoundary(AGREEMENT, ALEX, pace, null));
        at(start, 90);
        send(new RequestCounsellorAccess(AGREEMENT, SAM, RIVERA, null));
        at(start, 91);
        send(new ApproveCounsellorAccess(AGREEMENT, ALEX, RIVERA, null));
        // reviews of the boundaries activated months ago fall due as soon as the scheduler runs
    }

    private static BoundaryTerms terms(BoundaryCategory category, String statement, String measure, String consequence,
                                       String reviewEvery) {
        return new BoundaryTerms(category, statement, measure, consequence, ReviewPeriod.parse(reviewEvery));
    }

    private void at(Instant start, int day) {
        clock.standAt(start.plus(day, ChronoUnit.DAYS));
    }

    private void send(Object command) {
        commands.sendAndWait(command);
    }


}
