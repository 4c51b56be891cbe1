package io.kycflow.mcp.conformance;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.PromptReference;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import io.kycflow.mcp.internal.McpFeatureSet;

/** Fixture resources, template, prompts and completion of the conformance suite; {@code conformance} profile only. */
@Configuration(proxyBeanMethods = false)
@Profile("conformance")
class ConformanceResources {

    @Bean
    McpFeatureSet conformanceResourceFixtures() {
        return new McpFeatureSet(List.of(), List.of(
                text("test://static-text", "static-text", "This is the content of the static text resource."),
                new SyncResourceSpecification(Resource.builder("test://static-binary", "static-binary")
                        .description("A static binary resource").mimeType("image/png").build(),
                        (ex, req) -> new ReadResourceResult(List.of(
                                new BlobResourceContents("test://static-binary", "image/png", ConformanceTools.PNG)))),
                text("test://watched-resource", "watched-resource", "Watched resource content")), prompts());
    }

    @Bean
    SyncResourceTemplateSpecification conformanceTemplate() {
        var template = ResourceTemplate.builder("test://template/{id}/data", "template").title("Resource Template")
                .description("A resource template with parameter substitution").mimeType("application/json").build();
        return new SyncResourceTemplateSpecification(template, (ex, req) -> {
            var id = req.uri().replaceFirst("^test://template/", "").replaceFirst("/data$", "");
            return new ReadResourceResult(List.of(new TextResourceContents(req.uri(), "application/json",
                    "{\"id\":\"" + id.replaceAll("[^A-Za-z0-9_-]", "") + "\",\"templateTest\":true,\"data\":\"Data for ID: "
                            + id.replaceAll("[^A-Za-z0-9_-]", "") + "\"}")));
        });
    }

    private static List<SyncPromptSpecification> prompts() {
        return List.of(
                prompt(new Prompt("test_simple_prompt", "A simple prompt without arguments", List.of()),
                        args -> List.of(user(ConformanceTools.text("This is a simple prompt for testing.")))),
                prompt(new Prompt("test_prompt_with_arguments", "A prompt with required arguments", List.of(
                                new PromptArgument("arg1", "First test argument", true),
                                new PromptArgument("arg2", "Second test argument", true))),
                        args -> List.of(user(ConformanceTools.text("Prompt with arguments: arg1='" + args.get("arg1")
                                + "', arg2='" + args.get("arg2") + "'")))),
                prompt(new Prompt("test_prompt_with_embedded_resource", "A prompt with an embedded resource", List.of(
                                new PromptArgument("resourceUri", "URI of the resource to embed", true))),
                        args -> List.of(user(ConformanceTools.embedded(String.valueOf(args.get("resourceUri")), "text/plain",
                                        "Embedded resource content for testing.")),
                                user(ConformanceTools.text("Please process the embedded resource above.")))),
                prompt(new Prompt("test_prompt_with_image", "A prompt with an image", List.of()),
                        args -> List.of(user(new ImageContent(null, ConformanceTools.PNG, "image/png")),
                                user(ConformanceTools.text("Please analyze the image above.")))));
    }

    @Bean
    SyncCompletionSpecification conformanceCompletion() {
        return new SyncCompletionSpecification(new PromptReference("test_prompt_with_arguments"),
                (ex, req) -> new CompleteResult(new CompleteResult.CompleteCompletion(List.of(), 0, false)));
    }

    private static SyncResourceSpecification text(String uri, String name, String content) {
        return new SyncResourceSpecification(Resource.builder(uri, name).description("Conformance fixture " + name)
                .mimeType("text/plain").build(),
                (ex, req) -> new ReadResourceResult(List.of(new TextResourceContents(uri, "text/plain", content))));
    }

    private static SyncPromptSpecification prompt(Prompt prompt,
                                                  java.util.function.Function<Map<String, Object>, List<PromptMessage>> messages) {
        return new SyncPromptSpecification(prompt, (ex, req) -> new GetPromptResult(prompt.description(),
                messages.apply(req.arguments() == null ? Map.of() : req.arguments())));
    }

    private static PromptMessage user(io.modelcontextprotocol.spec.McpSchema.Content content) {
        return new PromptMessage(Role.USER, content);
    }
}
