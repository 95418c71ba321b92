package org.datastamp.storage.s3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a secret from a file (first line, trimmed) or from an environment variable, so it never sits in a
 * configuration file that is listed, backed up or shown by {@code config:list}.
 */
final class Secrets {

    private Secrets() {
    }

    /**
     * @param file     path of a file holding the secret, or blank
     * @param variable name of an environment variable holding it, or blank
     * @param env      the environment
     * @param tier     tier id for messages
     */
    static String read(String file, String variable, Map<String, String> env, String tier) {
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file);
            try {
                String secret = Files.readString(path, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
                if (secret.isEmpty()) {
                    throw new IllegalArgumentException("S3 tier '" + tier + "': the secret file " + path + " is empty");
                }
                return secret;
            } catch (IOException e) {
                throw new IllegalArgumentException("S3 tier '" + tier + "': cannot read the secret file " + path
                        + " (" + e.getClass().getSimpleName() + "); check 'secretFile' and the file's permissions", e);
            }
        }
        if (variable != null && !variable.isBlank()) {
            String secret = env.get(variable);
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("S3 tier '" + tier + "': the environment variable " + variable
                        + " named by 'secretEnv' is not set");
            }
            return secret.strip();
        }
        throw new IllegalArgumentException("S3 tier '" + tier + "': no secret key; set 'secretFile' (a file holding"
                + " it) or 'secretEnv' (an environment variable holding it)");
    }
}
