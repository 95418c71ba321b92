package org.datastamp.storage.lifecycle;

import static org.junit.jupiter.api.Assertions.fail;

import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.StorageLifecycle;

/** Following a recall ticket in tests: restores run on their own threads. */
final class Recalls {

    private Recalls() {
    }

    /** Polls until the ticket reaches {@code wanted}; fails at another final state or after a minute (a hang). */
    static RecallStatus await(StorageLifecycle engine, RecallTicket ticket, RecallState wanted) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            RecallStatus s = engine.status(ticket);
            if (s.state() == wanted) {
                return s;
            }
            if (s.state() == RecallState.FAILED || s.state() == RecallState.ONLINE) {
                fail("recall " + ticket.id() + " ended " + s.state() + " (" + s.message() + "), expected " + wanted);
            }
            if (System.nanoTime() > deadline) {
                fail("recall " + ticket.id() + " still " + s.state() + " (" + s.message() + "), expected " + wanted);
            }
            Thread.sleep(20);
        }
    }
}
