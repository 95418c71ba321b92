package org.datastamp.rest;

import java.util.Optional;

/**
 * One byte range of an HTTP {@code Range} header (RFC 9110 section 14): {@code bytes=first-last}, {@code bytes=first-}
 * or {@code bytes=-suffixLength}. Several ranges are answered with the whole file, which the RFC allows.
 *
 * @param first first byte, from 0
 * @param last  last byte, inclusive
 */
record ByteRange(long first, long last) {

    long length() {
        return last - first + 1;
    }

    /**
     * The range a header asks for in a file of {@code size} bytes: empty for no header, one we ignore (several
     * ranges, another unit, a malformed value) or the whole file.
     *
     * @throws Unsatisfiable when the range lies beyond the end of the file (answered 416)
     */
    static Optional<ByteRange> parse(String header, long size) throws Unsatisfiable {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return Optional.empty();
        }
        String spec = header.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String from = spec.substring(0, dash).strip();
            String to = spec.substring(dash + 1).strip();
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0) {
                    throw new Unsatisfiable(size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1)).filter(r -> size > 0);
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
            if (first >= size || (!to.isEmpty() && Long.parseLong(to) < first)) {
                throw new Unsatisfiable(size);
            }
            return first == 0 && last == size - 1 ? Optional.empty() : Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A range outside the file: 416 with {@code Content-Range: bytes *}{@code /size}. */
    static final class Unsatisfiable extends Exception {
        private static final long serialVersionUID = 1L;
        private final long size;

        Unsatisfiable(long size) {
            super("The requested range is outside the file of " + size + " bytes");
            this.size = size;
        }

        long size() {
            return size;
        }
    }
}
