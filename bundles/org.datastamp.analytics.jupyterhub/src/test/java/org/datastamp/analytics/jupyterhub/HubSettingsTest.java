package org.datastamp.analytics.jupyterhub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class HubSettingsTest {

    private static HubSettings settings(String hubUrl, String token, String mountPath, String folder) {
        return new HubSettings(URI.create(hubUrl), null, token, Path.of("/srv/hot"), mountPath, folder,
                Duration.ofSeconds(300), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void urlsGetATrailingSlashAndThePublicUrlDefaultsToTheHubUrl() {
        HubSettings s = settings("https://jupyter.example.org/base", "secret", "/mnt/datastamp/", "datastamp");
        assertEquals(URI.create("https://jupyter.example.org/base/hub/api/users/pia"), s.api("users/pia"));
        assertEquals(URI.create("https://jupyter.example.org/base/"), s.publicUrl());
        assertEquals("/mnt/datastamp", s.mountPath());
        assertTrue(!s.toString().contains("secret"), "toString never shows the token");
    }

    @Test
    void badValuesAreRefusedWithTheKeyToFix() {
        assertMessage("hubUrl must be an absolute", () -> settings("jupyter", "t", "/mnt", "d"));
        assertMessage("apiTokenFile", () -> settings("https://h/", " ", "/mnt", "d"));
        assertMessage("mountPath must be an absolute", () -> settings("https://h/", "t", "mnt", "d"));
        assertMessage("notebookFolder must be a folder relative", () -> settings("https://h/", "t", "/mnt", "../x"));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
