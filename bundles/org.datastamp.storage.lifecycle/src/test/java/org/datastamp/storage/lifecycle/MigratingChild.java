package org.datastamp.storage.lifecycle;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A process that migrates every dataset of the fixture in {@code args[0]} from hot disk to tape, for
 * {@link CrashRecoveryTest} to kill at random moments. Exits 0 once nothing is left to do.
 */
public final class MigratingChild {

    private MigratingChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Fixture f = new Fixture(Path.of(args[0]))) {
            CrashRecoveryTest.moveAfterADay(f);
            f.clock.advance(Duration.ofDays(2));
            while (true) {
                var round = f.engine.migrateNow();
                System.out.println("round: " + round.copied().size() + " copied, " + round.released().size()
                        + " released, " + round.failed());
                if (round.copied().isEmpty() && round.released().isEmpty()) {
                    return;
                }
            }
        }
    }
}
