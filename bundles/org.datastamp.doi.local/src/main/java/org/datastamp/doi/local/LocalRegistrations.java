package org.datastamp.doi.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The DOIs a local provider has registered and the URL each resolves to, in a properties file replaced atomically on
 * every change, so a crash leaves either the old or the new list, never half of one.
 */
final class LocalRegistrations {

    private final Path file;
    private final Properties urls = new Properties();

    LocalRegistrations(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                urls.load(in);
            }
        }
    }

    synchronized Optional<String> url(String doi) {
        return Optional.ofNullable(urls.getProperty(doi));
    }

    synchronized void put(String doi, String url) throws IOException {
        urls.setProperty(doi, url);
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            urls.store(out, "DOIs registered by the local DOI provider (not resolvable outside this platform)");
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
