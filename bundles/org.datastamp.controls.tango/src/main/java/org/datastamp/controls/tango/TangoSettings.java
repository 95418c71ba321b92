package org.datastamp.controls.tango;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where a Tango REST API is and what of it we offer, checked once when the configuration is read.
 *
 * @param apiUrl         the API version's root, e.g. {@code http://tango-rest:8080/tango/rest/rc4}
 * @param tangoHost      the Tango database behind it, {@code host:port}
 * @param user           Basic-authentication user; empty sends no credentials
 * @param password       Basic-authentication password
 * @param devicePatterns Tango wildcards of the devices to offer, e.g. {@code b311a/*}{@code /*}
 * @param timeout        longest wait for one HTTP answer
 * @param capabilityId   capability id of this connector
 * @param displayName    name shown to users
 */
record TangoSettings(URI apiUrl, String tangoHost, String user, String password, List<String> devicePatterns,
        Duration timeout, String capabilityId, String displayName) {

    TangoSettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (!"http".equals(apiUrl.getScheme()) && !"https".equals(apiUrl.getScheme())) {
            throw new IllegalArgumentException("Tango REST url must be http or https, got '" + apiUrl + "'");
        }
        if (tangoHost == null || !tangoHost.matches("[A-Za-z0-9.-]+:[0-9]{1,5}")) {
            throw new IllegalArgumentException("Tango host must be host:port (the TANGO_HOST of the database),"
                    + " got '" + tangoHost + "'");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        devicePatterns = List.copyOf(devicePatterns);
        if (devicePatterns.isEmpty()) {
            throw new IllegalArgumentException("Name at least one Tango device pattern to offer, e.g. b311a/*/*");
        }
        for (String pattern : devicePatterns) {
            if (pattern.isBlank() || pattern.split("/", -1).length != 3) {
                throw new IllegalArgumentException("Tango device pattern must be domain/family/member (wildcards"
                        + " allowed, e.g. b311a/mot/*), got '" + pattern + "'");
            }
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Tango REST timeout must be positive, got " + timeout);
        }
        if (capabilityId == null || !capabilityId.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("Capability id must be lower-case letters, digits and '-', got '"
                    + capabilityId + "'");
        }
        displayName = displayName == null || displayName.isBlank() ? capabilityId : displayName;
    }

    /** Base of every device resource: {@code <api>/hosts/<host>/<port>}. */
    URI hostUrl() {
        String base = apiUrl.toString().replaceAll("/+$", "");
        String[] hostPort = tangoHost.split(":");
        return URI.create(base + "/hosts/" + hostPort[0] + "/" + hostPort[1]);
    }

    /**
     * A .cfg file gives {@code devices} as one comma-separated string, which Declarative Services hands over as a
     * one-element array: both forms are split here.
     */
    static TangoSettings from(TangoRestConnector.Config config) {
        return new TangoSettings(URI.create(config.url().trim()), config.tangoHost().trim(), config.user(),
                config.password(), Arrays.stream(config.devices()).flatMap(d -> Arrays.stream(d.split(",")))
                        .map(String::trim).filter(d -> !d.isEmpty()).toList(),
                Duration.ofMillis(Math.round(config.timeoutSeconds() * 1000)), config.capabilityId(),
                config.displayName());
    }
}
