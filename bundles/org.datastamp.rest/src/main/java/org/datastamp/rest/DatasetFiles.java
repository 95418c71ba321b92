package org.datastamp.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;

/**
 * Where a dataset's files can be read: the first running tier of those holding a verified copy (the dataset's
 * lifecycle), tiers that never need a recall first. Archived files are recalled before a download starts, so a ZIP
 * never stops half-way for want of a file.
 */
final class DatasetFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<List<StorageBackend>> backends;

    DatasetFiles(Supplier<List<StorageBackend>> backends) {
        this.backends = backends;
    }

    /** The object key of a file: the dataset's location, then the file's path. */
    static String key(Dataset dataset, Datafile file) {
        String location = dataset.content().location();
        return location.isEmpty() ? file.path() : location.replaceAll("/+$", "") + "/" + file.path();
    }

    /**
     * The tier to read the dataset from.
     *
     * @throws ProblemException 503 when no tier holding it is running
     */
    StorageBackend backend(Dataset dataset) throws ProblemException {
        List<String> tiers = dataset.lifecycle().tiers();
        StorageBackend recallable = null;
        for (String tier : tiers) {
            for (StorageBackend b : backends.get()) {
                if (b.capabilityId().equals(tier)) {
                    if (!(b instanceof RecallableBackend)) {
                        return b;
                    }
                    recallable = recallable == null ? b : recallable;
                }
            }
        }
        if (recallable != null) {
            return recallable;
        }
        throw new ProblemException(Problem.unavailable("The files of dataset " + dataset.id().value() + " are on "
                + tiers + ", and none of these storage tiers is running now"));
    }

    /**
     * Makes sure the files can be read at once: on a tier that recalls, any file not online is recalled now and the
     * caller gets 503 with the recall's status, to ask again later.
     */
    void requireOnline(Dataset dataset, StorageBackend backend, List<Datafile> files) throws ProblemException {
        if (!(backend instanceof RecallableBackend tape)) {
            return;
        }
        try {
            List<String> offline = new ArrayList<>();
            for (Datafile f : files) {
                if (!tape.isOnline(key(dataset, f))) {
                    offline.add(key(dataset, f));
                }
            }
            if (!offline.isEmpty()) {
                RecallTicket ticket = tape.requestRecall(offline);
                throw recalling(dataset, tape, ticket, offline.size());
            }
        } catch (StorageException e) {
            throw new ProblemException(Problem.unavailable("Storage tier " + backend.capabilityId()
                    + " cannot tell whether dataset " + dataset.id().value() + " is online: " + e.getMessage()), e);
        }
    }

    /** The 503 answer while archived files come back: what was asked for and how far the recall is. */
    static ProblemException recalling(Dataset dataset, RecallableBackend tape, RecallTicket ticket, int files) {
        ObjectNode recall = JSON.createObjectNode();
        recall.put("ticket", ticket.id());
        recall.put("tier", tape.capabilityId());
        try {
            RecallStatus status = tape.recallStatus(ticket);
            recall.put("state", status.state().name());
            recall.put("filesOnline", status.keysDone());
            recall.put("files", status.keysTotal());
            recall.put("eta", status.eta() == null ? null : status.eta().toString());
        } catch (StorageException e) {
            recall.put("state", "REQUESTED");
            recall.put("files", files);
        }
        Problem problem = Problem.unavailable(files + " file(s) of dataset " + dataset.id().value() + " are archived"
                + " and being recalled from " + tape.capabilityId() + "; ask again when the recall is done")
                .with("recall", recall);
        return new ProblemException(problem, Map.of("Retry-After", "60"));
    }
}
