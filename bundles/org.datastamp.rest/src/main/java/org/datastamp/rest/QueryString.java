package org.datastamp.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes a URL query string. The servlet API's getParameter would read a form-encoded POST body as parameters
 * too; the API takes parameters from the URL only.
 */
final class QueryString {

    private QueryString() {
    }

    /** The first value of each parameter; {@code null} or empty input gives an empty map. */
    static Map<String, String> parse(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    /** Every value of one parameter, in order (e.g. {@code file=a&file=b}); none gives an empty list. */
    static java.util.List<String> all(String query, String name) {
        java.util.List<String> values = new java.util.ArrayList<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (!pair.isEmpty() && decode(equals < 0 ? pair : pair.substring(0, equals)).equals(name)) {
                values.add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a stray '%' is kept literally; the parameter's own validation then names it
            return text;
        }
    }
}
