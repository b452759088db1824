package io.pledge.core.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.DatabaseIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages' static files are served from their folders and the WebJars by version-free paths, and every
 * folder of {@code static/} is one {@link StaticResources} serves.
 */
class StaticResourcesTest extends DatabaseIntegrationTest {

    @Test
    void everyStaticFolderIsServed() throws IOException {
        try (Stream<Path> folders = Files.list(Path.of("src/main/resources/static"))) {
            assertThat(folders.filter(Files::isDirectory)
                            .map(folder -> folder.getFileName().toString()))
                    .isSubsetOf(StaticResources.FOLDERS);
        }
    }

    @Test
    void theStylesScriptsAndWebJarsAreServed() {
        assertThat(api().get("/css/pledge.css").status()).isEqualTo(200);
        assertThat(api().get("/js/pledge.js").status()).isEqualTo(200);
        assertThat(api().get("/webjars/htmx.org/dist/htmx.min.js").status()).isEqualTo(200);
    }

    @Test
    void nothingElseIsLookedForAmongTheStaticFiles() {
        assertThat(api().get("/pledge.css").status()).isNotEqualTo(200);
        assertThat(api().get("/css/../application.yml").status()).isNotEqualTo(200);
    }
}
