package org.sharedagreements.app.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * The document's frame: title and licence, the bearer-JWT scheme on every operation, the problem+json schema, and
 * the error answers every operation may give (401, 404, 413, 415, 503), so a generated client knows them.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String BEARER = "bearer-jwt";
    static final String PROBLEM = "Problem";

    @Bean
    public OpenAPI agreementsOpenApi() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("rule", new StringSchema().description("the broken rule, on 409"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("every invalid field, on 400"));
        return new OpenAPI()
                .info(new Info().title("shared-agreements").version("1")
                        .description("Relationship agreements as immutable events: boundaries proposed, accepted, "
                                + "revised, reviewed and sometimes broken. Contract: shared/api.md.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("sub is the caller; roles: counsellor, auditor, operator"))
                        .addSchemas(PROBLEM, problem))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Every operation may answer these problems; 400/403/409/412/422 are declared where they apply. */
    @Bean
    public OpenApiCustomizer commonProblems() {
        Map<String, String> common = Map.of(
                "401", "No or invalid bearer token",
                "404", "No such agreement, or the caller may not see it",
                "503", "The database is unavailable; retry after Retry-After seconds");
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
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
