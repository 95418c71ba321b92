package org.datastamp.storage.lifecycle;

/**
 * Points between the steps of a copy or release where tests stop the engine as a crash would (by throwing an
 * {@link Error}, which no cleanup path catches). The product uses {@link #NONE}.
 */
@FunctionalInterface
interface Faults {

    Faults NONE = point -> {
    };

    /** Called at {@code point}, e.g. {@code copy:after-begin}, {@code copy:after-put:<key>}. */
    void at(String point);
}
