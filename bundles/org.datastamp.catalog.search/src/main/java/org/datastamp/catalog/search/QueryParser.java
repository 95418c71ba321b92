package org.datastamp.catalog.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.datastamp.catalog.api.DatasetSearch;
import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.QuerySyntaxException;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.catalog.api.UnknownUnitException;
import org.datastamp.catalog.search.QueryTokenizer.Kind;
import org.datastamp.catalog.search.QueryTokenizer.Token;

/**
 * Recursive-descent parser for the catalogue query language (grammar in {@link DatasetSearch}), producing a Lucene
 * query. Every error names the 0-based position it was found at.
 */
final class QueryParser {

    /**
     * A parsed query.
     *
     * @param query  what to run (before the access filter)
     * @param scored true when it has full-text terms, so relevance means something
     */
    record ParsedQuery(Query query, boolean scored) {
    }

    /** The parse tree, kept until the end so NOT can become a MUST_NOT clause of its enclosing AND. */
    private sealed interface Node {
    }

    private record Leaf(Query query, boolean text) implements Node {
    }

    private record All(List<Node> children) implements Node {
    }

    private record Any(List<Node> children) implements Node {
    }

    private record Not(Node child) implements Node {
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");
    /** Relative tolerance of "=" on converted quantities: 1 keV in joules is not bit-exact whichever way it's written. */
    private static final double EQUALITY_TOLERANCE = 1e-9;

    private final UnitConverter units;
    private final QueryBuilder text;
    private final String query;
    private final List<Token> tokens;
    private int next;
    private boolean scored;

    private QueryParser(UnitConverter units, Analyzer analyzer, String query) throws QuerySyntaxException {
        this.units = units;
        this.text = new QueryBuilder(analyzer);
        this.query = query;
        this.tokens = QueryTokenizer.tokenize(query);
    }

    static ParsedQuery parse(String query, UnitConverter units, Analyzer analyzer) throws QuerySyntaxException {
        return new QueryParser(units, analyzer, query).parseAll();
    }

    private ParsedQuery parseAll() throws QuerySyntaxException {
        if (peek().kind() == Kind.END) {
            return new ParsedQuery(new MatchAllDocsQuery(), false);
        }
        Node root = or();
        Token rest = peek();
        if (rest.kind() == Kind.CLOSE) {
            throw error(rest, "unmatched ')'");
        }
        if (rest.kind() != Kind.END) {
            throw error(rest, "unexpected '" + rest.text() + "'");
        }
        return new ParsedQuery(compile(root), scored);
    }

