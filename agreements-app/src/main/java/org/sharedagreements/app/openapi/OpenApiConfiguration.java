package org.sharedagreements.app.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.sharedagreements.command.web.CommandAnswer;
import org.sharedagreements.command.web.ExpectedVersion;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.query.access.Caller;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The document's frame: title and licence, the bearer-JWT scheme on every operation, the problem+json schema, and
 * the error answers every operation may give (401, 404, 413, 415, 503), so a generated client knows them.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String BEARER = "bearer-jwt";
    static final String PROBLEM = "Problem";
    static final String ANSWER = "CommandAnswer";

    static {
        // path ids are documented as what they are on the wire; If-Match is added to every command below, and the
        // caller is the bearer token, not a parameter
        SpringDocUtils.getConfig().replaceWithClass(AgreementId.class, UUID.class)
                .replaceWithClass(BoundaryId.class, UUID.class).replaceWithClass(BreachId.class, UUID.class)
                .replaceWithClass(RedFlagId.class, UUID.class)
                .addRequestWrapperToIgnore(ExpectedVersion.class, Caller.class);
    }

    @Bean
    public OpenAPI agreementsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("shared-agreements").version("1")
                        .description("Relationship agreements as immutable events: boundaries proposed, accepted, "
                                + "revised, reviewed and sometimes broken. Contract: docs/contract.md in the repository.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("sub is the caller; roles: counsellor, auditor, operator")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Every operation may answer 401, 404 and 503; those with a body also 400, 413 and 415. Every command (a POST
     * or DELETE under /api/agreements/{a}) takes If-Match and Idempotency-Key and may answer 403, 409, 412 and 422.
     */
    @Bean
    public OpenApiCustomizer commonProblems() {
        Map<String, String> common = Map.of(
                "401", "No or invalid bearer token",
                "404", "No such agreement, or the caller may not see it",
                "503", "The database is unavailable; retry after Retry-After seconds");
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            ModelConverters.getInstance().read(CommandAnswer.Json.class).forEach(openApi.getComponents()::addSchemas);
            openApi.getPaths().forEach((url, path) -> path.readOperationsMap().forEach((method, operation) -> {
            boolean command = (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.DELETE)
                    && url.startsWith("/api/agreements");
            if (command) {
                operation.addParametersItem(new Parameter().in("header").name("Idempotency-Key")
                        .description("1..255 characters: a repeat within 24 h gets the first answer and runs nothing")
                        .schema(new StringSchema().minLength(1).maxLength(255)));
                operation.getResponses().addApiResponse("403", problem("Your role may read but not change this agreement"));
                operation.getResponses().addApiResponse("409", problem("A rule of the agreement refuses it now (detail, rule)"));
                operation.getResponses().addApiResponse("422", problem("Idempotency-Key reused with a different request"));
                if (!url.equals("/api/agreements")) {
                    operation.addParametersItem(new Parameter().in("header").name(ExpectedVersion.HEADER)
                            .description("the version the command expects, as sent in ETag: \"3\"")
                            .schema(new StringSchema()));
                    operation.getResponses().addApiResponse("412", problem("If-Match does not match the current version"));
                }
                operation.getResponses().forEach((status, answer) -> {
                    if (status.startsWith("2")) {
                        answer.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ANSWER))));
                    }
                });
            }
            if (operation.getSummary() == null && operation.getOperationId() != null) {
                operation.setSummary(sentence(operation.getOperationId()));
            }
            common.forEach((status, description) -> {
                if (operation.getResponses().get(status) == null) {
                    operation.getResponses().addApiResponse(status, problem(description));
                }
            });
            if (operation.getRequestBody() != null) {
                operation.getResponses().addApiResponse("400", problem("Invalid input: every invalid field in errors[]"));
                operation.getResponses().addApiResponse("413", problem("Body over 64 KiB"));
                operation.getResponses().addApiResponse("415", problem("Not application/json"));
            }
        }));
        };
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("rule", new StringSchema().description("the broken rule, on 409"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("every invalid field, on 400"));
    }

    /** "boundaryHistory_1" -> "Boundary history". */
    static String sentence(String operationId) {
        String words = operationId.replaceAll("_\\d+$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
