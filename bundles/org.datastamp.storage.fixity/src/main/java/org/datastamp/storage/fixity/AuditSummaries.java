package org.datastamp.storage.fixity;

import org.datastamp.storage.api.AuditSummary;

/** Adding up the summaries of single objects into one for a pass. */
final class AuditSummaries {

    private AuditSummaries() {
    }

    static AuditSummary plus(AuditSummary a, AuditSummary b) {
        return new AuditSummary(a.started().isBefore(b.started()) ? a.started() : b.started(),
                a.finished().isAfter(b.finished()) ? a.finished() : b.finished(), a.objects() + b.objects(),
                a.copies() + b.copies(), a.bytesRead() + b.bytesRead(), a.ok() + b.ok(), a.repaired() + b.repaired(),
                a.failed() + b.failed(), a.unreadable() + b.unreadable());
    }
}