    // or := and ("OR" and)*
    private Node or() throws QuerySyntaxException {
        List<Node> alternatives = new ArrayList<>(List.of(and()));
        while (peek().isWord("OR")) {
            Token or = take();
            requireTermAfter(or);
            alternatives.add(and());
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new Any(alternatives);
    }

    // and := unary (["AND"] unary)*
    private Node and() throws QuerySyntaxException {
        List<Node> parts = new ArrayList<>(List.of(unary()));
        while (true) {
            if (peek().isWord("AND")) {
                requireTermAfter(take());
            } else if (!startsTerm(peek())) {
                break;
            }
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new All(parts);
    }

    // unary := "NOT" unary | "(" or ")" | term
    private Node unary() throws QuerySyntaxException {
        Token token = peek();
        if (token.isWord("NOT")) {
            requireTermAfter(take());
            return new Not(unary());
        }
        if (token.kind() == Kind.OPEN) {
            take();
            if (peek().kind() == Kind.CLOSE) {
                throw error(peek(), "empty parentheses");
            }
            Node inside = or();
            if (peek().kind() != Kind.CLOSE) {
                throw error(token, "unbalanced parenthesis: '(' is never closed");
            }
            take();
            return inside;
        }
        return term();
    }

    private Node term() throws QuerySyntaxException {
        Token token = take();
        switch (token.kind()) {
        case PHRASE:
            return fullText(token, true);
        case CLOSE:
            throw error(token, "unmatched ')'");
        case COLON:
            throw error(token, "':' needs a field name before it");
        case OPERATOR:
            throw error(token, "'" + token.text() + "' needs a name before it, e.g. sample_temperature "
                    + token.text() + " 300 K");
        case END:
            throw error(token, "missing search term");
        default:
            break;
        }
        if (token.isWord("AND") || token.isWord("OR")) {
            throw error(token, "missing search term before " + token.text());
        }
        if (peek().kind() == Kind.COLON) {
            return fieldValue(token);
        }
        if (peek().kind() == Kind.OPERATOR) {
            return comparison(token);
        }
        return fullText(token, false);
    }

    private Node fieldValue(Token field) throws QuerySyntaxException {
        Token colon = take();
        if (!IndexFields.KEYWORD_FIELDS.contains(field.text())) {
            throw error(field, "unknown field '" + field.text() + "'; use instrument, proposal, technique, sample,"
                    + " keyword or type (or compare a quantity, e.g. sample_temperature > 300 K)");
        }
        Token value = peek();
        if (value.kind() != Kind.WORD && value.kind() != Kind.PHRASE) {
            throw error(value, "missing value after '" + field.text() + ":'");
        }
        take();
        String term = IndexFields.keyword(value.text());
        if (field.text().equals("type") && !term.equals("raw") && !term.equals("derived")) {
            throw error(value, "type is raw or derived, not '" + value.text() + "'");
        }
        return new Leaf(new TermQuery(new Term(field.text(), term)), false);
    }

    private Node comparison(Token name) throws QuerySyntaxException {
        Token operator = take();
        Token value = peek();
        if (value.kind() != Kind.WORD || value.isBooleanOperator()) {
            throw error(value, "missing value after '" + operator.text() + "'");
        }
        take();
        return switch (name.text()) {
        case IndexFields.START, IndexFields.END -> new Leaf(dateComparison(name.text(), operator.text(), value), false);
        case IndexFields.SIZE -> new Leaf(sizeComparison(operator.text(), value), false);
        default -> new Leaf(quantityComparison(name.text(), operator.text(), value), false);
        };
    }

    private Query quantityComparison(String name, String operator, Token value) throws QuerySyntaxException {
        NormalizedQuantity q = quantity(value);
        String field = IndexFields.metadata(name, q.systemUnit());
        double v = q.value();
        Query exists = DoublePoint.newRangeQuery(field, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        double tolerance = Math.abs(v) * EQUALITY_TOLERANCE;
        Query equal = v == 0 ? DoublePoint.newRangeQuery(field, -0.0, 0.0)
                : DoublePoint.newRangeQuery(field, v - tolerance, v + tolerance);
        return switch (operator) {
        case "=" -> equal;
        case "!=" -> not(exists, equal);
        case "<" -> DoublePoint.newRangeQuery(field, Double.NEGATIVE_INFINITY, Math.nextDown(v));
        case "<=" -> DoublePoint.newRangeQuery(field, Double.NEGATIVE_INFINITY, v);
        case ">" -> DoublePoint.newRangeQuery(field, Math.nextUp(v), Double.POSITIVE_INFINITY);
        default -> DoublePoint.newRangeQuery(field, v, Double.POSITIVE_INFINITY);
        };
    }

    private Query sizeComparison(String operator, Token value) throws QuerySyntaxException {
        Token[] unitToken = new Token[1];
        NormalizedQuantity q = quantity(value, unitToken);
        if (!q.systemUnit().isEmpty() && !q.systemUnit().equals("B")) {
            throw error(unitToken[0], "size is in bytes (B, kB, MB, GB, TB), not '" + unitToken[0].text() + "'");
        }
        // Sizes are whole bytes: a bound that is whole but for rounding (0.001 TB) is that byte count; a truly
        // fractional bound is rounded to the byte it means for the comparison
        double v = q.value();
        double nearest = Math.rint(v);
        if (Math.abs(v - nearest) <= Math.abs(v) * EQUALITY_TOLERANCE) {
            v = nearest;
        }
        long floor = (long) Math.floor(v);
        long ceil = (long) Math.ceil(v);
        boolean whole = floor == ceil;
        return switch (operator) {
        case "=" -> whole ? LongPoint.newExactQuery(IndexFields.SIZE, floor) : new MatchNoDocsQuery();
        case "!=" -> whole ? not(new MatchAllDocsQuery(), LongPoint.newExactQuery(IndexFields.SIZE, floor))
                : new MatchAllDocsQuery();
        case "<" -> LongPoint.newRangeQuery(IndexFields.SIZE, Long.MIN_VALUE, whole ? floor - 1 : floor);
        case "<=" -> LongPoint.newRangeQuery(IndexFields.SIZE, Long.MIN_VALUE, floor);
        case ">" -> LongPoint.newRangeQuery(IndexFields.SIZE, whole ? ceil + 1 : ceil, Long.MAX_VALUE);
        default -> LongPoint.newRangeQuery(IndexFields.SIZE, ceil, Long.MAX_VALUE);
        };
    }

    private Query dateComparison(String field, String operator, Token value) throws QuerySyntaxException {
        long[] interval = dateInterval(value);
        long from = interval[0];
        long until = interval[1]; // exclusive: a date means the whole year, month, day or millisecond it names
        return switch (operator) {
        case "=" -> LongPoint.newRangeQuery(field, from, until - 1);
        case "!=" -> not(new MatchAllDocsQuery(), LongPoint.newRangeQuery(field, from, until - 1));
        case "<" -> LongPoint.newRangeQuery(field, Long.MIN_VALUE, from - 1);
        case "<=" -> LongPoint.newRangeQuery(field, Long.MIN_VALUE, until - 1);
        case ">" -> LongPoint.newRangeQuery(field, until, Long.MAX_VALUE);
        default -> LongPoint.newRangeQuery(field, from, Long.MAX_VALUE);
        };
    }

    private long[] dateInterval(Token value) throws QuerySyntaxException {
        String s = value.text();
        try {
            if (s.matches("\\d{4}")) {
                LocalDate first = LocalDate.of(Integer.parseInt(s), 1, 1);
                return interval(first, first.plusYears(1));
            }
            if (s.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(s);
                return interval(month.atDay(1), month.plusMonths(1).atDay(1));
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(s);
                return interval(day, day.plusDays(1));
            }
            Instant instant = s.endsWith("Z") || s.matches(".*[+-]\\d{2}:\\d{2}$")
                    ? OffsetDateTime.parse(s).toInstant()
                    : LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            long millis = IndexFields.millis(instant);
            return new long[] { millis, millis + 1 };
        } catch (DateTimeParseException e) {
            throw error(value, "bad date '" + s + "': use YYYY, YYYY-MM-DD or an instant such as"
                    + " 2024-03-01T12:00:00Z");
        }
    }

    private static long[] interval(LocalDate from, LocalDate until) {
        return new long[] { IndexFields.millis(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
                IndexFields.millis(until.atStartOfDay(ZoneOffset.UTC).toInstant()) };
    }

    private NormalizedQuantity quantity(Token value) throws QuerySyntaxException {
        return quantity(value, new Token[1]);
    }

    /**
     * A number and its optional unit: written together ({@code 300K}) or as the next word ({@code 300 K}).
     *
     * @param unitToken receives the unit's token (for errors), or the number's when there is no unit
     */
    private NormalizedQuantity quantity(Token value, Token[] unitToken) throws QuerySyntaxException {
        Matcher m = NUMBER.matcher(value.text());
        if (!m.lookingAt()) {
            throw error(value, "expected a number, got '" + value.text() + "'");
        }
        double number = Double.parseDouble(m.group());
        Token unit;
        boolean separate = false;
        if (m.end() < value.text().length()) {
            unit = new Token(Kind.WORD, value.text().substring(m.end()), value.position() + m.end());
        } else if (peek().kind() == Kind.WORD && !peek().isBooleanOperator() && !startsFieldOrComparison(1)) {
            unit = take();
            separate = true;
        } else {
            unitToken[0] = value;
            return new NormalizedQuantity(number, "");
        }
        unitToken[0] = unit;
        try {
            return units.normalize(number, unit.text());
        } catch (UnknownUnitException e) {
            throw error(unit, e.getMessage() + (separate ? " (to search for a word after a number, put AND between"
                    + " them)" : ""));
        }
    }

    private Node fullText(Token token, boolean phrase) throws QuerySyntaxException {
        Query q = phrase ? text.createPhraseQuery(IndexFields.TEXT, token.text())
                : text.createBooleanQuery(IndexFields.TEXT, token.text(), Occur.MUST);
        if (q == null) {
            throw error(token, "nothing to search for in " + (phrase ? "\"" + token.text() + "\"" : "'"
                    + token.text() + "'"));
        }
        return new Leaf(q, true);
    }

    /** Turns the tree into Lucene clauses: text scores, everything else filters, NOT excludes. */
    private Query compile(Node node) {
        if (node instanceof Leaf leaf) {
            scored |= leaf.text();
            return leaf.query();
        }
        if (node instanceof Not not) {
            return not(new MatchAllDocsQuery(), compileNegated(not.child()));
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        if (node instanceof Any any) {
            for (Node child : any.children()) {
                builder.add(compile(child), Occur.SHOULD);
            }
            return builder.build();
        }
        boolean positive = false;
        for (Node child : ((All) node).children()) {
            if (child instanceof Not not) {
                builder.add(compileNegated(not.child()), Occur.MUST_NOT);
            } else {
                boolean text = child instanceof Leaf leaf ? leaf.text() : true;
                builder.add(compile(child), text ? Occur.MUST : Occur.FILTER);
                positive = true;
            }
        }
        if (!positive) {
            builder.add(new MatchAllDocsQuery(), Occur.FILTER);
        }
        return builder.build();
    }

    /** What is excluded does not contribute to relevance. */
    private Query compileNegated(Node node) {
        boolean before = scored;
        Query q = compile(node);
        scored = before;
        return q;
    }

    private static Query not(Query from, Query excluded) {
        return new BooleanQuery.Builder().add(from, Occur.FILTER).add(excluded, Occur.MUST_NOT).build();
    }

    private boolean startsTerm(Token token) {
        return switch (token.kind()) {
        case WORD -> !token.isWord("OR");
        case PHRASE, OPEN -> true;
        default -> false;
        };
    }

    /** Whether the token {@code ahead} places after the next begins {@code field:} or {@code name op}. */
    private boolean startsFieldOrComparison(int ahead) {
        Token after = tokens.get(Math.min(next + ahead, tokens.size() - 1));
        return after.kind() == Kind.COLON || after.kind() == Kind.OPERATOR;
    }

    private void requireTermAfter(Token operator) throws QuerySyntaxException {
        Token following = peek();
        if (!startsTerm(following) || following.isWord("AND")) {
            throw error(following, "missing search term after " + operator.text());
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private QuerySyntaxException error(Token at, String reason) {
        return new QuerySyntaxException(query, at.position(), reason);
    }
}
