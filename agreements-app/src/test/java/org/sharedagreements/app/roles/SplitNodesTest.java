package org.sharedagreements.app.roles;

import org.sharedagreements.kernel.PrivateText;
import com.github.kagkarlsson.scheduler.Scheduler;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.stereotype.Aggregate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.AgreementsApplication;
import org.sharedagreements.app.crypto.ContentCipher;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.web.IdempotencyFilter;
import org.sharedagreements.command.web.AgreementCommandController;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.membership.DraftAgreement;
import org.sharedagreements.query.agreement.AgreementQueryController;
import org.sharedagreements.query.agreement.AgreementStateProjection;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.query.timeline.TimelineController;
import org.sharedagreements.query.timeline.TimelineProjection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A command node and a query node of the same application on one PostgreSQL (prod profile, as deployed): each
 * runs its side only, both share the infrastructure, and an agreement written through the command node is read,
 * decrypted, through the query node.
 */
class SplitNodesTest {

    private static final String SECRET = "split-nodes-secret-that-is-at-least-32-bytes";
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext commandNode;
    private static ConfigurableApplicationContext queryNode;
    private static Api commands;
    private static Api queries;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory("agreements-split-"))
                .setCleanDataDirectory(true).start();
        commandNode = node("command");
        queryNode = node("query");
        commands = new Api("http://localhost:" + port(commandNode), SECRET);
        queries = new Api("http://localhost:" + port(queryNode), SECRET);
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[]{queryNode, commandNode}) {
            if (node != null) {
                node.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aCommandNodeRunsTheWriteSideOnly() {
        assertThat(commandNode.getBeanNamesForAnnotation(Aggregate.class)).as("the Agreement aggregate").isNotEmpty();
        assertThat(commandNode.getBeanNamesForType(AgreementCommandController.class)).hasSize(1);
        assertThat(commandNode.getBeanNamesForType(AgreementQueryController.class)).isEmpty();
        assertThat(commandNode.getBeanNamesForType(TimelineController.class)).isEmpty();
        assertThat(commandNode.getBeanNamesForType(AgreementStateProjection.class)).isEmpty();
        assertThat(commandNode.getBeanNamesForType(TimelineProjection.class)).isEmpty();

        Set<String> processors = commandNode.getBean(EventProcessingConfiguration.class).eventProcessors().keySet();
        assertThat(processors).as("no projection runs on a command node").doesNotContain(Projections.PROCESSOR)
                .doesNotContainAnyElementsOf(Projections.ALL);

        assertThat(commandNode.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(commandNode.getBean(Scheduler.class).getSchedulerState().isStarted())
                .as("db-scheduler delivers review deadlines on command nodes").isTrue();
    }

    @Test
    void aQueryNodeRunsTheReadSideOnly() {
        assertThat(queryNode.getBeanNamesForAnnotation(Aggregate.class)).as("no aggregate").isEmpty();
        assertThat(queryNode.getBeanNamesForType(AgreementCommandController.class)).isEmpty();
        assertThat(queryNode.getBeanNamesForType(AgreementQueryController.class)).hasSize(1);
        assertThat(queryNode.getBeanNamesForType(AgreementStateProjection.class)).hasSize(1);

        Map<String, EventProcessor> processors = queryNode.getBean(EventProcessingConfiguration.class).eventProcessors();
        assertThat(processors.get(Projections.PROCESSOR)).isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(processors.get(Projections.PROCESSOR).isRunning()).isTrue();
        assertThatThrownBy(() -> queryNode.getBean(CommandGateway.class).sendAndWait(
                new DraftAgreement(AgreementId.random(), PartnerId.of("split-ada"), PrivateText.of("t"), null)))
                .as("no command handler on a query node").isInstanceOf(NoHandlerForCommandException.class);

        assertThat(queryNode.getBeanNamesForType(Scheduler.class))
                .as("a query node never takes review deadlines from scheduled_tasks").isEmpty();
        assertThat(queryNode.getBeanNamesForType(DeadlineManager.class)).as("no deadline manager").isEmpty();
    }

    @Test
    void bothNodesShareTheInfrastructure() {
        for (ConfigurableApplicationContext node : List.of(commandNode, queryNode)) {
            assertThat(node.getBeanNamesForType(SecurityFilterChain.class)).hasSize(1);
            assertThat(node.getBeanNamesForType(IdempotencyFilter.class)).hasSize(1);
            assertThat(node.getBeanNamesForType(ContentCipher.class)).hasSize(1);
            assertThat(node.getBeanNamesForType(Flyway.class)).hasSize(1);
            assertThat(node.getBean("eventSerializer", Serializer.class)).isNotNull();
            assertThat(node.getBean(NodeRoles.class)).isNotNull();
        }
        assertThat(commands.anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(queries.anonymous().get("/actuator/health").status()).as("no db-scheduler to report DOWN")
                .isEqualTo(200);
        assertThat(queries.anonymous().get("/api/agreements").status()).as("still needs a token").isEqualTo(401);
    }

    @Test
    void theOtherSidesEndpointsAreNotFound() {
        Api.Caller ada = queries.as("split-ada");
        String someId = AgreementId.random().toString();
        List<String> commandPaths = List.of("/api/agreements", "/api/agreements/" + someId + "/invitations",
                "/api/agreements/" + someId + "/join", "/api/agreements/" + someId + "/boundaries",
                "/api/agreements/" + someId + "/erasure");
        for (String path : commandPaths) {
            Api.Response answer = ada.post(path, Map.of("title", "t"));
            assertThat(answer.status()).as("POST " + path + " on a query node").isEqualTo(404);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(ada.delete("/api/agreements/" + someId + "/counsellors/c").status()).isEqualTo(404);
        assertThat(queries.as("split-ada").header("Idempotency-Key", "split-1")
                .post("/api/agreements", Map.of("title", "t")).status()).isEqualTo(404);
        assertThat(ada.post("/api/admin/projections/agreement-state/replay").status())
                .as("a POST of the read side (an operator's replay; 403 for a partner) is not swallowed").isEqualTo(403);

        Api.Caller ben = commands.as("split-ben");
        for (String path : List.of("/api/agreements", "/api/agreements/" + someId,
                "/api/agreements/" + someId + "/timeline", "/api/counsellor/caseload")) {
            assertThat(ben.get(path).status()).as("GET " + path + " on a command node").isEqualTo(404);
        }
        assertThat(new JdbcTemplate(commandNode.getBean(javax.sql.DataSource.class))
                .queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                        someId)).isZero();
    }

    @Test
    void whatTheCommandNodeWritesTheQueryNodeReadsDecrypted() {
        Api.Caller ada = commands.as("split-ada");
        Api.Response drafted = ada.post("/api/agreements", Map.of("title", "Written on one node, read on another"));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String agreement = drafted.field("agreementId");
        assertThat(ada.post("/api/agreements/" + agreement + "/invitations", Map.of("partnerId", "split-ben"))
                .status()).isEqualTo(200);
        Api.Response joined = commands.as("split-ben").post("/api/agreements/" + agreement + "/join");
        assertThat(joined.status()).isEqualTo(200);

        Api.Response state = queries.as("split-ben").get("/api/agreements/" + agreement + "?minVersion="
                + joined.version());
        assertThat(state.status()).as(state.toString()).isEqualTo(200);
        assertThat(state.body().path("title").asText()).isEqualTo("Written on one node, read on another");
        assertThat(state.body().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(state.body().path("version").asLong()).isEqualTo(joined.version());
        Api.Response timeline = queries.as("split-ada").get("/api/agreements/" + agreement + "/timeline?minVersion="
                + joined.version());
        assertThat(timeline.body().path("events")).hasSize((int) joined.version() + 1);
    }

    private static ConfigurableApplicationContext node(String roles) {
        return new SpringApplicationBuilder(AgreementsApplication.class).run(
                "--server.port=0",
                "--spring.profiles.active=prod",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--agreements.security.jwt.hmac-secret=" + SECRET,
                "--agreements.crypto.master-key=" + MASTER_KEY,
                "--agreements.crypto.blind-index-key=" + MASTER_KEY,
                "--agreements.crypto.checkpoint-signing-key=" + MASTER_KEY,
                "--agreements.roles=" + roles);
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
