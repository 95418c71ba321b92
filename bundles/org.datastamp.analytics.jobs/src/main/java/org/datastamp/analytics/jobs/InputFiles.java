package org.datastamp.analytics.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.datastamp.analytics.api.InputDataset;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.storage.api.RecallState;
import org.datastamp.visualization.api.DataUnavailableException;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.datastamp.visualization.api.FileLocation;

/**
 * Finds every file of a job's inputs as a local file. Files on tape are recalled: the job waits, saying what it waits
 * for, and asks again after each pause until all are readable, a recall fails, or the job is cancelled.
 */
final class InputFiles {

    /** What the job does while a recall runs: report the message, pause, and throw when cancelled. */
    @FunctionalInterface
    interface Waiting {
        void waitFor(String message) throws InterruptedException;
    }

    private InputFiles() {
    }

    static List<InputDataset> resolve(List<Dataset> datasets, DatasetFileLocator locator, Waiting waiting)
            throws JobFailure, InterruptedException {
        List<Map<String, Path>> readable = new ArrayList<>();
        datasets.forEach(d -> readable.add(new LinkedHashMap<>()));
        while (true) {
            List<String> recalling = new ArrayList<>();
            TreeSet<String> tiers = new TreeSet<>();
            for (int i = 0; i < datasets.size(); i++) {
                Dataset d = datasets.get(i);
                Map<String, Path> files = readable.get(i);
                for (Datafile f : d.content().files()) {
                    if (files.containsKey(f.path())) {
                        continue;
                    }
                    FileLocation where = locate(locator, d, f);
                    if (where instanceof FileLocation.Readable r) {
                        files.put(f.path(), r.file());
                    } else if (where instanceof FileLocation.Recalling r) {
                        if (r.status().state() == RecallState.FAILED) {
                            throw new JobFailure("The recall of " + f.path() + " of dataset " + d.id() + " from "
                                    + r.tier() + " failed: " + r.status().message());
                        }
                        recalling.add(d.id() + "/" + f.path());
                        tiers.add(r.tier());
                    }
                }
            }
            if (recalling.isEmpty()) {
                List<InputDataset> inputs = new ArrayList<>();
                for (int i = 0; i < datasets.size(); i++) {
                    inputs.add(new InputDataset(datasets.get(i), readable.get(i)));
                }
                return inputs;
            }
            waiting.waitFor("Waiting for recall of " + (recalling.size() == 1 ? recalling.get(0)
                    : recalling.size() + " files (" + recalling.get(0) + ", ...)") + " from " + String.join(", ",
                            tiers));
        }
    }

    private static FileLocation locate(DatasetFileLocator locator, Dataset d, Datafile f) throws JobFailure {
        try {
            return locator.locate(d, f.path());
        } catch (DataUnavailableException e) {
            throw new JobFailure("Input " + f.path() + " of dataset " + d.id() + " cannot be read: " + e.getMessage(),
                    e);
        }
    }
}
