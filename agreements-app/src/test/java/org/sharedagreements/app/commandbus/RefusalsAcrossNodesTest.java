package org.sharedagreements.app.commandbus;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.DistributedCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.RemoteHandlingException;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.AgreementsApplication;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.app.support.OwnDatabase;
import org.sharedagreements.command.agreement.CallerRoles;
import org.sharedagreements.kernel.CommandRefusal;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.redflag.RaiseRedFlag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Refusals cross a distributed command bus: the app runs with every command sent through an
 * {@link InJvmRemoteConnector}, which serializes the command and its result with the app's Jackson message
 * serializer as a connector to another node would, so the handler's exception (the cause) is lost on the way back.
 * A broken rule must still answer 409 with its rule, a hidden agreement 404, a counsellor 403 and a stale
 * {@code If-Match} 412, never 500.
 */
@SpringBootTest(classes = {AgreementsApplication.class, RefusalsAcrossNodesTest.OverTheWire.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RefusalsAcrossNodesTest {

    private static final Path DATA = OwnDatabase.directory("agreements-over-the-wire-");

    @LocalServerPort
    private int port;

    @Autowired
    private CommandBus commandBus;

    @Autowired
    private CommandGateway commandGateway;

    private Api api;

    @TestConfiguration(proxyBeanMethods = false)
    static class OverTheWire {

        @Bean
        @Primary
        DistributedCommandBus distributedCommandBus(@Qualifier("localSegment") SimpleCommandBus localSegment,
                                                    @Qualifier("messageSerializer") Serializer serializer) {
            return new InJvmRemoteConnector(localSegment, serializer).bus();
        }
    }

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        OwnDatabase.register(registry, DATA);
    }

    @BeforeEach
    void api() {
        api = new Api("http://localhost:" + port, ApiTest.SECRET);
    }

    @Test
    void theAppSendsItsCommandsOverTheWire() {
        assertThat(commandBus).isInstanceOf(DistributedCommandBus.class);
    }

    @Test
    void onlyTheDetailsComeBackNotTheCause() {
        Couple couple = Couple.formed(api, "x-ann", "x-bo");
        RaiseRedFlag raise = new RaiseRedFlag(AgreementId.of(couple.agreementId), PartnerId.of("x-stranger"),
                RedFlagId.of(UUID.randomUUID().toString()), RedFlagIndicator.STRESS, null, null);

        CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class, () ->
                commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(raise)
                        .andMetaData(MetaData.with(CallerRoles.KEY, ""))));

        // the cause only names the classes thrown on the other node
        assertThat(refused).hasRootCauseInstanceOf(RemoteHandlingException.class);
        assertThat(refused.getDetails()).contains(new CommandRefusal(CommandRefusal.Kind.NOT_VISIBLE, null,
                "No such agreement.", "agreement"));
    }

    @Test
    void aBrokenRuleIs409WithItsRule() {
        Couple couple = Couple.formed(api, "x-cy", "x-di");
        String boundary = couple.activeBoundary("FLIRTATION");

        Api.Response again = couple.second.post(couple.path("/boundaries/" + boundary + "/acceptances"),
                Map.of("boundaryVersion", 1));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.field("rule")).isEqualTo("NO_PENDING_VERSION");
        assertThat(again.field("detail")).isEqualTo("this boundary has no pending version");
    }

    @Test
    void aHiddenOrMissingAgreementIs404() {
        Couple couple = Couple.formed(api, "x-ed", "x-fa");

        Api.Response hidden = api.as("x-stranger").post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));
        Api.Response missing = couple.first.post("/api/agreements/" + UUID.randomUUID() + "/red-flags",
                Map.of("indicator", "STRESS"));
        Api.Response noBoundary = couple.first.post(couple.path("/boundaries/" + UUID.randomUUID() + "/acceptances"),
                Map.of("boundaryVersion", 1));

        assertThat(hidden.status()).as(hidden.toString()).isEqualTo(404);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(missing.field("detail")).isEqualTo("No such agreement.");
        assertThat(noBoundary.field("detail")).isEqualTo("No such boundary.");
    }

    @Test
    void aRoleThatMayNotActIs403AndAStaleIfMatch412() {
        Couple couple = Couple.formed(api, "x-gil", "x-hal");

        Api.Response auditor = api.as("x-aud", "auditor")
                .post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));
        Api.Response stale = couple.first.header("If-Match", "\"999\"")
                .post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));

        assertThat(auditor.status()).as(auditor.toString()).isEqualTo(403);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
    }
}
