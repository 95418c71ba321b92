package org.datastamp.catalog.search;

import java.util.ArrayList;
import java.util.List;

import org.datastamp.catalog.api.QuerySyntaxException;

/** Splits a query into tokens that remember where they start, so errors can point at them. */
final class QueryTokenizer {

    enum Kind {
        WORD, PHRASE, COLON, OPEN, CLOSE, OPERATOR, END
    }

    /**
     * @param kind     what it is
     * @param text     the word, the phrase without its quotes, or the operator
     * @param position 0-based offset in the query
     */
    record Token(Kind kind, String text, int position) {

        boolean isWord(String word) {
            return kind == Kind.WORD && text.equals(word);
        }

        /** AND, OR and NOT are operators only in capitals; "and" is a word like any other. */
        boolean isBooleanOperator() {
            return isWord("AND") || isWord("OR") || isWord("NOT");
        }
    }

    private static final String SEPARATORS = "()\"<>=!:";

    private QueryTokenizer() {
    }

    static List<Token> tokenize(String query) throws QuerySyntaxException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")", i++));
            } else if (c == ':') {
                tokens.add(new Token(Kind.COLON, ":", i++));
            } else if (c == '"') {
                int close = query.indexOf('"', i + 1);
                if (close < 0) {
                    throw new QuerySyntaxException(query, i, "unclosed quote");
                }
                tokens.add(new Token(Kind.PHRASE, query.substring(i + 1, close), i));
                i = close + 1;
            } else if (c == '<' || c == '>' || c == '=' || c == '!') {
                boolean withEquals = i + 1 < query.length() && query.charAt(i + 1) == '=' && c != '=';
                if (c == '!' && !withEquals) {
                    throw new QuerySyntaxException(query, i, "'!' must be followed by '=' (use NOT to exclude)");
                }
                tokens.add(new Token(Kind.OPERATOR, withEquals ? c + "=" : String.valueOf(c), i));
                i += withEquals ? 2 : 1;
            } else {
                int start = i;
                while (i < query.length() && !Character.isWhitespace(query.charAt(i))
                        && (SEPARATORS.indexOf(query.charAt(i)) < 0 || colonInsideValue(query, start, i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, query.substring(start, i), start));
            }
        }
        tokens.add(new Token(Kind.END, "", query.length()));
        return tokens;
    }

    /**
     * A colon separates a field name from its value ({@code instrument:CoSAXS}); inside a word that starts with a
     * digit it is part of the value, so a time like {@code 2024-03-01T12:00:00Z} stays one word.
     */
    private static boolean colonInsideValue(String query, int wordStart, int at) {
        return query.charAt(at) == ':' && Character.isDigit(query.charAt(wordStart));
    }
}
