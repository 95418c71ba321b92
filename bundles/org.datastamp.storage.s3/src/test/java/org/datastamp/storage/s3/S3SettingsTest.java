package org.datastamp.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3SettingsTest {

    @TempDir
    Path dir;

    private static S3Settings settings(String prefix, int partSize, long threshold) {
        return new S3Settings("cloud", URI.create("https://s3.example.org"), "eu-west-1", "bucket", prefix, "AKID",
                "top-secret", true, threshold, partSize);
    }

    @Test
    void thePrefixIsNormalisedToEndWithASlash() {
        assertEquals("a/b/", settings("/a/b", 5 << 20, 0).prefix());
        assertEquals("", settings("", 5 << 20, 0).prefix());
        assertEquals("a/", settings("a/", 5 << 20, 0).prefix());
    }

    @Test
    void theSecretNeverAppearsInTheDescription() {
        String text = settings("p", 5 << 20, 0).toString();

        assertFalse(text.contains("top-secret"), text);
        assertTrue(text.contains("s3://bucket/p/ at https://s3.example.org"), text);
    }

    @Test
    void partsSmallerThanS3AllowsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings("", 1 << 20, 0));

        assertEquals("S3 tier 'cloud': partSizeMiB must be at least 5 (S3's smallest part)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> settings("", 5 << 20, 6 << 20));
        assertThrows(IllegalArgumentException.class, () -> settings("../x", 5 << 20, 0));
    }

    @Test
    void theSecretIsReadFromAFileOrAnEnvironmentVariable() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "from-file\n");

        assertEquals("from-file", Secrets.read(file.toString(), "S3_SECRET", Map.of("S3_SECRET", "env"), "cloud"));
        assertEquals("from-env", Secrets.read("", "S3_SECRET", Map.of("S3_SECRET", "from-env"), "cloud"));
    }

    @Test
    void aMissingSecretSaysWhereToPutIt() {
        assertEquals("S3 tier 'cloud': no secret key; set 'secretFile' (a file holding it) or 'secretEnv' (an"
                + " environment variable holding it)",
                assertThrows(IllegalArgumentException.class, () -> Secrets.read("", "", Map.of(), "cloud"))
                        .getMessage());
        assertEquals("S3 tier 'cloud': the environment variable S3_SECRET named by 'secretEnv' is not set",
                assertThrows(IllegalArgumentException.class, () -> Secrets.read("", "S3_SECRET", Map.of(), "cloud"))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Secrets.read(dir.resolve("none").toString(), "", Map.of(), "cloud")).getMessage()
                .contains("cannot read the secret file"));
    }
}
