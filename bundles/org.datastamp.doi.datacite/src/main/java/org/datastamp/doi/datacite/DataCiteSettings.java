package org.datastamp.doi.datacite;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A DataCite repository account as configured: API endpoint, repository id (the Basic auth user), password, prefix.
 *
 * @param apiUrl       {@code https://api.test.datacite.org} (test) or {@code https://api.datacite.org} (production)
 * @param repositoryId repository account id, e.g. {@code MAXIV.DATA}
 * @param password     the repository password
 * @param prefix       DOI prefix assigned to the repository, e.g. {@code 10.80512}
 * @param timeout      longest wait for one answer
 * @param capabilityId capability id
 * @param displayName  name shown to users
 */
record DataCiteSettings(URI apiUrl, String repositoryId, String password, String prefix, Duration timeout,
        String capabilityId, String displayName) {

    DataCiteSettings {
        if (!apiUrl.isAbsolute() || !("https".equals(apiUrl.getScheme()) || "localhost".equals(apiUrl.getHost())
                || "127.0.0.1".equals(apiUrl.getHost()))) {
            throw new IllegalArgumentException("DataCite apiUrl '" + apiUrl + "' must be an https URL such as"
                    + " https://api.test.datacite.org (plain http only for localhost)");
        }
        if (repositoryId == null || repositoryId.isBlank()) {
            throw new IllegalArgumentException("DataCite repositoryId is empty; set it to the repository account id,"
                    + " e.g. MAXIV.DATA");
        }
        if (prefix == null || !prefix.matches("10\\.\\d{4,9}")) {
            throw new IllegalArgumentException("DataCite prefix '" + prefix + "' is not a DOI prefix such as 10.80512");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("The DataCite password for " + repositoryId + " is empty");
        }
    }

    static DataCiteSettings from(DataCiteProvider.Config config) {
        return new DataCiteSettings(URI.create(config.apiUrl().strip().replaceAll("/+$", "")),
                config.repositoryId().strip(), readPassword(config.passwordFile()), config.prefix().strip(),
                Duration.ofMillis(Math.round(config.timeoutSeconds() * 1000)), config.capabilityId(),
                config.displayName());
    }

    /** The password file's first line; kept in a file so it is not in the configuration store. */
    static String readPassword(String file) {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("DataCite passwordFile is not set; put the repository password in a"
                    + " file readable only by the platform and name it there");
        }
        try {
            return Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).lines().findFirst().orElse("")
                    .strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the DataCite password file " + file + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        // never print the password
        return "DataCite " + repositoryId + " at " + apiUrl + " (prefix " + prefix + ")";
    }
}
