package org.datastamp.rest;

/**
 * The {@code offset} and {@code limit} query parameters of a listing.
 *
 * @param offset items to skip, from 0
 * @param limit  items to return at most, 1 to {@link #MAX_LIMIT}
 */
record PageQuery(int offset, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /** Reads the parameters; a missing one takes its default, a bad one is a 400 naming it. */
    static PageQuery from(ApiRequest request) throws ProblemException {
        int offset = parse(request, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = parse(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        return new PageQuery(offset, limit);
    }

    private static int parse(ApiRequest request, String name, int fallback, int min, int max)
            throws ProblemException {
        String text = request.queryParameter(name).orElse(null);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.badRequest(range(name, min, max) + ", got '" + text + "'")
                    .with("field", name));
        }
        if (value < min || value > max) {
            throw new ProblemException(Problem.badRequest(range(name, min, max) + ", got " + value)
                    .with("field", name));
        }
        return (int) value;
    }

    private static String range(String name, int min, int max) {
        return "Query parameter '" + name + "' must be an integer "
                + (max == Integer.MAX_VALUE ? ">= " + min : "between " + min + " and " + max);
    }
}
