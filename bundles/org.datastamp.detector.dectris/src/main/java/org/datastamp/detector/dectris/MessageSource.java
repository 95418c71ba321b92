package org.datastamp.detector.dectris;

import java.util.List;

/** Where stream messages come from (a ZeroMQ PULL socket in production). */
interface MessageSource {

    /**
     * The next message as its list of parts, or null when none arrived within {@code timeoutMillis}.
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    List<byte[]> receive(long timeoutMillis) throws InterruptedException;
}
