package org.datastamp.catalog.api;

/** A search query that does not follow the query language; says where and why. */
public class QuerySyntaxException extends CatalogException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String reason;

    /**
     * @param position 0-based character offset in the query where the problem is
     * @param reason   what is wrong there
     */
    public QuerySyntaxException(String query, int position, String reason) {
        super("Query error at position " + position + ": " + reason + " in '" + query + "'");
        this.position = position;
        this.reason = reason;
    }

    public int position() {
        return position;
    }

    public String reason() {
        return reason;
    }
}
